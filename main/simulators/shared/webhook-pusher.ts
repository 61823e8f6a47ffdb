// Pushes status callbacks the way carriers do in practice: in order most of the time, but with
// retries on failure, duplicates, and the occasional event overtaken by a later one. Receivers must
// dedupe and order by event time; these quirks are what the app's webhook handling is tested against.

import { chance, type Random } from './prng.js';

export interface WebhookQuirks {
  /** Chance that a delivered event is sent a second time. */
  duplicateRate?: number;
  /** Chance that an event is held back until the next event has been sent. */
  outOfOrderRate?: number;
  /** Retries after the first attempt on a non-2xx answer or a network error. */
  maxRetries?: number;
  /** Wait between attempts (real time, not the simulator clock). */
  retryDelayMs?: number;
  /** Per-attempt timeout. */
  timeoutMs?: number;
}

export interface WebhookDelivery {
  eventId: number;
  attempt: number;
  /** True for the extra copy sent by `duplicateRate`. */
  duplicate: boolean;
  at: number;
  /** HTTP status received; undefined on a network error. */
  status?: number;
  error?: string;
  body: unknown;
}

interface PendingEvent {
  id: number;
  body: unknown;
}

export interface WebhookPusherOptions extends WebhookQuirks {
  url: string;
  headers?: Record<string, string>;
  random: Random;
  now: () => number;
  defaultRetries: number;
}

/** How long a held-back event waits for a later one to overtake it before going out anyway. */
const HOLD_LIMIT_MS = 1000;

export class WebhookPusher {
  private queue: PendingEvent[] = [];
  private heldBack: PendingEvent | undefined;
  private heldTimer: NodeJS.Timeout | undefined;
  private log: WebhookDelivery[] = [];
  private nextId = 1;
  private busy = 0;
  private pumping = false;
  private timers = new Set<NodeJS.Timeout>();
  private waiters: (() => void)[] = [];
  private closed = false;

  constructor(private options: WebhookPusherOptions) {}

  /** Changes the quirks at run time (tests turn duplicates or out-of-order on for one case). */
  configure(quirks: WebhookQuirks): void {
    this.options = { ...this.options, ...quirks };
  }

  push(body: unknown): number {
    const id = this.nextId++;
    this.queue.push({ id, body });
    void this.pump();
    return id;
  }

  deliveries(): WebhookDelivery[] {
    return this.log.map((d) => ({ ...d }));
  }

  clearLog(): void {
    this.log = [];
  }

  /** Resolves once every queued event has been delivered or has run out of retries. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    if (this.heldTimer) clearTimeout(this.heldTimer);
    this.queue = [];
    this.heldBack = undefined;
    this.settle();
  }

  private isIdle(): boolean {
    return this.queue.length === 0 && !this.heldBack && this.busy === 0 && this.timers.size === 0 && !this.pumping;
  }

  private settle(): void {
    if (!this.isIdle() && !this.closed) return;
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) w();
  }

  /** Sends events one after another so that, without quirks, the receiver sees them in order. */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (!this.closed && this.queue.length > 0) {
        const event = this.queue.shift()!;
        if (!this.heldBack && chance(this.options.random, this.options.outOfOrderRate)) {
          this.holdBack(event);
          continue;
        }
        await this.deliver(event, 0, false);
        if (this.heldBack) this.releaseHeld();
      }
    } finally {
      this.pumping = false;
      this.settle();
    }
  }

  private holdBack(event: PendingEvent): void {
    this.heldBack = event;
    this.heldTimer = setTimeout(() => this.releaseHeld(), HOLD_LIMIT_MS);
  }

  private releaseHeld(): void {
    const event = this.heldBack;
    if (!event) return;
    this.heldBack = undefined;
    if (this.heldTimer) clearTimeout(this.heldTimer);
    this.heldTimer = undefined;
    this.busy++;
    void this.deliver(event, 0, false).finally(() => {
      this.busy--;
      this.settle();
    });
  }

  private async deliver(event: PendingEvent, attempt: number, duplicate: boolean): Promise<void> {
    if (this.closed) return;
    const record: WebhookDelivery = { eventId: event.id, attempt: attempt + 1, duplicate, at: this.options.now(), body: event.body };
    try {
      const res = await fetch(this.options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(this.options.headers ?? {}) },
        body: JSON.stringify(event.body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
      await res.arrayBuffer().catch(() => undefined);
      record.status = res.status;
    } catch (e) {
      record.error = e instanceof Error ? e.message : String(e);
    }
    this.log.push(record);
    const ok = record.status !== undefined && record.status >= 200 && record.status < 300;
    if (ok) {
      if (!duplicate && chance(this.options.random, this.options.duplicateRate)) await this.deliver(event, 0, true);
      return;
    }
    const retries = this.options.maxRetries ?? this.options.defaultRetries;
    if (attempt >= retries || this.closed) return;
    // Retries run beside the queue, so a later event can arrive before the retried one: real carriers do that too.
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.busy++;
      void this.deliver(event, attempt + 1, duplicate).finally(() => {
        this.busy--;
        this.settle();
      });
    }, this.options.retryDelayMs ?? 5000);
    this.timers.add(timer);
  }
}
