import { describe, expect, it } from 'vitest';
import { formatPickListCode, looksLikePickListCode, parsePickListCode } from '../../../main/domain/picking/pick-list-code.js';
import { aggregateLines, checkSelection, compareByBin, packingOrder, type PickOrder, type PickSourceLine } from '../../../main/domain/picking/pick-list-rules.js';

const line = (orderId: number, variantId: number, quantity: number, bin: string | null, sku = `SKU-${variantId}`): PickSourceLine => ({
  orderId, orderNumber: `PD${orderId}`, variantId, sku, productName: `Sản phẩm ${variantId}`, attributes: [], quantity, bin,
});

describe('pick list aggregation', () => {
  it('sums a SKU over orders and over repeated lines of one order, with a per-order breakdown in packing order', () => {
    const rank = new Map([[7, 0], [3, 1]]);
    const out = aggregateLines([line(3, 1, 2, 'A-1'), line(7, 1, 1, 'A-1'), line(3, 1, 4, 'A-1'), line(7, 2, 5, 'B-1')], rank);
    expect(out.map((l) => [l.sku, l.quantity])).toEqual([['SKU-1', 7], ['SKU-2', 5]]);
    expect(out[0].orders).toEqual([{ orderId: 7, orderNumber: 'PD7', quantity: 1 }, { orderId: 3, orderNumber: 'PD3', quantity: 6 }]);
  });

  it('sorts bins in natural order, case ignored, items without a bin last, then by SKU', () => {
    const lines = [
      line(1, 1, 1, null, 'Z-1'), line(1, 2, 1, 'A-10'), line(1, 3, 1, 'a-2'), line(1, 4, 1, 'B-1'),
      line(1, 5, 1, null, 'A-9'), line(1, 6, 1, 'A-2', 'SKU-10'), line(1, 7, 1, 'A-2', 'SKU-9'), line(1, 8, 1, 'K2-R3-T11'), line(1, 9, 1, 'K2-R3-T2'),
    ];
    const out = aggregateLines(lines, new Map([[1, 0]]));
    expect(out.map((l) => `${l.bin ?? '-'}/${l.sku}`)).toEqual([
      'a-2/SKU-3', 'A-2/SKU-9', 'A-2/SKU-10', 'A-10/SKU-2', 'B-1/SKU-4', 'K2-R3-T2/SKU-9', 'K2-R3-T11/SKU-8', '-/A-9', '-/Z-1',
    ]);
  });

  it('compares consistently (antisymmetric) so sorting never depends on input order', () => {
    const a = { bin: null, sku: 'X' };
    const b = { bin: 'A-1', sku: 'Y' };
    expect(Math.sign(compareByBin(a, b))).toBe(-Math.sign(compareByBin(b, a)));
    expect(compareByBin(b, b)).toBe(0);
  });

  it('packs the earliest ship-by deadline first, orders without one after, then the oldest', () => {
    const o = (id: number, shipBy: number | null, createdAt: number) => ({ id, shipBy, createdAt });
    expect(packingOrder([o(1, null, 1), o(2, 500, 9), o(3, 100, 9), o(4, null, 0), o(5, 500, 2)]).map((x) => x.id)).toEqual([3, 5, 2, 4, 1]);
  });
});

describe('pick list selection rules', () => {
  const order = (id: number, over: Partial<PickOrder> = {}): PickOrder => ({
    id, number: `PD${id}`, status: 'ready_to_pack', warehouseId: 1, shipBy: null, createdAt: id, heldBy: null, ...over,
  });
  it('accepts ready orders of one warehouse, duplicates in the request included', () => {
    expect(checkSelection([1, 2, 2], [order(1), order(2)])).toBeNull();
  });
  it('names what is wrong, unknown ids first', () => {
    expect(checkSelection([], [])).toEqual({ reason: 'pick_list_empty' });
    expect(checkSelection([1, 9], [order(1, { status: 'new' })])).toEqual({ reason: 'pick_list_missing', ids: [9] });
    expect(checkSelection([1, 2], [order(1), order(2, { status: 'packed' })])).toEqual({ reason: 'pick_list_status', number: 'PD2', status: 'packed' });
    expect(checkSelection([1, 2, 3], [order(1), order(2, { warehouseId: 2 }), order(3)])).toEqual({ reason: 'pick_list_warehouse', numbers: ['PD1', 'PD2'] });
    expect(checkSelection([1, 2], [order(1), order(2, { heldBy: 'PL0000017' })])).toEqual({ reason: 'pick_list_taken', number: 'PD2', code: 'PL0000017' });
  });
});

describe('pick list code', () => {
  it('is PL, six digits and a GS1 mod-10 check digit', () => {
    expect(formatPickListCode(1)).toBe('PL0000017'); // 000001 → weights 3,1,… from the right: 3 → check 7
    expect(formatPickListCode(123456)).toBe('PL1234565');
    expect(formatPickListCode(1_234_567)).toMatch(/^PL1234567\d$/);
  });
  it('reads back what it writes, in any case with stray spaces, for many numbers', () => {
    for (let n = 1; n < 3000; n += 7) {
      const code = formatPickListCode(n);
      expect(parsePickListCode(` ${code.toLowerCase()}\n`)).toEqual({ ok: true, code, number: n });
    }
  });
  it('recognises every single-digit misread and a wrong type at once', () => {
    const code = formatPickListCode(4321);
    for (let i = 2; i < code.length; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === code[i]) continue;
        const bad = code.slice(0, i) + d + code.slice(i + 1);
        expect(parsePickListCode(bad), bad).toEqual({ ok: false, reason: 'check_digit' });
        expect(looksLikePickListCode(bad)).toBe(true);
      }
    }
    for (const other of ['PD000123', 'PL12', 'PLX000017', '8931234567890', '']) expect(parsePickListCode(other)).toEqual({ ok: false, reason: 'not_pick_list' });
  });
});
