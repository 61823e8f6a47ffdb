// How items and models look on the wire (get_item_base_info, get_model_list): prices as VND numbers,
// stock in stock_info_v2 with seller stock (writable) and the reserved (promotion) part.

import type { Catalog, Item, Model } from './catalog.js';
import { categoryById } from './categories.js';

const s = (ms: number) => Math.floor(ms / 1000);

export const priceInfo = (m: Model) => [{ currency: 'VND', original_price: m.price, current_price: m.price, inflated_price_of_original_price: m.price, inflated_price_of_current_price: m.price }];

/** [?] total_reserved_stock in summary_info: the spec only names total_available_stock. */
export const stockInfoV2 = (m: Model) => ({
  summary_info: { total_reserved_stock: m.reserved, total_available_stock: Math.max(0, m.stock) },
  seller_stock: [{ location_id: 'VNZ', stock: Math.max(0, m.stock), if_saleable: true }],
  shopee_stock: [],
});

export function itemBaseInfo(catalog: Catalog, item: Item): Record<string, unknown> {
  const only = item.models[0];
  const category = categoryById(item.categoryId);
  return {
    item_id: item.itemId,
    category_id: item.categoryId,
    item_name: item.name,
    description: item.description,
    item_sku: item.sku,
    create_time: s(item.createTime),
    update_time: s(item.updateTime),
    attribute_list: item.attributes.map((a) => {
      const attr = category?.attributes.find((x) => x.attributeId === a.attributeId);
      const value = attr?.values.find((v) => v.valueId === a.valueId);
      return {
        attribute_id: a.attributeId,
        original_attribute_name: attr?.name ?? '',
        is_mandatory: attr?.mandatory ?? false,
        attribute_value_list: [{ value_id: a.valueId ?? 0, original_value_name: value?.name ?? a.value ?? '', value_unit: '' }],
      };
    }),
    // Only items without models carry a price and stock of their own (spec §1.4). [?] for stock_info_v2
    price_info: item.hasModel ? undefined : priceInfo(only),
    stock_info_v2: item.hasModel ? undefined : stockInfoV2(only),
    image: { image_url_list: [], image_id_list: [] },
    weight: String(item.weightKg),
    dimension: { package_length: 20, package_width: 15, package_height: 5 },
    logistic_info: [{ logistic_id: 50021, logistic_name: 'SPX Express', enabled: true, is_free: false }],
    pre_order: { is_pre_order: false, days_to_ship: 2 },
    condition: 'NEW',
    item_status: item.status,
    has_model: item.hasModel,
    promotion_id: item.inPromotion ? 1_000_000_001 : 0,
    brand: { brand_id: 0, original_brand_name: 'NoBrand' },
    item_dangerous: 0,
    shop_name: catalog.shopName(item.shopId),
  };
}

export function modelList(catalog: Catalog, item: Item): Record<string, unknown> {
  return {
    tier_variation: item.tiers.map((t) => ({ name: t.name, option_list: t.options.map((option) => ({ option })) })),
    model: item.hasModel
      ? item.models.map((m) => ({
          model_id: m.modelId,
          model_sku: m.sku,
          model_name: catalog.modelName(item, m),
          tier_index: m.tierIndex,
          price_info: priceInfo(m),
          stock_info_v2: stockInfoV2(m),
          model_status: m.status === 'NORMAL' ? 'MODEL_NORMAL' : 'MODEL_UNAVAILABLE',
          pre_order: { is_pre_order: false, days_to_ship: 2 },
          weight: item.weightKg,
        }))
      : [],
  };
}
