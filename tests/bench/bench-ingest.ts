import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCore } from '../../main/core/core.js';
import { ingestOrders, type IngestOrder } from '../../main/domain/orders/order-ingest.js';
import { orderAmounts } from '../../main/domain/orders/order-amounts.js';
import { foldText } from '../../main/domain/shared/text-fold.js';
import type { Store } from '../../main/store/store.js';
import { generator, makeOrders } from './bench-data.js';
import { seedCatalogue } from './bench-stores.js';
import { emit } from './bench-stats.js';

const BATCH = 1000;

/** The same order and line rows, written with bare prepared statements: the ceiling for ingest. */
function rawInsert(store: Store, orders: IngestOrder[], from: number): void {
  const insertOrder = store.sqlite.prepare(`INSERT INTO orders (number, channel, source, status, warehouse_id, buyer_name, buyer_phone, search_name,
    address_json, payment_method, subtotal, shipping_fee, discount, total, created_at, updated_at) VALUES (?, ?, ?, 'ready_to_pack', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertLine = store.sqlite.prepare('INSERT INTO order_lines (order_id, variant_id, sku, name, quantity, unit_price, reserved_qty) VALUES (?, ?, ?, ?, ?, ?, ?)');
  store.sqlite.transaction(() => {
    orders.forEach((o, i) => {
      const { subtotal, total } = orderAmounts(o.lines, o.shippingFee, o.discount);
      const id = Number(insertOrder.run(`R${from + i}`, o.channel, 'other', o.warehouseId, o.buyerName, o.buyerPhone, foldText(o.buyerName),
        JSON.stringify(o.address), o.paymentMethod, subtotal, o.shippingFee, o.discount, total, o.createdAt, o.createdAt).lastInsertRowid);
      for (const l of o.lines) insertLine.run(id, l.variantId, l.sku, l.name, l.quantity, l.unitPrice, l.quantity);
    });
  })();
}

async function measure(count: number, write: (store: Store, batch: IngestOrder[], from: number) => void): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'packdesk-ingest-'));
  const core = await startCore({ dataDir: dir, autoBackup: false });
  try {
    const { warehouseId, variants } = seedCatalogue(core.store, 100);
    const gen = generator(7);
    const batches: IngestOrder[][] = [];
    for (let done = 0; done < count; done += BATCH) batches.push(makeOrders(gen, variants, warehouseId, Math.min(BATCH, count - done), done * 1000));
    const t0 = performance.now();
    batches.forEach((b, i) => write(core.store, b, i * BATCH));
    return count / ((performance.now() - t0) / 1000);
  } finally {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchIngest(count: number): Promise<void> {
  const domain = await measure(count, (store, batch) => ingestOrders(store, batch, 1));
  const raw = await measure(count, rawInsert);
  emit('orders.ingest_per_s', domain, 'orders/s', { orders: count, lines_per_order: '2-3', includes: 'reservation, ledger, events, search index' });
  emit('orders.raw_insert_per_s', raw, 'orders/s', { orders: count });
  emit('orders.ingest_vs_raw', domain / raw, 'ratio', { target: 0.3 });
}
