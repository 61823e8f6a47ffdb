import { z } from 'zod';
import { uploadImage } from '../../../connectors/marketplaces/shopee/shopee-media.js';
import { addItem, getItemBaseInfo, getItemList, getModelList, initTierVariation } from '../../../connectors/marketplaces/shopee/shopee-products.js';
import type { ShopeeShop } from '../../../connectors/marketplaces/shopee/shopee-shop.js';
import type { SecretBox } from '../../../core/secret-box.js';
import type { Store } from '../../../store/store.js';
import { JobError, isJobError } from '../../../sync/job-error.js';
import { defineJobKind, enqueue, type JobKind } from '../../../sync/outbox.js';
import { shopeeShopFor } from '../../marketplaces/shopee/shopee-account.js';
import { readImage } from './image-source.js';
import { fieldErrorsOf } from './publish-errors.js';
import { linkPublished } from './publish-link.js';
import type { TierPlan } from './publish-rules.js';
import { draftOfRow, publicationById, type PublicationRow, type StoredImage, type StoredModel } from './publish-store.js';
import { addItemBody, modelsToVariants, tierVariationBody } from './publish-wire.js';

// The outbox job that lists a product on Shopee. One job per step, each step's answer committed (with the
// next step's job) before the next one runs: images → add_item → init_tier_variation → linked. So the item
// id is kept the moment add_item's answer is applied, and a crash or a refusal later never adds the item
// again. add_item has no idempotency key: a run that may follow a lost answer (a second run of the job, or
// a later attempt) first looks for an item with our SKU updated since the request; init_tier_variation
// is preceded by get_model_list every time (an item that has models already is not varied twice).

export const PUBLISH_JOB = 'listings.publish';
const payload = z.object({ publicationId: z.number().int().positive() });
type Payload = z.infer<typeof payload>;

type Result =
  | { step: 'images'; uploaded: StoredImage[] }
  | { step: 'item'; itemId: string; reused: boolean }
  | { step: 'tiers'; models: { variantId: number; modelId: string }[]; reused: boolean }
  | { skipped: string };

/** A step done: under way again (also after a retry from the jobs screen), last refusal cleared. */
const UNDER_WAY = "status = 'publishing', field_errors_json = '[]', error_code = NULL, error_message = NULL";

/** How far back from the request a lost add_item is looked for (Shopee's update_time is in seconds). */
const LOOKBACK_S = 300;

const planOf = (pub: PublicationRow): TierPlan => {
  const models = JSON.parse(pub.models_json) as StoredModel[];
  const tiers = JSON.parse(pub.tiers_json) as TierPlan['tiers'];
  return { tiers, models, shape: tiers.length === 0 ? 'single' : 'attributes' };
};

/** The SKU Shopee keeps on the item: the product's, or the only variant's for an item without variations. */
export const itemSkuOf = (store: Store, pub: PublicationRow, plan: TierPlan): string =>
  plan.tiers.length === 0 && plan.models.length === 1 ? plan.models[0].sku : (store.prepare('SELECT sku FROM products WHERE id = ?').pluck().get(pub.product_id) as string);

/** Queues the publication's next step in the caller's transaction (the key makes a repeat a no-op). */
export function queueStep(store: Store, pub: Pick<PublicationRow, 'id' | 'account_id' | 'attempt'>, step: PublicationRow['step'], now: number): number {
  const jobId = enqueue(store, {
    kind: PUBLISH_JOB, accountId: pub.account_id, key: `${PUBLISH_JOB}:${pub.id}:${pub.attempt}:${step}`, payload: { publicationId: pub.id },
    subject: { type: 'publication', id: pub.id }, maxAttempts: 8,
  }, now);
  store.prepare('UPDATE listing_publications SET job_id = ?, step = ?, updated_at = ? WHERE id = ?').run(jobId, step, now, pub.id);
  return jobId;
}

/**
 * The item a lost add_item answer created: our SKU and name, updated since the request, and not an item the
 * shop already had (a stock push also moves update_time, so an older item with the same SKU must not pass).
 */
async function findListedItem(shop: ShopeeShop, want: { itemSku: string; itemName: string; known: ReadonlySet<string> }, sinceMs: number): Promise<string | null> {
  const ids: string[] = [];
  for (let offset = 0; ;) {
    const page = await getItemList(shop, { offset, pageSize: 100, itemStatus: ['NORMAL', 'UNLIST', 'REVIEWING'], updateTimeFrom: Math.floor(sinceMs / 1000) - LOOKBACK_S });
    ids.push(...page.item.map((i) => i.item_id));
    if (!page.has_next_page || page.item.length === 0 || page.next_offset <= offset) break;
    offset = page.next_offset;
  }
  const fresh = ids.filter((id) => !want.known.has(id));
  const found = (await getItemBaseInfo(shop, fresh)).find((i) => i.item_sku.toLowerCase() === want.itemSku.toLowerCase() && i.item_name.trim() === want.itemName.trim());
  return found?.item_id ?? null;
}

export function publishJobKinds(deps: { secrets: SecretBox }): JobKind<any, any>[] {
  const shopOf = (store: Store, accountId: number, now: () => number): ShopeeShop => {
    try {
      return store.read(() => shopeeShopFor(store, deps.secrets, accountId, { now }));
    } catch (error) {
      if (isJobError(error)) throw error;
      // A shop disconnected after "Đăng": a refusal the operator resolves in Channels, not a retry.
      throw new JobError('auth', 'SHOPEE_NOT_CONNECTED', (error as Error).message, { hint: 'Connect the shop again in Channels, then list the product again.' });
    }
  };

  const publish = defineJobKind<Payload, Result>({
    kind: PUBLISH_JOB,
    payload,
    // Up to 9 uploads, or a look-up (list + base info) and add_item, or get_model_list and init.
    requests: () => 4,
    async run(ctx, { publicationId }) {
      const pub = ctx.store.read(() => publicationById(ctx.store, publicationId));
      // A failed publication's own last job may be retried from the jobs screen; any other job of it is stale.
      const current = pub?.job_id === ctx.job.id;
      if (!pub || !current || pub.status === 'listed' || pub.status === 'draft') return { skipped: pub?.status ?? 'missing' };
      const shop = shopOf(ctx.store, pub.account_id, ctx.now);
      const plan = planOf(pub);

      if (pub.step === 'images') {
        const uploaded: StoredImage[] = [];
        for (const img of JSON.parse(pub.images_json) as StoredImage[]) {
          if (img.imageId) { uploaded.push(img); continue; }
          const bytes = await readImage(img.url);
          uploaded.push({ url: img.url, imageId: (await uploadImage(shop, bytes, `p${pub.product_id}-${uploaded.length + 1}`)).imageId });
        }
        return { step: 'images', uploaded };
      }

      if (pub.step === 'item') {
        if (pub.item_id) return { step: 'item', itemId: pub.item_id, reused: true };
        const itemSku = ctx.store.read(() => itemSkuOf(ctx.store, pub, plan));
        if (ctx.job.runs > 1 || pub.attempt > 1) {
          const known = new Set(ctx.store.read(() => ctx.store.prepare('SELECT DISTINCT item_id FROM listings WHERE account_id = ?').pluck().all(pub.account_id) as string[]));
          const found = await findListedItem(shop, { itemSku, itemName: pub.item_name, known }, pub.requested_at ?? pub.created_at);
          if (found) return { step: 'item', itemId: found, reused: true };
        }
        const draft = draftOfRow(pub);
        const imageIds = (JSON.parse(pub.images_json) as StoredImage[]).map((i) => i.imageId).filter((x): x is string => !!x);
        const res = await addItem(shop, addItemBody({ ...draft, categoryId: draft.categoryId ?? '', itemSku }, plan, imageIds));
        return { step: 'item', itemId: res.item_id, reused: false };
      }

      if (pub.step === 'tiers' && pub.item_id) {
        const existing = await getModelList(shop, pub.item_id);
        let models: { model_id: string; tier_index: number[]; model_sku?: string }[] = existing.model;
        const reused = models.length > 0;
        if (!reused) {
          const res = await initTierVariation(shop, pub.item_id, tierVariationBody(plan));
          // Models come back in the answer [?]; if not, they are read.
          models = res.model?.length ? res.model : (await getModelList(shop, pub.item_id)).model;
        }
        const links = modelsToVariants(plan, models);
        if (links.length !== plan.models.length) {
          throw new JobError('permanent', 'SHOPEE_MODELS_MISMATCH', `Shopee shows ${models.length} variations for item ${pub.item_id}, Packdesk sent ${plan.models.length}`, {
            hint: 'Check the item on Shopee; link its variations from the listings screen.', raw: { field: 'model' },
          });
        }
        return { step: 'tiers', models: links, reused };
      }
      return { skipped: pub.step };
    },

    applyResult(store, { publicationId }, r, _job, now) {
      if ('skipped' in r) return;
      const pub = publicationById(store, publicationId);
      if (!pub) return;
      const plan = planOf(pub);
      if (r.step === 'images') {
        store.prepare(`UPDATE listing_publications SET images_json = ?, ${UNDER_WAY}, updated_at = ? WHERE id = ?`).run(JSON.stringify(r.uploaded), now, pub.id);
        queueStep(store, pub, 'item', now);
      } else if (r.step === 'item') {
        // Kept before anything else happens to the item: every later step and retry starts from it.
        store.prepare(`UPDATE listing_publications SET item_id = ?, ${UNDER_WAY}, updated_at = ? WHERE id = ?`).run(r.itemId, now, pub.id);
        if (plan.tiers.length === 0) linkPublished(store, { ...pub, item_id: r.itemId }, r.itemId, [{ variantId: plan.models[0].variantId, modelId: '0' }], now);
        else queueStep(store, pub, 'tiers', now);
      } else {
        linkPublished(store, pub, pub.item_id!, r.models, now);
      }
    },

    applyFailure(store, { publicationId }, e, job, now) {
      store.prepare(`UPDATE listing_publications SET status = 'failed', field_errors_json = ?, error_code = ?, error_message = ?, updated_at = ?
        WHERE id = ? AND job_id = ? AND status IN ('queued', 'publishing', 'failed')`).run(JSON.stringify(fieldErrorsOf(e)), e.code, e.message.slice(0, 1000), now, publicationId, job.id);
    },
  });
  return [publish];
}
