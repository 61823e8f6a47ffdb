import type { ShopSeed } from '../../../main/simulators/shopee/index.js';
import { startShopeeSimulator, type ShopeeSimulatorHandle } from '../../../main/simulators/shopee/index.js';
import { call, makeCore, type TestCore } from '../../fixtures/core.js';
import { addWarehouse } from '../../fixtures/builders.js';

// A Shopee shop on the simulator (public + control API only) connected to a core, with a catalog whose
// variant SKUs are the shop's model SKUs.

export const PARTNER = { partnerId: 2_100_001, partnerKey: 'intake-test-partner-key-3f1c9a' };
export const SHOP_ID = 30_000_001;
/** Model SKUs the catalog does not know (for the needs-mapping list). */
export const UNKNOWN_SKU = 'LA-LISTING-KHONG-RO';

export function shopSeed(items: number, stock: number): ShopSeed {
  return {
    shopId: SHOP_ID,
    name: 'Intake test shop',
    items: [
      ...Array.from({ length: items }, (_, i) => ({
        // Ids above 2^53 for half of them: kept as text, digit for digit.
        itemId: i % 2 ? 9_007_199_254_750_000n + BigInt(i) : 40_000_000_000n + BigInt(i),
        name: `Sản phẩm ${i}`,
        sku: `IT${i}`,
        tiers: [{ name: 'Size', options: ['M', 'L'] }],
        models: [
          { modelId: 9_007_199_254_900_000n + BigInt(i * 2), sku: `IT${i}-M`, tierIndex: [0], price: 100_000 + i * 1_000, stock },
          { modelId: 60_000_000_000n + BigInt(i * 2 + 1), sku: `IT${i}-L`, tierIndex: [1], price: 110_000 + i * 1_000, stock },
        ],
      })),
    ],
  };
}

export interface IntakeSetup {
  t: TestCore;
  accountId: number;
  warehouseId: number;
  variantBySku: Map<string, number>;
}

export async function startSim(seed: ShopSeed[]): Promise<ShopeeSimulatorHandle> {
  return startShopeeSimulator({ partners: [PARTNER], shops: seed, tickEveryMs: 0, generation: { ordersPerMinute: 0 } });
}

/** Catalog with the shop's SKUs (stock `stock` each), a Shopee account pointed at the simulator and connected. */
export async function connectCore(
  sim: Pick<ShopeeSimulatorHandle, 'url' | 'control'> | { url: string; control: { issueAuthCode(shopId: number, partnerId?: number): string } },
  opts: { dir?: string; stock: number; skus: string[]; core?: Parameters<typeof makeCore>[0] },
): Promise<IntakeSetup> {
  // The outbox stays off unless a test asks for it (`core`: e.g. Shopee logistics jobs after packing).
  const t = await makeCore({ dir: opts.dir, ...opts.core, core: { runJobs: false, ...opts.core?.core } });
  const wh = await addWarehouse(t.admin);
  const variantBySku = new Map<string, number>();
  for (let i = 0; i < opts.skus.length; i += 2) {
    const pair = opts.skus.slice(i, i + 2);
    const p = await call(t.admin, 'catalog.create', {
      name: `SP ${pair[0]}`, sku: `P-${pair[0]}`,
      variants: pair.map((sku, j) => ({ sku, attributes: [{ name: 'Size', value: `S${j}` }], price: 100_000, cost: 50_000, weightG: 200, initialStock: opts.stock > 0 ? [{ warehouseId: wh.id, quantity: opts.stock }] : [] })),
    });
    p.variants.forEach((v, j) => variantBySku.set(pair[j], v.id));
  }
  const now = Date.now();
  const r = t.core.store.prepare(`INSERT INTO connector_accounts (provider, name, environment, base_url, settings_json, secrets_sealed, created_at, updated_at)
    VALUES ('shopee', 'Shopee test', 'custom', ?, ?, ?, ?, ?)`).run(sim.url, JSON.stringify({ partnerId: String(PARTNER.partnerId) }), t.core.secrets.seal(JSON.stringify({ partnerKey: PARTNER.partnerKey })), now, now);
  const accountId = Number(r.lastInsertRowid);
  await call(t.admin, 'marketplaces.shopee.completeAuth', { accountId, redirectedUrl: `http://127.0.0.1/cb?code=${sim.control.issueAuthCode(SHOP_ID, PARTNER.partnerId)}&shop_id=${SHOP_ID}` });
  await call(t.admin, 'intake.settings', { accountId, warehouseId: wh.id });
  return { t, accountId, warehouseId: wh.id, variantBySku };
}

/** Stock levels equal the ledger, and every order's reservation was made exactly once. */
export function stockChecks(t: TestCore) {
  const db = t.core.store.sqlite;
  const ledgerMismatch = db.prepare(`SELECT count(*) FROM stock_levels l LEFT JOIN (SELECT variant_id, warehouse_id, sum(on_hand_delta) AS oh, sum(reserved_delta) AS rs
      FROM stock_movements GROUP BY variant_id, warehouse_id) m ON m.variant_id = l.variant_id AND m.warehouse_id = l.warehouse_id
    WHERE l.on_hand != coalesce(m.oh, 0) OR l.reserved != coalesce(m.rs, 0)`).pluck().get() as number;
  const reservedTwice = db.prepare(`SELECT count(*) FROM (SELECT l.order_id, l.variant_id, sum(l.quantity) AS q,
      (SELECT coalesce(sum(reserved_delta), 0) FROM stock_movements m WHERE m.order_id = l.order_id AND m.variant_id = l.variant_id AND m.kind = 'reserve') AS r
    FROM order_lines l GROUP BY l.order_id, l.variant_id) WHERE r > q`).pluck().get() as number;
  const heldVsLines = db.prepare(`SELECT count(*) FROM (SELECT l.order_id, l.variant_id, sum(l.reserved_qty) AS held,
      (SELECT coalesce(sum(reserved_delta), 0) FROM stock_movements m WHERE m.order_id = l.order_id AND m.variant_id = l.variant_id) AS moved
    FROM order_lines l GROUP BY l.order_id, l.variant_id) WHERE held != moved`).pluck().get() as number;
  return { ledgerMismatch, reservedTwice, heldVsLines };
}
