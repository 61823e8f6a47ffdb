import { describe, expect, it } from 'vitest';
import { initialStability, nextStability, type StabilityState } from '../../../main/devices/scales/stability.js';
import type { ScaleReading } from '../../../main/devices/scales/reading.js';

const at = { n: 0 };
const rd = (grams: number, stable = true, status: ScaleReading['status'] = 'ok'): ScaleReading => ({ grams, stable, status, raw: '', at: ++at.n });
const feed = (readings: ScaleReading[], opts = { count: 3, toleranceGrams: 2 }) =>
  readings.reduce<StabilityState>((s, r) => nextStability(s, r, opts), initialStability);

describe('stability filter', () => {
  it('needs N agreeing stable readings', () => {
    expect(feed([rd(500), rd(501)])).toMatchObject({ usable: null, reason: 'settling' });
    expect(feed([rd(500), rd(501), rd(499)]).usable).toMatchObject({ grams: 499 });
  });
  it('restarts the run when a reading leaves the tolerance or moves', () => {
    expect(feed([rd(500), rd(501), rd(510)])).toMatchObject({ usable: null, run: [510] });
    expect(feed([rd(500), rd(500), rd(500), rd(700, false, 'motion')])).toMatchObject({ usable: null, reason: 'motion' });
    expect(feed([rd(500), rd(500), rd(600, false, 'motion'), rd(500), rd(500)])).toMatchObject({ usable: null });
  });
  it('never uses zero, negative, overweight or faulted readings', () => {
    expect(feed([rd(0), rd(0), rd(0)])).toMatchObject({ usable: null, reason: 'zero' });
    expect(feed([rd(-5), rd(-5), rd(-5)])).toMatchObject({ usable: null, reason: 'under_zero' });
    expect(feed([rd(-5, true, 'under_zero')])).toMatchObject({ reason: 'under_zero' });
    expect(feed([rd(0, false, 'overweight')])).toMatchObject({ reason: 'overweight' });
    expect(feed([rd(0, false, 'fault')])).toMatchObject({ reason: 'fault' });
    expect(feed([rd(900), rd(900), rd(900)], { count: 3, toleranceGrams: 2, maxGrams: 800 } as never)).toMatchObject({ reason: 'overweight' });
  });
  it('lets a garbled frame pass without breaking a settled weight', () => {
    expect(feed([rd(500), rd(500), rd(500), rd(0, false, 'error')]).usable).toMatchObject({ grams: 500 });
  });
});
