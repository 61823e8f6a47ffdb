// /api/v2/product/*: listing (offset paging), base info (≤50 ids), models, stock and price updates
// with per-model success/failure lists (spec §1.4), and the category tree with its attributes.
// Adding items lives in listing-routes.

import type { Route } from '../shared/sim-server.js';
import type { Item } from './catalog.js';
import { ITEM_STATUSES, type ItemStatus } from './catalog.js';
import { CATEGORIES, categoryById } from './categories.js';
import { itemBaseInfo, modelList } from './product-views.js';
import { API, intParam, listParam, shopApi, type Body, type ShopeeContext } from './shopee-context.js';
import { toId } from './shopee-json.js';
import { MESSAGES } from './shopee-replies.js';
import { LISTING_LIMITS } from './listing-messages.js';

/** [?] error names and texts the spec does not print. */
export const PRODUCT_ERRORS = {
  itemNotFound: ['error_item_not_found', 'Item not found.'],
  priceInPromotion: ['error_cannot_update_price_in_promotion', 'Cannot update price while the item is in a promotion.'],
  belowReserved: 'Stock should be larger than reserved stock',
  modelNotFound: 'Model not found.',
  vnPriceInteger: 'Price must be an integer for VN.',
} as const;

const isArray = (v: unknown): v is unknown[] => Array.isArray(v);
const obj = (v: unknown): Body => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Body) : {});
const isWhole = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

export function productRoutes(ctx: ShopeeContext): Route[] {
  const { replies, catalog } = ctx;
  const findItem = (shopId: number, raw: unknown): Item | undefined => {
    const id = toId(raw);
    return id === undefined ? undefined : catalog.item(shopId, id);
  };
  const notFound = () => replies.error(PRODUCT_ERRORS.itemNotFound[0], PRODUCT_ERRORS.itemNotFound[1]);

  const getItemList = shopApi(ctx, (req, shop) => {
    const offset = intParam(req, 'offset') ?? 0;
    const size = intParam(req, 'page_size');
    if (size === undefined) return replies.param(MESSAGES.noParam('page_size'));
    if (Number.isNaN(size) || size < 1 || Number.isNaN(offset)) return replies.param('Wrong parameters, page_size and offset must be integers.');
    if (size > 100) return replies.param(MESSAGES.pageSizeTooLarge);
    const statuses = listParam(req, 'item_status');
    if (statuses.some((st) => !(ITEM_STATUSES as readonly string[]).includes(st))) return replies.param('Wrong parameters, item_status is invalid.');
    const from = intParam(req, 'update_time_from');
    const to = intParam(req, 'update_time_to');
    const rows = catalog.items(shop.shopId).filter((i) => {
      const t = Math.floor(i.updateTime / 1000);
      return (statuses.length === 0 || statuses.includes(i.status as ItemStatus)) && (from === undefined || t >= from) && (to === undefined || t <= to);
    });
    const out = rows.slice(offset, offset + size);
    const hasNext = offset + size < rows.length;
    return replies.ok({
      item: out.map((i) => ({ item_id: i.itemId, item_status: i.status, update_time: Math.floor(i.updateTime / 1000) })),
      total_count: rows.length,
      has_next_page: hasNext,
      next_offset: hasNext ? offset + size : rows.length,
    });
  });

  const getItemBaseInfo = shopApi(ctx, (req, shop) => {
    const ids = listParam(req, 'item_id_list');
    if (ids.length === 0) return replies.param(MESSAGES.noParam('item_id_list'));
    if (ids.length > 50) return replies.param('Wrong parameters, item_id_list should contain 1-50 item_id.');
    const items = ids.map((id) => findItem(shop.shopId, id)).filter((i): i is Item => i !== undefined);
    return replies.ok({ item_list: items.map((i) => itemBaseInfo(catalog, i, ctx.media)) });
  });

  const getModelList = shopApi(ctx, (req, shop) => {
    const raw = req.query.get('item_id');
    if (!raw) return replies.param(MESSAGES.noParam('item_id'));
    const item = findItem(shop.shopId, raw);
    return item ? replies.ok(modelList(catalog, item, ctx.media)) : notFound();
  });

  const updateStock = shopApi(ctx, (_req, shop, body) => {
    if (body.item_id === undefined) return replies.param('There is no item_id in body.');
    const item = findItem(shop.shopId, body.item_id);
    if (!item) return notFound();
    const list = body.stock_list;
    if (!isArray(list) || list.length < 1 || list.length > 50) return replies.param('Wrong parameters, stock_list should contain 1-50 models.');
    const success: Body[] = [];
    const failure: Body[] = [];
    for (const raw of list) {
      const entry = obj(raw);
      const modelId = toId(entry.model_id ?? 0);
      const model = modelId === undefined ? undefined : catalog.model(item, modelId);
      const stocks = isArray(entry.seller_stock) ? entry.seller_stock.map(obj) : [];
      const failed = (reason: string) => failure.push({ model_id: entry.model_id ?? 0, failed_reason: reason });
      if (!model) failed(PRODUCT_ERRORS.modelNotFound);
      else if (stocks.length === 0 || !stocks.every((s) => isWhole(s.stock))) failed('Wrong parameters, seller_stock.stock must be a non-negative integer.');
      else {
        const total = stocks.reduce((n, s) => n + (s.stock as number), 0);
        if (total < model.reserved) failed(PRODUCT_ERRORS.belowReserved);
        else {
          model.stock = total;
          catalog.touch(item);
          success.push({ model_id: model.modelId, location_id: String(stocks[0].location_id ?? 'VNZ'), stock: total });
        }
      }
    }
    return replies.ok({ success_list: success, failure_list: failure }, failure.length > 0 ? 'partial' : 'stock-updated');
  });

  const updatePrice = shopApi(ctx, (_req, shop, body) => {
    const item = findItem(shop.shopId, body.item_id);
    if (!item) return notFound();
    if (item.inPromotion) return replies.error(PRODUCT_ERRORS.priceInPromotion[0], PRODUCT_ERRORS.priceInPromotion[1]);
    const list = body.price_list;
    if (!isArray(list) || list.length < 1 || list.length > 50) return replies.param('Wrong parameters, price_list should contain 1-50 models.');
    const planned = new Map(item.models.map((m) => [m, m.price]));
    const success: Body[] = [];
    const failure: Body[] = [];
    for (const raw of list) {
      const entry = obj(raw);
      const modelId = toId(entry.model_id ?? 0);
      const model = modelId === undefined ? undefined : catalog.model(item, modelId);
      const price = entry.original_price;
      if (!model) failure.push({ model_id: entry.model_id ?? 0, failed_reason: PRODUCT_ERRORS.modelNotFound });
      else if (typeof price !== 'number' || !Number.isInteger(price) || price <= 0) failure.push({ model_id: model.modelId, failed_reason: PRODUCT_ERRORS.vnPriceInteger });
      else {
        planned.set(model, price);
        success.push({ model_id: model.modelId, original_price: price });
      }
    }
    const prices = [...planned.values()];
    if (item.hasModel && Math.max(...prices) > LISTING_LIMITS.priceRatioMax * Math.min(...prices)) {
      return replies.param('Wrong parameters, the price ratio between models cannot exceed 5.'); // [?] name and text
    }
    for (const [m, p] of planned) m.price = p;
    if (success.length > 0) catalog.touch(item);
    return replies.ok({ success_list: success, failure_list: failure }, failure.length > 0 ? 'partial' : 'price-updated');
  });

  const getCategory = shopApi(ctx, () =>
    replies.ok({
      category_list: CATEGORIES.map((c) => ({ category_id: c.categoryId, parent_category_id: c.parentId, original_category_name: c.name, display_category_name: c.displayName, has_children: c.hasChildren })),
    }),
  );

  const getAttributes = shopApi(ctx, (req) => {
    const id = intParam(req, 'category_id');
    if (id === undefined) return replies.param(MESSAGES.noParam('category_id'));
    const category = categoryById(id);
    if (!category) return replies.param(`Wrong parameters, category_id ${id} is invalid.`);
    return replies.ok({
      attribute_list: category.attributes.map((a) => ({
        attribute_id: a.attributeId,
        original_attribute_name: a.name,
        display_attribute_name: a.displayName,
        is_mandatory: a.mandatory,
        input_validation_type: a.inputType === 'DROP_DOWN' ? 'STRING_TYPE' : 'STRING_TYPE',
        format_type: 'NORMAL',
        input_type: a.inputType,
        attribute_value_list: a.values.map((v) => ({ value_id: v.valueId, original_value_name: v.name, display_value_name: v.displayName })),
      })),
    });
  });

  return [
    { methods: ['GET'], path: `${API}/product/get_item_list`, handler: getItemList },
    { methods: ['GET'], path: `${API}/product/get_item_base_info`, handler: getItemBaseInfo },
    { methods: ['GET'], path: `${API}/product/get_model_list`, handler: getModelList },
    { methods: ['POST'], path: `${API}/product/update_stock`, handler: updateStock },
    { methods: ['POST'], path: `${API}/product/update_price`, handler: updatePrice },
    { methods: ['GET'], path: `${API}/product/get_category`, handler: getCategory },
    { methods: ['GET'], path: `${API}/product/get_attributes`, handler: getAttributes },
  ];
}
