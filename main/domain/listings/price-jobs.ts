import { z } from 'zod';
import { updatePrice } from '../../connectors/marketplaces/shopee/shopee-products.js';
import type { ShopeeShop } from '../../connectors/marketplaces/shopee/shopee-shop.js';
import type { Store } from '../../store/store.js';
import { isJobError } from '../../sync/job-error.js';
import { defineJobKind, type JobKind } from '../../sync/outbox.js';
import { PRICE_IN_PROMOTION_ERROR, promotionRetryDelayMs, shopeeErrorCode } from './price-rules.js';
import { modelResults } from './model-results.js';
import { planItemPrices, queuePricePush, recordPricePushes, type PriceOutcome } from './price-service.js';

// `listings.pushPrice` (issue 5 §3): one item's linked models in update_price calls (one item, ≤50 models
// per call, spec §1.4), prices read from the catalogue when the job runs, so edits that coalesced into one
// job write the latest prices once. Absolute prices: a retry is harmless.
// Shopee refuses a new price while the item is in a promotion: that is not a failure to hammer. Each model
// is logged as refused with a hint, and the push is queued again after a growing wait (price-rules.ts).

const payload = z.object({
  accountId: z.number().int().positive(),
  itemId: z.string().regex(/^\d{1,20}$/),
  reason: z.enum(['price', 'manual']).default('price'),
  promotionRetries: z.number().int().min(0).default(0),
});
type Payload = z.infer<typeof payload>;

interface Result { outcomes: PriceOutcome[]; inPromotion?: boolean; skipped?: 'disabled' | 'nothing_linked' }

export const PROMOTION_CODE = 'SHOPEE_PRICE_IN_PROMOTION';
const PROMOTION_MESSAGE = 'Shopee does not take a new price while the item is in a promotion; it is tried again later';

export function priceJobKind(shopOf: (store: Store, accountId: number, now: () => number) => ShopeeShop): JobKind<Payload, Result> {
  return defineJobKind<Payload, Result>({
    kind: 'listings.pushPrice',
    payload,
    requests: () => 1,
    async run(ctx, p) {
      const { policy, plan } = ctx.store.read(() => planItemPrices(ctx.store, p.accountId, p.itemId));
      if (!policy.enabled) return { outcomes: [], skipped: 'disabled' };
      const outcomes: PriceOutcome[] = plan.refused.map((r) => ({ listingId: r.listingId, price: r.price, ok: false, errorCode: r.code, error: r.message }));
      if (!plan.entries.length) return outcomes.length ? { outcomes } : { outcomes, skipped: 'nothing_linked' };
      const shop = shopOf(ctx.store, p.accountId, ctx.now);
      for (let i = 0; i < plan.entries.length; i += 50) {
        const batch = plan.entries.slice(i, i + 50);
        let res;
        try {
          res = await updatePrice(shop, p.itemId, batch.map((e) => ({ modelId: e.modelId, originalPrice: e.price })));
        } catch (error) {
          if (!isJobError(error) || shopeeErrorCode(error.raw) !== PRICE_IN_PROMOTION_ERROR) throw error;
          // The whole item is refused: every model not yet written waits for the retry.
          for (const e of plan.entries.slice(i)) outcomes.push({ listingId: e.listingId, price: e.price, ok: false, errorCode: PROMOTION_CODE, error: PROMOTION_MESSAGE });
          return { outcomes, inPromotion: true };
        }
        modelResults(batch, res).forEach((r, j) => {
          const e = batch[j]!;
          outcomes.push({ listingId: e.listingId, price: e.price, ok: r.ok, ...(r.ok ? {} : { errorCode: 'SHOPEE_PRICE_REFUSED', error: r.reason }) });
        });
      }
      return { outcomes };
    },
    applyResult(store, p, r, job, now) {
      recordPricePushes(store, p.accountId, p.reason, r.outcomes, job.id, now);
      if (r.inPromotion) queuePricePush(store, p.accountId, p.itemId, p.reason, now, now + promotionRetryDelayMs(p.promotionRetries), p.promotionRetries + 1);
    },
    applyFailure(store, p, e, job, now) {
      const ids = store.prepare('SELECT id FROM listings WHERE account_id = ? AND item_id = ? AND variant_id IS NOT NULL').pluck().all(p.accountId, p.itemId) as number[];
      recordPricePushes(store, p.accountId, p.reason, ids.map((listingId) => ({ listingId, price: null, ok: false, errorCode: e.code, error: e.message })), job.id, now);
    },
  });
}
