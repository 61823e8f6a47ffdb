// Scans are handled strictly one after another: the next is delivered only when the previous
// handler's promise has settled. ERPNext lost half of ten fast scans by letting async clean-up of
// one scan overlap the next (hardware.md §1.3); a FIFO keeps each scan whole and in order.

export type Deliver<S> = (scan: S) => void | Promise<void>;

export interface ScanQueue<S> {
  push(scan: S): void;
  /** Scans waiting, not counting the one being handled. */
  readonly pending: number;
  /** Resolves when every scan pushed so far has been handled. */
  idle(): Promise<void>;
}

export function createScanQueue<S>(deliver: Deliver<S>, onError: (err: unknown, scan: S) => void = () => undefined): ScanQueue<S> {
  const waiting: S[] = [];
  let running = false;
  let idleWaiters: (() => void)[] = [];

  async function drain(): Promise<void> {
    running = true;
    while (waiting.length > 0) {
      const scan = waiting.shift() as S;
      try {
        await deliver(scan);
      } catch (err) {
        // One failing handler must not stall the scans behind it.
        onError(err, scan);
      }
    }
    running = false;
    const waiters = idleWaiters;
    idleWaiters = [];
    waiters.forEach((w) => w());
  }

  return {
    push(scan) {
      waiting.push(scan);
      if (!running) void drain();
    },
    get pending() {
      return waiting.length;
    },
    idle() {
      return running || waiting.length > 0 ? new Promise((resolve) => idleWaiters.push(resolve)) : Promise.resolve();
    },
  };
}
