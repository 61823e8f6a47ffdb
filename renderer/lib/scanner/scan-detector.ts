import type { ScannerConfig } from '../../../main/api/stations.js';
import { isModifierCode, usCharOf } from './us-keymap.js';

// Pure scan detection (specs/hardware.md §1.2–1.3): onScan.js's heuristics, but decoding from
// KeyboardEvent.code, with optional prefix/suffix and timestamps passed in, so every decision is a
// function of the events fed — the unit tests replay exact timelines.
//
// Per key the caller learns whether to swallow it (`consume`) and which bursts just ended
// (`outcomes`). Keys the detector *held* (swallowed while a burst outside a text field was still
// undecided) come back in a `typing` outcome for the caller to replay; keys that went into a text
// field come back in a `scan` outcome so the caller can restore the field. `token` is the caller's
// own per-key value (the event, the field's state before the key), returned untouched.

export interface ScanKeyInput<T = unknown> {
  code: string;
  /** What the OS layout / input method made of the key: kept only to report rewriting. */
  key: string;
  shiftKey: boolean;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  /** Auto-repeat of a held key: a person, never a scanner. */
  repeat?: boolean;
  timeStamp: number;
  /** Focus is in a text field: characters typed there land in it unless swallowed. */
  editable?: boolean;
  token?: T;
}

export interface ScanPasteInput {
  text: string;
  timeStamp: number;
  editable?: boolean;
  /** The focused field accepts paste-mode scans (marked data-scan-paste). */
  pasteTarget?: boolean;
}

export interface BurstKey<T = unknown> {
  /** Decoded from `code` through the US table; null for a key that types nothing. */
  char: string | null;
  code: string;
  key: string;
  t: number;
  /** Swallowed while undecided: replay it if the burst turns out to be typing. */
  held: boolean;
  token: T | undefined;
}

export interface DetectedScan<T = unknown> {
  code: string;
  source: 'keyboard' | 'paste';
  startedAt: number;
  endedAt: number;
  /** What the `key` values said, for the calibration page (differs from `code` under an IME or another layout). */
  keyText: string;
  prefixed: boolean;
  /** The suffix key that ended it, or null when it ended by timeout. */
  suffix: string | null;
  avgMsPerChar: number;
  keys: BurstKey<T>[];
}

export type TypingReason = 'short' | 'slow' | 'interrupted';

export type Outcome<T = unknown> =
  | { kind: 'scan'; scan: DetectedScan<T>; duplicate: boolean }
  | { kind: 'typing'; keys: BurstKey<T>[]; reason: TypingReason; text: string; avgMsPerChar: number };

export interface Decision<T = unknown> {
  consume: boolean;
  outcomes: Outcome<T>[];
}

interface Burst<T> {
  keys: BurstKey<T>[];
  prefixed: boolean;
  startedAt: number;
  lastAt: number;
}

function avgGap(keys: readonly { t: number }[]): number {
  return keys.length < 2 ? 0 : (keys[keys.length - 1].t - keys[0].t) / (keys.length - 1);
}

function textOf(keys: readonly BurstKey[], pick: 'char' | 'key'): string {
  return keys.map((k) => (pick === 'char' ? k.char ?? '' : k.key.length === 1 ? k.key : '')).join('');
}

export class ScanDetector<T = unknown> {
  private burst: Burst<T> | null = null;
  private last: { code: string; endedAt: number } | null = null;

  constructor(private config: ScannerConfig) {}

  setConfig(config: ScannerConfig): void {
    this.config = config;
  }

  get endTimeoutMs(): number {
    return this.config.endTimeoutMs;
  }

  /** When `expire` should be called if no key arrives first; null when no burst is open. */
  deadline(): number | null {
    return this.burst ? this.burst.lastAt + this.config.endTimeoutMs : null;
  }

  /** A scan is being received: a screen may want to hold back its own reaction to keys. */
  inProgress(): boolean {
    return this.burst !== null;
  }

  /** Ends an open burst whose keys stopped `endTimeoutMs` ago. */
  expire(now: number): Outcome<T>[] {
    if (!this.burst || now - this.burst.lastAt < this.config.endTimeoutMs) return [];
    return this.finish(null, null);
  }

  key(e: ScanKeyInput<T>): Decision<T> {
    const cfg = this.config;
    if (isModifierCode(e.code)) return { consume: this.burst?.prefixed ?? false, outcomes: [] };
    // A late timer must not glue two bursts together.
    const outcomes = this.burst && e.timeStamp - this.burst.lastAt >= cfg.endTimeoutMs ? this.finish(null, null) : [];

    if (cfg.prefixCodes.includes(e.code)) {
      outcomes.push(...this.finish(null, null));
      this.burst = { keys: [], prefixed: true, startedAt: e.timeStamp, lastAt: e.timeStamp };
      return { consume: true, outcomes };
    }

    const char = e.ctrlKey || e.altKey || e.metaKey ? null : usCharOf(e.code, e.shiftKey);
    const burst = this.burst;

    if (burst?.prefixed) {
      // With a prefix the scan is certain from its first key: everything until the suffix is swallowed.
      if (cfg.suffixCodes.includes(e.code)) outcomes.push(...this.finish(e.code, e.timeStamp));
      else if (char !== null) this.append(e, char, false);
      else burst.lastAt = e.timeStamp;
      return { consume: true, outcomes };
    }

    // A barcode never starts with a space, while Space on a focused button or checkbox is a person.
    if (char !== null && !e.repeat && !(char === ' ' && !burst)) {
      // Outside a text field the key is held until the burst is judged: a scan containing "N" must
      // not fire the N shortcut. In a field it lands there and is removed if the burst was a scan.
      const hold = !e.editable;
      this.append(e, char, hold);
      return { consume: hold, outcomes };
    }

    if (burst && cfg.suffixCodes.includes(e.code) && this.judge(burst) === null) {
      outcomes.push(...this.finish(e.code, e.timeStamp));
      return { consume: true, outcomes };
    }
    // Any other key (arrows, Escape, a shortcut, a suffix after typing) ends the burst as it stands
    // and goes on; held keys are released first so their order is kept.
    outcomes.push(...this.finish(null, null, 'interrupted'));
    return { consume: false, outcomes };
  }

  paste(p: ScanPasteInput): Decision<T> {
    const cfg = this.config;
    const outcomes = this.finish(null, null);
    if (!cfg.acceptPaste) return { consume: false, outcomes };
    // A person pasting an address into a form keeps their paste; only a field that asks for
    // scans, or no field at all, turns a paste into a scan.
    if (p.editable && !p.pasteTarget) return { consume: false, outcomes };
    const code = p.text.replace(/[\r\n\t]+$/, '');
    if (code.length < cfg.minLength || code.length > 200 || /[\x00-\x1f\x7f]/.test(code)) return { consume: false, outcomes };
    const scan: DetectedScan<T> = {
      code, source: 'paste', startedAt: p.timeStamp, endedAt: p.timeStamp, keyText: code,
      prefixed: false, suffix: null, avgMsPerChar: 0, keys: [],
    };
    outcomes.push({ kind: 'scan', scan, duplicate: this.isBounce(scan) });
    return { consume: true, outcomes };
  }

  private append(e: ScanKeyInput<T>, char: string, held: boolean): void {
    const key: BurstKey<T> = { char, code: e.code, key: e.key, t: e.timeStamp, held, token: e.token };
    if (this.burst) {
      this.burst.keys.push(key);
      this.burst.lastAt = e.timeStamp;
    } else {
      this.burst = { keys: [key], prefixed: false, startedAt: e.timeStamp, lastAt: e.timeStamp };
    }
  }

  /** Why an unprefixed burst is typing, or null when it is a scan. */
  private judge(burst: Burst<T>): TypingReason | null {
    // Timing needs two keys at least, whatever minLength says.
    if (burst.keys.length < Math.max(this.config.minLength, 2)) return 'short';
    return avgGap(burst.keys) > this.config.maxAvgMsPerChar ? 'slow' : null;
  }

  private finish(suffix: string | null, endedAt: number | null, interrupted?: 'interrupted'): Outcome<T>[] {
    const burst = this.burst;
    this.burst = null;
    if (!burst) return [];
    const out: Outcome<T>[] = [];
    if (!burst.prefixed) {
      // A person's key just before a scan (a pause of more than twice the scanner's pace) is not
      // part of it: split it off rather than prefix the code with it.
      const slow = 2 * this.config.maxAvgMsPerChar;
      let cut = 0;
      while (burst.keys.length - cut > 2 && burst.keys[cut + 1].t - burst.keys[cut].t > slow) cut++;
      if (cut > 0) {
        out.push(this.typing(burst.keys.slice(0, cut), 'slow'));
        burst.keys = burst.keys.slice(cut);
        burst.startedAt = burst.keys[0].t;
      }
      const reason = this.judge(burst);
      if (reason) {
        out.push(this.typing(burst.keys, reason === 'short' && interrupted ? interrupted : reason));
        return out;
      }
    } else if (burst.keys.length === 0) {
      return out; // a lone prefix key: nothing was scanned
    }
    const scan: DetectedScan<T> = {
      code: textOf(burst.keys, 'char'),
      source: 'keyboard',
      startedAt: burst.startedAt,
      endedAt: endedAt ?? burst.lastAt,
      keyText: textOf(burst.keys, 'key'),
      prefixed: burst.prefixed,
      suffix,
      avgMsPerChar: avgGap(burst.keys),
      keys: burst.keys,
    };
    out.push({ kind: 'scan', scan, duplicate: this.isBounce(scan) });
    return out;
  }

  private typing(keys: BurstKey<T>[], reason: TypingReason): Outcome<T> {
    return { kind: 'typing', keys, reason, text: textOf(keys, 'char'), avgMsPerChar: avgGap(keys) };
  }

  /** The same code again within dedupeMs of the previous one's end is the trigger bouncing. */
  private isBounce(scan: DetectedScan<T>): boolean {
    const prev = this.last;
    const bounce = prev !== null && prev.code === scan.code && scan.startedAt - prev.endedAt < this.config.dedupeMs;
    this.last = { code: scan.code, endedAt: scan.endedAt };
    return bounce;
  }
}
