import type { Store } from '../../../store/store.js';
import { queueDriftCheck, queuePush, readPolicy } from '../listings-service.js';
import type { PublicationRow, StoredModel } from './publish-store.js';

// A product now on Shopee becomes a linked listing at once, in the transaction that records the job's
// answer: one listings row per model (model '0' for an item without variations) linked to its variant,
// the per-model mapping order intake reads first, a stock push of the item, and the shop's drift check.

export function linkPublished(store: Store, pub: PublicationRow, itemId: string, links: readonly { variantId: number; modelId: string }[], now: number): void {
  const models = JSON.parse(pub.models_json) as StoredModel[];
  const byVariant = new Map(models.map((m) => [m.variantId, m]));
  const mapping = store.prepare(`INSERT INTO listing_mappings (account_id, item_id, model_id, variant_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (account_id, item_id, model_id) DO UPDATE SET variant_id = excluded.variant_id`);
  // The model's SKU is the variant's SKU (sent as model_sku / item_sku): a SKU link.
  const listing = store.prepare(`INSERT INTO listings (account_id, item_id, model_id, sku, name, model_name, item_sku, item_status, price, shopee_stock, seen_at,
      variant_id, linked_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'NORMAL', ?, ?, ?, ?, 'sku', ?, ?)
    ON CONFLICT (account_id, item_id, model_id) DO UPDATE SET variant_id = excluded.variant_id, linked_by = 'sku', sku = excluded.sku, updated_at = excluded.updated_at`);
  const itemSku = models.length === 1 && links.length === 1 && links[0].modelId === '0' ? models[0].sku : (store.prepare('SELECT sku FROM products WHERE id = ?').pluck().get(pub.product_id) as string);
  for (const l of links) {
    const m = byVariant.get(l.variantId);
    if (!m) continue;
    mapping.run(pub.account_id, itemId, l.modelId, l.variantId, pub.requested_by, now);
    listing.run(pub.account_id, itemId, l.modelId, m.sku, pub.item_name, m.options.join(', '), itemSku, m.price, m.stock, now, l.variantId, now, now);
  }
  const withIds = models.map((m) => ({ ...m, modelId: links.find((l) => l.variantId === m.variantId)?.modelId ?? m.modelId }));
  store.prepare(`UPDATE listing_publications SET status = 'listed', step = 'done', item_id = ?, models_json = ?, field_errors_json = '[]', error_code = NULL,
    error_message = NULL, listed_at = ?, updated_at = ? WHERE id = ?`).run(itemId, JSON.stringify(withIds), now, now, pub.id);
  queuePush(store, pub.account_id, itemId, 'link', now);
  queueDriftCheck(store, pub.account_id, now + readPolicy(store, pub.account_id).driftEveryMs, now);
}
