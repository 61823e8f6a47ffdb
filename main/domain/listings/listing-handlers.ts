import { fail } from '../../api/errors.js';
import { productInput } from '../../api/catalog.js';
import type { listingsContract, PullProposal } from '../../api/listings.js';
import type { CommandContext, HandlersFor } from '../../core/context.js';
import type { Store } from '../../store/store.js';
import { createProduct } from '../catalog/catalog-service.js';
import { readShopeeAccount } from '../marketplaces/shopee/shopee-account.js';
import { shopeeShopFor } from '../marketplaces/shopee/shopee-account.js';
import {
  applySeenStock, getListing, listListings, policyOut, pushLog, queueDriftCheck, queuePush, readPolicy, upsertRemote, writePolicy, type ListingRow,
} from './listings-service.js';
import { readShopListings } from './shopee-listings.js';
import { priceHandlers } from './price-handlers.js';

// listings.* commands (issue 5 §3 pull side, §4). Every command that queues a push announces jobs.changed,
// which wakes the job runner at once (core.ts), so a push starts within milliseconds of the commit.

const VARIANT_SKU = /^[A-Za-z0-9._/-]{1,64}$/;

function changed(ctx: CommandContext, accountId: number, queued: boolean) {
  ctx.emit('listings.changed', { accountId });
  if (queued) {
    ctx.emit('jobs.changed', {});
    ctx.services.jobs.wake();
  }
}

/** What "Retirar" proposes for each listing of the shop (read from the listings table just refreshed). */
export function proposals(store: Store, accountId: number): PullProposal[] {
  const rows = store.prepare('SELECT * FROM listings WHERE account_id = ? ORDER BY name, item_id, model_id').all(accountId) as ListingRow[];
  const variantBySku = store.prepare('SELECT id, sku FROM variants WHERE sku = ?');
  const variantById = store.prepare('SELECT id, sku FROM variants WHERE id = ?');
  const codeTaken = store.prepare('SELECT 1 FROM catalog_codes WHERE code = ?').pluck();
  const mapping = store.prepare('SELECT variant_id FROM listing_mappings WHERE account_id = ? AND item_id = ? AND model_id = ?').pluck();
  const skuCount = new Map<string, number>();
  for (const r of rows) if (r.sku) skuCount.set(r.sku.toLowerCase(), (skuCount.get(r.sku.toLowerCase()) ?? 0) + 1);
  const toCreate = new Set<string>();
  return rows.map((r): PullProposal => {
    const base = { listingId: r.id, itemId: r.item_id, modelId: r.model_id, sku: r.sku, name: r.name, modelName: r.model_name, price: r.price, shopeeStock: r.shopee_stock };
    const v = (row: unknown) => row as { id: number; sku: string } | undefined;
    if (r.variant_id !== null) {
      const linked = v(variantById.get(r.variant_id));
      return { ...base, action: 'linked', variantId: r.variant_id, variantSku: linked?.sku ?? null, reason: 'already_linked' };
    }
    const mapped = mapping.get(accountId, r.item_id, r.model_id) as number | undefined;
    if (mapped !== undefined) {
      const m = v(variantById.get(mapped));
      if (m) return { ...base, action: 'link', variantId: m.id, variantSku: m.sku, reason: 'mapping' };
    }
    const skip = (reason: PullProposal['reason']): PullProposal => ({ ...base, action: 'skip', variantId: null, variantSku: null, reason });
    if (!r.sku.trim()) return skip('no_sku');
    const bySku = v(variantBySku.get(r.sku.trim()));
    if (bySku) return { ...base, action: 'link', variantId: bySku.id, variantSku: bySku.sku, reason: 'sku' };
    if (r.item_status !== 'NORMAL') return skip('not_normal');
    if (!VARIANT_SKU.test(r.sku.trim())) return skip('sku_invalid');
    if (codeTaken.get(r.sku.trim())) return skip('sku_taken');
    const key = r.sku.trim().toLowerCase();
    if ((skuCount.get(key) ?? 0) > 1 && toCreate.has(key)) return skip('duplicate_sku');
    toCreate.add(key);
    return { ...base, action: 'create', variantId: null, variantSku: null, reason: 'new' };
  });
}

function pullSummary(store: Store, accountId: number, pulledAt: number, items: number) {
  const list = proposals(store, accountId);
  const counts = { linked: 0, link: 0, create: 0, skip: 0 };
  for (const p of list) counts[p.action] += 1;
  return { accountId, pulledAt, items, counts, proposals: list };
}

export const listingHandlers: HandlersFor<typeof listingsContract> = {
  'listings.list': (ctx, input) => {
    readShopeeAccount(ctx.store, input.accountId);
    return listListings(ctx.store, input);
  },

  'listings.pullPreview': {
    async: async (ctx, { accountId }) => {
      const shop = ctx.store.read(() => shopeeShopFor(ctx.store, ctx.services.secrets, accountId, { now: ctx.now }));
      let remote;
      try {
        remote = await readShopListings(shop);
      } catch (error) {
        const e = error as { code?: string; message?: string; hint?: string; kind?: string };
        fail(e.kind === 'offline' ? 'OFFLINE' : 'MARKETPLACE_UNAVAILABLE', e.message ?? 'Shopee could not be read', { reason: e.code ?? 'unknown', hint: e.hint ?? '' });
      }
      const now = ctx.now();
      const out = ctx.store.tx(() => {
        upsertRemote(ctx.store, accountId, remote!.listings, now);
        // After a pull, Shopee's stock is compared with what we pushed (drift).
        const seen = applySeenStock(ctx.store, accountId, remote!.listings.map((l) => [l.itemId, l.modelId, l.stock, l.reserved] as [string, string, number | null, number]), now);
        return { summary: pullSummary(ctx.store, accountId, now, remote!.items), queued: seen.queued.length > 0 };
      });
      changed(ctx, accountId, out.queued);
      return out.summary;
    },
  },

  'listings.pullApply': (ctx, { accountId, choices, stockWarehouseId }) => {
    readShopeeAccount(ctx.store, accountId);
    const now = ctx.now();
    const byId = new Map(proposals(ctx.store, accountId).map((p) => [p.listingId, p]));
    const link = ctx.store.prepare("UPDATE listings SET variant_id = ?, linked_by = ?, updated_at = ? WHERE id = ? AND account_id = ?");
    const variantExists = ctx.store.prepare('SELECT sku FROM variants WHERE id = ?').pluck();
    const variantBySku = ctx.store.prepare('SELECT id FROM variants WHERE sku = ?').pluck();
    const row = ctx.store.prepare('SELECT * FROM listings WHERE id = ?');
    let linked = 0;
    let skipped = 0;
    const creates = new Map<string, ListingRow[]>();
    for (const c of choices) {
      const p = byId.get(c.listingId);
      if (!p) fail('NOT_FOUND', 'Listing not found in this shop', { entity: 'listing', id: c.listingId });
      if (c.action === 'skip' || p!.action === 'linked') { skipped += 1; continue; }
      if (c.action === 'link') {
        const variantId = c.variantId ?? p!.variantId;
        if (!variantId || variantExists.get(variantId) === undefined) fail('INPUT_INVALID', 'Choose a variant to link this listing to', { reason: 'variant_missing', listingId: c.listingId });
        link.run(variantId, c.variantId && c.variantId !== p!.variantId ? 'manual' : p!.reason === 'mapping' ? 'mapping' : 'sku', now, c.listingId, accountId);
        linked += 1;
        continue;
      }
      const r = row.get(c.listingId) as ListingRow;
      if (!VARIANT_SKU.test(r.sku.trim())) fail('INPUT_INVALID', `Listing ${r.item_id}/${r.model_id} has no usable SKU to create a variant`, { reason: 'sku_invalid', listingId: r.id });
      creates.set(r.item_id, [...(creates.get(r.item_id) ?? []), r]);
    }
    let created = 0;
    let createdProducts = 0;
    for (const [itemId, rows] of creates) {
      // A SKU created a moment ago (the same SKU on two listings) is linked instead of created twice.
      const fresh: ListingRow[] = [];
      const seen = new Set<string>();
      for (const r of rows) {
        const existing = variantBySku.get(r.sku.trim()) as number | undefined;
        if (existing !== undefined) { link.run(existing, 'sku', now, r.id, accountId); linked += 1; }
        else if (seen.has(r.sku.trim().toLowerCase())) fresh.push({ ...r, model_id: '__dup' });
        else { seen.add(r.sku.trim().toLowerCase()); fresh.push(r); }
      }
      const models = fresh.filter((r) => r.model_id !== '__dup');
      if (!models.length) continue;
      const first = models[0];
      const productSkuCandidate = VARIANT_SKU.test(first.item_sku.trim()) && !models.some((m) => m.sku.trim().toLowerCase() === first.item_sku.trim().toLowerCase()) ? first.item_sku.trim() : `SHP-${itemId}`;
      const productSku = ctx.store.prepare('SELECT 1 FROM catalog_codes WHERE code = ?').get(productSkuCandidate) ? `SHP-${itemId}-${now}` : productSkuCandidate;
      const input = productInput.parse({
        name: (first.name || `Shopee ${itemId}`).slice(0, 200),
        sku: productSku.slice(0, 64),
        variants: models.map((m) => ({
          sku: m.sku.trim(),
          attributes: m.model_name ? [{ name: 'Phân loại', value: m.model_name.slice(0, 60) }] : [],
          price: Math.max(0, m.price ?? 0),
          weightG: 0,
          initialStock: stockWarehouseId && (m.shopee_stock ?? 0) > 0 ? [{ warehouseId: stockWarehouseId, quantity: m.shopee_stock! }] : [],
        })),
      });
      createProduct(ctx.store, input, { operatorId: ctx.operatorId, at: now });
      createdProducts += 1;
      for (const m of models) {
        link.run(variantBySku.get(m.sku.trim()) as number, 'created', now, m.id, accountId);
        created += 1;
      }
      for (const r of fresh.filter((x) => x.model_id === '__dup')) {
        const orig = rows.find((x) => x.id === r.id)!;
        link.run(variantBySku.get(orig.sku.trim()) as number, 'sku', now, orig.id, accountId);
        linked += 1;
      }
    }
    // Linking queued each item's first push (trigger listings_linked_push); the drift check starts its round.
    queueDriftCheck(ctx.store, accountId, now + readPolicy(ctx.store, accountId).driftEveryMs, now);
    const pushesQueued = (ctx.store.prepare("SELECT count(*) FROM jobs WHERE kind = 'listings.push' AND account_id = ? AND status = 'queued'").pluck().get(accountId) as number);
    changed(ctx, accountId, true);
    if (created) { ctx.emit('catalog.changed', {}); if (stockWarehouseId) ctx.emit('stock.changed', {}); }
    return { linked, created, createdProducts, skipped, pushesQueued };
  },

  'listings.link': (ctx, { listingId, variantId }) => {
    const before = getListing(ctx.store, listingId);
    if (variantId !== null && ctx.store.prepare('SELECT 1 FROM variants WHERE id = ?').get(variantId) === undefined) fail('NOT_FOUND', 'Variant not found', { entity: 'variant', id: variantId });
    ctx.store.prepare('UPDATE listings SET variant_id = ?, linked_by = ?, updated_at = ? WHERE id = ?').run(variantId, variantId === null ? null : 'manual', ctx.now(), listingId);
    changed(ctx, before.accountId, variantId !== null);
    return getListing(ctx.store, listingId);
  },

  'listings.policy': (ctx, { accountId }) => {
    readShopeeAccount(ctx.store, accountId);
    return policyOut(accountId, readPolicy(ctx.store, accountId));
  },

  'listings.setPolicy': (ctx, input) => {
    const { accountId, ...policy } = input;
    readShopeeAccount(ctx.store, accountId);
    for (const w of policy.warehouseIds) if (ctx.store.prepare('SELECT 1 FROM warehouses WHERE id = ?').get(w) === undefined) fail('NOT_FOUND', 'Warehouse not found', { entity: 'warehouse', id: w });
    const now = ctx.now();
    writePolicy(ctx.store, accountId, policy, now);
    // Every linked item is pushed with the new policy (a push that changes nothing still costs one call per item).
    const items = ctx.store.prepare('SELECT DISTINCT item_id FROM listings WHERE account_id = ? AND variant_id IS NOT NULL').pluck().all(accountId) as string[];
    if (policy.enabled) for (const itemId of items) queuePush(ctx.store, accountId, itemId, 'policy', now);
    changed(ctx, accountId, policy.enabled && items.length > 0);
    return policyOut(accountId, readPolicy(ctx.store, accountId));
  },

  'listings.pushNow': (ctx, { accountId, itemIds }) => {
    readShopeeAccount(ctx.store, accountId);
    const now = ctx.now();
    const linked = new Set(ctx.store.prepare('SELECT DISTINCT item_id FROM listings WHERE account_id = ? AND variant_id IS NOT NULL').pluck().all(accountId) as string[]);
    const items = itemIds ? itemIds.filter((i) => linked.has(i)) : [...linked];
    if (itemIds && items.length === 0) fail('CONFLICT', 'None of these listings is linked to a variant', { reason: 'not_linked' });
    for (const itemId of items) queuePush(ctx.store, accountId, itemId, 'manual', now);
    changed(ctx, accountId, items.length > 0);
    return { queued: items.length };
  },

  'listings.checkDrift': (ctx, { accountId }) => {
    readShopeeAccount(ctx.store, accountId);
    queueDriftCheck(ctx.store, accountId, ctx.now(), ctx.now());
    changed(ctx, accountId, true);
    return { queued: true };
  },

  'listings.pushLog': (ctx, input) => pushLog(ctx.store, input),

  ...priceHandlers,
};
