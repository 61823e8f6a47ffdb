import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../main/core/core.js';
import { call, callError } from '../../fixtures/core.js';
import { storeChecksum } from '../../fixtures/store-checks.js';
import { packWorld, type PackWorld } from './pack-world.js';

// A marketplace buyer's cancel request (Shopee IN_CANCEL, flagged by order intake) holds the order:
// it leaves the pack queue, a desk will not open it, and an order already open cannot be finished.
describe('orders with a marketplace cancel request', () => {
  let w: PackWorld;
  let desk: Session;
  let a: Awaited<ReturnType<PackWorld['product']>>;
  let accountId: number;
  const flag = (orderId: number, blocks: 0 | 1) =>
    w.db.prepare(`INSERT INTO marketplace_orders (account_id, external_id, order_id, state, marketplace_status, hold, blocks_packing, update_time, created_at, updated_at)
      VALUES (?, ?, ?, 'imported', 'IN_CANCEL', 'in_cancel', ?, 1, 0, 0)
      ON CONFLICT(account_id, external_id) DO UPDATE SET blocks_packing = excluded.blocks_packing`).run(accountId, `SN${orderId}`, orderId, blocks);

  beforeAll(async () => {
    w = await packWorld();
    desk = await w.desk('Bàn 1');
    a = await w.product();
    accountId = Number(w.db.prepare("INSERT INTO connector_accounts (provider, name, environment, created_at, updated_at) VALUES ('shopee', 'Shopee', 'custom', 0, 0)").run().lastInsertRowid);
  }, 60_000);
  afterAll(() => w.close());

  it('leaves the queue and is refused at the desk, changing nothing', async () => {
    const held = await w.order([[a.variantId, 1]]);
    const free = await w.order([[a.variantId, 1]]);
    flag(held.id, 1);
    const queue = await call(desk, 'packing.queue', {});
    expect(queue.orders.map((o) => o.id)).toContain(free.id);
    expect(queue.orders.map((o) => o.id)).not.toContain(held.id);
    const before = storeChecksum(w.db);
    expect(await callError(desk, 'packing.open', { orderId: held.id })).toMatchObject({ code: 'CONFLICT', details: { reason: 'cancel_requested' } });
    expect(storeChecksum(w.db)).toBe(before);
    // The marketplace turned the request down: the order is packable again.
    flag(held.id, 0);
    expect((await call(desk, 'packing.queue', {})).orders.map((o) => o.id)).toContain(held.id);
  });

  it('blocks finishing an order whose buyer asked to cancel while it was open', async () => {
    const o = await w.order([[a.variantId, 1]]);
    const s = await call(desk, 'packing.open', { orderId: o.id });
    await call(desk, 'packing.scan', { sessionId: s.id, code: a.barcode });
    flag(o.id, 1);
    const before = storeChecksum(w.db);
    expect(await callError(desk, 'packing.complete', { sessionId: s.id, weightGrams: 300 })).toMatchObject({ code: 'CONFLICT', details: { reason: 'cancel_requested' } });
    expect(storeChecksum(w.db)).toBe(before);
    expect(w.db.prepare("SELECT count(*) FROM print_jobs WHERE order_id = ?").pluck().get(o.id)).toBe(0);
  });
});
