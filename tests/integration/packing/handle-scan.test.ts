import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../main/core/core.js';
import { call, callError } from '../../fixtures/core.js';
import { packWorld, type PackWorld } from './pack-world.js';

// packing.handleScan: routing and acting in one command. It must answer exactly what resolveScan
// answers, count only when the action is `count` (as packing.scan would), open only on `open_order`
// (as packing.open would), and write nothing otherwise.
describe('handling a scan in one command', () => {
  let w: PackWorld;
  let desk: Session;
  let a: Awaited<ReturnType<PackWorld['product']>>;
  let b: Awaited<ReturnType<PackWorld['product']>>;
  const scansOf = (sessionId: number) => w.db.prepare('SELECT code, result, quantity FROM pack_scans WHERE session_id = ? ORDER BY id').all(sessionId);
  const verified = (orderId: number) => w.db.prepare('SELECT verified_qty AS v FROM order_lines WHERE order_id = ? ORDER BY id').all(orderId);

  beforeAll(async () => {
    w = await packWorld();
    desk = await w.desk('Bàn 1');
    a = await w.product();
    b = await w.product();
  }, 60_000);
  afterAll(() => w.close());

  it('counts an item of the open order and refuses a wrong one, logging both, with the session in the answer', async () => {
    const o = await w.order([[a.variantId, 2]]);
    const s = await call(desk, 'packing.open', { orderId: o.id });
    const ok = await call(desk, 'packing.handleScan', { code: a.barcode, sessionId: s.id });
    expect(ok).toMatchObject({ match: { kind: 'product', variantId: a.variantId, inOrder: true }, action: 'count', scan: { result: 'ok', verifiedQty: 1, quantity: 2 }, opened: null });
    expect(ok.scan!.session).toMatchObject({ id: s.id, verifiedUnits: 1, scannedUnits: 1 });
    const wrong = await call(desk, 'packing.handleScan', { code: b.barcode, sessionId: s.id });
    expect(wrong).toMatchObject({ match: { kind: 'product', variantId: b.variantId }, action: 'count', scan: { result: 'wrong_item', session: { verifiedUnits: 1 } } });
    expect(scansOf(s.id)).toEqual([{ code: a.barcode, result: 'ok', quantity: 1 }, { code: b.barcode, result: 'wrong_item', quantity: 0 }]);
    expect(verified(o.id)).toEqual([{ v: 1 }]);
    await call(desk, 'packing.release', { sessionId: s.id });
  });

  it('routes an order number, a product without an open order and an unknown code without writing anything', async () => {
    const o1 = await w.order([[a.variantId, 1]]);
    const o2 = await w.order([[b.variantId, 1]]);
    const s = await call(desk, 'packing.open', { orderId: o1.id });
    await call(desk, 'packing.handleScan', { code: a.barcode, sessionId: s.id });
    const before = scansOf(s.id);
    const other = await call(desk, 'packing.handleScan', { code: o2.number, sessionId: s.id });
    expect(other).toEqual({ ...(await call(desk, 'packing.resolveScan', { code: o2.number, context: { sessionId: s.id } })), scan: null, opened: null });
    expect(other.action).toBe('confirm_switch');
    expect(scansOf(s.id)).toEqual(before);
    expect(verified(o1.id)).toEqual([{ v: 1 }]);
    await call(desk, 'packing.release', { sessionId: s.id });
    expect(await call(desk, 'packing.handleScan', { code: b.barcode })).toMatchObject({ match: { kind: 'product', inOrder: null }, action: 'info', scan: null, opened: null });
    expect(await call(desk, 'packing.handleScan', { code: 'NOTHING-LIKE-THIS' })).toEqual({ match: { kind: 'unknown', code: 'NOTHING-LIKE-THIS' }, action: 'unknown', scan: null, opened: null });
    expect(w.db.prepare('SELECT status FROM orders WHERE id = ?').get(o2.id)).toEqual({ status: 'ready_to_pack' });
  });

  it('opens an order by its number, and a refused open (a cancelled order) fails the scan with nothing changed', async () => {
    const o = await w.order([[a.variantId, 1]]);
    const r = await call(desk, 'packing.handleScan', { code: o.number });
    expect(r).toMatchObject({ match: { kind: 'order', orderId: o.id }, action: 'open_order', scan: null, opened: { order: { id: o.id, status: 'packing' }, status: 'open' } });
    expect(await call(desk, 'packing.current', {})).toMatchObject({ id: r.opened!.id });
    await call(desk, 'packing.release', { sessionId: r.opened!.id });
    const gone = await w.order([[a.variantId, 1]]);
    w.db.prepare("UPDATE orders SET status = 'cancelled' WHERE id = ?").run(gone.id);
    expect(await callError(desk, 'packing.handleScan', { code: gone.number })).toMatchObject({ code: 'TRANSITION_INVALID', details: { reason: 'order_cancelled' } });
    expect(w.db.prepare('SELECT count(*) AS n FROM pack_sessions WHERE order_id = ?').get(gone.id)).toEqual({ n: 0 });
    expect(await call(desk, 'packing.current', {})).toBeNull();
  });

  it("refuses a closed session or another desk's, and an empty code, changing nothing", async () => {
    const o = await w.order([[a.variantId, 1]]);
    const s = await call(desk, 'packing.open', { orderId: o.id });
    const other = await w.desk('Bàn 2');
    expect(await callError(other, 'packing.handleScan', { code: a.barcode, sessionId: s.id })).toMatchObject({ code: 'CONFLICT', details: { reason: 'held_by_station' } });
    expect(await callError(desk, 'packing.handleScan', { code: '   ', sessionId: s.id })).toMatchObject({ code: 'INPUT_INVALID' });
    await call(desk, 'packing.release', { sessionId: s.id });
    expect(await callError(desk, 'packing.handleScan', { code: a.barcode, sessionId: s.id })).toMatchObject({ code: 'CONFLICT', details: { reason: 'session_closed' } });
    expect(scansOf(s.id)).toEqual([]);
    expect(verified(o.id)).toEqual([{ v: 0 }]);
  });
});
