import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../../main/core/core.js';
import { call, callError, makeCore, type TestCore } from '../../fixtures/core.js';
import { addOrder, addProduct, addVariant, addWarehouse, orderInput, updateInputOf } from '../../fixtures/builders.js';
import { ledgerProblems, storeChecksum } from '../../fixtures/store-checks.js';
import { levelOf, statusOf } from '../../fixtures/stock.js';

describe('orders and reservations', () => {
  let t: TestCore;
  let s: Session;
  let w: number;
  beforeAll(async () => {
    t = await makeCore();
    s = t.admin;
    w = (await addWarehouse(s)).id;
  });
  afterAll(() => t.close());
  // Every test leaves the ledger consistent, whatever it did.
  beforeEach(() => () => expect(ledgerProblems(t.core.store.sqlite)).toEqual([]));

  it('reserves a confirmed order whole and records who did what', async () => {
    const a = await addVariant(s, w, 5);
    const b = await addVariant(s, w, 2);
    const o = await addOrder(s, w, [[a, 3], [b, 2]]);
    expect(o.status).toBe('ready_to_pack');
    expect(o.lines.map((l) => [l.reservedQty, l.quantity])).toEqual([[3, 3], [2, 2]]);
    expect(await levelOf(s, w, a)).toEqual({ onHand: 5, reserved: 3, available: 2 });
    expect(await levelOf(s, w, b)).toEqual({ onHand: 2, reserved: 2, available: 0 });
    expect(o.events.map((e) => [e.kind, e.fromStatus, e.toStatus, e.operatorName])).toEqual([
      ['created', null, 'new', 'Test admin'], ['confirmed', 'new', 'ready_to_pack', 'Test admin'],
    ]);
    const moves = await call(s, 'inventory.movements', { orderId: o.id });
    expect(moves.items.map((m) => [m.kind, m.variantId, m.onHandDelta, m.reservedDelta, m.orderNumber]).sort()).toEqual([
      ['reserve', a, 0, 3, o.number], ['reserve', b, 0, 2, o.number],
    ].sort());
  });

  it('parks an order that does not fit whole, reserving none of it', async () => {
    const a = await addVariant(s, w, 5);
    const b = await addVariant(s, w, 1);
    const o = await addOrder(s, w, [[a, 1], [b, 2]]);
    expect(o.status).toBe('awaiting_stock');
    expect(o.lines.every((l) => l.reservedQty === 0)).toBe(true);
    expect(await levelOf(s, w, a)).toEqual({ onHand: 5, reserved: 0, available: 5 });
    expect(o.events.at(-1)?.data).toEqual({ shortages: [{ variantId: b, needed: 2, available: 1 }] });
  });

  it('adds two lines of the same variant before judging the fit', async () => {
    const a = await addVariant(s, w, 3);
    const o = await addOrder(s, w, [[a, 2], [a, 2]]);
    expect(o.status).toBe('awaiting_stock');
    expect((await levelOf(s, w, a)).reserved).toBe(0);
  });

  it('keeps a new order unreserved until it is confirmed', async () => {
    const a = await addVariant(s, w, 2);
    const o = await addOrder(s, w, [[a, 2]], { confirm: false });
    expect(o.status).toBe('new');
    expect((await levelOf(s, w, a)).reserved).toBe(0);
    const confirmed = await call(s, 'orders.confirm', { id: o.id });
    expect(confirmed.status).toBe('ready_to_pack');
    expect((await levelOf(s, w, a)).reserved).toBe(2);
    expect((await callError(s, 'orders.confirm', { id: o.id })).code).toBe('TRANSITION_INVALID');
  });

  it('releases the reservation when an order is cancelled', async () => {
    const a = await addVariant(s, w, 4);
    const o = await addOrder(s, w, [[a, 3]]);
    const cancelled = await call(s, 'orders.cancel', { id: o.id, reason: 'Khách đổi ý' });
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.lines[0].reservedQty).toBe(0);
    expect(await levelOf(s, w, a)).toEqual({ onHand: 4, reserved: 0, available: 4 });
    const kinds = (await call(s, 'inventory.movements', { orderId: o.id })).items.map((m) => [m.kind, m.reservedDelta]);
    expect(kinds.sort()).toEqual([['release', -3], ['reserve', 3]]);
    expect(cancelled.events.at(-1)).toMatchObject({ kind: 'cancelled', fromStatus: 'ready_to_pack', toStatus: 'cancelled', reason: 'Khách đổi ý' });
    expect((await callError(s, 'orders.cancel', { id: o.id, reason: 'again' })).code).toBe('TRANSITION_INVALID');
  });

  it('walks the lifecycle with its guards and takes the stock out when shipped', async () => {
    const a = await addVariant(s, w, 3);
    const o = await addOrder(s, w, [[a, 2]]);
    await call(s, 'orders.transition', { id: o.id, to: 'packing' });
    const e = await callError(s, 'orders.transition', { id: o.id, to: 'packed' });
    expect(e).toMatchObject({ code: 'GUARD_FAILED', details: { guard: 'lines_verified' } });
    // Verification is the packing station's (not yet in the contract); mark the units scanned.
    t.core.store.sqlite.prepare('UPDATE order_lines SET verified_qty = quantity WHERE order_id = ?').run(o.id);
    await call(s, 'orders.transition', { id: o.id, to: 'packed' });
    const before = storeChecksum(t.core.store.sqlite);
    expect((await callError(s, 'orders.transition', { id: o.id, to: 'shipped' })).details).toMatchObject({ guard: 'tracking_number' });
    expect(storeChecksum(t.core.store.sqlite)).toBe(before);
    const shipped = await call(s, 'orders.transition', { id: o.id, to: 'shipped', trackingNumber: 'GY1234567VN' });
    expect(shipped).toMatchObject({ status: 'shipped', trackingNumber: 'GY1234567VN' });
    expect(await levelOf(s, w, a)).toEqual({ onHand: 1, reserved: 0, available: 1 });
    expect((await callError(s, 'orders.cancel', { id: o.id, reason: 'too late' })).code).toBe('TRANSITION_INVALID');
    expect((await callError(s, 'orders.transition', { id: o.id, to: 'ready_to_pack' })).code).toBe('TRANSITION_INVALID');
    await call(s, 'orders.transition', { id: o.id, to: 'delivered' });
    expect((await call(s, 'orders.transition', { id: o.id, to: 'completed' })).nextStatuses).toEqual([]);
  });

  it('refuses lines of a retired variant or of a retired product', async () => {
    const p = await addProduct(s, { variants: 2, stock: { [w]: 5 } });
    await call(s, 'catalog.update', { id: p.id, variants: [{ id: p.variants[0].id, sku: p.variants[0].sku, price: 1, weightG: 1, active: false }] });
    const refused = async (variantId: number) => {
      const before = storeChecksum(t.core.store.sqlite);
      expect(await callError(s, 'orders.create', orderInput(w, [[variantId, 1]]))).toMatchObject({ code: 'VARIANT_INACTIVE', details: { field: 'lines.0.variantId' } });
      expect(storeChecksum(t.core.store.sqlite)).toBe(before);
    };
    await refused(p.variants[0].id);
    await call(s, 'catalog.setActive', { id: p.id, active: false });
    await refused(p.variants[1].id);
  });

  it('moves an order to another warehouse: released here, reserved there', async () => {
    const other = (await addWarehouse(s)).id;
    const a = await addVariant(s, w, 3);
    await call(s, 'inventory.receive', { warehouseId: other, lines: [{ variantId: a, quantity: 2 }] });
    const o = await addOrder(s, w, [[a, 2]]);
    const moved = await call(s, 'orders.update', updateInputOf(o, { warehouseId: other }));
    expect(moved).toMatchObject({ status: 'ready_to_pack', warehouseId: other });
    expect(await levelOf(s, w, a)).toEqual({ onHand: 3, reserved: 0, available: 3 });
    expect(await levelOf(s, other, a)).toEqual({ onHand: 2, reserved: 2, available: 0 });
  });

  it('refuses a system edge asked for by hand', async () => {
    const a = await addVariant(s, w, 0);
    const o = await addOrder(s, w, [[a, 1]]);
    expect((await callError(s, 'orders.transition', { id: o.id, to: 'ready_to_pack' })).code).toBe('TRANSITION_INVALID');
  });

  describe('promotion of waiting orders, oldest first', () => {
    it('promotes on inventory.receive, skipping an older order that still does not fit', async () => {
      const a = await addVariant(s, w, 0);
      const big = await addOrder(s, w, [[a, 5]]);
      const small1 = await addOrder(s, w, [[a, 2]]);
      const small2 = await addOrder(s, w, [[a, 2]]);
      const r = await call(s, 'inventory.receive', { warehouseId: w, lines: [{ variantId: a, quantity: 3 }] });
      expect(r.promotedOrderIds).toEqual([small1.id]);
      expect([await statusOf(s, big.id), await statusOf(s, small1.id), await statusOf(s, small2.id)]).toEqual(['awaiting_stock', 'ready_to_pack', 'awaiting_stock']);
      expect(await levelOf(s, w, a)).toEqual({ onHand: 3, reserved: 2, available: 1 });
      const promoted = await call(s, 'orders.get', { id: small1.id });
      expect(promoted.events.at(-1)).toMatchObject({ kind: 'promoted', fromStatus: 'awaiting_stock', toStatus: 'ready_to_pack' });
    });

    it('promotes in creation order when both fit only one at a time', async () => {
      const a = await addVariant(s, w, 0);
      const first = await addOrder(s, w, [[a, 2]]);
      const second = await addOrder(s, w, [[a, 2]]);
      expect((await call(s, 'inventory.adjust', { warehouseId: w, variantId: a, delta: 2, reason: 'found' })).reserved).toBe(2);
      expect([await statusOf(s, first.id), await statusOf(s, second.id)]).toEqual(['ready_to_pack', 'awaiting_stock']);
      await call(s, 'inventory.adjust', { warehouseId: w, variantId: a, setOnHand: 4, reason: 'count' });
      expect(await statusOf(s, second.id)).toBe('ready_to_pack');
    });

    it('does not promote on a downward adjustment', async () => {
      const a = await addVariant(s, w, 3);
      const waiting = await addOrder(s, w, [[a, 5]]);
      await call(s, 'inventory.adjust', { warehouseId: w, variantId: a, delta: -1, reason: 'broken' });
      expect(await statusOf(s, waiting.id)).toBe('awaiting_stock');
    });

    it('promotes when a cancellation frees stock', async () => {
      const a = await addVariant(s, w, 2);
      const holder = await addOrder(s, w, [[a, 2]]);
      const waiting = await addOrder(s, w, [[a, 1]]);
      expect(waiting.status).toBe('awaiting_stock');
      const cancelled = await call(s, 'orders.cancel', { id: holder.id, reason: 'hết hàng' });
      expect(cancelled.status).toBe('cancelled');
      expect(await statusOf(s, waiting.id)).toBe('ready_to_pack');
      expect(await levelOf(s, w, a)).toEqual({ onHand: 2, reserved: 1, available: 1 });
    });

    it('leaves waiting orders of another warehouse alone', async () => {
      const other = (await addWarehouse(s)).id;
      const a = await addVariant(s, w, 0);
      const elsewhere = await addOrder(s, other, [[a, 1]]);
      await call(s, 'inventory.receive', { warehouseId: w, lines: [{ variantId: a, quantity: 5 }] });
      expect(await statusOf(s, elsewhere.id)).toBe('awaiting_stock');
    });
  });

  describe('editing an order', () => {
    it('gives the stock back and reserves the new lines', async () => {
      const a = await addVariant(s, w, 5);
      const b = await addVariant(s, w, 5);
      const o = await addOrder(s, w, [[a, 2]]);
      const edited = await call(s, 'orders.update', updateInputOf(o, { lines: [{ variantId: a, quantity: 1 }, { variantId: b, quantity: 4 }] }));
      expect(edited.status).toBe('ready_to_pack');
      expect(edited.version).toBeGreaterThan(o.version);
      expect(await levelOf(s, w, a)).toEqual({ onHand: 5, reserved: 1, available: 4 });
      expect(await levelOf(s, w, b)).toEqual({ onHand: 5, reserved: 4, available: 1 });
      expect(edited.subtotal).toBe(5 * 150_000);
    });

    it('drops the order to awaiting_stock when the new lines do not fit', async () => {
      const a = await addVariant(s, w, 2);
      const o = await addOrder(s, w, [[a, 2]]);
      const edited = await call(s, 'orders.update', updateInputOf(o, { lines: [{ variantId: a, quantity: 3 }] }));
      expect(edited.status).toBe('awaiting_stock');
      expect(edited.lines[0].reservedQty).toBe(0);
      expect(await levelOf(s, w, a)).toEqual({ onHand: 2, reserved: 0, available: 2 });
    });

    it('promotes an older waiting order with the stock an edit gives back', async () => {
      const a = await addVariant(s, w, 3);
      const holder = await addOrder(s, w, [[a, 3]]);
      const waiting = await addOrder(s, w, [[a, 2]]);
      await call(s, 'orders.update', updateInputOf(holder, { lines: [{ variantId: a, quantity: 1 }] }));
      expect(await statusOf(s, waiting.id)).toBe('ready_to_pack');
      expect(await levelOf(s, w, a)).toEqual({ onHand: 3, reserved: 3, available: 0 });
    });

    it('refuses a stale version with CONFLICT and changes nothing', async () => {
      const a = await addVariant(s, w, 5);
      const o = await addOrder(s, w, [[a, 1]]);
      await call(s, 'orders.update', updateInputOf(o, { note: 'first edit' }));
      const before = storeChecksum(t.core.store.sqlite);
      const e = await callError(s, 'orders.update', updateInputOf(o, { note: 'stale edit', lines: [{ variantId: a, quantity: 4 }] }));
      expect(e).toMatchObject({ code: 'CONFLICT', details: { reason: 'version' } });
      expect(storeChecksum(t.core.store.sqlite)).toBe(before);
    });

    it('refuses edits once packing started', async () => {
      const a = await addVariant(s, w, 5);
      const o = await addOrder(s, w, [[a, 1]]);
      const packing = await call(s, 'orders.transition', { id: o.id, to: 'packing' });
      expect((await callError(s, 'orders.update', updateInputOf(packing, { note: 'x' }))).code).toBe('ORDER_LOCKED');
    });

    it('refuses a discount larger than the order, as creation does', async () => {
      const a = await addVariant(s, w, 5);
      expect((await callError(s, 'orders.create', orderInput(w, [[a, 1]], { discount: 200_000 }))).code).toBe('INPUT_INVALID');
      const o = await addOrder(s, w, [[a, 1]]);
      const before = storeChecksum(t.core.store.sqlite);
      expect((await callError(s, 'orders.update', updateInputOf(o, { discount: 200_000 }))).code).toBe('INPUT_INVALID');
      expect(storeChecksum(t.core.store.sqlite)).toBe(before);
    });
  });

  it('refuses an order that comes to more than an amount can hold, on create and on edit, writing nothing', async () => {
    // 1,000,000 × 100,000,000,000 đồng passes every field's own limit but not 2^53.
    const a = await addVariant(s, w, 5);
    const huge = [{ variantId: a, quantity: 1_000_000, unitPrice: 100_000_000_000 }];
    let before = storeChecksum(t.core.store.sqlite);
    expect(await callError(s, 'orders.create', orderInput(w, [], { lines: huge }))).toMatchObject({ code: 'INPUT_INVALID', details: { issues: [{ path: 'lines' }] } });
    expect(storeChecksum(t.core.store.sqlite)).toBe(before);
    const o = await addOrder(s, w, [[a, 1]]);
    before = storeChecksum(t.core.store.sqlite);
    expect((await callError(s, 'orders.update', updateInputOf(o, { lines: huge }))).code).toBe('INPUT_INVALID');
    expect(storeChecksum(t.core.store.sqlite)).toBe(before);
    expect((await call(s, 'orders.list', {})).items.length).toBeGreaterThan(0);
  });

  it('keeps the ledger and line reservations consistent across all of the above', () => {
    expect(ledgerProblems(t.core.store.sqlite)).toEqual([]);
  });
});
