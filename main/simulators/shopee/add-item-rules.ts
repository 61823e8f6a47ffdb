// add_item's checks, field by field in the order Shopee reports them [?]: the first wrong field is
// the answer. Pure: the uploaded images and the shop's channels come in as arguments.

import type { AttributeValue, ItemSeed, ListingLogistic } from './catalog.js';
import { categoryById, type Attribute } from './categories.js';
import { LISTING_ERRORS as E, LISTING_LIMITS, type ListingError } from './listing-messages.js';
import type { LogisticsChannel } from './logistics-channels.js';

type Body = Record<string, unknown>;

export const obj = (v: unknown): Body => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Body) : {});
export const isWhole = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
export const isVndPrice = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** Total of `seller_stock[].stock`, or NaN when an entry is not a whole number; undefined when absent. */
export function sellerStock(raw: unknown): number | undefined {
  if (!Array.isArray(raw) || raw.length === 0) return undefined;
  return raw.map(obj).reduce((n, s) => n + (isWhole(s.stock) ? s.stock : Number.NaN), 0);
}

export interface AddItemDeps {
  hasImage(imageId: string): boolean;
  channels: readonly LogisticsChannel[];
}

export type CheckedItem = ItemSeed & { logistics: ListingLogistic[]; imageIds: string[] };

export function checkAddItem(body: Body, deps: AddItemDeps): CheckedItem | ListingError {
  const name = text(body.item_name);
  if (name === '') return E.required('item_name');
  if (name.length > LISTING_LIMITS.itemNameMax) return E.tooLong('item_name', LISTING_LIMITS.itemNameMax);
  const description = text(body.description);
  if (description === '') return E.required('description');
  if (typeof body.original_price !== 'number') return E.required('original_price');
  if (!isVndPrice(body.original_price)) return E.priceNotVnd('original_price');
  const weight = body.weight;
  if (typeof weight !== 'number' || !(weight > 0)) return E.required('weight');
  // [?] A new listing is on sale (NORMAL) or kept off the shop (UNLIST); the other statuses are Shopee's to give.
  const status = body.item_status ?? 'NORMAL';
  if (status !== 'NORMAL' && status !== 'UNLIST') return E.invalid('item_status');
  const dimension = checkDimension(body.dimension);
  if (dimension && 'error' in dimension) return dimension;

  const imageIds = list(obj(body.image).image_id_list);
  if (imageIds.length === 0) return E.required('image.image_id_list');
  if (imageIds.length > LISTING_LIMITS.imagesMax) return E.tooManyImages(LISTING_LIMITS.imagesMax);
  const unknownImage = imageIds.find((id) => typeof id !== 'string' || !deps.hasImage(id));
  if (unknownImage !== undefined) return E.unknownImage(String(unknownImage));

  const logistics = checkLogistics(body.logistic_info, weight, dimension, deps.channels);
  if ('error' in logistics) return logistics;

  if (typeof body.category_id !== 'number') return E.required('category_id');
  const category = categoryById(body.category_id);
  if (!category) return E.invalid('category_id');
  if (category.hasChildren) return E.notLeaf();

  const stock = sellerStock(body.seller_stock) ?? body.normal_stock;
  if (stock === undefined) return E.required('seller_stock');
  if (!isWhole(stock)) return E.stockNotWhole('seller_stock');

  const attributes = checkAttributes(body.attribute_list, category.attributes, category.categoryId);
  if ('error' in attributes) return attributes;

  return {
    name,
    description,
    status,
    sku: typeof body.item_sku === 'string' ? body.item_sku : '',
    categoryId: category.categoryId,
    weightKg: weight,
    price: body.original_price,
    stock,
    attributes,
    logistics,
    imageIds: imageIds as string[],
    dimension: dimension ?? undefined,
  };
}

type Dimension = NonNullable<ItemSeed['dimension']>;

function checkDimension(raw: unknown): Dimension | ListingError | undefined {
  if (raw === undefined) return undefined;
  const d = obj(raw);
  const sides = [d.package_height, d.package_width, d.package_length];
  if (!sides.every((v) => typeof v === 'number' && Number.isInteger(v) && v > 0)) return E.invalid('dimension');
  return { height: d.package_height as number, width: d.package_width as number, length: d.package_length as number };
}

function checkLogistics(raw: unknown, weight: number, dimension: Dimension | undefined, channels: readonly LogisticsChannel[]): ListingLogistic[] | ListingError {
  const entries = list(raw).map(obj);
  if (entries.length === 0) return E.required('logistic_info');
  const out: ListingLogistic[] = [];
  for (const e of entries) {
    const channel = channels.find((c) => c.id === e.logistic_id);
    if (!channel || !channel.enabled) return E.channelNotEnabled(e.logistic_id);
    out.push({ channelId: channel.id, enabled: e.enabled !== false, isFree: e.is_free === true, shippingFee: typeof e.shipping_fee === 'number' ? e.shipping_fee : undefined });
  }
  const chosen = out.filter((l) => l.enabled).map((l) => channels.find((c) => c.id === l.channelId)!);
  if (chosen.length === 0) return E.noChannelEnabled();
  for (const c of chosen) {
    if (weight < c.minWeight || weight > c.maxWeight) return E.weightOverChannel(weight, c.name, c.minWeight, c.maxWeight);
    if (dimension) {
      // Orientation is free: the package fits when its sorted sides fit the channel's sorted sides.
      const fit = [dimension.height, dimension.width, dimension.length].sort((a, b) => a - b);
      const max = [c.maxDimension.height, c.maxDimension.width, c.maxDimension.length].sort((a, b) => a - b);
      if (fit.some((v, i) => v > max[i])) return E.dimensionOverChannel(c.name);
    }
  }
  return out;
}

/** One entry per value (a MULTIPLE_SELECT attribute has several); mandatory ones present. */
function checkAttributes(raw: unknown, known: readonly Attribute[], categoryId: number): AttributeValue[] | ListingError {
  const given = list(raw).map(obj);
  const stranger = given.find((g) => !known.some((a) => a.attributeId === g.attribute_id));
  if (stranger) return E.attributeNotInCategory(stranger.attribute_id, categoryId);
  const out: AttributeValue[] = [];
  for (const a of known) {
    const values = list(given.find((g) => g.attribute_id === a.attributeId)?.attribute_value_list).map(obj);
    if (values.length === 0) {
      if (a.mandatory) return E.attributeMandatory(a);
      continue;
    }
    if (a.inputType !== 'MULTIPLE_SELECT' && values.length > 1) return E.attributeSingleValue(a);
    const seen = new Set<number>();
    for (const v of values) {
      const checked = attributeValue(a, v);
      if (!checked || (checked.valueId !== undefined && checked.valueId !== 0 && seen.has(checked.valueId))) return E.attributeValueInvalid(a);
      if (checked.valueId !== undefined) seen.add(checked.valueId);
      out.push(checked);
    }
  }
  return out;
}

function attributeValue(a: Attribute, v: Body): AttributeValue | undefined {
  const valueId = typeof v.value_id === 'number' ? v.value_id : undefined;
  const name = text(v.original_value_name);
  const listed = valueId !== undefined && a.values.some((x) => x.valueId === valueId);
  const unit = typeof v.value_unit === 'string' && v.value_unit !== '' ? v.value_unit : undefined;
  switch (a.inputType) {
    case 'DROP_DOWN':
    case 'MULTIPLE_SELECT':
      return listed ? { attributeId: a.attributeId, valueId } : undefined;
    case 'COMBO_BOX':
      // A listed value, or the seller's own text with value_id 0 (or none).
      if (listed) return { attributeId: a.attributeId, valueId };
      return (valueId === undefined || valueId === 0) && name !== '' ? { attributeId: a.attributeId, valueId: 0, value: name } : undefined;
    case 'TEXT_FILED':
      return name !== '' ? { attributeId: a.attributeId, valueId: 0, value: name, unit } : undefined;
  }
}
