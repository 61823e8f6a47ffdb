// When a weight may be used. A scale's own "stable" flag is not enough: the first reading after an
// item lands can be stale or flagged stable between two wobbles (specs/hardware.md §4.1), so a weight
// counts only after `count` consecutive stable readings that agree within `toleranceGrams`. Zero,
// negative, overweight and faulted readings are never usable; motion starts the count again.
import type { ScaleReading } from './reading.js';

export interface StabilityOptions {
  /** Consecutive stable readings required. */
  count: number;
  toleranceGrams: number;
  /** Above this the parcel is beyond the scale's trusted range (0 = no limit beyond the scale's own overload). */
  maxGrams?: number;
}

export const DEFAULT_STABILITY: StabilityOptions = { count: 3, toleranceGrams: 2 };

export type UnusableReason =
  | 'no_reading' | 'settling' | 'motion' | 'zero' | 'under_zero' | 'overweight' | 'fault' | 'needs_zero'
  | 'needs_calibration' | 'busy' | 'error';

export interface StabilityState {
  /** Grams of the current run of agreeing stable readings, oldest first (at most `count`). */
  run: number[];
  last: ScaleReading | null;
  /** The weight to use, once settled; null with a reason otherwise. */
  usable: { grams: number; at: number } | null;
  reason: UnusableReason | null;
}

export const initialStability: StabilityState = { run: [], last: null, usable: null, reason: 'no_reading' };

const unusable = (last: ScaleReading, reason: UnusableReason): StabilityState => ({ run: [], last, usable: null, reason });

/** The state after one more reading. Pure: the same readings always give the same answer. */
export function nextStability(state: StabilityState, reading: ScaleReading, options: StabilityOptions = DEFAULT_STABILITY): StabilityState {
  const count = Math.max(1, options.count);
  // A garbled frame neither confirms nor breaks a run: noise on the line must not reset a settled weight.
  if (reading.status === 'error') return { ...state, last: reading };
  if (reading.status === 'motion' || !reading.stable) return unusable(reading, reading.status === 'ok' ? 'motion' : reasonOf(reading));
  if (reading.status !== 'ok') return unusable(reading, reasonOf(reading));
  if (reading.grams < 0) return unusable(reading, 'under_zero');
  if (reading.grams === 0) return unusable(reading, 'zero');
  if (options.maxGrams && reading.grams > options.maxGrams) return unusable(reading, 'overweight');
  const agrees = state.run.every((g) => Math.abs(g - reading.grams) <= options.toleranceGrams);
  const run = [...(agrees ? state.run : []), reading.grams].slice(-count);
  if (run.length < count) return { run, last: reading, usable: null, reason: 'settling' };
  return { run, last: reading, usable: { grams: reading.grams, at: reading.at }, reason: null };
}

function reasonOf(reading: ScaleReading): UnusableReason {
  switch (reading.status) {
    case 'ok': return 'settling';
    case 'motion': return 'motion';
    default: return reading.status;
  }
}
