import { describe, expect, it } from 'vitest';
import { EMPTY_ADDRESS, missingAddressParts } from '../../renderer/lib/address-form.js';
import { checkVnMobile, normalizeVnMobile } from '../../renderer/lib/phone.js';
import { allSelected, EMPTY_SELECTION, retain, selectAll, selectRange, toggleRow } from '../../renderer/lib/selection.js';
import { addVariant, draftToInput, draftTotals, EMPTY_DRAFT, overStock, type DraftLine } from '../../renderer/screens/orders/order-draft.js';
import { totalForView, viewToFilter } from '../../renderer/screens/orders/order-filter.js';
import { DEFAULT_ORDERS_VIEW } from '../../renderer/state/orders-view.js';

describe('checkVnMobile (as you type)', () => {
  it('accepts 10-digit mobiles starting 03/05/07/08/09 and +84 forms', () => {
    for (const n of ['0912345678', '0387654321', '0561234567', '0701234567', '0812345678', '+84912345678', '84912345678', '091 234 5678', '0912.345.678']) {
      expect(checkVnMobile(n), n).toBe('valid');
    }
  });
  it('calls an unfinished but possible number incomplete', () => {
    for (const n of ['0', '09', '091234', '+84', '+849123']) expect(checkVnMobile(n), n).toBe('incomplete');
  });
  it('rejects wrong prefixes, letters and too many digits at once', () => {
    for (const n of ['0212345678', '01', '0412', '09123456789', '+84012345678', 'abc', '1900']) expect(checkVnMobile(n), n).toBe('invalid');
  });
  it('treats blank as empty', () => {
    expect(checkVnMobile('  ')).toBe('empty');
  });
  it('normalises valid numbers to 0xxxxxxxxx', () => {
    expect(normalizeVnMobile('+84 912 345 678')).toBe('0912345678');
    expect(normalizeVnMobile('0912.345.678')).toBe('0912345678');
    expect(normalizeVnMobile(' 123 ')).toBe('123');
  });
});

describe('order list selection', () => {
  const ids = [10, 11, 12, 13, 14];
  const idAt = (i: number) => ids[i];

  it('toggles one row and remembers it as the anchor', () => {
    const s = toggleRow(EMPTY_SELECTION, 12, 2);
    expect([...s.ids]).toEqual([12]);
    expect(s.anchor).toBe(2);
    expect(toggleRow(s, 12, 2).ids.size).toBe(0);
  });
  it('selects a range from the anchor in either direction', () => {
    const down = selectRange(toggleRow(EMPTY_SELECTION, 11, 1), 3, idAt);
    expect([...down.ids].sort()).toEqual([11, 12, 13]);
    const up = selectRange(toggleRow(EMPTY_SELECTION, 14, 4), 2, idAt);
    expect([...up.ids].sort()).toEqual([12, 13, 14]);
  });
  it('skips rows that are not loaded yet', () => {
    const sparse = (i: number) => (i === 2 ? undefined : ids[i]);
    expect([...selectRange(toggleRow(EMPTY_SELECTION, 10, 0), 3, sparse).ids].sort()).toEqual([10, 11, 13]);
  });
  it('without an anchor, a range is a single toggle', () => {
    expect([...selectRange(EMPTY_SELECTION, 3, idAt).ids]).toEqual([13]);
  });
  it('selects all, reports all-selected and drops vanished ids', () => {
    const all = selectAll(ids);
    expect(allSelected(all, ids)).toBe(true);
    expect(allSelected(EMPTY_SELECTION, [])).toBe(false);
    expect([...retain(all, new Set([10, 14])).ids]).toEqual([10, 14]);
  });
});

describe('order draft', () => {
  const pick = { variantId: 7, productId: 1, sku: 'AO-DO-M', productName: 'Áo', attributes: [{ name: 'Màu', value: 'Đỏ' }], price: 150_000, weightG: 200, available: 3, active: true };

  it('adds a variant once, then increments it', () => {
    const one = addVariant([], pick);
    expect(one).toHaveLength(1);
    expect(one[0]).toMatchObject({ quantity: 1, unitPrice: 150_000, available: 3 });
    expect(addVariant(one, pick)[0].quantity).toBe(2);
  });
  it('totals lines, shipping and discount; an empty price falls back to the list price', () => {
    const lines: DraftLine[] = [{ ...addVariant([], pick)[0], quantity: 2, unitPrice: null }];
    const t = draftTotals({ ...EMPTY_DRAFT, lines, shippingFee: 30_000, discount: 10_000 });
    expect(t).toEqual({ subtotal: 300_000, units: 2, total: 320_000 });
  });
  it('flags units beyond the available stock', () => {
    expect(overStock({ ...addVariant([], pick)[0], quantity: 5 })).toBe(2);
    expect(overStock({ ...addVariant([], pick)[0], quantity: 3 })).toBe(0);
  });
  it('builds the create input: new buyer with normalised phone, recipient defaults to the buyer', () => {
    const input = draftToInput({ ...EMPTY_DRAFT, warehouseId: 1, buyerName: 'Lan', buyerPhone: '+84 912 345 678', lines: addVariant([], pick) });
    expect(input.buyer).toEqual({ name: 'Lan', phone: '0912345678' });
    expect(input.customerId).toBeUndefined();
    expect(input.address).toMatchObject({ recipientName: 'Lan', phone: '0912345678' });
    expect(input.lines).toEqual([{ variantId: 7, quantity: 1, unitPrice: 150_000 }]);
  });
  it('uses the chosen customer instead of a buyer', () => {
    const input = draftToInput({ ...EMPTY_DRAFT, warehouseId: 1, customer: { id: 5, name: 'Huy', phone: '0987654321' } });
    expect(input.customerId).toBe(5);
    expect(input.buyer).toBeUndefined();
    expect(input.address).toMatchObject({ recipientName: 'Huy', phone: '0987654321' });
  });
});

describe('order list filter', () => {
  it('maps the view to the command filter, days in Vietnamese time', () => {
    const f = viewToFilter({ ...DEFAULT_ORDERS_VIEW, status: 'new', channel: 'shopee', from: '2025-11-28', to: '2025-11-28', query: ' 0912 ' });
    expect(f).toMatchObject({ statuses: ['new'], channels: ['shopee'], query: '0912', from: Date.UTC(2025, 10, 27, 17), to: Date.UTC(2025, 10, 28, 16, 59, 59, 999) });
    expect(viewToFilter({ ...DEFAULT_ORDERS_VIEW, status: 'new' }, false).statuses).toEqual([]);
  });
  it('takes the total of the open status tab from the per-status counts', () => {
    const counts = { total: 30, byStatus: { new: 4, packed: 3 } };
    expect(totalForView(DEFAULT_ORDERS_VIEW, counts)).toBe(30);
    expect(totalForView({ ...DEFAULT_ORDERS_VIEW, status: 'packed' }, counts)).toBe(3);
    expect(totalForView({ ...DEFAULT_ORDERS_VIEW, status: 'returned' }, counts)).toBe(0);
  });
});

describe('missingAddressParts', () => {
  const base = { ...EMPTY_ADDRESS };
  it('asks for the ward when only the province is given, and the other way round', () => {
    expect(missingAddressParts({ ...base, provinceName: 'Hà Nội' })).toEqual(['wardName']);
    expect(missingAddressParts({ ...base, wardName: 'Phường Hoàn Kiếm' })).toEqual(['provinceName']);
    expect(missingAddressParts({ ...base, provinceName: 'Hà Nội', wardName: 'Phường Hoàn Kiếm' })).toEqual([]);
    expect(missingAddressParts(base)).toEqual([]);
  });
  it('checks the old three-level form only when it is used', () => {
    expect(missingAddressParts({ ...base, useLegacy: true })).toEqual([]);
    expect(missingAddressParts({ ...base, useLegacy: true, legacyDistrict: 'Quận 1' })).toEqual(['legacy.wardName', 'legacy.provinceName']);
    expect(missingAddressParts({ ...base, useLegacy: false, legacyDistrict: 'Quận 1' })).toEqual([]);
  });
});
