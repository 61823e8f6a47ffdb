import type { ScannerConfig } from '../../../main/api/stations.js';
import { scannerConfig } from '../../../main/api/stations.js';
import { usKeyFor } from '../../../renderer/lib/scanner/us-keymap.js';
import type { Decision, Outcome, ScanDetector, ScanKeyInput } from '../../../renderer/lib/scanner/scan-detector.js';

// Synthetic key timelines: what a scanner (or a person) sends, key by key, with exact times.

export function config(over: Partial<ScannerConfig> = {}): ScannerConfig {
  return scannerConfig.parse(over);
}

export interface KeyOpts {
  editable?: boolean;
  /** Rewrites the `key` of the i-th character, as an input method or another layout would. */
  keyOf?: (ch: string, i: number) => string;
}

/** The key events of `text` typed on US key positions from `start`, one every `msPerChar`. */
export function keysOf(text: string, start: number, msPerChar: number, opts: KeyOpts = {}): ScanKeyInput<string>[] {
  return [...text].map((ch, i) => {
    const k = usKeyFor(ch);
    if (!k) throw new Error(`no US key for ${JSON.stringify(ch)}`);
    return { ...k, key: opts.keyOf ? opts.keyOf(ch, i) : ch, timeStamp: start + i * msPerChar, editable: opts.editable, token: `${ch}@${i}` };
  });
}

export function special(code: string, t: number, editable?: boolean): ScanKeyInput<string> {
  return { code, key: code === 'NumpadEnter' ? 'Enter' : code, shiftKey: false, timeStamp: t, editable };
}

/** Feeds keys in order, then lets the clock run to `until` (timers firing as the provider's would). */
export function feed(d: ScanDetector<string>, keys: ScanKeyInput<string>[], until?: number): { decisions: Decision<string>[]; outcomes: Outcome<string>[] } {
  const decisions: Decision<string>[] = [];
  const outcomes: Outcome<string>[] = [];
  for (const k of keys) {
    const deadline = d.deadline();
    if (deadline !== null && deadline <= k.timeStamp) outcomes.push(...d.expire(deadline));
    const decision = d.key(k);
    decisions.push(decision);
    outcomes.push(...decision.outcomes);
  }
  if (until !== undefined) {
    const deadline = d.deadline();
    if (deadline !== null && deadline <= until) outcomes.push(...d.expire(deadline));
  }
  return { decisions, outcomes };
}

export function scansIn(outcomes: Outcome<string>[]): string[] {
  return outcomes.flatMap((o) => (o.kind === 'scan' && !o.duplicate ? [o.scan.code] : []));
}
