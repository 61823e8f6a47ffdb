import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../main/core/core.js';
import { call, callError } from '../../fixtures/core.js';
import { storeChecksum } from '../../fixtures/store-checks.js';
import { packWorld, type PackWorld } from '../packing/pack-world.js';

// A pick list through its life at the desk: picked by the picker, done in the same transaction as
// the packing of its last order, progress counted as orders leave the floor.
describe('pick list lifecycle', () => {
  let w: PackWorld;
  let desk: Session;
  let a: Awaited<ReturnType<PackWorld['product']>>;
  const status = (id: number) => w.db.prepare('SELECT status FROM pick_lists WHERE id = ?').pluck().get(id);

  beforeAll(async () => {
    w = await packWorld();
    desk = await w.desk('Bàn 1');
    a = await w.product();
  }, 60_000);
  afterAll(() => w.close());

  async function pack(orderId: number) {
    const s = await call(desk, 'packing.open', { orderId });
    await call(desk, 'packing.scan', { sessionId: s.id, code: a.barcode });
    return call(desk, 'packing.complete', { sessionId: s.id, weightGrams: 300 });
  }

  it('is marked picked by the picker, again is a no-op, and shows packed x / n until the last order makes it done', async () => {
    const o1 = await w.order([[a.variantId, 1]]);
    const o2 = await w.order([[a.variantId, 1]]);
    const o3 = await w.order([[a.variantId, 1]]);
    const p = await call(desk, 'picking.create', { orderIds: [o1.id, o2.id, o3.id] });
    expect(p).toMatchObject({ status: 'open', orderCount: 3, packedCount: 0, cancelledCount: 0 });
    expect((await call(desk, 'picking.markPicked', { id: p.id })).status).toBe('picked');
    expect((await call(desk, 'picking.markPicked', { id: p.id })).status).toBe('picked');

    await pack(o1.id);
    expect(await call(desk, 'picking.get', { id: p.id })).toMatchObject({ status: 'picked', packedCount: 1 });
    await call(w.t.admin, 'orders.cancel', { id: o2.id, reason: 'khách hủy' });
    const listed = (await call(desk, 'picking.list', { statuses: ['picked'] })).items.find((x) => x.id === p.id);
    expect(listed).toMatchObject({ packedCount: 1, cancelledCount: 1, orderCount: 3 });

    await pack(o3.id);
    expect(await call(desk, 'picking.get', { id: p.id })).toMatchObject({ status: 'done', packedCount: 2, cancelledCount: 1 });
    // A done list is closed: neither picked again nor cancelled.
    expect(await callError(desk, 'picking.markPicked', { id: p.id })).toMatchObject({ code: 'CONFLICT', details: { reason: 'pick_list_closed' } });
  });

  it('turns done straight from open, in the transaction that packs the last order', async () => {
    const o = await w.order([[a.variantId, 1]]);
    const p = await call(desk, 'picking.create', { orderIds: [o.id] });
    const s = await call(desk, 'packing.open', { orderId: o.id });
    await call(desk, 'packing.scan', { sessionId: s.id, code: a.barcode });
    const done = await call(desk, 'packing.complete', { sessionId: s.id, weightGrams: 250 });
    const updated = w.db.prepare("SELECT p.updated_at AS listAt, (SELECT max(at) FROM order_events WHERE order_id = ? AND kind = 'packed') AS packedAt FROM pick_lists p WHERE id = ?").get(done.orderId, p.id) as { listAt: number; packedAt: number };
    expect(status(p.id)).toBe('done');
    expect(updated.listAt).toBe(updated.packedAt);
  });

  it('turns done when its last open order is cancelled, in the cancelling transaction', async () => {
    const o1 = await w.order([[a.variantId, 1]]);
    const o2 = await w.order([[a.variantId, 1]]);
    const p = await call(desk, 'picking.create', { orderIds: [o1.id, o2.id] });
    await pack(o1.id);
    expect(status(p.id)).toBe('open');
    await call(w.t.admin, 'orders.cancel', { id: o2.id, reason: 'khách hủy' });
    expect(await call(desk, 'picking.get', { id: p.id })).toMatchObject({ status: 'done', packedCount: 1, cancelledCount: 1 });
  });

  it('stays open when packing is refused, and a cancelled list is not touched by packing its orders', async () => {
    const o1 = await w.order([[a.variantId, 2]]);
    const p = await call(desk, 'picking.create', { orderIds: [o1.id] });
    const s = await call(desk, 'packing.open', { orderId: o1.id });
    await call(desk, 'packing.scan', { sessionId: s.id, code: a.barcode });
    const before = storeChecksum(w.db);
    expect(await callError(desk, 'packing.complete', { sessionId: s.id, weightGrams: 300 })).toMatchObject({ code: 'GUARD_FAILED' });
    expect(storeChecksum(w.db)).toBe(before);
    expect(status(p.id)).toBe('open');
    await call(desk, 'picking.cancel', { id: p.id });
    await call(desk, 'packing.scan', { sessionId: s.id, code: a.barcode });
    await call(desk, 'packing.complete', { sessionId: s.id, weightGrams: 300 });
    expect(status(p.id)).toBe('cancelled');
  });

  it('refuses marking an unknown or cancelled list, writing nothing', async () => {
    const o = await w.order([[a.variantId, 1]]);
    const p = await call(desk, 'picking.create', { orderIds: [o.id] });
    await call(desk, 'picking.cancel', { id: p.id });
    const before = storeChecksum(w.db);
    expect(await callError(desk, 'picking.markPicked', { id: p.id })).toMatchObject({ code: 'CONFLICT', details: { status: 'cancelled' } });
    expect(await callError(desk, 'picking.markPicked', { id: 999_999 })).toMatchObject({ code: 'NOT_FOUND' });
    expect(storeChecksum(w.db)).toBe(before);
  });
});
