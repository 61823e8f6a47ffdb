import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { VAT_RATES } from '../../main/api/common.js';
import { computeMargin, exVatPrice, formatPercent, marginTone } from '../../renderer/screens/catalog/margin.js';

describe('computeMargin', () => {
  it('takes VAT out of the shelf price before subtracting cost', () => {
    // 216 000 incl. 8 % → 200 000 ex VAT; cost 150 000 → 50 000 = 25 %.
    expect(computeMargin(216_000, 150_000, '8')).toEqual({ amount: 50_000, percent: 25 });
    // 110 000 incl. 10 % → 100 000; cost 60 000 → 40 %.
    expect(computeMargin(110_000, 60_000, '10')).toEqual({ amount: 40_000, percent: 40 });
    expect(computeMargin(105_000, 100_000, '5')).toEqual({ amount: 0, percent: 0 });
  });

  it('treats 0 %, KCT and KKKNT as VAT-free', () => {
    for (const rate of ['0', 'KCT', 'KKKNT'] as const) {
      expect(computeMargin(100_000, 70_000, rate)).toEqual({ amount: 30_000, percent: 30 });
    }
  });

  it('rounds the ex-VAT price to whole đồng and the percent to one decimal', () => {
    expect(exVatPrice(99_000, '8')).toBe(91_667);
    expect(computeMargin(99_000, 50_000, '8')).toEqual({ amount: 41_667, percent: 45.5 });
  });

  it('shows a loss as a negative amount and has no percent for a zero price', () => {
    expect(computeMargin(100_000, 120_000, 'KCT')).toEqual({ amount: -20_000, percent: -20 });
    expect(computeMargin(0, 5_000, '10')).toEqual({ amount: -5_000, percent: null });
  });

  it('never exceeds the ex-VAT price and is exact in whole đồng', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 0, max: 1e9 }), fc.constantFrom(...VAT_RATES), (price, cost, rate) => {
        const m = computeMargin(price, cost, rate);
        expect(Number.isInteger(m.amount)).toBe(true);
        expect(m.amount).toBeLessThanOrEqual(price - cost);
        expect(m.amount + cost).toBe(exVatPrice(price, rate));
      }),
    );
  });

  it('bands the margin for colouring', () => {
    expect(marginTone({ amount: -1, percent: -0.1 })).toBe('loss');
    expect(marginTone({ amount: 500, percent: 5 })).toBe('thin');
    expect(marginTone({ amount: 50_000, percent: 25 })).toBe('normal');
  });

  it('formats the percent with one decimal and a decimal comma', () => {
    expect(formatPercent(25)).toBe('25,0 %');
    expect(formatPercent(45.5)).toBe('45,5 %');
    expect(formatPercent(-20)).toBe('-20,0 %');
  });
});
