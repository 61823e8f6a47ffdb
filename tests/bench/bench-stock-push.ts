import { call } from '../fixtures/core.js';
import { pullAll, setup, simStock, SHOPS, waitFor } from '../integration/listings/listings-fixture.js';
import { emit, percentile } from './bench-stats.js';

// stock.push_latency_p95_ms: from a stock movement (inventory.adjust committed) to the Shopee simulator
// holding the new quantity, through the outbox, the job runner and a signed update_stock on loopback.
// Two shops list the SKU, so each movement makes two pushes. Target ≤ 5,000 ms.

export async function benchStockPush(quick: boolean, log: (m: string) => void): Promise<void> {
  const runs = quick ? 10 : 100;
  const s = await setup({ shopStock: 9, ourStock: 5 });
  try {
    for (const a of s.accounts) await pullAll(s, a);
    await waitFor('first pushes', () => SHOPS.every((shop) => simStock(s.sim, shop, 'LS-AO-M') === 5), 30_000);
    log(`stock push: ${runs} movements`);
    const samples: number[] = [];
    const variantId = s.variant.get('LS-AO-M')!;
    for (let i = 0; i < runs; i++) {
      const q = 10 + (i % 7);
      const t0 = performance.now();
      await call(s.t.admin, 'inventory.adjust', { warehouseId: s.warehouseId, variantId, setOnHand: q, reason: 'bench' });
      const want = (s.t.core.store.prepare('SELECT on_hand - reserved FROM stock_levels WHERE variant_id = ? AND warehouse_id = ?').pluck().get(variantId, s.warehouseId)) as number;
      await waitFor('both shops updated', () => SHOPS.every((shop) => simStock(s.sim, shop, 'LS-AO-M') === want), 30_000, 2);
      samples.push(performance.now() - t0);
    }
    const updates = s.sim.control.requests().filter((r) => r.path.endsWith('/update_stock')).length;
    emit('stock.push_latency_p95_ms', percentile(samples, 95), 'ms', { p50: percentile(samples, 50), max: Math.max(...samples), runs, shops: SHOPS.length, target: 5_000 });
    emit('stock.push_calls', updates, 'calls', { runs });
  } finally {
    await s.close();
  }
}
