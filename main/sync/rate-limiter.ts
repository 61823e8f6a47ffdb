/**
 * Per-account limits: a sliding one-minute window of request starts plus a concurrency cap. A
 * provider's per-minute quota is about requests started, so the window counts starts, not finishes.
 */
export class RateLimiter {
  readonly #starts = new Map<number, number[]>();
  readonly #running = new Map<number, number>();

  constructor(private readonly limits: (accountId: number) => { perMinute: number; concurrency: number }) {}

  /** Milliseconds until a start is allowed for this account (0 = now). */
  waitMs(accountId: number, now: number): number {
    const { perMinute, concurrency } = this.limits(accountId);
    if ((this.#running.get(accountId) ?? 0) >= concurrency) return 50;
    const starts = this.#prune(accountId, now);
    if (starts.length < perMinute) return 0;
    return starts[0] + 60_000 - now;
  }

  start(accountId: number, now: number): void {
    this.#prune(accountId, now).push(now);
    this.#running.set(accountId, (this.#running.get(accountId) ?? 0) + 1);
  }

  finish(accountId: number): void {
    this.#running.set(accountId, Math.max(0, (this.#running.get(accountId) ?? 0) - 1));
  }

  /** Starts within any 60 s window, for checks that the limit held. */
  startsInWindow(accountId: number, now: number): number {
    return this.#prune(accountId, now).length;
  }

  #prune(accountId: number, now: number): number[] {
    const list = this.#starts.get(accountId) ?? [];
    while (list.length && list[0] <= now - 60_000) list.shift();
    this.#starts.set(accountId, list);
    return list;
  }
}
