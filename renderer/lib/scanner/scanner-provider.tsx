import { useEffect, type ReactNode } from 'react';
import { create } from 'zustand';
import { scannerConfig, type ScannerConfig, type Station } from '../../../main/api/stations.js';
import { isEditable } from '../../app/shortcuts.js';
import { call, onEvents } from '../api.js';
import { restoreFields, snapshotField, type FieldSnapshot } from './field-restore.js';
import { ScanDetector, type Outcome } from './scan-detector.js';
import { createScanQueue } from './scan-queue.js';
import { emitRawKey, emitReport, topHandler, wantsKeys, type Scan } from './scan-registry.js';

// One detector for the whole app, fed by capture-phase listeners on window so a scan is seen
// before any screen, field or shortcut reacts to its keys (hardware.md §1.3).

interface KeyToken {
  event: KeyboardEvent;
  target: EventTarget | null;
  field: FieldSnapshot | null;
}

export const DEFAULT_SCANNER_CONFIG: ScannerConfig = scannerConfig.parse({});

interface StationState {
  station: Station | null;
  config: ScannerConfig;
}

/** The station's settings as the scanner uses them (defaults until stations.current answers). */
export const useScannerStation = create<StationState>(() => ({ station: null, config: DEFAULT_SCANNER_CONFIG }));

const detector = new ScanDetector<KeyToken>(DEFAULT_SCANNER_CONFIG);
const replaying = new WeakSet<Event>();
let timer: number | undefined;

const queue = createScanQueue<Scan>(
  async (scan) => {
    // The handler on top *now*, not when the scan arrived: a dialog opened by the previous scan
    // takes the next one.
    await topHandler()?.handler.current(scan);
  },
  (err) => console.error('scan handler failed', err),
);

/** True while the keys of a scan are arriving (a screen may defer its own key handling). */
export function isScanInProgress(): boolean {
  return detector.inProgress();
}

/** Resolves once every scan received so far has been handled (tests, benchmarks). */
export function scansIdle(): Promise<void> {
  return queue.idle();
}

function replay(token: KeyToken): void {
  const e = token.event;
  const copy = new KeyboardEvent('keydown', {
    key: e.key, code: e.code, shiftKey: e.shiftKey, ctrlKey: e.ctrlKey, altKey: e.altKey, metaKey: e.metaKey,
    location: e.location, bubbles: true, cancelable: true, composed: true,
  });
  replaying.add(copy);
  (token.target ?? window).dispatchEvent(copy);
}

function apply(outcomes: Outcome<KeyToken>[]): void {
  for (const outcome of outcomes) {
    let delivered = false;
    if (outcome.kind === 'typing') {
      // Released in their original order, before the key that ended the burst goes on.
      for (const k of outcome.keys) if (k.held && k.token) replay(k.token);
    } else {
      restoreFields(outcome.scan.keys.map((k) => k.token?.field));
      if (!outcome.duplicate && topHandler()) {
        const { code, source, startedAt, endedAt } = outcome.scan;
        queue.push({ code, source, startedAt, endedAt });
        delivered = true;
      }
    }
    emitReport({ outcome, delivered });
  }
}

function inputPending(): boolean {
  const scheduling = (navigator as Navigator & { scheduling?: { isInputPending?: (o?: { includeContinuous?: boolean }) => boolean } }).scheduling;
  return scheduling?.isInputPending?.() ?? false;
}

/** When the last key was handled, on the page's clock (event timestamps are the keyboard's). */
let lastArrival = 0;

// A burst ends by timeout only when the keys have stopped by both clocks: by their timestamps
// (the scanner's pace) and by their arrival. Keys held up behind a busy main thread arrive late
// and bunched; judged by the wall clock alone, the timer would cut the scan before they land.
function schedule(): void {
  window.clearTimeout(timer);
  const deadline = detector.deadline();
  if (deadline === null) return;
  const due = Math.max(deadline, lastArrival + detector.endTimeoutMs);
  timer = window.setTimeout(() => {
    // Keys already queued behind this timer belong to the burst: let them in first.
    if (inputPending()) {
      timer = window.setTimeout(schedule, 2);
      return;
    }
    apply(detector.expire(Math.max(performance.now(), deadline)));
    schedule();
  }, Math.max(0, due - performance.now()) + 1);
}

function ignored(el: Element | null): boolean {
  return el?.closest('[data-scan-ignore]') != null;
}

function onKeyDown(e: KeyboardEvent): void {
  if (replaying.has(e) || !wantsKeys()) return;
  const active = document.activeElement;
  if (ignored(active)) return;
  lastArrival = performance.now();
  emitRawKey({ code: e.code, key: e.key, shiftKey: e.shiftKey, t: e.timeStamp });
  const editable = isEditable(active);
  const token: KeyToken = { event: e, target: e.target, field: editable ? snapshotField(active) : null };
  const decision = detector.key({
    code: e.code, key: e.key, shiftKey: e.shiftKey, ctrlKey: e.ctrlKey, altKey: e.altKey, metaKey: e.metaKey,
    repeat: e.repeat, timeStamp: e.timeStamp, editable, token,
  });
  if (decision.consume) {
    e.preventDefault();
    e.stopImmediatePropagation();
  }
  apply(decision.outcomes);
  schedule();
}

function onPaste(e: ClipboardEvent): void {
  if (!topHandler()) return;
  const active = document.activeElement;
  if (ignored(active)) return;
  const decision = detector.paste({
    text: e.clipboardData?.getData('text/plain') ?? '',
    timeStamp: e.timeStamp,
    editable: isEditable(active),
    pasteTarget: active?.closest('[data-scan-paste]') != null,
  });
  if (decision.consume) {
    e.preventDefault();
    e.stopImmediatePropagation();
  }
  apply(decision.outcomes);
  schedule();
}

async function loadStation(): Promise<void> {
  try {
    const station = await call('stations.current', {});
    detector.setConfig(station.scanner);
    useScannerStation.setState({ station, config: station.scanner });
  } catch {
    // Keep the last known (or default) settings: scanning must go on while the core restarts.
  }
}

/** Mounted once in the signed-in shell: listens for scans everywhere and keeps the station's settings fresh. */
export function ScannerProvider({ children }: { children?: ReactNode }) {
  useEffect(() => {
    void loadStation();
    // session.changed: the desk may have been renamed, which makes it another station.
    const off = onEvents(['stations.changed', 'session.changed'], () => void loadStation());
    window.addEventListener('keydown', onKeyDown, true);
    window.addEventListener('paste', onPaste, true);
    return () => {
      off();
      window.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('paste', onPaste, true);
      window.clearTimeout(timer);
    };
  }, []);
  return <>{children}</>;
}
