import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../main/core/core.js';
import { openException } from '../../../main/domain/shipping/exceptions.js';
import { call, callError } from '../../fixtures/core.js';
import { isBooked, waitForShipment } from '../../fixtures/shipping.js';
import { storeChecksum } from '../../fixtures/store-checks.js';
import { packWorld, type PackWorld } from '../packing/pack-world.js';

// The operator's actions on "cancelled after packing" for a shop's own order (manual channel) packed at
// a desk and booked with GHN (simulator): unpack and restock withdraws the booking through the shipping
// withdraw path, cancels the waiting label and releases the stock once; ship anyway is the shop's call
// there (a manager's); refusals change nothing.

describe('exception actions on a packed, booked order', () => {
  let w: PackWorld;
  let desk: Session;
  let manager: Session;
  let a: Awaited<ReturnType<PackWorld['product']>>;
  const level = () => w.db.prepare('SELECT on_hand AS onHand, reserved FROM stock_levels WHERE variant_id = ? AND warehouse_id = ?').get(a.variantId, w.shop.warehouseId) as { onHand: number; reserved: number };

  beforeAll(async () => {
    w = await packWorld();
    desk = await w.desk('Bàn 1');
    manager = await w.desk('Bàn 1', 'manager');
    a = await w.product();
  }, 60_000);
  afterAll(() => w.close());

  /** Packed at the desk, booked with GHN (tracking number in), and the cancellation exception as intake opens it. */
  async function packedWithException(qty = 2) {
    const o = await w.order([[a.variantId, qty]]);
    const s = await call(desk, 'packing.open', { orderId: o.id });
    for (let i = 0; i < qty; i++) await call(desk, 'packing.scan', { sessionId: s.id, code: a.barcode });
    const done = await call(desk, 'packing.complete', { sessionId: s.id, weightGrams: 400 });
    await waitForShipment(desk, done.shipmentId, isBooked);
    const store = w.t.core.store;
    store.tx(() => openException(store, { kind: 'marketplace_cancel_after_pack', orderId: o.id, ref: o.number, message: `cancelled order ${o.number} after it was packed`, details: { channel: 'manual' } }, Date.now()));
    const id = w.db.prepare("SELECT id FROM exceptions WHERE order_id = ? AND status = 'open'").pluck().get(o.id) as number;
    return { o, exceptionId: id, shipmentId: done.shipmentId, printJobIds: done.printJobIds };
  }

  it('unpack and restock: order cancelled, stock released once, waiting label cancelled, GHN booking withdrawn, exception resolved', async () => {
    const before = level();
    const x = await packedWithException(2);
    expect(level()).toEqual({ onHand: before.onHand, reserved: before.reserved + 2 });
    const listed = (await call(desk, 'exceptions.list', { status: 'open', kind: 'marketplace_cancel_after_pack' })).items.find((e) => e.id === x.exceptionId)!;
    expect(listed.actions).toEqual([{ action: 'unpack_restock', allowed: true, reason: null }, { action: 'ship_anyway', allowed: true, reason: null }]);

    const r = await call(desk, 'exceptions.unpackRestock', { id: x.exceptionId, note: '' });
    expect(r).toEqual({ exceptionId: x.exceptionId, orderId: x.o.id, orderStatus: 'cancelled' });
    expect(level()).toEqual(before);
    expect(w.db.prepare("SELECT kind, reserved_delta, operator_id IS NOT NULL AS who, reason FROM stock_movements WHERE order_id = ? AND kind = 'release'").all(x.o.id))
      .toEqual([{ kind: 'release', reserved_delta: -2, who: 1, reason: expect.stringContaining('Unpacked and restocked') }]);
    expect(w.db.prepare('SELECT status FROM print_jobs WHERE id = ?').pluck().get(x.printJobIds[0])).toBe('cancelled');
    // Withdrawn through the shipping path: the carrier is asked to cancel (outbox), and does.
    expect(w.db.prepare("SELECT count(*) FROM jobs WHERE kind = 'shipment.cancel' AND subject_id = ?").pluck().get(x.shipmentId)).toBe(1);
    await waitForShipment(desk, x.shipmentId, (s) => s.state === 'cancelled');
    const ev = (await call(desk, 'orders.get', { id: x.o.id })).events;
    expect(ev.filter((e) => e.kind === 'cancelled')).toEqual([expect.objectContaining({ fromStatus: 'packed', toStatus: 'cancelled', operatorName: expect.any(String) })]);
    expect(w.db.prepare('SELECT status, resolved_by FROM exceptions WHERE id = ?').get(x.exceptionId)).toEqual({ status: 'resolved', resolved_by: await w.t.operatorId('packer') });

    // Exactly once.
    const after = storeChecksum(w.db);
    expect(await callError(desk, 'exceptions.unpackRestock', { id: x.exceptionId, note: '' })).toMatchObject({ code: 'CONFLICT', details: { reason: 'exception_closed' } });
    expect(storeChecksum(w.db)).toBe(after);
    expect(level()).toEqual(before);
  });

  it('ship anyway (a manager, where the channel allows it): the order stays packed with its booking, the decision audited', async () => {
    const x = await packedWithException(1);
    const unchanged = storeChecksum(w.db);
    expect(await callError(desk, 'exceptions.shipAnyway', { id: x.exceptionId, note: '' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(storeChecksum(w.db)).toBe(unchanged);
    const r = await call(manager, 'exceptions.shipAnyway', { id: x.exceptionId, note: 'khách gọi lại, vẫn lấy hàng' });
    expect(r).toEqual({ exceptionId: x.exceptionId, orderId: x.o.id, orderStatus: 'packed' });
    expect((await call(desk, 'shipping.get', { id: x.shipmentId })).state).not.toBe('cancelled');
    const ev = (await call(desk, 'orders.get', { id: x.o.id })).events.filter((e) => e.kind === 'ship_anyway');
    expect(ev).toEqual([expect.objectContaining({ reason: 'Ship anyway: khách gọi lại, vẫn lấy hàng', operatorName: expect.any(String) })]);
    expect(w.db.prepare('SELECT status, resolution FROM exceptions WHERE id = ?').get(x.exceptionId)).toEqual({ status: 'resolved', resolution: 'Ship anyway: khách gọi lại, vẫn lấy hàng' });
  });

  it('refuses, changing nothing: a parcel already gone, an unknown exception, another kind, bad input', async () => {
    const x = await packedWithException(1);
    // The carrier picked the parcel up meanwhile.
    w.db.prepare("UPDATE orders SET status = 'shipped' WHERE id = ?").run(x.o.id);
    const before = storeChecksum(w.db);
    expect(await callError(desk, 'exceptions.unpackRestock', { id: x.exceptionId, note: '' })).toMatchObject({ code: 'TRANSITION_INVALID', details: { reason: 'parcel_left', number: x.o.number } });
    expect(await callError(desk, 'exceptions.unpackRestock', { id: 999_999, note: '' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await callError(desk, 'exceptions.rearrange', { id: x.exceptionId })).toMatchObject({ code: 'CONFLICT', details: { reason: 'exception_kind' } });
    expect(await callError(desk, 'exceptions.unpackRestock', { id: 0 })).toMatchObject({ code: 'INPUT_INVALID' });
    expect(await callError(manager, 'exceptions.shipAnyway', { id: x.exceptionId, note: 'x'.repeat(301) })).toMatchObject({ code: 'INPUT_INVALID' });
    expect(await callError(desk, 'exceptions.unpackRestock', { id: x.exceptionId, extra: 1 })).toMatchObject({ code: 'INPUT_INVALID' });
    expect(storeChecksum(w.db)).toBe(before);
  });
});
