import { fail } from '../../../api/errors.js';
import type { listingPublishContract, PublishDraft } from '../../../api/listing-publish.js';
import type { CommandContext, HandlersFor } from '../../../core/context.js';
import { readAuth, readShopeeAccount } from '../../marketplaces/shopee/shopee-account.js';
import { queueStep } from './publish-jobs.js';
import { assertDraftFits, checksFor, formOf, planFor, publicationById, readProduct, writeDraft, type StoredImage } from './publish-store.js';
import { attributesKey, cachedFact, readers } from './shopee-facts.js';

// listings.publish.* (issue 5 §3 "Subir"). Reads of Shopee's facts go to the network (async handlers,
// cached per shop); save and submit are one transaction each, and submit's job is inserted in it.

/** The product's draft, checked against the product (its variants, its images); returns what the checks need. */
function prepared(ctx: CommandContext, accountId: number, productId: number, draft: PublishDraft) {
  readShopeeAccount(ctx.store, accountId);
  const product = readProduct(ctx.store, productId, accountId);
  assertDraftFits(product, draft);
  return { plan: planFor(product, draft) };
}

export const listingPublishHandlers: HandlersFor<typeof listingPublishContract> = {
  'listings.publish.form': (ctx, { accountId, productId }) => {
    readShopeeAccount(ctx.store, accountId);
    return formOf(ctx.store, accountId, productId);
  },

  'listings.publish.categories': {
    async: async (ctx, { accountId, refresh }) => {
      const r = await cachedFact(ctx, accountId, 'categories', refresh, readers.categories);
      return { fetchedAt: r.fetchedAt, categories: r.value };
    },
  },

  'listings.publish.attributes': {
    async: async (ctx, { accountId, categoryId, refresh }) => {
      const r = await cachedFact(ctx, accountId, attributesKey(categoryId), refresh, (shop) => readers.attributes(shop, categoryId));
      return { fetchedAt: r.fetchedAt, attributes: r.value };
    },
  },

  'listings.publish.channels': {
    async: async (ctx, { accountId, refresh }) => {
      const r = await cachedFact(ctx, accountId, 'channels', refresh, readers.channels);
      return { fetchedAt: r.fetchedAt, channels: r.value };
    },
  },

  'listings.publish.save': (ctx, { accountId, productId, draft }) => {
    const { plan } = prepared(ctx, accountId, productId, draft);
    writeDraft(ctx.store, accountId, productId, draft, plan, ctx.now());
    ctx.emit('listings.changed', { accountId });
    return formOf(ctx.store, accountId, productId);
  },

  'listings.publish.submit': (ctx, { accountId, productId, draft }) => {
    const { plan } = prepared(ctx, accountId, productId, draft);
    if (!readAuth(ctx.store, accountId)?.shop_id) fail('CONFLICT', 'Connect the Shopee shop before listing products on it', { reason: 'not_connected' });
    const issues = checksFor(ctx.store, accountId, draft, plan);
    if (issues.length) fail('INPUT_INVALID', `${issues.length} thing(s) to fix before listing on Shopee`, { reason: 'publish_checks', issues });
    const now = ctx.now();
    const id = writeDraft(ctx.store, accountId, productId, draft, plan, now);
    const pub = publicationById(ctx.store, id)!;
    const attempt = pub.attempt + 1;
    // Continue where the last attempt stopped: an item Shopee already has only needs its variations.
    const step = pub.item_id ? 'tiers' : (JSON.parse(pub.images_json) as StoredImage[]).every((i) => i.imageId) ? 'item' : 'images';
    ctx.store.prepare(`UPDATE listing_publications SET status = 'queued', attempt = ?, field_errors_json = '[]', error_code = NULL, error_message = NULL,
      requested_by = ?, requested_at = ?, updated_at = ? WHERE id = ?`).run(attempt, ctx.operatorId, now, now, id);
    queueStep(ctx.store, { ...pub, attempt }, step, now);
    ctx.emit('listings.changed', { accountId });
    ctx.emit('jobs.changed', {});
    ctx.services.jobs.wake();
    return formOf(ctx.store, accountId, productId);
  },
};
