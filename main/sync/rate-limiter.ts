/**
 * Per-account limits: a sliding one-minute window of request starts plus a concurrency cap. A
 * provider's per-minute quota is about requests started, so the window counts starts, not finishes.
 */
const WINDOW_MS = 60_000;
/**
 * The provider measures its minute on its own clock, when each request arrives; arrivals shift by network
 * and event-loop delays, so a start exactly a minute after another can land inside the provider's minute.
 * Starts are therefore spaced by a minute and this much.
 */
export const RATE_MARGIN_MS = 1_000;

export class RateLimiter {
  readonly #starts = new Map<number, number[]>();
  readonly #running = new Map<number, number>();

  constructor(private readonly limits: (accountId: number) => { perMinute: number; concurrency: number }) {}

  /** Milliseconds until a job making `requests` provider requests may start for this account (0 = now). */
  waitMs(accountId: number, now: number, requests = 1): number {
    const { perMinute, concurrency } = this.limits(accountId);
    if ((this.#running.get(accountId) ?? 0) >= concurrency) return 50;
    const starts = this.#prune(accountId, now);
    const over = starts.length + Math.min(requests, perMinute) - perMinute;
    if (over <= 0) return 0;
    return starts[over - 1] + WINDOW_MS + RATE_MARGIN_MS - now;
  }

  start(accountId: number, now: number, requests = 1): void {
    const starts = this.#prune(accountId, now);
    for (let i = 0; i < requests; i++) starts.push(now);
    this.#running.set(accountId, (this.#running.get(accountId) ?? 0) + 1);
  }

  finish(accountId: number): void {
    this.#running.set(accountId, Math.max(0, (this.#running.get(accountId) ?? 0) - 1));
  }

  /**
   * For requests made outside the runner (a command calling a carrier): waits for a slot for one
   * request, takes it and returns its release, so commands and jobs share the account's quota.
   */
  async acquire(accountId: number, now: () => number): Promise<() => void> {
    for (let wait = this.waitMs(accountId, now()); wait > 0; wait = this.waitMs(accountId, now())) {
      await new Promise((r) => setTimeout(r, Math.min(wait, 1_000)));
    }
    this.start(accountId, now());
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.finish(accountId);
    };
  }

  /** Starts within any 60 s window, for checks that the limit held. */
  startsInWindow(accountId: number, now: number): number {
    return this.#prune(accountId, now).length;
  }

  #prune(accountId: number, now: number): number[] {
    const list = this.#starts.get(accountId) ?? [];
    while (list.length && list[0] <= now - WINDOW_MS - RATE_MARGIN_MS) list.shift();
    this.#starts.set(accountId, list);
    return list;
  }
}

// The runner's limiter, found by its store, so commands calling a carrier count against the same quota.
const shared = new WeakMap<object, RateLimiter>();

export function shareLimiter(owner: object, limiter: RateLimiter): void {
  shared.set(owner, limiter);
}

export function sharedLimiter(owner: object): RateLimiter | undefined {
  return shared.get(owner);
}
