import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../main/core/core.js';
import { call, callError } from '../../fixtures/core.js';
import { packWorld, type PackWorld } from './pack-world.js';

describe('pack sessions and scans', () => {
  let w: PackWorld;
  let desk1: Session;
  let desk2: Session;
  let a: Awaited<ReturnType<PackWorld['product']>>;
  let b: Awaited<ReturnType<PackWorld['product']>>;
  const verified = (orderId: number) => w.db.prepare('SELECT verified_qty FROM order_lines WHERE order_id = ? ORDER BY id').pluck().all(orderId);
  const scanRows = (sessionId: number) => w.db.prepare('SELECT result, quantity, typed, undone FROM pack_scans WHERE session_id = ? ORDER BY id').all(sessionId);

  beforeAll(async () => {
    w = await packWorld();
    desk1 = await w.desk('Bàn 1');
    desk2 = await w.desk('Bàn 2');
    a = await w.product();
    b = await w.product();
  }, 60_000);
  afterAll(() => w.close());
  // Each test leaves its desk free: a desk holding counted units refuses to open another order.
  afterEach(async () => {
    const open = await call(desk1, 'packing.current', {});
    if (open) await call(desk1, 'packing.release', { sessionId: open.id });
  });

  it('opens a ready order at one desk only: the same desk gets its session back, another is told who holds it', async () => {
    const o = await w.order([[a.variantId, 1]]);
    const s = await call(desk1, 'packing.open', { orderId: o.id });
    expect(s.order.status).toBe('packing');
    expect((await call(desk1, 'packing.open', { orderId: o.id })).id).toBe(s.id);
    expect(await callError(desk2, 'packing.open', { orderId: o.id })).toMatchObject({ code: 'CONFLICT', details: { reason: 'held_by_station', station: 'Bàn 1' } });
    expect((await call(desk1, 'packing.current', {}))?.id).toBe(s.id);
    await call(desk1, 'packing.release', { sessionId: s.id });
    expect((await call(desk1, 'orders.get', { id: o.id })).status).toBe('ready_to_pack');
  });

  it('refuses cancelled and unconfirmed orders with a reason', async () => {
    const o = await w.order([[a.variantId, 1]]);
    await call(w.t.admin, 'orders.cancel', { id: o.id, reason: 'Khách hủy' });
    expect(await callError(desk1, 'packing.open', { orderId: o.id })).toMatchObject({ code: 'TRANSITION_INVALID', details: { reason: 'order_cancelled' } });
    const draft = await w.order([[a.variantId, 1]], { confirm: false });
    expect(await callError(desk1, 'packing.open', { orderId: draft.id })).toMatchObject({ code: 'TRANSITION_INVALID', details: { reason: 'not_ready', status: 'new' } });
  });

  it('counts each good scan once and refuses a wrong item and an extra unit with nothing changed, but logged', async () => {
    const o = await w.order([[a.variantId, 2]]);
    const s = await call(desk1, 'packing.open', { orderId: o.id });
    expect((await call(desk1, 'packing.scan', { sessionId: s.id, code: a.barcode })).result).toBe('ok');
    const before = w.db.prepare('SELECT version, updated_at FROM orders WHERE id = ?').get(o.id);
    const wrong = await call(desk1, 'packing.scan', { sessionId: s.id, code: b.barcode });
    expect(wrong).toMatchObject({ result: 'wrong_item', sku: b.sku, verifiedQty: 0 });
    expect(verified(o.id)).toEqual([1]);
    expect((await call(desk1, 'packing.scan', { sessionId: s.id, code: a.sku })).result).toBe('ok');
    const extra = await call(desk1, 'packing.scan', { sessionId: s.id, code: a.barcode });
    expect(extra).toMatchObject({ result: 'extra_unit', verifiedQty: 2, quantity: 2 });
    expect((await call(desk1, 'packing.scan', { sessionId: s.id, code: 'KHONG-CO-MA-NAY' })).result).toBe('unknown');
    expect(verified(o.id)).toEqual([2]);
    expect(w.db.prepare('SELECT version, updated_at FROM orders WHERE id = ?').get(o.id)).toEqual(before);
    expect(scanRows(s.id)).toEqual([
      { result: 'ok', quantity: 1, typed: 0, undone: 0 }, { result: 'wrong_item', quantity: 0, typed: 0, undone: 0 },
      { result: 'ok', quantity: 1, typed: 0, undone: 0 }, { result: 'extra_unit', quantity: 0, typed: 0, undone: 0 }, { result: 'unknown', quantity: 0, typed: 0, undone: 0 },
    ]);
  });

  it('counts 20 scans sent back to back, each one', async () => {
    const o = await w.order([[a.variantId, 20]]);
    const s = await call(desk1, 'packing.open', { orderId: o.id });
    const results = await Promise.all(Array.from({ length: 20 }, () => call(desk1, 'packing.scan', { sessionId: s.id, code: a.barcode })));
    expect(results.map((r) => r.result)).toEqual(Array(20).fill('ok'));
    expect(verified(o.id)).toEqual([20]);
    expect((await call(desk1, 'packing.session', { sessionId: s.id })).allVerified).toBe(true);
  });

  it('undoes the last counted scan, and takes a typed total only right after a scan of that line', async () => {
    const o = await w.order([[a.variantId, 12], [b.variantId, 1]]);
    const s = await call(desk1, 'packing.open', { orderId: o.id });
    expect(await callError(desk1, 'packing.scan', { sessionId: s.id, code: a.barcode, quantity: 12 })).toMatchObject({ code: 'QUANTITY_INVALID', details: { reason: 'not_after_scan' } });
    await call(desk1, 'packing.scan', { sessionId: s.id, code: a.barcode });
    expect((await call(desk1, 'packing.scan', { sessionId: s.id, code: a.barcode, quantity: 13 })).result).toBe('extra_unit');
    // The refused typed total was logged after the scan, so it is no longer "right after" it.
    await call(desk1, 'packing.scan', { sessionId: s.id, code: a.barcode });
    expect(await call(desk1, 'packing.scan', { sessionId: s.id, code: a.barcode, quantity: 12 })).toMatchObject({ result: 'ok', verifiedQty: 12 });
    expect(verified(o.id)).toEqual([12, 0]);
    const undone = await call(desk1, 'packing.undoLastScan', { sessionId: s.id });
    expect(undone.lines[0].verifiedQty).toBe(2);
    await call(w.t.admin, 'stations.update', { name: 'Bàn 1', packing: { allowTypedQuantity: false } });
    await call(desk1, 'packing.scan', { sessionId: s.id, code: a.barcode });
    expect(await callError(desk1, 'packing.scan', { sessionId: s.id, code: a.barcode, quantity: 12 })).toMatchObject({ code: 'QUANTITY_INVALID', details: { reason: 'not_allowed' } });
    await call(w.t.admin, 'stations.update', { name: 'Bàn 1', packing: { allowTypedQuantity: true } });
    expect(verified(o.id)).toEqual([3, 0]);
  });

  it('refuses every scan once the order is cancelled meanwhile, and the desk then lets it go', async () => {
    const o = await w.order([[a.variantId, 2]]);
    const s = await call(desk1, 'packing.open', { orderId: o.id });
    await call(desk1, 'packing.scan', { sessionId: s.id, code: a.barcode });
    await call(w.t.admin, 'orders.cancel', { id: o.id, reason: 'Sàn hủy' });
    expect((await call(desk1, 'packing.scan', { sessionId: s.id, code: a.barcode })).result).toBe('order_cancelled');
    expect(verified(o.id)).toEqual([1]);
    expect((await call(desk1, 'packing.current', {}))?.order.status).toBe('cancelled');
    await call(desk1, 'packing.release', { sessionId: s.id });
    expect(w.db.prepare('SELECT status FROM pack_sessions WHERE id = ?').pluck().get(s.id)).toBe('cancelled');
  });

  it('opening another order leaves an untouched one silently, but not one with counted units', async () => {
    const o1 = await w.order([[a.variantId, 2]]);
    const o2 = await w.order([[a.variantId, 1]]);
    const s1 = await call(desk1, 'packing.open', { orderId: o1.id });
    await call(desk1, 'packing.open', { orderId: o2.id });
    expect((await call(desk1, 'orders.get', { id: o1.id })).status).toBe('ready_to_pack');
    const s1b = await call(desk1, 'packing.open', { orderId: o1.id });
    expect(s1b.id).not.toBe(s1.id);
    await call(desk1, 'packing.scan', { sessionId: s1b.id, code: a.barcode });
    expect(await callError(desk1, 'packing.open', { orderId: o2.id })).toMatchObject({ code: 'CONFLICT', details: { reason: 'station_busy' } });
    const r = await call(desk1, 'packing.resolveScan', { code: o2.number, context: { sessionId: s1b.id } });
    expect(r.action).toBe('confirm_switch');
    await call(desk1, 'packing.release', { sessionId: s1b.id });
    expect(verified(o1.id)).toEqual([0]);
  });
});
