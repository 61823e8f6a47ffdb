import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCore, DATABASE_FILE, type Core } from '../../main/core/core.js';
import { createProduct } from '../../main/domain/catalog/catalog-service.js';
import { createOperator } from '../../main/domain/operators/operators-service.js';
import { ingestOrders } from '../../main/domain/orders/order-ingest.js';
import { latestVersion, loadMigrations } from '../../main/store/migrator.js';
import type { Store } from '../../main/store/store.js';
import { CHANNELS, generator, makeOrders, STATUSES, weighted, type BenchVariant } from './bench-data.js';

export const BENCH_PIN = '1234';

/** A store with an admin, one warehouse and a catalogue of `products` × 3 variants with ample stock. */
export function seedCatalogue(store: Store, products: number): { warehouseId: number; variants: BenchVariant[] } {
  return store.tx(() => {
    createOperator(store, { name: 'Bench', role: 'admin', pin: BENCH_PIN }, Date.now());
    const warehouseId = Number(store.prepare("INSERT INTO warehouses (code, name, type, active, allow_negative, created_at, updated_at) VALUES ('BENCH', 'Bench', 'main', 1, 0, 0, 0)").run().lastInsertRowid);
    const actor = { operatorId: 1, at: 0 };
    for (let p = 0; p < products; p++) {
      createProduct(store, {
        name: `Sản phẩm ${p}`, sku: `P${p}`, category: 'Bench', brand: '', description: '', specs: [], images: [], videoUrl: '', active: true,
        variants: ['S', 'M', 'L'].map((size) => ({
          sku: `P${p}-${size}`, attributes: [{ name: 'Size', value: size }], barcodes: [], price: 100000 + p * 1000, cost: 50000,
          vatRate: '8' as const, weightG: 300, lengthCm: 0, widthCm: 0, heightCm: 0, active: true,
          initialStock: [{ warehouseId, quantity: 1_000_000_000 }],
        })),
      }, actor);
    }
    const variants = store.prepare('SELECT v.id, v.sku, p.name, v.price FROM variants v JOIN products p ON p.id = v.product_id').all() as BenchVariant[];
    return { warehouseId, variants };
  });
}

/**
 * Fills a store with `count` orders through the domain's bulk path, then spreads them over channels
 * and statuses the way a shop's history looks (most orders are completed).
 */
export function fillOrders(store: Store, count: number, seed: number, batch = 2000): void {
  const { warehouseId, variants } = seedCatalogue(store, 100);
  const gen = generator(seed);
  const start = Date.UTC(2025, 0, 1);
  for (let done = 0; done < count; done += batch) {
    const orders = makeOrders(gen, variants, warehouseId, Math.min(batch, count - done), start + done * 30_000);
    for (const o of orders) o.channel = weighted(gen.rand, CHANNELS);
    ingestOrders(store, orders, 1);
  }
  const update = store.prepare('UPDATE orders SET status = ? WHERE id = ?');
  store.tx(() => {
    for (let id = 1; id <= count; id++) update.run(weighted(gen.rand, STATUSES), id);
  });
  store.sqlite.pragma('optimize');
  store.sqlite.exec('ANALYZE');
}

/** A store kept from an earlier schema version, newest first, to be migrated instead of rebuilt. */
function olderStoreDir(count: number, version: number): string | null {
  const prefix = `packdesk-bench-${count}-v`;
  const older = readdirSync(tmpdir())
    .filter((n) => n.startsWith(prefix))
    .map((n) => ({ n, v: Number(n.slice(prefix.length)) }))
    .filter((x) => Number.isInteger(x.v) && x.v < version && existsSync(join(tmpdir(), x.n, DATABASE_FILE)))
    .sort((a, b) => b.v - a.v);
  return older.length ? join(tmpdir(), older[0].n) : null;
}

/**
 * The 1M-order store is built once and kept in the temp folder between runs. A store of an earlier
 * schema version is moved and migrated forward (minutes of building saved); migrations are what the
 * app runs on a user's file anyway, so the measured store is what a user's would be.
 */
export async function bigStoreDir(count: number, log: (m: string) => void): Promise<{ dir: string; built: boolean; seconds: number }> {
  const version = latestVersion(await loadMigrations());
  const dir = join(tmpdir(), `packdesk-bench-${count}-v${version}`);
  if (existsSync(join(dir, DATABASE_FILE))) return { dir, built: false, seconds: 0 };
  const older = olderStoreDir(count, version);
  if (older) {
    log(`migrating the kept store ${older} to schema ${version}…`);
    renameSync(older, dir);
    await (await startCore({ dataDir: dir, autoBackup: false })).close();
    return { dir, built: false, seconds: 0 };
  }
  const building = mkdtempSync(join(tmpdir(), 'packdesk-bench-building-'));
  log(`building a store with ${count} orders in ${building} (kept for later runs)…`);
  const t0 = performance.now();
  const core = await startCore({ dataDir: building, autoBackup: false });
  fillOrders(core.store, count, 42);
  await core.close();
  mkdirSync(tmpdir(), { recursive: true });
  rmSync(dir, { recursive: true, force: true });
  renameSync(building, dir);
  return { dir, built: true, seconds: (performance.now() - t0) / 1000 };
}

export async function signedInSession(core: Core) {
  const session = core.openSession();
  const r = await session.call('session.signIn', { operatorId: 1, pin: BENCH_PIN });
  if (!r.ok) throw new Error(`bench sign-in failed: ${r.error.message}`);
  return session;
}
