import { z } from 'zod';
import { updateStock } from '../../connectors/marketplaces/shopee/shopee-products.js';
import type { ShopeeShop } from '../../connectors/marketplaces/shopee/shopee-shop.js';
import type { SecretBox } from '../../core/secret-box.js';
import type { Store } from '../../store/store.js';
import { JobError, isJobError } from '../../sync/job-error.js';
import { defineJobKind, type JobKind } from '../../sync/outbox.js';
import { shopeeShopFor } from '../marketplaces/shopee/shopee-account.js';
import { applySeenStock, planItemPush, queueDriftCheck, readPolicy, recordPushes, type PushOutcome, type PushReason, type StockSeen } from './listings-service.js';
import { readShopListings } from './shopee-listings.js';
import { priceJobKind } from './price-jobs.js';
import { modelResults } from './model-results.js';

// Outbox jobs of the stock push (issue 5 §4). `listings.push` writes one item's models in one update_stock
// call (≤50 per call, spec §1.4) with quantities computed when the job runs, so a burst of movements that
// coalesced into one job pushes the latest stock once. Absolute quantities: a retry is harmless.
// `listings.drift` reads Shopee's stock of every listing and re-pushes where it drifted; it queues its next run.

const pushPayload = z.object({ accountId: z.number().int().positive(), itemId: z.string().regex(/^\d{1,20}$/), reason: z.enum(['stock', 'manual', 'drift', 'link', 'policy']).default('stock') });
type PushPayload = z.infer<typeof pushPayload>;
interface PushResult { outcomes: PushOutcome[]; skipped?: 'disabled' | 'nothing_changed' }

const driftPayload = z.object({ accountId: z.number().int().positive() });
interface DriftResult { seen: StockSeen[]; checked?: number; drifted?: number; repushed?: number }

function shopOf(store: Store, secrets: SecretBox, accountId: number, now: () => number): ShopeeShop {
  try {
    return store.read(() => shopeeShopFor(store, secrets, accountId, { now }));
  } catch (error) {
    if (isJobError(error)) throw error;
    throw new JobError('permanent', 'SHOPEE_NOT_CONNECTED', (error as Error).message, { hint: 'Connect the shop again in Channels, then push now.' });
  }
}

const reasonOf = (p: PushPayload): PushReason => p.reason;

export function listingJobKinds(deps: { secrets: SecretBox }): JobKind<any, any>[] {
  const push = defineJobKind<PushPayload, PushResult>({
    kind: 'listings.push',
    payload: pushPayload,
    requests: () => 1,
    async run(ctx, p) {
      const plan = ctx.store.read(() => planItemPush(ctx.store, p.accountId, p.itemId, reasonOf(p)));
      if (!plan.enabled) return { outcomes: [], skipped: 'disabled' };
      if (!plan.entries.length) return { outcomes: [], skipped: 'nothing_changed' };
      const shop = shopOf(ctx.store, deps.secrets, p.accountId, ctx.now);
      const outcomes: PushOutcome[] = [];
      for (let i = 0; i < plan.entries.length; i += 50) {
        const batch = plan.entries.slice(i, i + 50);
        const res = await updateStock(shop, p.itemId, batch.map((e) => ({ modelId: e.modelId, stock: e.quantity })));
        modelResults(batch, res).forEach((r, j) => {
          const e = batch[j]!;
          outcomes.push({ listingId: e.listingId, quantity: e.quantity, available: e.available, ok: r.ok,
            ...(r.ok ? {} : { errorCode: 'SHOPEE_STOCK_REFUSED', error: r.reason }) });
        });
      }
      return { outcomes };
    },
    applyResult(store, p, r, job, now) {
      recordPushes(store, p.accountId, reasonOf(p), r.outcomes, job.id, now);
    },
    applyFailure(store, p, e, job, now) {
      const ids = store.prepare('SELECT id FROM listings WHERE account_id = ? AND item_id = ? AND variant_id IS NOT NULL').pluck().all(p.accountId, p.itemId) as number[];
      recordPushes(store, p.accountId, reasonOf(p), ids.map((listingId) => ({ listingId, quantity: null, available: null, ok: false, errorCode: e.code, error: e.message })), job.id, now);
    },
  });

  const drift = defineJobKind<z.infer<typeof driftPayload>, DriftResult>({
    kind: 'listings.drift',
    payload: driftPayload,
    // get_item_list pages + base info batches + one get_model_list per item: counted as a handful; the
    // per-account limiter spaces the next jobs.
    requests: () => 5,
    async run(ctx, p) {
      const shop = shopOf(ctx.store, deps.secrets, p.accountId, ctx.now);
      const { listings } = await readShopListings(shop);
      return { seen: listings.map((l): StockSeen => [l.itemId, l.modelId, l.stock, l.reserved]) };
    },
    applyResult(store, p, r, _job, now) {
      const out = applySeenStock(store, p.accountId, r.seen, now);
      // The job row keeps a summary, not every model's stock (a big shop checked every 15 minutes).
      Object.assign(r, { seen: [], checked: r.seen.length, drifted: out.drifted, repushed: out.queued.length });
      queueDriftCheck(store, p.accountId, now + readPolicy(store, p.accountId).driftEveryMs, now);
    },
    applyFailure(store, p, e, _job, now) {
      // A shop that is no longer connected stops the chain; pulling or "check now" starts it again.
      if (e.kind === 'auth' || e.code === 'SHOPEE_NOT_CONNECTED') return;
      queueDriftCheck(store, p.accountId, now + readPolicy(store, p.accountId).driftEveryMs, now);
    },
  });
  return [push, drift, priceJobKind((store, accountId, now) => shopOf(store, deps.secrets, accountId, now))];
}
