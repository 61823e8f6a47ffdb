import { fail } from '../../../api/errors.js';
import type { PublishDraft, PublishForm, Publication } from '../../../api/listing-publish.js';
import type { Store } from '../../../store/store.js';
import { readPolicy } from '../listings-service.js';
import { pushQuantity } from '../push-policy.js';
import { checkPublication, planTiers, type TierPlan } from './publish-rules.js';
import { cachedFacts } from './shopee-facts.js';

// Publications in the store: the product as the form sees it, the saved draft, the form answer.

export interface PublicationRow {
  id: number; account_id: number; product_id: number; status: Publication['status']; step: Publication['step'];
  category_id: string | null; category_path: string; item_name: string; description: string; attributes_json: string; logistics_json: string;
  images_json: string; tiers_json: string; models_json: string; weight_g: number; length_cm: number; width_cm: number; height_cm: number;
  item_id: string | null; field_errors_json: string; error_code: string | null; error_message: string | null; job_id: number | null; attempt: number;
  requested_by: number | null; requested_at: number | null; listed_at: number | null; created_at: number; updated_at: number;
}

export type StoredImage = { url: string; imageId: string | null };
export type StoredModel = TierPlan['models'][number] & { modelId: string | null };

export interface ProductFacts {
  id: number; name: string; sku: string; description: string; images: string[];
  variants: { variantId: number; sku: string; attributes: { name: string; value: string }[]; price: number; stock: number; weightG: number;
    lengthCm: number; widthCm: number; heightCm: number; active: boolean }[];
}

export function readProduct(store: Store, productId: number, accountId: number): ProductFacts {
  const p = store.prepare('SELECT id, name, sku, description, images_json FROM products WHERE id = ?').get(productId) as
    { id: number; name: string; sku: string; description: string; images_json: string } | undefined;
  if (!p) return fail('NOT_FOUND', 'Product not found', { entity: 'product', id: productId });
  const policy = readPolicy(store, accountId);
  const levels = store.prepare('SELECT warehouse_id AS warehouseId, on_hand - reserved AS available FROM stock_levels WHERE variant_id = ?');
  const rows = store.prepare('SELECT * FROM variants WHERE product_id = ? ORDER BY id').all(productId) as
    { id: number; sku: string; attributes_json: string; price: number; weight_g: number; length_cm: number; width_cm: number; height_cm: number; active: number }[];
  return {
    id: p.id, name: p.name, sku: p.sku, description: p.description, images: JSON.parse(p.images_json) as string[],
    variants: rows.map((v) => ({
      variantId: v.id, sku: v.sku, attributes: JSON.parse(v.attributes_json) as { name: string; value: string }[], price: v.price,
      // What the stock push will show once linked (marketplace reserve: none yet on a new item).
      stock: pushQuantity(policy, { levels: levels.all(v.id) as { warehouseId: number; available: number }[], marketplaceReserved: 0 }).quantity,
      weightG: v.weight_g, lengthCm: v.length_cm, widthCm: v.width_cm, heightCm: v.height_cm, active: v.active === 1,
    })),
  };
}

/** A first draft from the product: its name, description and images; the heaviest variant's weight and largest box. */
export function defaultDraft(p: ProductFacts): PublishDraft {
  const active = p.variants.filter((v) => v.active);
  const max = (f: (v: ProductFacts['variants'][number]) => number) => Math.max(0, ...active.map(f));
  return {
    categoryId: null, categoryPath: '', itemName: p.name, description: p.description, attributes: [], images: p.images.slice(0, 9), logisticsIds: [],
    weightG: max((v) => v.weightG), lengthCm: max((v) => v.lengthCm), widthCm: max((v) => v.widthCm), heightCm: max((v) => v.heightCm),
    models: active.map((v) => ({ variantId: v.variantId, price: v.price })),
  };
}

export function draftOfRow(r: PublicationRow): PublishDraft {
  return {
    categoryId: r.category_id, categoryPath: r.category_path, itemName: r.item_name, description: r.description,
    attributes: JSON.parse(r.attributes_json), images: (JSON.parse(r.images_json) as StoredImage[]).map((i) => i.url), logisticsIds: JSON.parse(r.logistics_json),
    weightG: r.weight_g, lengthCm: r.length_cm, widthCm: r.width_cm, heightCm: r.height_cm,
    models: (JSON.parse(r.models_json) as StoredModel[]).map((m) => ({ variantId: m.variantId, price: m.price })),
  };
}

/** The draft's variants (in the product's order) with the draft's prices, laid out as tiers. */
export function planFor(p: ProductFacts, d: PublishDraft): TierPlan {
  const price = new Map(d.models.map((m) => [m.variantId, m.price]));
  return planTiers(p.variants.filter((v) => price.has(v.variantId)).map((v) => ({ ...v, price: price.get(v.variantId)! })));
}

/** Refuses a draft that names what the product does not have (another product's variant, an image not in the catalogue). */
export function assertDraftFits(p: ProductFacts, d: PublishDraft): void {
  const variants = new Map(p.variants.map((v) => [v.variantId, v]));
  const seen = new Set<number>();
  for (const m of d.models) {
    const v = variants.get(m.variantId);
    if (!v) fail('NOT_FOUND', 'This variant is not part of the product', { entity: 'variant', id: m.variantId });
    if (!v!.active) fail('VARIANT_INACTIVE', `Variant ${v!.sku} is inactive`, { sku: v!.sku });
    if (seen.has(m.variantId)) fail('INPUT_INVALID', `Variant ${v!.sku} is listed twice`, { field: 'draft.models', reason: 'variant_twice' });
    seen.add(m.variantId);
  }
  const images = new Set(p.images);
  for (const url of d.images) if (!images.has(url)) fail('INPUT_INVALID', 'Only the product\'s own images can be listed', { field: 'draft.images', reason: 'image_not_in_product' });
  if (new Set(d.images).size !== d.images.length) fail('INPUT_INVALID', 'An image is chosen twice', { field: 'draft.images', reason: 'image_twice' });
}

export const readPublication = (store: Store, accountId: number, productId: number) =>
  store.prepare('SELECT * FROM listing_publications WHERE account_id = ? AND product_id = ?').get(accountId, productId) as PublicationRow | undefined;

export const publicationById = (store: Store, id: number) => store.prepare('SELECT * FROM listing_publications WHERE id = ?').get(id) as PublicationRow | undefined;

type JobFacts = { id: number; status: string; attempts: number; last_error_message: string | null };
const jobOf = (store: Store, r: PublicationRow) =>
  r.job_id === null ? undefined : store.prepare('SELECT id, status, attempts, last_error_message FROM jobs WHERE id = ?').get(r.job_id) as JobFacts | undefined;

/** A publication whose job was withdrawn (jobs.cancel) is no longer under way: it reads as failed and can be edited and sent again. */
function statusOf(r: PublicationRow, job: JobFacts | undefined): Publication['status'] {
  return (r.status === 'queued' || r.status === 'publishing') && job?.status === 'cancelled' ? 'failed' : r.status;
}

function publicationOut(store: Store, r: PublicationRow): Publication {
  const job = jobOf(store, r);
  return {
    id: r.id, status: statusOf(r, job), step: r.step, itemId: r.item_id, attempt: r.attempt, requestedAt: r.requested_at, listedAt: r.listed_at,
    errorCode: r.error_code, errorMessage: r.error_message, fieldErrors: JSON.parse(r.field_errors_json), images: JSON.parse(r.images_json),
    models: (JSON.parse(r.models_json) as StoredModel[]).map((m) => ({ variantId: m.variantId, modelId: m.modelId ?? null })),
    job: job ? { id: job.id, status: job.status, attempts: job.attempts, lastError: job.last_error_message } : null,
  };
}

export function checksFor(store: Store, accountId: number, d: PublishDraft, plan: TierPlan) {
  return checkPublication({ draft: d, plan, ...cachedFacts(store, accountId, d.categoryId) });
}

export function formOf(store: Store, accountId: number, productId: number): PublishForm {
  const product = readProduct(store, productId, accountId);
  const row = readPublication(store, accountId, productId);
  const draft = row ? draftOfRow(row) : defaultDraft(product);
  const plan = planFor(product, draft);
  return {
    accountId, productId,
    product: { id: product.id, name: product.name, sku: product.sku, description: product.description, images: product.images,
      variants: product.variants.map(({ variantId, sku, attributes, price, stock, weightG, active }) => ({ variantId, sku, attributes, price, stock, weightG, active })) },
    draft, plan, checks: checksFor(store, accountId, draft, plan), publication: row ? publicationOut(store, row) : null,
    alreadyOnShop: (store.prepare(`SELECT l.variant_id AS variantId, v.sku, l.item_id AS itemId, l.model_id AS modelId FROM listings l JOIN variants v ON v.id = l.variant_id
      WHERE l.account_id = ? AND v.product_id = ? AND l.item_id IS NOT ? ORDER BY l.item_id, l.model_id LIMIT 50`).all(accountId, productId, row?.item_id ?? null) as PublishForm['alreadyOnShop']),
  };
}

/**
 * Keeps the draft. Images keep the Shopee id they were uploaded with (a retry does not upload them again);
 * models keep their Shopee model id. Returns the publication id.
 */
export function writeDraft(store: Store, accountId: number, productId: number, d: PublishDraft, plan: TierPlan, now: number): number {
  const before = readPublication(store, accountId, productId);
  const uploaded = new Map((before ? (JSON.parse(before.images_json) as StoredImage[]) : []).map((i) => [i.url, i.imageId]));
  const images: StoredImage[] = d.images.map((url) => ({ url, imageId: uploaded.get(url) ?? null }));
  const models: StoredModel[] = plan.models.map((m) => ({ ...m, modelId: null }));
  const values = [d.categoryId, d.categoryPath, d.itemName, d.description, JSON.stringify(d.attributes), JSON.stringify(d.logisticsIds), JSON.stringify(images),
    JSON.stringify(plan.tiers), JSON.stringify(models), d.weightG, d.lengthCm, d.widthCm, d.heightCm];
  if (!before) {
    return Number(store.prepare(`INSERT INTO listing_publications (account_id, product_id, status, category_id, category_path, item_name, description, attributes_json,
        logistics_json, images_json, tiers_json, models_json, weight_g, length_cm, width_cm, height_cm, created_at, updated_at)
      VALUES (?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(accountId, productId, ...values, now, now).lastInsertRowid);
  }
  const status = statusOf(before, jobOf(store, before));
  if (status === 'queued' || status === 'publishing') fail('CONFLICT', 'This product is being listed on Shopee now', { reason: 'publishing' });
  if (before.status === 'listed') fail('CONFLICT', `This product is already listed on Shopee (item ${before.item_id})`, { reason: 'listed', itemId: before.item_id });
  store.prepare(`UPDATE listing_publications SET category_id = ?, category_path = ?, item_name = ?, description = ?, attributes_json = ?, logistics_json = ?,
      images_json = ?, tiers_json = ?, models_json = ?, weight_g = ?, length_cm = ?, width_cm = ?, height_cm = ?, updated_at = ? WHERE id = ?`).run(...values, now, before.id);
  return before.id;
}
