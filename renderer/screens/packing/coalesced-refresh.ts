// Re-reading what the pack screen shows, without racing the packer's scans. Every scan makes the
// core emit orders.changed; re-reading on each event meant a render and a core query per event, landing
// on the main thread between a scan and its feedback. Here events only mark the data stale: one read
// runs once they have been quiet for a while (the caller's `wait` also waits for an idle page), never
// while a scan is in flight, and an answer that crossed one of the screen's own changes is dropped
// and read again, so it can never put back a state older than a scan's reply. Pure: timers are given.

export interface RefreshDeps<T> {
  read(): Promise<T>;
  apply(value: T): void;
  /** A command of the screen's own is in flight: read after it. */
  busy(): boolean;
  /** Moves whenever the screen applies a result of its own. */
  epoch(): number;
  /** Calls `fn` after `ms` (and whatever else the caller waits for); returns a cancel. */
  wait(fn: () => void, ms: number): () => void;
  quietMs: number;
}

export class CoalescedRefresh<T> {
  private cancel: (() => void) | null = null;
  private reading = false;
  private again = false;
  private closed = false;

  constructor(private readonly deps: RefreshDeps<T>) {}

  /** The data may have changed: read once things are quiet (a later poke moves the read further). */
  poke(): void {
    if (this.closed) return;
    this.cancel?.();
    this.cancel = this.deps.wait(() => {
      this.cancel = null;
      void this.run();
    }, this.deps.quietMs);
  }

  /** Reads now (the first load, a reload), unless a scan is in flight: then once it is done. */
  async run(): Promise<void> {
    if (this.closed) return;
    if (this.reading) {
      this.again = true;
      return;
    }
    if (this.deps.busy()) {
      this.poke();
      return;
    }
    this.reading = true;
    const epoch = this.deps.epoch();
    try {
      const value = await this.deps.read();
      if (this.closed) return;
      if (this.deps.epoch() === epoch) this.deps.apply(value);
      else this.again = true;
    } catch {
      // The screen keeps what it shows; the next event or reload reads again.
    } finally {
      this.reading = false;
      if (this.again) {
        this.again = false;
        this.poke();
      }
    }
  }

  close(): void {
    this.closed = true;
    this.cancel?.();
    this.cancel = null;
  }
}
