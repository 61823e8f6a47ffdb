// init_tier_variation's checks: 1–2 tiers of unique, non-empty options; exactly one model per
// combination of options; VND integer prices within Shopee VN's 5× spread; whole stock. Pure: the
// uploaded images come in as an argument.

import type { ModelSeed } from './catalog.js';
import { LISTING_ERRORS as E, LISTING_LIMITS, type ListingError } from './listing-messages.js';
import { isVndPrice, obj, sellerStock } from './add-item-rules.js';

export interface CheckedTiers {
  tiers: { name: string; options: string[]; imageIds: (string | undefined)[] }[];
  /** In the order the request listed them (the reply echoes that order). */
  models: ModelSeed[];
}

const key = (index: readonly number[]) => index.join(',');

/** Every tier_index the tiers allow, first tier slowest: [0,0], [0,1], [1,0], … */
export function combinations(sizes: readonly number[]): number[][] {
  return sizes.reduce<number[][]>((acc, n) => acc.flatMap((prefix) => Array.from({ length: n }, (_, i) => [...prefix, i])), [[]]);
}

export function checkTierVariation(body: Record<string, unknown>, hasImage: (id: string) => boolean): CheckedTiers | ListingError {
  const rawTiers = Array.isArray(body.tier_variation) ? body.tier_variation.map(obj) : [];
  if (rawTiers.length === 0 || rawTiers.length > LISTING_LIMITS.tiersMax) return E.tierCount(LISTING_LIMITS.tiersMax);
  const tiers: CheckedTiers['tiers'] = [];
  for (const [t, raw] of rawTiers.entries()) {
    const name = typeof raw.name === 'string' ? raw.name.trim() : '';
    if (name === '') return E.tierName(t);
    const options = Array.isArray(raw.option_list) ? raw.option_list.map(obj) : [];
    if (options.length === 0 || options.length > LISTING_LIMITS.optionsPerTierMax) return E.tierOptionCount(t, LISTING_LIMITS.optionsPerTierMax);
    const seen = new Set<string>();
    const tier: CheckedTiers['tiers'][number] = { name, options: [], imageIds: [] };
    for (const o of options) {
      const option = typeof o.option === 'string' ? o.option.trim() : '';
      if (option === '') return E.tierOptionEmpty(t);
      // [?] Shopee compares options ignoring case: "Đỏ" and "đỏ" are one option.
      const folded = option.toLocaleLowerCase('vi');
      if (seen.has(folded)) return E.tierOptionDuplicate(t, option);
      seen.add(folded);
      const imageId = obj(o.image).image_id;
      if (imageId !== undefined && (typeof imageId !== 'string' || !hasImage(imageId))) return E.tierOptionImage(t, String(imageId));
      tier.options.push(option);
      tier.imageIds.push(imageId as string | undefined);
    }
    tiers.push(tier);
  }

  const rawModels = Array.isArray(body.model) ? body.model.map(obj) : [];
  if (rawModels.length === 0) return E.modelRequired();
  const sizes = tiers.map((t) => t.options.length);
  const byKey = new Map<string, ModelSeed>();
  for (const m of rawModels) {
    const index = m.tier_index;
    const valid = Array.isArray(index) && index.length === sizes.length && index.every((v, t) => Number.isInteger(v) && v >= 0 && v < sizes[t]);
    if (!valid) return E.modelTierIndex(index);
    const ix = index as number[];
    if (byKey.has(key(ix))) return E.modelDuplicate(ix);
    if (!isVndPrice(m.original_price)) return E.modelPrice(ix);
    const stock = sellerStock(m.seller_stock) ?? m.normal_stock;
    if (typeof stock !== 'number' || !Number.isInteger(stock) || stock < 0) return E.modelStock(ix);
    byKey.set(key(ix), { sku: typeof m.model_sku === 'string' ? m.model_sku : '', tierIndex: ix, price: m.original_price, stock });
  }
  const missing = combinations(sizes).find((ix) => !byKey.has(key(ix)));
  if (missing) return E.modelMissing(missing);

  const prices = [...byKey.values()].map((m) => m.price);
  const ratio = Math.max(...prices) / Math.min(...prices);
  if (ratio > LISTING_LIMITS.priceRatioMax) return E.modelPriceRatio(ratio);
  return { tiers, models: [...byKey.values()] };
}
