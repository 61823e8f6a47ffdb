import { describe, expect, it } from 'vitest';
import { computeMargin, vatPercent } from '../../../main/domain/shared/margin.js';
import { VAT_RATES } from '../../../main/api/common.js';

describe('vatPercent', () => {
  it.each([['10', 10], ['8', 8], ['5', 5], ['0', 0], ['KCT', 0], ['KKKNT', 0]] as const)('%s → %i%%', (rate, pct) => {
    expect(vatPercent(rate)).toBe(pct);
  });
});

describe('computeMargin (ex VAT)', () => {
  it('takes VAT out of the shelf price before the cost', () => {
    // 108,000 incl. 8% → 100,000 ex VAT; cost 60,000 → 40,000, 40% of the ex-VAT price.
    expect(computeMargin(108_000, 60_000, '8')).toEqual({ amount: 40_000, percent: 40 });
    expect(computeMargin(110_000, 50_000, '10')).toEqual({ amount: 50_000, percent: 50 });
    expect(computeMargin(105_000, 100_000, '5')).toEqual({ amount: 0, percent: 0 });
  });

  it.each(['KCT', 'KKKNT', '0'] as const)('deducts nothing for %s', (rate) => {
    expect(computeMargin(86_000, 52_000, rate)).toEqual({ amount: 34_000, percent: 39.5 });
  });

  it('rounds to whole đồng and the percent to one decimal', () => {
    // 149,000 / 1.08 = 137,962.96… → 137,963; margin 75,963 = 55.06…% → 55.1
    expect(computeMargin(149_000, 62_000, '8')).toEqual({ amount: 75_963, percent: 55.1 });
  });

  it('is negative when selling below cost', () => {
    expect(computeMargin(99_000, 100_000, '10')).toEqual({ amount: -10_000, percent: -11.1 });
  });

  it('has no percent for a free item', () => {
    expect(computeMargin(0, 0, '8')).toEqual({ amount: 0, percent: null });
    expect(computeMargin(0, 5_000, 'KCT')).toEqual({ amount: -5_000, percent: null });
  });

  it('gives a lower margin for a higher VAT at the same price', () => {
    const amounts = VAT_RATES.filter((r) => r !== 'KCT' && r !== 'KKKNT').map((r) => computeMargin(200_000, 100_000, r).amount);
    expect(amounts).toEqual([...amounts].sort((a, b) => a - b));
  });
});
