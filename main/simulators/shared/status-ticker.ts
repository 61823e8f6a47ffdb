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

/**
 * Where an order is on its scripted path. Paths may visit a status twice (500 → 506 → 500 at Viettel
 * Post), so progress is an index, not "find the current status".
 */
export interface PathPosition {
  pathName: string;
  /** -1: the order was moved off every path (e.g. cancelled); it waits for an explicit status. */
  pathIndex: number;
}

/** The status after the current position, or undefined at the end of the path (or off-path). */
export function nextOnPath<S>(paths: Readonly<Record<string, readonly S[]>>, pos: PathPosition): S | undefined {
  const path = paths[pos.pathName];
  return path && pos.pathIndex >= 0 && pos.pathIndex + 1 < path.length ? path[pos.pathIndex + 1] : undefined;
}

/**
 * The position for an explicit jump to `status`: later on the current path first, then anywhere on
 * it, then the first path that has it; off-path (-1) when none does.
 */
export function locate<S>(paths: Readonly<Record<string, readonly S[]>>, pos: PathPosition, status: S): PathPosition {
  const current = paths[pos.pathName] ?? [];
  const later = current.indexOf(status, Math.max(0, pos.pathIndex + 1));
  if (later >= 0) return { pathName: pos.pathName, pathIndex: later };
  const anywhere = current.indexOf(status);
  if (anywhere >= 0) return { pathName: pos.pathName, pathIndex: anywhere };
  for (const [name, path] of Object.entries(paths)) {
    const i = path.indexOf(status);
    if (i >= 0) return { pathName: name, pathIndex: i };
  }
  return { pathName: pos.pathName, pathIndex: -1 };
}
