import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../main/core/core.js';
import { pullShopee } from '../../../main/domain/intake/intake-pull.js';
import type { ShopeeSimulatorHandle } from '../../../main/simulators/shopee/index.js';
import { call, callError, TEST_PIN } from '../../fixtures/core.js';
import { waitFor } from '../../fixtures/shipping.js';
import { storeChecksum } from '../../fixtures/store-checks.js';
import { connectCore, shopSeed, SHOP_ID, startSim, stockChecks, type IntakeSetup } from './intake-fixture.js';

// A Shopee order we hold follows Shopee after packing (simulator, public and control API only; the
// outbox runs, so packing arranges with Shopee for real): PROCESSED → SHIPPED → COMPLETED with stock
// taken out once; RETRY_SHIP → an exception whose re-arrange asks Shopee again; a cancellation after
// packing → unpack and restock (stock back once) and ship anyway refused; a rejected buyer cancel
// request puts the order back in the pack queue.

const ITEMS = 3;
const skus = Array.from({ length: ITEMS }, (_, i) => [`IT${i}-M`, `IT${i}-L`]).flat();
const STOCK = 50;

describe('a Shopee order follows Shopee after packing', () => {
  let s: IntakeSetup & { sim: ShopeeSimulatorHandle };
  let desk: Session;
  const db = () => s.t.core.store.sqlite;
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const pull = () => pullShopee({ store: s.t.core.store, secrets: s.t.core.secrets, now: () => s.sim.control.now(), sleep: async () => {} }, s.accountId);
  /** Shopee's update_time is in seconds: a change is pulled a second later. */
  const pullLater = async () => {
    await wait(1100);
    return pull();
  };
  const items = () => s.sim.control.items(SHOP_ID);
  const orderOf = (sn: string) => db().prepare("SELECT id, status, number FROM orders WHERE channel = 'shopee' AND external_id = ?").get(sn) as { id: number; status: string; number: string };
  const level = (sku: string) => db().prepare('SELECT on_hand AS onHand, reserved FROM stock_levels WHERE variant_id = ? AND warehouse_id = ?').get(s.variantBySku.get(sku), s.warehouseId) as { onHand: number; reserved: number };
  const movements = (orderId: number, kind: string) => db().prepare('SELECT count(*) AS n, coalesce(sum(on_hand_delta), 0) AS onHand, coalesce(sum(reserved_delta), 0) AS reserved FROM stock_movements WHERE order_id = ? AND kind = ?').get(orderId, kind);
  const openExceptions = (orderId: number) => db().prepare("SELECT id, kind FROM exceptions WHERE order_id = ? AND status = 'open' ORDER BY id").all(orderId) as { id: number; kind: string }[];
  const events = (orderId: number, kind: string) => db().prepare('SELECT from_status AS "from", to_status AS "to", reason FROM order_events WHERE order_id = ? AND kind = ? ORDER BY id').all(orderId, kind);

  /** A Shopee order pulled into the core (ready to pack, reserved). */
  async function shopeeOrder(sku: string, qty: number) {
    const [i, m] = [Number(sku.slice(2, -2)), sku.endsWith('-M') ? 0 : 1];
    const o = s.sim.control.createOrder({ shopId: SHOP_ID, lines: [{ itemId: items()[i].item_id, modelId: items()[i].models[m].model_id, qty }] });
    await pullLater();
    const row = orderOf(o.order_sn);
    expect(row.status).toBe('ready_to_pack');
    return { ...row, sn: o.order_sn };
  }

  /** Packed at a desk by scanning each unit; Packdesk then arranges with Shopee (outbox) and Shopee shows PROCESSED. */
  async function packAtDesk(o: { id: number; sn: string }, sku: string, qty: number) {
    const session = await call(desk, 'packing.open', { orderId: o.id });
    for (let n = 0; n < qty; n++) await call(desk, 'packing.scan', { sessionId: session.id, code: sku });
    await call(desk, 'packing.complete', { sessionId: session.id, weightGrams: 300 });
    expect(orderOf(o.sn).status).toBe('packed');
    await waitFor('arranged with Shopee', () => s.sim.control.order(o.sn)!.status === 'PROCESSED');
  }

  beforeAll(async () => {
    const sim = await startSim([shopSeed(ITEMS, 1000)]);
    const setup = await connectCore(sim, {
      stock: STOCK, skus,
      core: { now: () => sim.control.now(), core: { runJobs: true, jobs: { pollMs: 5, random: () => 0 }, trackEveryMs: 0, demoNetwork: false } },
    });
    s = { ...setup, sim };
    await call(s.t.admin, 'stations.update', { name: 'Bàn 1', warehouseId: s.warehouseId });
    desk = s.t.core.openSession({ station: 'Bàn 1' });
    await call(desk, 'session.signIn', { operatorId: await s.t.operatorId('packer'), pin: TEST_PIN });
  }, 60_000);
  afterAll(async () => {
    await s?.t.close();
    await s?.sim.close();
  });

  it('packed in Packdesk, then PROCESSED → SHIPPED → COMPLETED at Shopee: the order follows, on hand goes down once', async () => {
    const o = await shopeeOrder('IT0-M', 2);
    const before = level('IT0-M');
    await packAtDesk(o, 'IT0-M', 2);
    await pullLater();
    expect(orderOf(o.sn).status).toBe('packed');
    expect(events(o.id, 'marketplace_ahead')).toEqual([]);

    s.sim.control.advance(o.sn, 'SHIPPED');
    await pullLater();
    expect(orderOf(o.sn).status).toBe('shipped');
    expect(level('IT0-M')).toEqual({ onHand: before.onHand - 2, reserved: before.reserved - 2 });
    expect(events(o.id, 'carrier')).toEqual([{ from: 'packed', to: 'shipped', reason: 'shopee SHIPPED' }]);

    // Straight to COMPLETED (TO_CONFIRM_RECEIVE never seen): walked through delivered.
    s.sim.control.advance(o.sn, 'COMPLETED');
    await pullLater();
    await pull();
    expect(orderOf(o.sn).status).toBe('completed');
    expect(events(o.id, 'carrier').map((e: any) => e.to)).toEqual(['shipped', 'delivered', 'completed']);
    expect(movements(o.id, 'ship')).toEqual({ n: 1, onHand: -2, reserved: -2 });
    expect(level('IT0-M')).toEqual({ onHand: before.onHand - 2, reserved: before.reserved - 2 });
    expect(stockChecks(s.t)).toEqual({ ledgerMismatch: 0, reservedTwice: 0, heldVsLines: 0 });
  }, 60_000);

  it('RETRY_SHIP keeps the order packed and opens a re-arrange exception; re-arranging asks Shopee again', async () => {
    const o = await shopeeOrder('IT1-M', 1);
    await packAtDesk(o, 'IT1-M', 1);
    s.sim.control.advance(o.sn, 'RETRY_SHIP');
    const r = await pullLater();
    expect(r.counts.exceptions).toBe(1);
    expect(orderOf(o.sn).status).toBe('packed');
    const [ex] = openExceptions(o.id);
    expect(ex.kind).toBe('marketplace_pickup_retry');
    const listed = (await call(desk, 'exceptions.list', { status: 'open', kind: 'marketplace_pickup_retry' })).items.find((e) => e.id === ex.id)!;
    expect(listed.actions).toEqual([{ action: 'rearrange', allowed: true, reason: null }]);
    // Pulled again: still one exception.
    await pull();
    expect(openExceptions(o.id)).toHaveLength(1);

    const shipOrders = () => s.sim.control.requests().filter((q) => q.path.endsWith('/logistics/ship_order') && JSON.stringify(q).includes(o.sn)).length;
    const calls = shipOrders();
    const done = await call(desk, 'exceptions.rearrange', { id: ex.id });
    expect(done).toMatchObject({ orderId: o.id, orderStatus: 'packed' });
    expect(openExceptions(o.id)).toEqual([]);
    const shipments = db().prepare("SELECT id, code, state FROM shipments WHERE order_id = ? ORDER BY id").all(o.id) as { id: number; code: string; state: string }[];
    expect(shipments.map((x) => x.state)).toEqual(['cancelled', expect.stringMatching(/booking|booked/)]);
    expect(shipments[1].id).toBe(done.shipmentId);
    await waitFor('arranged again', () => s.sim.control.order(o.sn)!.status === 'PROCESSED');
    expect(shipOrders()).toBe(calls + 1);
    await pullLater();
    expect(orderOf(o.sn).status).toBe('packed');
    expect(openExceptions(o.id)).toEqual([]);
    // The same exception cannot be handled twice.
    expect(await callError(desk, 'exceptions.rearrange', { id: ex.id })).toMatchObject({ code: 'CONFLICT', details: { reason: 'exception_closed' } });
  }, 60_000);

  it('cancelled after packing: ship anyway is refused for Shopee; unpack and restock gives the stock back once', async () => {
    const before = level('IT2-L');
    const o = await shopeeOrder('IT2-L', 3);
    expect(level('IT2-L').reserved).toBe(before.reserved + 3);
    await packAtDesk(o, 'IT2-L', 3);
    s.sim.control.cancel(o.sn, { by: 'buyer', reason: 'Không cần nữa' });
    await pullLater();
    expect(orderOf(o.sn).status).toBe('packed');
    const [ex] = openExceptions(o.id);
    expect(ex.kind).toBe('marketplace_cancel_after_pack');
    const listed = (await call(desk, 'exceptions.list', { status: 'open', kind: 'marketplace_cancel_after_pack' })).items.find((e) => e.id === ex.id)!;
    expect(listed.actions).toEqual([
      { action: 'unpack_restock', allowed: true, reason: null },
      { action: 'ship_anyway', allowed: false, reason: 'marketplace_cancelled' },
    ]);

    const manager = await s.t.signedIn('manager');
    const unchanged = storeChecksum(db());
    expect(await callError(manager, 'exceptions.shipAnyway', { id: ex.id, note: 'giao luôn' })).toMatchObject({
      code: 'CONFLICT', details: { reason: 'marketplace_cancelled', channel: 'shopee', number: o.number },
    });
    expect(storeChecksum(db())).toBe(unchanged);

    const labelPrints = () => db().prepare("SELECT status FROM print_jobs WHERE order_id = ? AND purpose = 'label'").pluck().all(o.id);
    // The parcel's label still waits for the desk's printer (none is set up here).
    expect(labelPrints()).toEqual([expect.stringMatching(/^(queued|waiting)$/)]);
    const r = await call(desk, 'exceptions.unpackRestock', { id: ex.id, note: 'đã gỡ kiện' });
    expect(r).toEqual({ exceptionId: ex.id, orderId: o.id, orderStatus: 'cancelled' });
    expect(orderOf(o.sn).status).toBe('cancelled');
    expect(level('IT2-L')).toEqual(before);
    expect(movements(o.id, 'release')).toMatchObject({ n: 1, onHand: 0, reserved: -3 });
    expect(db().prepare("SELECT reason FROM stock_movements WHERE order_id = ? AND kind = 'release'").pluck().get(o.id)).toMatch(/Unpacked and restocked/);
    expect(labelPrints()).toEqual(['cancelled']);
    expect(db().prepare("SELECT state FROM shipments WHERE order_id = ?").pluck().all(o.id)).toEqual(['cancelled']);
    expect(db().prepare("SELECT status, resolution, resolved_by FROM exceptions WHERE id = ?").get(ex.id)).toMatchObject({ status: 'resolved', resolution: 'Unpacked and restocked: đã gỡ kiện', resolved_by: await s.t.operatorId('packer') });

    // Exactly once: a second try is refused, a later pull changes nothing.
    expect(await callError(desk, 'exceptions.unpackRestock', { id: ex.id, note: '' })).toMatchObject({ code: 'CONFLICT', details: { reason: 'exception_closed' } });
    await pullLater();
    expect(level('IT2-L')).toEqual(before);
    expect(openExceptions(o.id)).toEqual([]);
    expect(stockChecks(s.t)).toEqual({ ledgerMismatch: 0, reservedTwice: 0, heldVsLines: 0 });
  }, 60_000);

  it('a buyer cancel request Shopee then rejects puts the order back in the pack queue (READY_TO_SHIP or PROCESSED)', async () => {
    const queue = async () => (await call(desk, 'packing.queue', {})).orders.map((q) => q.id);
    for (const back of ['READY_TO_SHIP', 'PROCESSED'] as const) {
      const o = await shopeeOrder('IT0-L', 1);
      const reserved = level('IT0-L').reserved;
      expect(await queue()).toContain(o.id);
      s.sim.control.requestCancel(o.sn);
      await pullLater();
      expect(await queue()).not.toContain(o.id);
      // Rejected: Shopee puts the order back where it was (or the seller arranged it meanwhile).
      s.sim.control.advance(o.sn, back);
      await pullLater();
      expect(orderOf(o.sn).status).toBe('ready_to_pack');
      expect(await queue()).toContain(o.id);
      expect(level('IT0-L').reserved).toBe(reserved);
      // Arranged before packing: it stays to be verified at a desk, with a note in its history.
      expect(events(o.id, 'marketplace_ahead')).toHaveLength(back === 'PROCESSED' ? 1 : 0);
    }
  }, 60_000);
  it('an order first seen already arranged (PROCESSED in Seller Centre) joins the pack queue holding its stock, and its shipping takes it out', async () => {
    const o = s.sim.control.createOrder({ shopId: SHOP_ID, lines: [{ itemId: items()[1].item_id, modelId: items()[1].models[1].model_id, qty: 2 }] });
    s.sim.control.advance(o.order_sn, 'PROCESSED');
    const before = level('IT1-L');
    await pullLater();
    const row = orderOf(o.order_sn);
    expect(row.status).toBe('ready_to_pack');
    expect(level('IT1-L')).toEqual({ onHand: before.onHand, reserved: before.reserved + 2 });
    await packAtDesk({ id: row.id, sn: o.order_sn }, 'IT1-L', 2);
    s.sim.control.advance(o.order_sn, 'SHIPPED');
    await pullLater();
    expect(orderOf(o.order_sn).status).toBe('shipped');
    expect(level('IT1-L')).toEqual({ onHand: before.onHand - 2, reserved: before.reserved });
    expect(stockChecks(s.t)).toEqual({ ledgerMismatch: 0, reservedTwice: 0, heldVsLines: 0 });
  }, 60_000);
});
