// A sliding one-minute window per key (e.g. per API token), measured on the simulator clock.

import type { Clock } from './clock.js';

const WINDOW_MS = 60_000;

export class RateWindow {
  private hits = new Map<string, number[]>();

  constructor(
    private readonly perMinute: number,
    private readonly clock: Clock,
  ) {}

  /** Records a hit and returns undefined, or, when the key is over its limit, the seconds until a slot frees. */
  take(key: string): number | undefined {
    const now = this.clock();
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
    if (recent.length >= this.perMinute) {
      this.hits.set(key, recent);
      return Math.max(1, Math.ceil((recent[0] + WINDOW_MS - now) / 1000));
    }
    recent.push(now);
    this.hits.set(key, recent);
    return undefined;
  }

  clear(): void {
    this.hits.clear();
  }
}
