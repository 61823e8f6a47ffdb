import { int64 } from '../../../connectors/marketplaces/shopee/shopee-products.js';
import { itemLevel, type AttributeChoice, type DraftFacts, type TierPlan } from './publish-rules.js';

// A publication → the bodies of add_item and init_tier_variation (wire contract [?]). Pure. Ids are
// written as bare JSON integers (int64), prices as VND integers, weight in kg, package size in cm.

export interface ItemFacts extends DraftFacts {
  categoryId: string;
  /** The product SKU, or the only variant's SKU for an item without tiers: what a lost answer is found by. */
  itemSku: string;
}

function attributeEntry(c: AttributeChoice) {
  // A value from Shopee's list goes by id; free text goes as value 0 with its name (TEXT_FILED, COMBO_BOX).
  const values = c.valueIds.length > 0
    ? c.valueIds.map((v) => ({ value_id: int64(v) }))
    : [{ value_id: 0, original_value_name: c.text.trim() }];
  return { attribute_id: int64(c.attributeId), attribute_value_list: values };
}

export function addItemBody(item: ItemFacts, plan: TierPlan, imageIds: readonly string[]) {
  const { price, stock } = itemLevel(plan);
  const dims = [item.heightCm, item.lengthCm, item.widthCm];
  return {
    original_price: price,
    description: item.description.trim(),
    // Grams → kg: Shopee takes a float.
    weight: Math.round(item.weightG) / 1000,
    item_name: item.itemName.trim(),
    item_status: 'NORMAL',
    ...(dims.every((x) => x > 0) ? { dimension: { package_height: item.heightCm, package_length: item.lengthCm, package_width: item.widthCm } } : {}),
    seller_stock: [{ stock }],
    logistic_info: item.logisticsIds.map((id) => ({ logistic_id: int64(id), enabled: true })),
    attribute_list: item.attributes.filter((c) => c.valueIds.length > 0 || c.text.trim() !== '').map(attributeEntry),
    category_id: int64(item.categoryId),
    image: { image_id_list: [...imageIds] },
    item_sku: item.itemSku,
    condition: 'NEW',
  };
}

export function tierVariationBody(plan: TierPlan) {
  return {
    tier_variation: plan.tiers.map((t) => ({ name: t.name.trim(), option_list: t.options.map((o) => ({ option: o.trim() })) })),
    model: plan.models.map((m) => ({ tier_index: m.tierIndex, original_price: m.price, model_sku: m.sku, seller_stock: [{ stock: m.stock }] })),
  };
}

/** Shopee's models → our variants, by tier index (and by SKU when Shopee echoes it but the order differs). */
export function modelsToVariants(plan: TierPlan, models: readonly { model_id: string; tier_index: number[]; model_sku?: string }[]): { variantId: number; modelId: string }[] {
  const byIndex = new Map(plan.models.map((m) => [m.tierIndex.join(','), m.variantId]));
  const bySku = new Map(plan.models.map((m) => [m.sku.toLowerCase(), m.variantId]));
  const out: { variantId: number; modelId: string }[] = [];
  for (const m of models) {
    const variantId = (m.model_sku ? bySku.get(m.model_sku.toLowerCase()) : undefined) ?? byIndex.get(m.tier_index.join(','));
    if (variantId !== undefined) out.push({ variantId, modelId: m.model_id });
  }
  return out;
}
