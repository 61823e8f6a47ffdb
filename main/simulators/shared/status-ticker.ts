// Moves shipments along their scripted status paths as (simulated) time passes. The timer only
// decides when to look; whether an order is due is decided by the simulator clock, so a test with a
// manual clock calls `tick()` after moving time instead of waiting.

import type { Clock } from './clock.js';

export interface TickerOptions {
  everyMs: number;
  clock: Clock;
  /** Called for each check; the simulator advances every order whose last change is `everyMs` old. */
  onTick(now: number): void;
}

export interface Ticker {
  tick(): void;
  stop(): void;
}

export function startTicker(options: TickerOptions): Ticker {
  const tick = () => options.onTick(options.clock());
  if (options.everyMs <= 0) return { tick, stop: () => undefined };
  // Look often enough that a short interval is honoured, but never spin.
  const timer = setInterval(tick, Math.max(20, Math.min(options.everyMs, 1000)));
  timer.unref();
  return { tick, stop: () => clearInterval(timer) };
}

/** The status after `current` on `path`, or undefined at the end (or when `current` is not on it). */
export function nextOnPath<S>(path: readonly S[], current: S): S | undefined {
  const i = path.indexOf(current);
  return i >= 0 && i + 1 < path.length ? path[i + 1] : undefined;
}
