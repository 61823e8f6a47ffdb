import { createServer, connect, type Server, type Socket } from 'node:net';
import { startShopeeSimulator, type ShopeeSimulatorHandle, type ShopSeed } from '../../../main/simulators/shopee/index.js';
import { call, makeCore, type TestCore } from '../../fixtures/core.js';
import { addWarehouse } from '../../fixtures/builders.js';

// Two Shopee shops on one simulator (public + control API only), both selling the same SKUs from one
// warehouse of a core; each account reaches the simulator through its own loopback TCP relay, which a
// test can cut to make that shop "offline".

export const PARTNER = { partnerId: 2_100_077, partnerKey: 'listings-test-partner-key-77ab' };
export const SHOPS = [30_000_101, 30_000_102] as const;
export const SKUS = ['LS-AO-M', 'LS-AO-L', 'LS-MU'] as const;

/** Item ids per shop (one above 2^53), model ids per SKU; LS-MU is an item without variants (model 0). */
export const ids = (shop: number, k: number) => ({
  item: k === 0 ? 9_007_199_254_760_000n + BigInt(shop % 100) : 50_000_000_000n + BigInt(shop % 100),
  modelM: 9_007_199_254_990_000n + BigInt(shop % 100) * 2n,
  modelL: 70_000_000_000n + BigInt(shop % 100) * 2n + 1n,
});

export function seeds(stock: number): ShopSeed[] {
  return SHOPS.map((shopId) => {
    const a = ids(shopId, 0);
    const b = ids(shopId, 1);
    return {
      shopId,
      name: `Shop ${shopId}`,
      items: [
        {
          itemId: a.item, name: 'Áo thun', sku: 'LS-AO', tiers: [{ name: 'Size', options: ['M', 'L'] }],
          models: [
            { modelId: a.modelM, sku: 'LS-AO-M', tierIndex: [0], price: 150_000, stock },
            { modelId: a.modelL, sku: 'LS-AO-L', tierIndex: [1], price: 155_000, stock },
          ],
        },
        { itemId: b.item, name: 'Mũ lưỡi trai', sku: 'LS-MU', price: 90_000, stock },
        // Only on Shopee: "Retirar" creates it in the catalogue.
        { itemId: 60_000_000_000n + BigInt(shopId % 100), name: 'Túi vải', sku: `LS-TUI-${shopId % 100}`, price: 50_000, stock: 4 },
      ],
    };
  });
}

export class Relay {
  server: Server | null = null;
  readonly sockets = new Set<Socket>();
  port = 0;
  constructor(readonly target: number) {}
  async start(): Promise<void> {
    this.server = createServer((s) => {
      const up = connect(this.target, '127.0.0.1');
      this.sockets.add(s).add(up);
      s.pipe(up).pipe(s);
      const drop = () => { s.destroy(); up.destroy(); this.sockets.delete(s); this.sockets.delete(up); };
      s.on('error', drop).on('close', drop);
      up.on('error', drop).on('close', drop);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }
  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }
}

export interface ListingsSetup {
  sim: ShopeeSimulatorHandle;
  t: TestCore;
  warehouseId: number;
  accounts: number[];
  relays: Relay[];
  variant: Map<string, number>;
  close(): Promise<void>;
}

export async function setup(opts: { shopStock?: number; ourStock?: number; jobs?: boolean } = {}): Promise<ListingsSetup> {
  const sim = await startShopeeSimulator({ partners: [PARTNER], shops: seeds(opts.shopStock ?? 9), tickEveryMs: 0, generation: { ordersPerMinute: 0 } });
  const t = await makeCore({ core: { runJobs: opts.jobs ?? true, intakeTickMs: 0, trackEveryMs: 0 } });
  const wh = await addWarehouse(t.admin);
  const p = await call(t.admin, 'catalog.create', {
    name: 'Áo thun', sku: 'P-LS-AO',
    variants: ['LS-AO-M', 'LS-AO-L'].map((sku, i) => ({ sku, attributes: [{ name: 'Size', value: i ? 'L' : 'M' }], price: 150_000, weightG: 200, initialStock: [{ warehouseId: wh.id, quantity: opts.ourStock ?? 5 }] })),
  });
  const mu = await call(t.admin, 'catalog.create', { name: 'Mũ', sku: 'P-LS-MU', variants: [{ sku: 'LS-MU', price: 90_000, weightG: 100, initialStock: [{ warehouseId: wh.id, quantity: opts.ourStock ?? 5 }] }] });
  const variant = new Map<string, number>([...p.variants.map((v) => [v.sku, v.id] as [string, number]), [mu.variants[0].sku, mu.variants[0].id]]);
  const relays: Relay[] = [];
  const accounts: number[] = [];
  const simPort = Number(new URL(sim.url).port);
  for (const shopId of SHOPS) {
    const relay = new Relay(simPort);
    await relay.start();
    relays.push(relay);
    const now = Date.now();
    const r = t.core.store.prepare(`INSERT INTO connector_accounts (provider, name, environment, base_url, settings_json, secrets_sealed, rate_per_minute, concurrency, created_at, updated_at)
      VALUES ('shopee', ?, 'custom', ?, ?, ?, 600, 4, ?, ?)`).run(`Shopee ${shopId}`, `http://127.0.0.1:${relay.port}`, JSON.stringify({ partnerId: String(PARTNER.partnerId) }),
      t.core.secrets.seal(JSON.stringify({ partnerKey: PARTNER.partnerKey })), now, now);
    const accountId = Number(r.lastInsertRowid);
    await call(t.admin, 'marketplaces.shopee.completeAuth', { accountId, redirectedUrl: `http://127.0.0.1/cb?code=${sim.control.issueAuthCode(shopId, PARTNER.partnerId)}&shop_id=${shopId}` });
    await call(t.admin, 'intake.settings', { accountId, warehouseId: wh.id });
    accounts.push(accountId);
  }
  return {
    sim, t, warehouseId: wh.id, accounts, relays, variant,
    async close() {
      await t.close();
      for (const r of relays) await r.stop();
      await sim.close();
    },
  };
}

/** Shopee's seller stock of a SKU in a shop, read through the simulator's control API. */
export function simStock(sim: ShopeeSimulatorHandle, shopId: number, sku: string): number | undefined {
  for (const item of sim.control.items(shopId)) for (const m of item.models) if (m.model_sku === sku) return m.stock;
  return undefined;
}

export async function waitFor<T>(what: string, fn: () => T | undefined | false, timeoutMs = 10_000, stepMs = 20): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  for (;;) {
    const v = fn();
    if (v !== undefined && v !== false) return { value: v as T, ms: performance.now() - start };
    if (performance.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

/** Pull preview + apply every proposal as proposed (link by SKU, create the rest). */
export async function pullAll(s: ListingsSetup, accountId: number, stockWarehouseId?: number) {
  const preview = await call(s.t.admin, 'listings.pullPreview', { accountId });
  const choices = preview.proposals.filter((p) => p.action === 'link' || p.action === 'create').map((p) => ({ listingId: p.listingId, action: p.action as 'link' | 'create' }));
  const applied = await call(s.t.admin, 'listings.pullApply', { accountId, choices, ...(stockWarehouseId ? { stockWarehouseId } : {}) });
  return { preview, applied };
}
