import { describe, expect, it } from 'vitest';
import { CoalescedRefresh } from '../../../renderer/screens/packing/coalesced-refresh.js';

// The pack screen's re-reads: events only mark the data stale, one read follows once they are quiet,
// none runs while a scan is in flight, and an answer that crossed the screen's own change is dropped.
function world() {
  const timers: { fn: () => void; ms: number; live: boolean }[] = [];
  const reads: { resolve: (v: string) => void; reject: (e: Error) => void }[] = [];
  const applied: string[] = [];
  const state = { busy: false, epoch: 0 };
  const r = new CoalescedRefresh<string>({
    read: () => new Promise((resolve, reject) => reads.push({ resolve, reject })),
    apply: (v) => applied.push(v),
    busy: () => state.busy,
    epoch: () => state.epoch,
    wait: (fn, ms) => {
      const t = { fn, ms, live: true };
      timers.push(t);
      return () => (t.live = false);
    },
    quietMs: 300,
  });
  /** Fires the timers still waiting, as if the quiet period (and the idle wait) had passed. */
  const elapse = () => {
    for (const t of timers.splice(0)) if (t.live) t.fn();
  };
  const settle = () => new Promise((ok) => setTimeout(ok, 0));
  return { r, timers, reads, applied, state, elapse, settle };
}

describe('CoalescedRefresh', () => {
  it('reads once for a run of events, after they are quiet', async () => {
    const w = world();
    w.r.poke();
    w.r.poke();
    w.r.poke();
    expect(w.reads).toHaveLength(0);
    expect(w.timers.filter((t) => t.live)).toHaveLength(1);
    expect(w.timers[2].ms).toBe(300);
    w.elapse();
    expect(w.reads).toHaveLength(1);
    w.reads[0].resolve('fresh');
    await w.settle();
    expect(w.applied).toEqual(['fresh']);
  });

  it('waits while a scan is in flight, then reads', async () => {
    const w = world();
    w.state.busy = true;
    w.r.poke();
    w.elapse();
    expect(w.reads).toHaveLength(0);
    w.state.busy = false;
    w.elapse();
    expect(w.reads).toHaveLength(1);
  });

  it("drops an answer that crossed the screen's own change and reads again", async () => {
    const w = world();
    void w.r.run();
    w.state.epoch++;
    w.reads[0].resolve('older than the scan');
    await w.settle();
    expect(w.applied).toEqual([]);
    w.elapse();
    w.reads[1].resolve('after the scan');
    await w.settle();
    expect(w.applied).toEqual(['after the scan']);
  });

  it('an event during a read brings one more read after it; a failed read keeps what is shown', async () => {
    const w = world();
    void w.r.run();
    void w.r.run();
    expect(w.reads).toHaveLength(1);
    w.reads[0].reject(new Error('core restarting'));
    await w.settle();
    expect(w.applied).toEqual([]);
    w.elapse();
    expect(w.reads).toHaveLength(2);
  });

  it('reads nothing once closed', async () => {
    const w = world();
    w.r.poke();
    w.r.close();
    w.elapse();
    await w.r.run();
    expect(w.reads).toHaveLength(0);
  });
});
