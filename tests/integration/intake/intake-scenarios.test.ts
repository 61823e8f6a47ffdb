import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../fixtures/core.js';
import { pullShopee } from '../../../main/domain/intake/intake-pull.js';
import type { ShopeeSimulatorHandle } from '../../../main/simulators/shopee/index.js';
import { connectCore, shopSeed, SHOP_ID, startSim, stockChecks, type IntakeSetup } from './intake-fixture.js';

// Intake against the Shopee simulator (public and control API only): needs mapping, cancellations
// before and after packing, payment, buyer cancel requests, malformed pages.

const ITEMS = 3;
const skus = Array.from({ length: ITEMS }, (_, i) => [`IT${i}-M`, `IT${i}-L`]).flat();

describe('order intake scenarios', () => {
  let s: IntakeSetup & { sim: ShopeeSimulatorHandle };
  const pull = (opts = {}) => pullShopee({ store: s.t.core.store, secrets: s.t.core.secrets, now: Date.now, sleep: async () => {} }, s.accountId, opts);
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const db = () => s.t.core.store.sqlite;
  const orderOf = (sn: string) => db().prepare("SELECT * FROM orders WHERE channel = 'shopee' AND external_id = ?").get(sn) as { id: number; status: string; total: number; payment_method: string } | undefined;
  const level = (sku: string) => db().prepare('SELECT on_hand AS onHand, reserved FROM stock_levels WHERE variant_id = ? AND warehouse_id = ?').get(s.variantBySku.get(sku), s.warehouseId) as { onHand: number; reserved: number };
  const items = () => s.sim.control.items(SHOP_ID);
  const line = (i: number, m: 0 | 1, qty = 1) => ({ itemId: items()[i].item_id, modelId: items()[i].models[m].model_id, qty });

  beforeAll(async () => {
    const seed = shopSeed(ITEMS, 1000);
    // One listing whose model SKU the catalog does not know.
    seed.items!.push({ itemId: 77_000_000_001n, name: 'Khăn lụa', sku: '', models: [{ modelId: 77_000_000_101n, sku: 'KHAN-LUA-XANH', price: 90_000, stock: 50 }] , tiers: [{ name: 'Màu', options: ['Xanh'] }] } as never);
    const sim = await startSim([seed]);
    s = { ...(await connectCore(sim, { stock: 20, skus })), sim };
  }, 60_000);
  afterAll(async () => {
    await s?.t.close();
    await s?.sim.close();
  });

  it('pulls an order, maps it, reserves it once; re-pulling changes nothing', async () => {
    const o = s.sim.control.createOrder({ shopId: SHOP_ID, lines: [line(0, 0, 2), line(1, 1)], cod: true });
    await wait(1100);
    const r = await pull();
    expect(r).toMatchObject({ ok: true, caughtUp: true });
    const row = orderOf(o.order_sn)!;
    expect(row).toMatchObject({ status: 'ready_to_pack', payment_method: 'cod' });
    expect(level('IT0-M').reserved).toBe(2);
    expect(level('IT1-L').reserved).toBe(1);
    const again = await pull();
    expect(again.counts.created).toBe(0);
    expect(level('IT0-M').reserved).toBe(2);
    expect(stockChecks(s.t)).toEqual({ ledgerMismatch: 0, reservedTwice: 0, heldVsLines: 0 });
    const st = await call(s.t.admin, 'intake.status', { accountId: s.accountId });
    expect(st).toMatchObject({ lastError: null, needsMapping: 0, pollEveryMs: 60_000 });
    expect(st.pulledToday).toBeGreaterThanOrEqual(1);
    expect(st.lastSuccessAt).not.toBeNull();
  });

  it('holds an unpaid order (not reserved, not packable) and reserves it once paid', async () => {
    const o = s.sim.control.createOrder({ shopId: SHOP_ID, lines: [line(2, 0, 3)], cod: false });
    await wait(1100);
    await pull();
    expect(orderOf(o.order_sn)!.status).toBe('new');
    expect(level('IT2-M').reserved).toBe(0);
    expect(db().prepare('SELECT hold, blocks_packing FROM marketplace_orders WHERE external_id = ?').get(o.order_sn)).toEqual({ hold: 'unpaid', blocks_packing: 1 });
    s.sim.control.advance(o.order_sn, 'READY_TO_SHIP');
    await wait(1100);
    await pull();
    expect(orderOf(o.order_sn)!.status).toBe('ready_to_pack');
    expect(level('IT2-M').reserved).toBe(3);
  });

  it('a buyer cancel request blocks packing; a cancellation before packing releases the stock', async () => {
    const o = s.sim.control.createOrder({ shopId: SHOP_ID, lines: [line(0, 1, 4)] });
    await wait(1100);
    await pull();
    expect(level('IT0-L').reserved).toBe(4);
    s.sim.control.requestCancel(o.order_sn);
    await wait(1100);
    await pull();
    expect(db().prepare('SELECT marketplace_status, hold, blocks_packing FROM marketplace_orders WHERE external_id = ?').get(o.order_sn)).toEqual({ marketplace_status: 'IN_CANCEL', hold: 'in_cancel', blocks_packing: 1 });
    s.sim.control.cancel(o.order_sn, { by: 'buyer', reason: 'Đổi ý' });
    await wait(1100);
    await pull();
    expect(orderOf(o.order_sn)!.status).toBe('cancelled');
    expect(level('IT0-L').reserved).toBe(0);
    expect(stockChecks(s.t)).toEqual({ ledgerMismatch: 0, reservedTwice: 0, heldVsLines: 0 });
  });

  it('a cancellation after packing becomes an exception for the operator', async () => {
    const o = s.sim.control.createOrder({ shopId: SHOP_ID, lines: [line(1, 0, 1)] });
    await wait(1100);
    await pull();
    const id = orderOf(o.order_sn)!.id;
    // Packed at the station (verified lines, status packed).
    db().prepare('UPDATE order_lines SET verified_qty = quantity WHERE order_id = ?').run(id);
    db().prepare("UPDATE orders SET status = 'packed' WHERE id = ?").run(id);
    s.sim.control.cancel(o.order_sn, { by: 'buyer', reason: 'Không cần nữa' });
    await wait(1100);
    const r = await pull();
    expect(r.counts.exceptions).toBe(1);
    expect(orderOf(o.order_sn)!.status).toBe('packed');
    expect(level('IT1-M').reserved).toBe(1);
    const ex = db().prepare("SELECT kind, status, ref FROM exceptions WHERE order_id = ?").all(id);
    expect(ex).toEqual([{ kind: 'marketplace_cancel_after_pack', status: 'open', ref: o.order_sn }]);
    // Pulled again: still one exception.
    await pull();
    expect(db().prepare('SELECT count(*) FROM exceptions WHERE order_id = ?').pluck().get(id)).toBe(1);
  });

  it('an unknown SKU waits in "needs mapping"; mapping the listing once creates it, later orders map by themselves', async () => {
    const khan = items().find((i) => i.models.some((m) => m.model_sku === 'KHAN-LUA-XANH'))!;
    const o = s.sim.control.createOrder({ shopId: SHOP_ID, lines: [{ itemId: khan.item_id, modelId: khan.models[0].model_id, qty: 2 }, line(2, 1)] });
    await wait(1100);
    const pulledBefore = (await call(s.t.admin, 'intake.status', { accountId: s.accountId })).pulledToday;
    await pull();
    expect(orderOf(o.order_sn)).toBeUndefined();
    // Received today even though it waits for a mapping.
    expect((await call(s.t.admin, 'intake.status', { accountId: s.accountId })).pulledToday).toBe(pulledBefore + 1);
    const list = await call(s.t.admin, 'intake.unmapped', { accountId: s.accountId });
    expect(list).toEqual([expect.objectContaining({ itemId: String(khan.item_id), modelId: String(khan.models[0].model_id), sku: 'KHAN-LUA-XANH', orders: 1, units: 2 })]);
    expect((await call(s.t.admin, 'intake.status', { accountId: s.accountId })).needsMapping).toBe(1);
    // The operator picks a variant for it.
    const variantId = s.variantBySku.get('IT2-M')!;
    const before = level('IT2-M').reserved;
    expect(await call(s.t.admin, 'intake.mapListing', { accountId: s.accountId, itemId: String(khan.item_id), modelId: String(khan.models[0].model_id), variantId })).toEqual({ created: 1, stillWaiting: 0 });
    expect(orderOf(o.order_sn)!.status).toBe('ready_to_pack');
    expect(level('IT2-M').reserved).toBe(before + 2);
    expect(await call(s.t.admin, 'intake.unmapped', { accountId: s.accountId })).toEqual([]);
    // Remembered: the next order of that listing is mapped on arrival.
    const o2 = s.sim.control.createOrder({ shopId: SHOP_ID, lines: [{ itemId: khan.item_id, modelId: khan.models[0].model_id, qty: 1 }] });
    await wait(1100);
    await pull();
    expect(orderOf(o2.order_sn)!.status).toBe('ready_to_pack');
    expect(stockChecks(s.t)).toEqual({ ledgerMismatch: 0, reservedTwice: 0, heldVsLines: 0 });
  });

  it('a malformed (truncated) page is recorded with its raw text and nothing of it is written; the next pull gets it', async () => {
    const o = s.sim.control.createOrder({ shopId: SHOP_ID, lines: [line(0, 0)] });
    await wait(1100);
    const cursorBefore = db().prepare('SELECT watermark, window_from, page_cursor FROM intake_accounts WHERE account_id = ?').get(s.accountId);
    s.sim.control.failNext('malformed', 1, '/api/v2/order/get_order_detail');
    const r = await pull({ attempts: 1 });
    expect(r.ok).toBe(false);
    expect(orderOf(o.order_sn)).toBeUndefined();
    expect(db().prepare('SELECT watermark, window_from, page_cursor FROM intake_accounts WHERE account_id = ?').get(s.accountId)).toEqual(cursorBefore);
    const st = await call(s.t.admin, 'intake.status', { accountId: s.accountId });
    expect(st.lastError).toMatchObject({ code: 'RESPONSE_MALFORMED' });
    expect(st.lastError!.raw.length).toBeGreaterThan(0);
    expect(() => JSON.parse(st.lastError!.raw)).toThrow();
    // The list page cut in half too.
    s.sim.control.failNext('malformed', 1, '/api/v2/order/get_order_list');
    expect((await pull({ attempts: 1 })).ok).toBe(false);
    expect(orderOf(o.order_sn)).toBeUndefined();
    const ok = await pull();
    expect(ok.ok).toBe(true);
    expect(orderOf(o.order_sn)!.status).toBe('ready_to_pack');
    expect((await call(s.t.admin, 'intake.status', { accountId: s.accountId })).lastError).toBeNull();
  });

  it('sync now through the command, and a per-shop poll interval', async () => {
    expect(await call(s.t.admin, 'intake.settings', { accountId: s.accountId, pollEveryMs: 120_000 })).toMatchObject({ pollEveryMs: 120_000 });
    const o = s.sim.control.createOrder({ shopId: SHOP_ID, lines: [line(1, 1)] });
    await wait(1100);
    const st = await call(s.t.admin, 'intake.syncNow', { accountId: s.accountId, wait: true });
    expect(st).toMatchObject({ running: false, lastError: null });
    expect(st.lagSeconds).toBeLessThan(60);
    expect(orderOf(o.order_sn)).toBeDefined();
    expect((await call(s.t.admin, 'intake.list', {})).map((x) => x.accountId)).toContain(s.accountId);
  });
});
