import type { PublishField } from '../../../connectors/marketplaces/shopee/shopee-field-errors.js';
import { MAX_PRICE_RATIO, priceRatio } from '../price-rules.js';

// Listing a product on Shopee ("Subir", issue 5 §3): how the product's variants become Shopee's tier
// variations, and the checks made before anything is sent. Pure: the core runs them before it queues the
// job, the listing screen runs them as the operator types, so both say the same thing.

/** Shopee VN listing limits. Only the price ratio is in the wire contract; every other figure is [?]. */
export const PUBLISH_LIMITS = {
  nameMin: 10, // [?]
  nameMax: 120, // [?]
  descriptionMin: 100, // [?]
  descriptionMax: 3000, // [?]
  priceMin: 1_000, // [?] đồng
  priceMax: 120_000_000, // [?] đồng
  /** Highest model price ÷ lowest (VN): the same rule the price push checks. */
  priceRatioMax: MAX_PRICE_RATIO,
  imagesMin: 1, // [?]
  imagesMax: 9, // [?]
  tiersMax: 2,
  optionsMax: 50, // [?]
  tierNameMax: 14, // [?]
  optionMax: 20, // [?]
  modelsMax: 50 * 50,
} as const;

/** The tier name used when variants cannot be laid out by their attribute names. [?] wording */
export const COMBINED_TIER_NAME = 'Phân loại';

/** A field of the form: Shopee's field keys plus one per model row (by variant). */
export type FieldKey = PublishField | `model:${number}`;

/** Every check's code: the screen translates each (publish:check.<code>). */
export const CHECK_CODES = [
  'required', 'not_leaf', 'too_short', 'too_long', 'attribute_required', 'attribute_value_unknown', 'attribute_one_value', 'image_required', 'too_many_images',
  'dimension_partial', 'dimension_above_channel', 'logistics_required', 'channel_unknown', 'channel_disabled', 'weight_above_channel', 'weight_below_channel', 'no_models',
  'tier_name_too_long', 'too_many_options', 'option_too_long', 'price_not_integer', 'price_too_low', 'price_too_high', 'price_ratio', 'stock_invalid',
] as const;
export type CheckCode = (typeof CHECK_CODES)[number];

export interface FieldIssue {
  field: FieldKey;
  /** Translated by the screen (publish:check.<code>); `params` fill it in. */
  code: CheckCode;
  params?: Record<string, string | number>;
}

export interface VariantFacts {
  variantId: number;
  sku: string;
  attributes: { name: string; value: string }[];
  price: number;
  stock: number;
}

export interface PlannedModel {
  variantId: number;
  sku: string;
  /** [] for an item without tiers, else one index per tier. */
  tierIndex: number[];
  options: string[];
  price: number;
  stock: number;
}

export interface TierPlan {
  tiers: { name: string; options: string[] }[];
  models: PlannedModel[];
  /** single: one variant, no tiers; attributes: tiers by attribute name (a full grid); combined: one tier, one option per variant. */
  shape: 'single' | 'attributes' | 'combined';
}

const key = (s: string) => s.trim().toLocaleLowerCase('vi');

/**
 * Shopee wants 1–2 tiers with every combination of options exactly once. Variants whose attributes
 * share 1–2 names and fill the grid become those tiers (Màu × Size); anything else (3 names, a gap in the
 * grid, the same values twice) becomes one tier with one option per variant, so nothing is lost.
 */
export function planTiers(variants: readonly VariantFacts[]): TierPlan {
  const model = (v: VariantFacts, tierIndex: number[], options: string[]): PlannedModel => ({ variantId: v.variantId, sku: v.sku, tierIndex, options, price: v.price, stock: v.stock });
  if (variants.length === 0) return { tiers: [], models: [], shape: 'single' };
  if (variants.length === 1) return { tiers: [], models: [model(variants[0], [], [])], shape: 'single' };

  const valueOf = (v: VariantFacts, name: string) => v.attributes.find((a) => key(a.name) === key(name))?.value.trim() ?? '';
  const names = (variants[0].attributes ?? []).map((a) => a.name.trim()).filter((n) => n && variants.every((v) => valueOf(v, n) !== ''));
  if (names.length >= 1 && names.length <= PUBLISH_LIMITS.tiersMax) {
    const options = names.map((n) => {
      const seen = new Map<string, string>();
      for (const v of variants) if (!seen.has(key(valueOf(v, n)))) seen.set(key(valueOf(v, n)), valueOf(v, n));
      return [...seen.values()];
    });
    const combos = new Set(variants.map((v) => names.map((n) => key(valueOf(v, n))).join('\u0000')));
    const full = options.reduce((n, o) => n * o.length, 1) === variants.length && combos.size === variants.length;
    if (full) {
      return {
        tiers: names.map((name, i) => ({ name, options: options[i] })),
        models: variants.map((v) => {
          const values = names.map((n) => valueOf(v, n));
          return model(v, values.map((val, i) => options[i].findIndex((o) => key(o) === key(val))), values);
        }),
        shape: 'attributes',
      };
    }
  }
  // One tier: each variant's values joined, or its SKU when it has none or they repeat.
  const labels = variants.map((v) => v.attributes.map((a) => a.value.trim()).filter(Boolean).join(' / ') || v.sku);
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(key(l), (counts.get(key(l)) ?? 0) + 1);
  const options = labels.map((l, i) => ((counts.get(key(l)) ?? 0) > 1 ? variants[i].sku : l));
  const tierName = names.length > 0 && names.join(' / ').length <= PUBLISH_LIMITS.tierNameMax ? names.join(' / ') : COMBINED_TIER_NAME;
  return { tiers: [{ name: tierName, options }], models: variants.map((v, i) => model(v, [i], [options[i]])), shape: 'combined' };
}

export type AttributeInput = 'DROP_DOWN' | 'COMBO_BOX' | 'TEXT_FILED' | 'MULTIPLE_SELECT' | string;

export interface AttributeFacts {
  attributeId: string;
  name: string;
  mandatory: boolean;
  inputType: AttributeInput;
  valueIds: string[];
}

export interface ChannelFacts {
  id: string;
  name: string;
  enabled: boolean;
  /** kg; null = no limit given. */
  minKg: number | null;
  maxKg: number | null;
  /** cm; null = no limit given. */
  maxLengthCm: number | null;
  maxWidthCm: number | null;
  maxHeightCm: number | null;
}

export interface AttributeChoice {
  attributeId: string;
  valueIds: string[];
  text: string;
}

/** Our mapped attributes / channels (listing-publish contract) → what the checks need. */
export const attributeFacts = (list: readonly { id: string; name: string; mandatory: boolean; inputType: string; values: { id: string }[] }[]): AttributeFacts[] =>
  list.map((a) => ({ attributeId: a.id, name: a.name, mandatory: a.mandatory, inputType: a.inputType, valueIds: a.values.map((v) => v.id) }));

export const channelFacts = (list: readonly ChannelFacts[]): ChannelFacts[] =>
  list.map((c) => ({ id: c.id, name: c.name, enabled: c.enabled, minKg: c.minKg, maxKg: c.maxKg, maxLengthCm: c.maxLengthCm, maxWidthCm: c.maxWidthCm, maxHeightCm: c.maxHeightCm }));

export interface DraftFacts {
  categoryId: string | null;
  itemName: string;
  description: string;
  attributes: AttributeChoice[];
  images: string[];
  logisticsIds: string[];
  weightG: number;
  lengthCm: number;
  widthCm: number;
  heightCm: number;
}

export interface CheckInput {
  draft: DraftFacts;
  plan: TierPlan;
  /** The chosen category's attributes from Shopee; null when not read yet (then not checked). */
  attributes: AttributeFacts[] | null;
  /** The shop's channels; null when not read yet. */
  channels: ChannelFacts[] | null;
  /** The chosen category is a leaf (false: Shopee only lists in leaf categories); null = unknown. */
  categoryLeaf: boolean | null;
}

/** A choice that carries a value for its attribute's input type. */
export function attributeAnswered(a: AttributeFacts, c: AttributeChoice | undefined): boolean {
  if (!c) return false;
  const text = c.text.trim() !== '';
  const chosen = c.valueIds.length > 0;
  if (a.inputType === 'TEXT_FILED') return text;
  if (a.inputType === 'COMBO_BOX') return text || chosen;
  return chosen;
}

/** Everything wrong with a draft, field by field; [] means it may be sent. */
export function checkPublication(input: CheckInput): FieldIssue[] {
  const { draft: d, plan } = input;
  const L = PUBLISH_LIMITS;
  const out: FieldIssue[] = [];
  const add = (field: FieldKey, code: CheckCode, params?: FieldIssue['params']) => out.push({ field, code, ...(params ? { params } : {}) });

  if (!d.categoryId) add('category_id', 'required');
  else if (input.categoryLeaf === false) add('category_id', 'not_leaf');

  const name = d.itemName.trim();
  if (!name) add('item_name', 'required');
  else if (name.length < L.nameMin) add('item_name', 'too_short', { min: L.nameMin, length: name.length });
  else if (name.length > L.nameMax) add('item_name', 'too_long', { max: L.nameMax, length: name.length });

  const desc = d.description.trim();
  if (!desc) add('description', 'required');
  else if (desc.length < L.descriptionMin) add('description', 'too_short', { min: L.descriptionMin, length: desc.length });
  else if (desc.length > L.descriptionMax) add('description', 'too_long', { max: L.descriptionMax, length: desc.length });

  if (input.attributes) {
    const chosen = new Map(d.attributes.map((c) => [c.attributeId, c]));
    for (const a of input.attributes) {
      const c = chosen.get(a.attributeId);
      if (a.mandatory && !attributeAnswered(a, c)) add(`attribute:${a.attributeId}`, 'attribute_required', { name: a.name });
      const known = new Set(a.valueIds);
      if (c && a.valueIds.length > 0 && c.valueIds.some((v) => !known.has(v))) add(`attribute:${a.attributeId}`, 'attribute_value_unknown', { name: a.name });
      if (c && c.valueIds.length > 1 && a.inputType !== 'MULTIPLE_SELECT') add(`attribute:${a.attributeId}`, 'attribute_one_value', { name: a.name });
    }
  }

  if (d.images.length < L.imagesMin) add('image', 'image_required', { min: L.imagesMin });
  else if (d.images.length > L.imagesMax) add('image', 'too_many_images', { max: L.imagesMax });

  const kg = d.weightG / 1000;
  if (d.weightG <= 0) add('weight', 'required');
  const dims = [d.lengthCm, d.widthCm, d.heightCm];
  if (dims.some((x) => x > 0) && dims.some((x) => x <= 0)) add('dimension', 'dimension_partial');

  if (d.logisticsIds.length === 0) add('logistic_info', 'logistics_required');
  if (input.channels) {
    const byId = new Map(input.channels.map((c) => [c.id, c]));
    for (const id of d.logisticsIds) {
      const c = byId.get(id);
      if (!c) { add('logistic_info', 'channel_unknown', { id }); continue; }
      if (!c.enabled) add('logistic_info', 'channel_disabled', { channel: c.name });
      if (d.weightG > 0 && c.maxKg !== null && kg > c.maxKg) add('weight', 'weight_above_channel', { channel: c.name, max: c.maxKg });
      if (d.weightG > 0 && c.minKg !== null && kg < c.minKg) add('weight', 'weight_below_channel', { channel: c.name, min: c.minKg });
      const over = ([['length', d.lengthCm, c.maxLengthCm], ['width', d.widthCm, c.maxWidthCm], ['height', d.heightCm, c.maxHeightCm]] as const)
        .find(([, v, max]) => max !== null && max > 0 && v > max);
      if (over) add('dimension', 'dimension_above_channel', { channel: c.name, side: over[0], max: over[2]! });
    }
  }

  checkModels(plan, add);
  return out;
}

function checkModels(plan: TierPlan, add: (field: FieldKey, code: CheckCode, params?: FieldIssue['params']) => void): void {
  const L = PUBLISH_LIMITS;
  if (plan.models.length === 0) { add('model', 'no_models'); return; }
  for (const t of plan.tiers) {
    if (t.name.trim().length > L.tierNameMax) add('tier_variation', 'tier_name_too_long', { name: t.name, max: L.tierNameMax });
    if (t.options.length > L.optionsMax) add('tier_variation', 'too_many_options', { name: t.name, max: L.optionsMax });
    for (const o of t.options) if (o.trim().length > L.optionMax) add('tier_variation', 'option_too_long', { option: o, max: L.optionMax });
  }
  for (const m of plan.models) {
    const field = `model:${m.variantId}` as const;
    if (!Number.isInteger(m.price)) add(field, 'price_not_integer', { sku: m.sku });
    else if (m.price < L.priceMin) add(field, 'price_too_low', { sku: m.sku, min: L.priceMin });
    else if (m.price > L.priceMax) add(field, 'price_too_high', { sku: m.sku, max: L.priceMax });
    if (!Number.isInteger(m.stock) || m.stock < 0) add(field, 'stock_invalid', { sku: m.sku });
  }
  const ratio = priceRatio(plan.models.map((m) => m.price).filter((p) => p > 0));
  if (ratio && !ratio.ok) add('model', 'price_ratio', { min: ratio.min, max: ratio.max, ratio: L.priceRatioMax });
}

/** The item-level price and stock add_item wants: the one model's, or the lowest price and the total stock. */
export function itemLevel(plan: TierPlan): { price: number; stock: number } {
  if (plan.models.length === 0) return { price: 0, stock: 0 };
  return { price: Math.min(...plan.models.map((m) => m.price)), stock: plan.models.reduce((n, m) => n + m.stock, 0) };
}
