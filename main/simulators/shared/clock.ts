// The simulators read time only through a Clock, so tests can move time (token expiry, label
// token lifetime, status auto-advance, rate-limit windows) without sleeping.

export type Clock = () => number;

export interface ManualClock {
  now: Clock;
  /** Moves time forward and returns the new time. */
  advance(ms: number): number;
  set(ms: number): void;
}

/** Starts on 1 Jul 2025 08:00 Vietnam time by default: the first day of the two-level address scheme. */
export function createManualClock(startMs: number = Date.UTC(2025, 6, 1, 1, 0, 0)): ManualClock {
  let current = startMs;
  return {
    now: () => current,
    advance(ms) {
      current += ms;
      return current;
    },
    set(ms) {
      current = ms;
    },
  };
}
