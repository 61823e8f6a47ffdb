// How items and models look on the wire (get_item_base_info, get_model_list): prices as VND numbers,
// stock in stock_info_v2 with seller stock (writable) and the reserved (promotion) part.

import type { AttributeValue, Catalog, Item, Model } from './catalog.js';
import { categoryById } from './categories.js';
import { channelById } from './logistics-channels.js';
import type { MediaStore } from './media-store.js';

const s = (ms: number) => Math.floor(ms / 1000);

export const priceInfo = (m: Model) => [{ currency: 'VND', original_price: m.price, current_price: m.price, inflated_price_of_original_price: m.price, inflated_price_of_current_price: m.price }];

/** [?] total_reserved_stock in summary_info: the spec only names total_available_stock. */
export const stockInfoV2 = (m: Model) => ({
  summary_info: { total_reserved_stock: m.reserved, total_available_stock: Math.max(0, m.stock) },
  seller_stock: [{ location_id: 'VNZ', stock: Math.max(0, m.stock), if_saleable: true }],
  shopee_stock: [],
});

/** One entry per attribute, its values together (a MULTIPLE_SELECT attribute has several). */
function attributeList(item: Item) {
  const category = categoryById(item.categoryId);
  const byId = new Map<number, AttributeValue[]>();
  for (const a of item.attributes) byId.set(a.attributeId, [...(byId.get(a.attributeId) ?? []), a]);
  return [...byId].map(([attributeId, values]) => {
    const attr = category?.attributes.find((x) => x.attributeId === attributeId);
    return {
      attribute_id: attributeId,
      original_attribute_name: attr?.name ?? '',
      is_mandatory: attr?.mandatory ?? false,
      attribute_value_list: values.map((a) => ({
        value_id: a.valueId ?? 0,
        original_value_name: attr?.values.find((v) => v.valueId === a.valueId)?.name ?? a.value ?? '',
        value_unit: a.unit ?? '',
      })),
    };
  });
}

export const tierVariationWire = (item: Item, media: MediaStore) =>
  item.tiers.map((t) => ({
    name: t.name,
    option_list: t.options.map((option, i) => {
      const imageId = t.imageIds?.[i];
      return imageId ? { option, image: { image_id: imageId, image_url: media.url(imageId) } } : { option };
    }),
  }));

export function itemBaseInfo(catalog: Catalog, item: Item, media: MediaStore): Record<string, unknown> {
  const only = item.models[0];
  return {
    item_id: item.itemId,
    category_id: item.categoryId,
    item_name: item.name,
    description: item.description,
    item_sku: item.sku,
    create_time: s(item.createTime),
    update_time: s(item.updateTime),
    attribute_list: attributeList(item),
    // Only items without models carry a price and stock of their own (spec §1.4). [?] for stock_info_v2
    price_info: item.hasModel ? undefined : priceInfo(only),
    stock_info_v2: item.hasModel ? undefined : stockInfoV2(only),
    image: { image_url_list: item.imageIds.map((id) => media.url(id)), image_id_list: item.imageIds },
    weight: String(item.weightKg),
    dimension: { package_length: item.dimension.length, package_width: item.dimension.width, package_height: item.dimension.height },
    logistic_info: item.logistics.map((l) => ({
      logistic_id: l.channelId,
      logistic_name: channelById(l.channelId)?.name ?? '',
      enabled: l.enabled,
      is_free: l.isFree,
      ...(l.shippingFee !== undefined ? { shipping_fee: l.shippingFee } : {}),
    })),
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

export function modelList(catalog: Catalog, item: Item, media: MediaStore): Record<string, unknown> {
  return {
    tier_variation: tierVariationWire(item, media),
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
