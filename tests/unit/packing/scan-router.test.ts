import { describe, expect, it } from 'vitest';
import type { ScanMatch } from '../../../main/api/packing.js';
import { decideAction, routeScan, routeSteps, type ScanLookups } from '../../../main/domain/packing/scan-router.js';

// Lookups over small tables, recording which ran: the routing order is the rule under test.
function world(tables: { inOrder?: string[]; pickLists?: string[]; numbers?: string[]; external?: string[]; tracking?: string[]; products?: string[]; bins?: string[] }) {
  const ran: string[] = [];
  const has = (list: string[] | undefined, code: string) => (list ?? []).includes(code);
  const order = (via: 'number' | 'external_id' | 'tracking', list?: string[]) => (code: string): Extract<ScanMatch, { kind: 'order' }> | null => {
    ran.push(via);
    return has(list, code) ? { kind: 'order', orderId: 7, number: 'PD000007', status: 'ready_to_pack', via } : null;
  };
  const look: ScanLookups = {
    productInOrder: (code) => (ran.push('product_in_order'), has(tables.inOrder, code) ? { kind: 'product', variantId: 1, sku: code, name: 'Áo', inOrder: true } : null),
    pickList: (code) => (ran.push('pick_list'), has(tables.pickLists, code) ? { kind: 'pick_list', pickListId: 3, code, orderIds: [7, 8] } : null),
    orderByNumber: order('number', tables.numbers),
    orderByExternalId: order('external_id', tables.external),
    orderByTracking: order('tracking', tables.tracking),
    product: (code) => (ran.push('product'), has(tables.products, code) ? { kind: 'product', variantId: 2, sku: code, name: 'Quần', inOrder: null } : null),
    bin: (code) => (ran.push('bin'), has(tables.bins, code) ? { kind: 'bin', warehouseId: 1, code } : null),
  };
  return { look, ran };
}

describe('scan routing order', () => {
  it('follows the issue: pick list, order number, marketplace id, tracking, product, bin', () => {
    expect(routeSteps({})).toEqual(['pick_list', 'order_number', 'external_id', 'tracking', 'product', 'bin']);
    expect(routeSteps({ openOrderId: 5 })[0]).toBe('product_in_order');
  });

  it('stops at the first match: a code that is both a pick list and an order number is the pick list', () => {
    const w = world({ pickLists: ['X1'], numbers: ['X1'] });
    expect(routeScan('X1', {}, w.look).kind).toBe('pick_list');
    expect(w.ran).toEqual(['pick_list']);
  });

  it('prefers our order number to a marketplace id, and a marketplace id to a tracking number', () => {
    expect(routeScan('A', {}, world({ numbers: ['A'], external: ['A'], tracking: ['A'] }).look)).toMatchObject({ kind: 'order', via: 'number' });
    expect(routeScan('A', {}, world({ external: ['A'], tracking: ['A'] }).look)).toMatchObject({ kind: 'order', via: 'external_id' });
    expect(routeScan('A', {}, world({ tracking: ['A'], products: ['A'] }).look)).toMatchObject({ kind: 'order', via: 'tracking' });
  });

  it('on an open order checks its own products first, even over an order number', () => {
    const w = world({ inOrder: ['893'], numbers: ['893'] });
    expect(routeScan('893', { openOrderId: 5 }, w.look)).toMatchObject({ kind: 'product', inOrder: true });
    expect(w.ran).toEqual(['product_in_order']);
  });

  it('reaches products, then bins, and says unknown when nothing matches (trimmed)', () => {
    expect(routeScan('P', {}, world({ products: ['P'], bins: ['P'] }).look).kind).toBe('product');
    expect(routeScan('A-01-1', {}, world({ bins: ['A-01-1'] }).look).kind).toBe('bin');
    const w = world({});
    expect(routeScan('  ZZZ \n', {}, w.look)).toEqual({ kind: 'unknown', code: 'ZZZ' });
    expect(w.ran).toEqual(['pick_list', 'number', 'external_id', 'tracking', 'product', 'bin']);
  });
});

describe('what the pack screen does with a match', () => {
  const order = { kind: 'order', orderId: 7, number: 'PD7', status: 'ready_to_pack', via: 'number' } as const;
  const pick = { kind: 'pick_list' as const, pickListId: 1, code: 'PL1', orderIds: [7] };
  const product = { kind: 'product', variantId: 1, sku: 'S', name: 'N', inOrder: null } as const;

  it('opens an order or a pick list when nothing is open or nothing was counted yet', () => {
    expect(decideAction(order, null)).toBe('open_order');
    expect(decideAction(order, { orderId: 9, scannedUnits: 0 })).toBe('open_order');
    expect(decideAction(pick, null)).toBe('open_pick_list');
  });

  it('asks before leaving an order with counted units, and ignores its own number', () => {
    expect(decideAction(order, { orderId: 9, scannedUnits: 2 })).toBe('confirm_switch');
    expect(decideAction(pick, { orderId: 9, scannedUnits: 1 })).toBe('confirm_switch');
    expect(decideAction(order, { orderId: 7, scannedUnits: 2 })).toBe('same_order');
  });

  it('counts products and unknown codes only on an open order (where refusals are logged)', () => {
    expect(decideAction(product, { orderId: 9, scannedUnits: 0 })).toBe('count');
    expect(decideAction({ kind: 'unknown', code: 'x' }, { orderId: 9, scannedUnits: 0 })).toBe('count');
    expect(decideAction(product, null)).toBe('info');
    expect(decideAction({ kind: 'unknown', code: 'x' }, null)).toBe('unknown');
    expect(decideAction({ kind: 'bin', warehouseId: 1, code: 'A' }, { orderId: 9, scannedUnits: 3 })).toBe('info');
  });
});
