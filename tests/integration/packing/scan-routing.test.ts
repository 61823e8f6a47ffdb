import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../main/core/core.js';
import { call } from '../../fixtures/core.js';
import { isBooked, waitForShipment } from '../../fixtures/shipping.js';
import { packWorld, type PackWorld } from './pack-world.js';

// packing.resolveScan against a real store: every kind of code, through the real lookups.
describe('routing a scanned code', () => {
  let w: PackWorld;
  let desk: Session;
  let a: Awaited<ReturnType<PackWorld['product']>>;
  const route = (code: string, sessionId?: number) => call(desk, 'packing.resolveScan', { code, context: sessionId ? { sessionId } : {} });

  beforeAll(async () => {
    w = await packWorld();
    desk = await w.desk('Bàn 1');
    a = await w.product();
  }, 60_000);
  afterAll(() => w.close());

  it('finds an order by our number, a marketplace id and a tracking number', async () => {
    const o = await w.order([[a.variantId, 1]]);
    w.db.prepare("UPDATE orders SET channel = 'shopee', external_id = '2412019ABCDEF' WHERE id = ?").run(o.id);
    expect(await route(o.number)).toMatchObject({ match: { kind: 'order', orderId: o.id, via: 'number' }, action: 'open_order' });
    expect(await route('2412019ABCDEF')).toMatchObject({ match: { kind: 'order', orderId: o.id, via: 'external_id' } });
    const s = await call(desk, 'packing.open', { orderId: o.id });
    await call(desk, 'packing.scan', { sessionId: s.id, code: a.barcode });
    const done = await call(desk, 'packing.complete', { sessionId: s.id, weightGrams: 300 });
    const sh = await waitForShipment(desk, done.shipmentId, isBooked);
    expect(await route(sh.trackingNumber!)).toMatchObject({ match: { kind: 'order', orderId: o.id, via: 'tracking' } });
  });

  it('finds products by barcode or SKU, bins of the station warehouse, and says unknown otherwise', async () => {
    w.db.prepare("INSERT INTO bins (warehouse_id, code) VALUES (?, 'A-01-1')").run(w.shop.warehouseId);
    expect(await route(a.barcode)).toMatchObject({ match: { kind: 'product', variantId: a.variantId, inOrder: null }, action: 'info' });
    expect(await route(a.sku)).toMatchObject({ match: { kind: 'product', variantId: a.variantId } });
    expect(await route('a-01-1')).toMatchObject({ match: { kind: 'bin', code: 'A-01-1' }, action: 'info' });
    expect(await route('NOTHING-LIKE-THIS')).toEqual({ match: { kind: 'unknown', code: 'NOTHING-LIKE-THIS' }, action: 'unknown' });
  });

  it('on an open order, counts its products and unknown codes, and asks before switching once units are counted', async () => {
    const o1 = await w.order([[a.variantId, 2]]);
    const o2 = await w.order([[a.variantId, 1]]);
    const s = await call(desk, 'packing.open', { orderId: o1.id });
    expect((await route(a.barcode, s.id)).action).toBe('count');
    expect((await route('UNKNOWN-CODE', s.id)).action).toBe('count');
    expect((await route(o1.number, s.id)).action).toBe('same_order');
    expect((await route(o2.number, s.id)).action).toBe('open_order');
    await call(desk, 'packing.scan', { sessionId: s.id, code: a.barcode });
    expect((await route(o2.number, s.id)).action).toBe('confirm_switch');
    await call(desk, 'packing.release', { sessionId: s.id });
  });
});
