import { fail } from '../../api/errors.js';
import type { listingsContract } from '../../api/listings.js';
import type { HandlersFor } from '../../core/context.js';
import { readShopeeAccount } from '../marketplaces/shopee/shopee-account.js';
import { linkedItems, queuePricePush, readPricePolicy, writePricePolicy } from './price-service.js';

// The price push's commands (issue 5 §3). Saving the price policy pushes nothing by itself: turning price
// push on must not rewrite every live Shopee price in one click; the screen shows what each listing would
// get, and the seller pushes when it looks right (or the next catalogue price change does).

type PriceCommands = Pick<typeof listingsContract, 'listings.pricePolicy' | 'listings.setPricePolicy' | 'listings.pushPriceNow'>;

export const priceHandlers: HandlersFor<PriceCommands> = {
  'listings.pricePolicy': (ctx, { accountId }) => {
    readShopeeAccount(ctx.store, accountId);
    return { accountId, ...readPricePolicy(ctx.store, accountId) };
  },

  'listings.setPricePolicy': (ctx, { accountId, ...policy }) => {
    readShopeeAccount(ctx.store, accountId);
    writePricePolicy(ctx.store, accountId, policy, ctx.now());
    ctx.emit('listings.changed', { accountId });
    return { accountId, ...readPricePolicy(ctx.store, accountId) };
  },

  'listings.pushPriceNow': (ctx, { accountId, itemIds }) => {
    readShopeeAccount(ctx.store, accountId);
    if (!readPricePolicy(ctx.store, accountId).enabled) fail('CONFLICT', 'Price push is off for this shop: turn it on in the price policy first', { reason: 'price_push_off' });
    const linked = new Set(linkedItems(ctx.store, accountId));
    const items = itemIds ? itemIds.filter((i) => linked.has(i)) : [...linked];
    if (itemIds && items.length === 0) fail('CONFLICT', 'None of these listings is linked to a variant', { reason: 'not_linked' });
    const now = ctx.now();
    for (const itemId of items) queuePricePush(ctx.store, accountId, itemId, 'manual', now);
    ctx.emit('listings.changed', { accountId });
    if (items.length) {
      ctx.emit('jobs.changed', {});
      ctx.services.jobs.wake();
    }
    return { queued: items.length };
  },
};
