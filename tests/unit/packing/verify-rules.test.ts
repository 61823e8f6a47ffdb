import { describe, expect, it } from 'vitest';
import { allVerified, judgeScan, judgeTypedQuantity, type VerifyLine } from '../../../main/domain/packing/verify-rules.js';

const lines = (...ls: [variantId: number, quantity: number, verified: number][]): VerifyLine[] =>
  ls.map(([variantId, quantity, verifiedQty], i) => ({ id: i + 1, variantId, quantity, verifiedQty }));

describe('one scan, one unit', () => {
  it('counts a unit of a line with room left', () => {
    expect(judgeScan(false, lines([10, 2, 0]), 10)).toMatchObject({ result: 'ok', add: 1, line: { id: 1 } });
  });

  it('fills two lines of the same variant in order', () => {
    expect(judgeScan(false, lines([10, 1, 1], [10, 2, 0]), 10)).toMatchObject({ result: 'ok', line: { id: 2 } });
  });

  it('refuses an item not in the order, an extra unit, an unknown code, and anything on a cancelled order', () => {
    expect(judgeScan(false, lines([10, 2, 0]), 11)).toEqual({ result: 'wrong_item', line: null, add: 0 });
    expect(judgeScan(false, lines([10, 2, 2]), 10)).toMatchObject({ result: 'extra_unit', add: 0, line: { id: 1 } });
    expect(judgeScan(false, lines([10, 2, 0]), null)).toMatchObject({ result: 'unknown', add: 0 });
    expect(judgeScan(true, lines([10, 2, 0]), 10)).toMatchObject({ result: 'order_cancelled', add: 0 });
  });
});

describe('typed quantity', () => {
  const ls = lines([10, 40, 1], [11, 1, 0]);
  const after = { lineId: 1, result: 'ok' as const };

  it('takes the line total right after an accepted scan of that line', () => {
    expect(judgeTypedQuantity(true, ls, after, 10, 40)).toMatchObject({ ok: true, add: 39 });
    expect(judgeTypedQuantity(true, ls, after, 10, 1)).toMatchObject({ ok: true, add: 0 });
  });

  it('is refused where the station does not allow it, or not right after that line was scanned', () => {
    expect(judgeTypedQuantity(false, ls, after, 10, 5)).toMatchObject({ ok: false, reason: 'not_allowed' });
    expect(judgeTypedQuantity(true, ls, null, 10, 5)).toMatchObject({ ok: false, reason: 'not_after_scan' });
    expect(judgeTypedQuantity(true, ls, { lineId: 1, result: 'wrong_item' }, 10, 5)).toMatchObject({ ok: false, reason: 'not_after_scan' });
    expect(judgeTypedQuantity(true, ls, after, 11, 1)).toMatchObject({ ok: false, reason: 'not_after_scan' });
  });

  it('refuses more than ordered as an extra unit, and less than already counted', () => {
    expect(judgeTypedQuantity(true, ls, after, 10, 41)).toMatchObject({ ok: false, reason: 'extra_unit', line: { id: 1 } });
    expect(judgeTypedQuantity(true, lines([10, 40, 5]), after, 10, 3)).toMatchObject({ ok: false, reason: 'below_counted' });
  });
});

it('an order is verified when every line is, and never when it has no lines', () => {
  expect(allVerified(lines([1, 2, 2], [2, 1, 1]))).toBe(true);
  expect(allVerified(lines([1, 2, 2], [2, 1, 0]))).toBe(false);
  expect(allVerified([])).toBe(false);
});
