import { useEffect, useRef } from 'react';
import { onRawKey, onScanReport, pushHandler, type HandlerEntry, type RawKey, type ScanHandler, type ScanReport } from './scan-registry.js';

/**
 * Receives scans while the component is mounted and `enabled` (default true). Only the most
 * recently mounted enabled handler gets them, one at a time in arrival order: the next scan waits
 * until the promise this handler returns has settled.
 */
export function useScan(handler: ScanHandler, opts?: { enabled?: boolean }): void {
  const ref = useRef(handler);
  ref.current = handler;
  const entry = useRef<HandlerEntry | null>(null);
  const enabled = opts?.enabled ?? true;
  // Registered once per mount, so re-enabling keeps the mount order (a dialog stays on top).
  useEffect(() => {
    const e: HandlerEntry = { handler: ref, enabled };
    entry.current = e;
    return pushHandler(e);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    if (entry.current) entry.current.enabled = enabled;
  }, [enabled]);
}

/** Every detector outcome (scans, bounces, bursts judged as typing) while mounted: for calibration. */
export function useScanReports(listener: (report: ScanReport) => void): void {
  const ref = useRef(listener);
  ref.current = listener;
  useEffect(() => onScanReport((r) => ref.current(r)), []);
}

/** Every keydown before detection, with its timestamp: for measuring scanners too slow to be detected. */
export function useRawKeys(listener: (key: RawKey) => void): void {
  const ref = useRef(listener);
  ref.current = listener;
  useEffect(() => onRawKey((k) => ref.current(k)), []);
}
