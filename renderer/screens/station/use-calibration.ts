import { useEffect, useRef, useState } from 'react';
import { analyseCalibration, analysePaste, CALIBRATION_CODE, type CalibrationKey, type CalibrationResult } from '../../lib/scanner/calibration.js';
import { useRawKeys, useScan, useScannerStation, useScanReports, type ScanReport } from '../../lib/scanner/index.js';

// Collects what the calibration page needs: the raw keys of each scan attempt (so even a scanner
// too slow to be detected gets measured), the detector's verdicts, and a short history.

/** Silence after which an undetected burst is judged anyway (a scanner far too slow, or no suffix). */
const CAPTURE_SILENCE_MS = 500;
/** An undetected burst shorter or slower than this is a person typing, not a scan attempt. */
const MIN_ATTEMPT_CHARS = 8;
const MAX_ATTEMPT_MS_PER_CHAR = 100;
const HISTORY = 20;
const NEW_ATTEMPT_GAP_MS = 300;
/** A scanner presses Shift a moment before a capital: keep such keys with the scan. */
const SCAN_LEAD_MS = 15;

export interface HistoryEntry {
  id: number;
  at: number;
  text: string;
  verdict: 'scan' | 'bounce' | 'slow' | 'short' | 'interrupted';
  source: 'keyboard' | 'paste';
  avgMsPerChar: number;
  suffix: string | null;
  prefixed: boolean;
}

function entryOf(report: ScanReport, id: number): HistoryEntry {
  const o = report.outcome;
  if (o.kind === 'scan') {
    return {
      id, at: Date.now(), text: o.scan.code, verdict: o.duplicate ? 'bounce' : 'scan', source: o.scan.source,
      avgMsPerChar: Math.round(o.scan.avgMsPerChar * 10) / 10, suffix: o.scan.suffix, prefixed: o.scan.prefixed,
    };
  }
  return { id, at: Date.now(), text: o.text, verdict: o.reason, source: 'keyboard', avgMsPerChar: Math.round(o.avgMsPerChar * 10) / 10, suffix: null, prefixed: false };
}

export function useCalibration() {
  const config = useScannerStation((s) => s.config);
  const [result, setResult] = useState<CalibrationResult | null>(null);
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [received, setReceived] = useState(0);
  const keys = useRef<CalibrationKey[]>([]);
  const detected = useRef(false);
  const timer = useRef<number | undefined>(undefined);
  const seq = useRef(0);
  const configRef = useRef(config);
  configRef.current = config;

  const close = (force: boolean) => {
    window.clearTimeout(timer.current);
    const captured = keys.current;
    const wasDetected = detected.current;
    keys.current = [];
    detected.current = false;
    const analysed = analyseCalibration(CALIBRATION_CODE, captured, configRef.current, wasDetected);
    if (force || (analysed.decoded.length >= MIN_ATTEMPT_CHARS && analysed.avgMsPerChar <= MAX_ATTEMPT_MS_PER_CHAR)) setResult(analysed);
  };

  useRawKeys((k) => {
    // A pause this long starts a new attempt, by the keys' own clock.
    const last = keys.current[keys.current.length - 1];
    if (last && k.t - last.t > NEW_ATTEMPT_GAP_MS) close(false);
    keys.current.push(k);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => close(false), CAPTURE_SILENCE_MS);
  });

  useScanReports((report) => {
    const o = report.outcome;
    if (o.kind === 'typing' && o.keys.length < 2) return; // a single key: a person, not worth a row
    setHistory((h) => [entryOf(report, ++seq.current), ...h].slice(0, HISTORY));
    if (o.kind === 'scan') {
      if (o.scan.source === 'paste') {
        // A pasted scan has no keys to measure: only its text can be judged.
        setResult(analysePaste(CALIBRATION_CODE, o.scan.code));
        return;
      }
      detected.current = true;
      // Only the scan's own keys (and the Shift or prefix just before them), not what was typed before.
      keys.current = keys.current.filter((k) => k.t >= o.scan.startedAt - SCAN_LEAD_MS);
      close(true);
    }
  });

  // The page takes every scan while it is open, so none reaches the screen underneath.
  useScan(() => setReceived((n) => n + 1));

  useEffect(() => () => window.clearTimeout(timer.current), []);
  return { result, history, received, config, clear: () => { setResult(null); setHistory([]); setReceived(0); } };
}
