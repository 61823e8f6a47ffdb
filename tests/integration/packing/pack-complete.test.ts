import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../main/core/core.js';
import { call, callError } from '../../fixtures/core.js';
import { isBooked, waitForShipment } from '../../fixtures/shipping.js';
import { packWorld, type PackWorld } from './pack-world.js';

describe('completing, pausing and overriding at the pack station', () => {
  let w: PackWorld;
  let desk: Session;
  let manager: Session;
  let a: Awaited<ReturnType<PackWorld['product']>>;
  const count = (sql: string, ...p: unknown[]) => w.db.prepare(sql).pluck().get(...p) as number;

  beforeAll(async () => {
    w = await packWorld();
    desk = await w.desk('Bàn 1');
    manager = await w.desk('Bàn 1', 'manager');
    a = await w.product();
  }, 60_000);
  afterAll(() => w.close());
  afterEach(async () => {
    const open = await call(desk, 'packing.current', {});
    if (open) await call(desk, 'packing.release', { sessionId: open.id });
  });

  async function packed(lines: [number, number][]) {
    const o = await w.order(lines);
    const s = await call(desk, 'packing.open', { orderId: o.id });
    for (const [, q] of lines) for (let i = 0; i < q; i++) await call(desk, 'packing.scan', { sessionId: s.id, code: a.barcode });
    return { o, s };
  }

  it('books the parcel, queues its label and marks the order packed in one go, then the label gets its tracking number', async () => {
    const { o, s } = await packed([[a.variantId, 2]]);
    const done = await call(desk, 'packing.complete', { sessionId: s.id, weightGrams: 480 });
    expect(done).toMatchObject({ orderId: o.id, booked: true });
    expect((await call(desk, 'orders.get', { id: o.id })).status).toBe('packed');
    const job = w.db.prepare('SELECT station, purpose, document_json, order_id FROM print_jobs WHERE id = ?').get(done.printJobIds[0]);
    expect(job).toEqual({ station: 'Bàn 1', purpose: 'label', document_json: JSON.stringify({ kind: 'shipment-label', shipmentId: done.shipmentId }), order_id: o.id });
    expect(count("SELECT count(*) FROM jobs WHERE kind = 'shipment.book' AND subject_id = ?", done.shipmentId)).toBe(1);
    const sh = await waitForShipment(desk, done.shipmentId, isBooked);
    expect(sh).toMatchObject({ weightG: 480, accountId: w.accounts.ghn.id });
    expect(sh.trackingNumber).toBeTruthy();
    expect(w.db.prepare('SELECT status, weight_g FROM pack_sessions WHERE id = ?').get(s.id)).toEqual({ status: 'packed', weight_g: 480 });
  });

  it('uses a shipment booked already (from the order page) and books nothing more', async () => {
    const o = await w.order([[a.variantId, 1]]);
    await call(desk, 'shipping.resolveAddress', { orderId: o.id, accountId: w.accounts.vtp.id });
    const { defaults } = await call(desk, 'shipping.forOrder', { orderId: o.id });
    const booked = await call(desk, 'shipping.book', { orderId: o.id, accountId: w.accounts.vtp.id, serviceCode: 'VCN', codVnd: defaults.codVnd, weightG: 300, lengthCm: 20, widthCm: 15, heightCm: 5, payer: 'seller' });
    const s = await call(desk, 'packing.open', { orderId: o.id });
    await call(desk, 'packing.scan', { sessionId: s.id, code: a.barcode });
    const done = await call(desk, 'packing.complete', { sessionId: s.id, weightGrams: 350 });
    expect(done).toMatchObject({ shipmentId: booked.id, booked: false });
    expect(count('SELECT count(*) FROM shipments WHERE order_id = ?', o.id)).toBe(1);
  });

  it('prints a packing slip too where the station asks for one', async () => {
    await call(w.t.admin, 'stations.update', { name: 'Bàn 1', packing: { printPackingSlip: true } });
    const { s } = await packed([[a.variantId, 1]]);
    const done = await call(desk, 'packing.complete', { sessionId: s.id, weightGrams: 200 });
    await call(w.t.admin, 'stations.update', { name: 'Bàn 1', packing: { printPackingSlip: false } });
    expect(w.db.prepare('SELECT purpose FROM print_jobs WHERE id IN (?, ?) ORDER BY id').pluck().all(...done.printJobIds)).toEqual(['label', 'slip']);
  });

  it('refuses to pack with a line not verified or without a weight, and a packer cannot override', async () => {
    const o = await w.order([[a.variantId, 2]]);
    const s = await call(desk, 'packing.open', { orderId: o.id });
    await call(desk, 'packing.scan', { sessionId: s.id, code: a.barcode });
    const jobs = count('SELECT count(*) FROM print_jobs');
    expect(await callError(desk, 'packing.complete', { sessionId: s.id, weightGrams: 300 })).toMatchObject({ code: 'GUARD_FAILED', details: { guard: 'lines_verified' } });
    await call(desk, 'packing.scan', { sessionId: s.id, code: a.barcode });
    expect(await callError(desk, 'packing.complete', { sessionId: s.id, weightGrams: null })).toMatchObject({ code: 'GUARD_FAILED', details: { guard: 'weight' } });
    expect(await callError(desk, 'packing.override', { sessionId: s.id, reason: 'x' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(count('SELECT count(*) FROM print_jobs')).toBe(jobs);
    expect(count('SELECT count(*) FROM shipments WHERE order_id = ?', o.id)).toBe(0);
    expect((await call(desk, 'orders.get', { id: o.id })).status).toBe('packing');
  });

  it("packs with a manager's override, audited with who, when and why", async () => {
    const o = await w.order([[a.variantId, 3]]);
    const s = await call(desk, 'packing.open', { orderId: o.id });
    await call(desk, 'packing.scan', { sessionId: s.id, code: a.barcode });
    const over = await call(manager, 'packing.override', { sessionId: s.id, reason: 'Mã vạch hỏng, đã đếm tay' });
    expect(over.override).toMatchObject({ reason: 'Mã vạch hỏng, đã đếm tay', by: 'Test manager' });
    await call(desk, 'packing.complete', { sessionId: s.id, weightGrams: 700 });
    const order = await call(desk, 'orders.get', { id: o.id });
    expect(order.status).toBe('packed');
    expect(order.events.find((e) => e.kind === 'packing_override')).toMatchObject({ reason: 'Mã vạch hỏng, đã đếm tay', operatorName: 'Test manager', data: { lines: [{ verifiedQty: 1, quantity: 3 }] } });
  });

  it('never queues a label for an order cancelled while it is open on the pack screen', async () => {
    const { o, s } = await packed([[a.variantId, 1]]);
    await call(w.t.admin, 'orders.cancel', { id: o.id, reason: 'Sàn hủy đơn' });
    const jobs = count('SELECT count(*) FROM print_jobs');
    expect(await callError(desk, 'packing.complete', { sessionId: s.id, weightGrams: 300 })).toMatchObject({ code: 'TRANSITION_INVALID', details: { reason: 'order_cancelled' } });
    expect(await callError(desk, 'packing.reprintLabel', { orderId: o.id })).toMatchObject({ details: { reason: 'order_cancelled' } });
    expect(count('SELECT count(*) FROM print_jobs')).toBe(jobs);
    expect(count('SELECT count(*) FROM shipments WHERE order_id = ?', o.id)).toBe(0);
  });

  it('keeps all or nothing: a failure while queueing the label leaves no booking, no job and the order still packing', async () => {
    const { o, s } = await packed([[a.variantId, 1]]);
    w.db.exec("CREATE TEMP TRIGGER fail_print BEFORE INSERT ON print_jobs BEGIN SELECT RAISE(ABORT, 'printer table broken'); END");
    try {
      expect((await callError(desk, 'packing.complete', { sessionId: s.id, weightGrams: 300 })).code).toBe('CONFLICT'); // the dispatcher reports a constraint abort as a conflict
    } finally {
      w.db.exec('DROP TRIGGER fail_print');
    }
    expect(count('SELECT count(*) FROM shipments WHERE order_id = ?', o.id)).toBe(0);
    expect(count("SELECT count(*) FROM jobs WHERE kind = 'shipment.book' AND payload_json LIKE ?", `%${o.number}%`)).toBe(0);
    expect((await call(desk, 'orders.get', { id: o.id })).status).toBe('packing');
    expect(w.db.prepare('SELECT status FROM pack_sessions WHERE id = ?').pluck().get(s.id)).toBe('open');
    expect((await call(desk, 'packing.complete', { sessionId: s.id, weightGrams: 300 })).booked).toBe(true);
  });

  it('pausing puts the order back with its stock, opens an exception and keeps it out of the queue until scanned again', async () => {
    const o = await w.order([[a.variantId, 2]]);
    const s = await call(desk, 'packing.open', { orderId: o.id });
    await call(desk, 'packing.scan', { sessionId: s.id, code: a.barcode });
    const r = await call(desk, 'packing.pause', { sessionId: s.id, reason: 'missing_item', note: 'Thiếu 1 áo size M' });
    const order = await call(desk, 'orders.get', { id: o.id });
    expect(order.status).toBe('ready_to_pack');
    expect(order.lines[0]).toMatchObject({ reservedQty: 2, verifiedQty: 0 });
    const open = await call(manager, 'exceptions.list', { status: 'open' } as never);
    expect(JSON.stringify(open)).toContain('pack_paused');
    expect(r.exceptionId).toBeTruthy();
    expect((await call(desk, 'packing.queue', {})).orders.map((q) => q.id)).not.toContain(o.id);
    const route = await call(desk, 'packing.resolveScan', { code: o.number, context: {} });
    expect(route).toMatchObject({ match: { kind: 'order', orderId: o.id }, action: 'open_order' });
    await call(desk, 'packing.open', { orderId: o.id });
    expect(w.db.prepare('SELECT status FROM exceptions WHERE id = ?').pluck().get(r.exceptionId)).toBe('resolved');
  });

  it('reports orders packed and scan errors per packer', async () => {
    const { rows } = await call(manager, 'packing.metrics', { from: 0, to: Date.now() + 1000 });
    const mine = rows.find((x) => x.operatorName === 'Test packer' && x.station === 'Bàn 1');
    expect(mine?.packed).toBe(count("SELECT count(*) FROM pack_sessions WHERE status = 'packed' AND station = 'Bàn 1'"));
    expect(mine?.packed).toBeGreaterThanOrEqual(4);
    expect(mine?.ordersPerHour).toBeGreaterThan(0);
    const shift = await call(desk, 'packing.shift', {});
    expect(shift.packed).toBe(mine?.packed);
  });
});
