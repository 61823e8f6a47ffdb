import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../main/core/core.js';
import { addWarehouse } from '../../fixtures/builders.js';
import { call } from '../../fixtures/core.js';
import { packWorld, type PackWorld } from './pack-world.js';

// The station's pack queue: ship-by deadline first (orders without one after every dated order), then
// order time, then id; channel and carrier filters, and counts that ignore their own filter.
describe('the pack queue', () => {
  let w: PackWorld;
  let desk: Session;
  const H = 3_600_000;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    w = await packWorld();
    desk = await w.desk('Bàn 1');
    const a = await w.product();
    const base = Date.now();
    // [name, shipBy, created_at offset, channel]; created_at is set apart from the insertion order, so
    // a queue sorted by id alone would fail.
    const plan: [string, number | null, number, string][] = [
      ['noDeadlineOld', null, -5 * H, 'manual'],
      ['late', base + 9 * H, -4 * H, 'shopee'],
      ['noDeadlineNew', null, -1 * H, 'shopee'],
      ['soonNewer', base + 2 * H, -1 * H, 'tiktok'],
      ['soonOlder', base + 2 * H, -3 * H, 'manual'],
      ['soonest', base + 1 * H, -2 * H, 'shopee'],
    ];
    for (const [name, shipBy, age, channel] of plan) {
      const o = await w.order([[a.variantId, 1]], shipBy === null ? {} : { shipBy });
      w.db.prepare('UPDATE orders SET ship_by = ?, created_at = ?, channel = ? WHERE id = ?').run(shipBy, base + age, channel, o.id);
      ids[name] = o.id;
    }
    // One order already booked with Viettel Post from the order page: its carrier is the shipment's.
    await call(desk, 'shipping.resolveAddress', { orderId: ids.late, accountId: w.accounts.vtp.id });
    const { defaults } = await call(desk, 'shipping.forOrder', { orderId: ids.late });
    await call(desk, 'shipping.book', { orderId: ids.late, accountId: w.accounts.vtp.id, serviceCode: 'VCN', codVnd: defaults.codVnd, weightG: 300, lengthCm: 20, widthCm: 15, heightCm: 5, payer: 'seller' });
  }, 60_000);
  afterAll(() => w.close());

  const names = (orders: { id: number }[]) => orders.map((o) => Object.keys(ids).find((k) => ids[k] === o.id));

  it('sorts by ship-by, then order time, with orders without a deadline last', async () => {
    const q = await call(desk, 'packing.queue', {});
    expect(names(q.orders)).toEqual(['soonest', 'soonOlder', 'soonNewer', 'late', 'noDeadlineOld', 'noDeadlineNew']);
    expect(q.total).toBe(6);
    expect(q.orders[0]).toMatchObject({ shipBy: expect.any(Number), itemCount: 1, lineCount: 1 });
    expect(q.orders.at(-1)!.shipBy).toBeNull();
  });

  it('filters by channel, keeping the order, with channel counts over all and carrier counts within the channel', async () => {
    const q = await call(desk, 'packing.queue', { channel: 'shopee' });
    expect(names(q.orders)).toEqual(['soonest', 'late', 'noDeadlineNew']);
    expect(q.total).toBe(3);
    expect(q.byChannel).toEqual({ manual: 2, shopee: 3, tiktok: 1 });
    expect(q.byCarrier).toEqual({ viettelpost: 1, ghn: 2 });
  });

  it("filters by carrier (the live shipment's, else the station's default account), with counts the other way round", async () => {
    const def = (await call(desk, 'packing.queue', {})).orders.find((o) => o.id === ids.soonest)!.carrier;
    expect(def).toBe('ghn');
    const vtp = await call(desk, 'packing.queue', { carrier: 'viettelpost' });
    expect(names(vtp.orders)).toEqual(['late']);
    expect(vtp.orders[0].carrier).toBe('viettelpost');
    expect(vtp.byChannel).toEqual({ shopee: 1 });
    expect(vtp.byCarrier).toEqual({ viettelpost: 1, ghn: 5 });
    const both = await call(desk, 'packing.queue', { carrier: 'ghn', channel: 'manual' });
    expect(names(both.orders)).toEqual(['soonOlder', 'noDeadlineOld']);
    expect(both.total).toBe(2);
  });

  it('caps the list at the limit while the total counts every match, and leaves out orders being packed', async () => {
    const q = await call(desk, 'packing.queue', { limit: 2 });
    expect(names(q.orders)).toEqual(['soonest', 'soonOlder']);
    expect(q.total).toBe(6);
    // Dated and undated orders are read apart: a limit that reaches past the dated ones takes the oldest undated.
    expect(names((await call(desk, 'packing.queue', { limit: 5 })).orders)).toEqual(['soonest', 'soonOlder', 'soonNewer', 'late', 'noDeadlineOld']);
    const s = await call(desk, 'packing.open', { orderId: ids.soonest });
    const after = await call(desk, 'packing.queue', {});
    expect(names(after.orders)[0]).toBe('soonOlder');
    expect(after.total).toBe(5);
    await call(desk, 'packing.release', { sessionId: s.id });
  });

  it("counts only this warehouse's orders once another warehouse has ready orders too", async () => {
    const other = await addWarehouse(w.t.admin);
    w.db.prepare('UPDATE orders SET warehouse_id = ? WHERE id = ?').run(other.id, ids.soonOlder);
    try {
      const q = await call(desk, 'packing.queue', {});
      expect(names(q.orders)).not.toContain('soonOlder');
      expect(q.total).toBe(5);
      expect(q.byChannel).toEqual({ manual: 1, shopee: 3, tiktok: 1 });
      expect(q.byCarrier).toEqual({ viettelpost: 1, ghn: 4 });
    } finally {
      w.db.prepare('UPDATE orders SET warehouse_id = ? WHERE id = ?').run(w.shop.warehouseId, ids.soonOlder);
    }
  });
});
