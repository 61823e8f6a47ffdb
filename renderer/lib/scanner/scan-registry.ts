import type { Outcome } from './scan-detector.js';

// Module state shared by the one <ScannerProvider> and every useScan: the handler stack and the
// listeners of raw detector outcomes (the calibration page). Kept outside React so the capture
// listener reads the current top handler synchronously, with no render in between.

/** A scan as screens receive it (interface 1 of the packing-station brief). */
export interface Scan {
  code: string;
  source: 'keyboard' | 'paste';
  startedAt: number;
  endedAt: number;
}

export type ScanHandler = (scan: Scan) => void | Promise<void>;

export interface HandlerEntry {
  handler: { current: ScanHandler };
  enabled: boolean;
}

const stack: HandlerEntry[] = [];

/** Adds a handler on top of the stack (a dialog mounted over a screen takes its scans); returns the removal. */
export function pushHandler(entry: HandlerEntry): () => void {
  stack.push(entry);
  return () => {
    const i = stack.indexOf(entry);
    if (i >= 0) stack.splice(i, 1);
  };
}

/** The most recently mounted enabled handler, or null when no screen wants scans. */
export function topHandler(): HandlerEntry | null {
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i].enabled) return stack[i];
  return null;
}

/** Everything the detector decided, scans and typing alike, with timings: for calibration. */
export interface ScanReport {
  outcome: Outcome<unknown>;
  /** The scan went to a handler (not a bounce, and someone was listening). */
  delivered: boolean;
}

export interface RawKey {
  code: string;
  key: string;
  shiftKey: boolean;
  t: number;
}

type ReportListener = (report: ScanReport) => void;
type RawListener = (key: RawKey) => void;
const reportListeners = new Set<ReportListener>();
const rawListeners = new Set<RawListener>();

export function onScanReport(listener: ReportListener): () => void {
  reportListeners.add(listener);
  return () => reportListeners.delete(listener);
}

/** Every keydown the app sees, before detection: the calibration page measures slow scanners with it. */
export function onRawKey(listener: RawListener): () => void {
  rawListeners.add(listener);
  return () => rawListeners.delete(listener);
}

export function emitReport(report: ScanReport): void {
  reportListeners.forEach((l) => l(report));
}

export function emitRawKey(key: RawKey): void {
  rawListeners.forEach((l) => l(key));
}

export function wantsKeys(): boolean {
  return topHandler() !== null || rawListeners.size > 0;
}
