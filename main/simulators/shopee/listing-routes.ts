// Listing a product: add_item (checked field by field against the category's attributes, the shop's
// channels and its uploaded images), then init_tier_variation to give it variants. A listed item is at
// once in get_item_list / get_model_list, takes stock and price updates, and buyers can order it.

import type { Route } from '../shared/sim-server.js';
import { checkAddItem } from './add-item-rules.js';
import type { ListingError } from './listing-messages.js';
import { LISTING_ERRORS } from './listing-messages.js';
import { LOGISTICS_CHANNELS } from './logistics-channels.js';
import { PRODUCT_ERRORS } from './product-routes.js';
import { itemBaseInfo, tierVariationWire } from './product-views.js';
import { API, shopApi, type ShopeeContext } from './shopee-context.js';
import { toId } from './shopee-json.js';
import { checkTierVariation } from './tier-variation-rules.js';

const isError = (v: object): v is ListingError => 'error' in v && 'message' in v;

export function listingRoutes(ctx: ShopeeContext): Route[] {
  const { replies, catalog, media } = ctx;
  const refuse = (e: ListingError) => replies.error(e.error, e.message);

  const addItem = shopApi(ctx, (_req, shop, body) => {
    const checked = checkAddItem(body, { hasImage: (id) => media.has(shop.shopId, id), channels: LOGISTICS_CHANNELS });
    if (isError(checked)) return refuse(checked);
    const item = catalog.addItem(shop.shopId, checked);
    return replies.ok(itemBaseInfo(catalog, item, media), 'created');
  });

  const initTierVariation = shopApi(ctx, (_req, shop, body) => {
    const id = toId(body.item_id);
    const item = id === undefined ? undefined : catalog.item(shop.shopId, id);
    if (!item) return replies.error(PRODUCT_ERRORS.itemNotFound[0], PRODUCT_ERRORS.itemNotFound[1]);
    if (item.hasModel) return refuse(LISTING_ERRORS.tierExists());
    const checked = checkTierVariation(body, (imageId) => media.has(shop.shopId, imageId));
    if (isError(checked)) return refuse(checked);
    const models = catalog.initTiers(item, checked.tiers, checked.models);
    return replies.ok(
      {
        item_id: item.itemId,
        tier_variation: tierVariationWire(item, media),
        model: models.map((m) => ({ tier_index: m.tierIndex, model_id: m.modelId, model_sku: m.sku })),
      },
      'tiers-created',
    );
  });

  return [
    { methods: ['POST'], path: `${API}/product/add_item`, handler: addItem },
    { methods: ['POST'], path: `${API}/product/init_tier_variation`, handler: initTierVariation },
  ];
}
