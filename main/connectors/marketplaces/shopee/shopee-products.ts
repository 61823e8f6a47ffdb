import { LosslessNumber } from 'lossless-json';
import { invalidInput } from './shopee-client.js';
import { chunk } from './shopee-orders.js';
import {
  addItemResult, attributeList, categoryList, channelList, initTierVariationResult, itemBaseInfo, itemList, modelList, updatePriceResult, updateStockResult,
} from './shopee-schemas.js';
import type { ShopeeShop } from './shopee-shop.js';

// Products, stock and price (spec §1.4; pitfalls §6 "stock sync conflicts"). Ids are decimal strings and
// are written into JSON bodies as bare integers so ids above 2^53 are not rounded.

export const ITEM_STATUSES = ['NORMAL', 'BANNED', 'UNLIST', 'REVIEWING', 'SELLER_DELETE', 'SHOPEE_DELETE'] as const;

/** An int64 id for a JSON body: written as a bare number, digit for digit (the client serialises losslessly). */
export const int64 = (id: string): LosslessNumber => {
  if (!/^\d{1,20}$/.test(id)) throw invalidInput('id', `"${id}" is not a Shopee id`);
  return new LosslessNumber(id);
};

export function getItemList(shop: ShopeeShop, q: { offset?: number; pageSize?: number; itemStatus?: readonly string[]; updateTimeFrom?: number; updateTimeTo?: number }) {
  const size = q.pageSize ?? 100;
  if (size < 1 || size > 100) throw invalidInput('page_size', 'must be 1–100');
  return shop.call({
    method: 'GET', path: '/api/v2/product/get_item_list',
    query: { offset: q.offset ?? 0, page_size: size, item_status: q.itemStatus ?? ['NORMAL'], update_time_from: q.updateTimeFrom, update_time_to: q.updateTimeTo },
  }, itemList);
}

/** Base info of any number of items, 50 per call. `price_info` only exists for items without models. */
export async function getItemBaseInfo(shop: ShopeeShop, itemIds: readonly string[]) {
  const out = [];
  for (const batch of chunk([...new Set(itemIds)], 50)) {
    const res = await shop.call({ method: 'GET', path: '/api/v2/product/get_item_base_info', query: { item_id_list: batch.join(',') } }, itemBaseInfo);
    out.push(...res.item_list);
  }
  return out;
}

export function getModelList(shop: ShopeeShop, itemId: string) {
  return shop.call({ method: 'GET', path: '/api/v2/product/get_model_list', query: { item_id: itemId } }, modelList);
}

export interface StockEntry {
  /** '0' for an item without variants. */
  modelId: string;
  stock: number;
  locationId?: string;
}

/**
 * Absolute seller stock of one item's models (≤50). Check both lists: Shopee answers success with a
 * `failure_list` (e.g. stock below reserved promotion stock).
 */
export function updateStock(shop: ShopeeShop, itemId: string, entries: readonly StockEntry[]) {
  if (entries.length < 1 || entries.length > 50) throw invalidInput('stock_list', 'must hold 1–50 models');
  for (const e of entries) if (!Number.isInteger(e.stock) || e.stock < 0) throw invalidInput('stock', `model ${e.modelId}: stock must be a whole number ≥ 0`);
  return shop.call({
    method: 'POST', path: '/api/v2/product/update_stock',
    body: {
      item_id: int64(itemId),
      stock_list: entries.map((e) => ({ model_id: int64(e.modelId), seller_stock: [{ ...(e.locationId ? { location_id: e.locationId } : {}), stock: e.stock }] })),
    },
  }, updateStockResult);
}

/** Original prices (VND integers) of one item's models (≤50). */
export function updatePrice(shop: ShopeeShop, itemId: string, entries: readonly { modelId: string; originalPrice: number }[]) {
  if (entries.length < 1 || entries.length > 50) throw invalidInput('price_list', 'must hold 1–50 models');
  for (const e of entries) if (!Number.isInteger(e.originalPrice) || e.originalPrice <= 0) throw invalidInput('original_price', `model ${e.modelId}: VND prices are whole numbers above 0`);
  return shop.call({
    method: 'POST', path: '/api/v2/product/update_price',
    body: { item_id: int64(itemId), price_list: entries.map((e) => ({ model_id: int64(e.modelId), original_price: e.originalPrice })) },
  }, updatePriceResult);
}

// [?] The next four are not in the spec sheet's §1.4 table: paths follow the v2 naming pattern
// (`/api/v2/product/<api_name>`); bodies are passed through as built by the caller.

export function addItem(shop: ShopeeShop, body: Record<string, unknown>) {
  return shop.call({ method: 'POST', path: '/api/v2/product/add_item', body }, addItemResult);
}

export function getCategory(shop: ShopeeShop, language?: string) {
  return shop.call({ method: 'GET', path: '/api/v2/product/get_category', query: { language } }, categoryList);
}

export function getAttributes(shop: ShopeeShop, categoryId: string, language?: string) {
  return shop.call({ method: 'GET', path: '/api/v2/product/get_attributes', query: { category_id: categoryId, language } }, attributeList);
}

export function initTierVariation(shop: ShopeeShop, itemId: string, body: { tier_variation: unknown[]; model: unknown[] }) {
  return shop.call({ method: 'POST', path: '/api/v2/product/init_tier_variation', body: { item_id: int64(itemId), ...body } }, initTierVariationResult);
}

/** The shop's logistics channels [?] (wire contract): add_item's `logistic_info` takes the enabled ones' ids. */
export function getChannelList(shop: ShopeeShop) {
  return shop.call({ method: 'GET', path: '/api/v2/logistics/get_channel_list' }, channelList);
}
