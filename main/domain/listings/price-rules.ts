// The price push's rules (issue 5 §3; spec §1.4 update_price, §1.7 money). Pure: the job, the listings
// screen and the tests call them; nothing here reads the store or the network.

export interface PricePolicy {
  /** Push prices at all. Off by default: many sellers price Shopee apart from the catalogue (fees, own promotions). */
  enabled: boolean;
  /** Added to the catalogue price, in % (−50…300). */
  markupPercent: number;
  /** Added after the percentage, in đồng (may be negative). */
  markupFixed: number;
}

export const DEFAULT_PRICE_POLICY: PricePolicy = { enabled: false, markupPercent: 0, markupFixed: 0 };

/** Shopee VN: the dearest model of an item may cost at most this many times the cheapest (spec §1.4). */
export const MAX_PRICE_RATIO = 5;

/** Shopee's error when an item in a running promotion gets a new price (spec §1.4). */
export const PRICE_IN_PROMOTION_ERROR = 'error_cannot_update_price_in_promotion';

/**
 * Waits before a price refused during a promotion is tried again: 30 min, doubling up to 6 h [?] (Shopee
 * does not say when the promotion ends; a flash sale lasts hours, a shop campaign days). At most four
 * calls a day per item once the promotion runs long, and a new catalogue price tries again at once.
 */
export const PROMOTION_RETRY_FIRST_MS = 30 * 60_000;
export const PROMOTION_RETRY_MAX_MS = 6 * 60 * 60_000;

export function promotionRetryDelayMs(retries: number): number {
  return Math.min(PROMOTION_RETRY_MAX_MS, PROMOTION_RETRY_FIRST_MS * 2 ** Math.max(0, Math.min(retries, 20)));
}

/**
 * The price for the shop: round(catalogue × (100 + percent) / 100) + fixed, in whole đồng (VND has no
 * minor unit; Shopee VN refuses decimals). Null when the result is not a price Shopee takes (≤ 0).
 */
export function adjustedPrice(catalogue: number, policy: Pick<PricePolicy, 'markupPercent' | 'markupFixed'>): number {
  return Math.round((catalogue * (100 + policy.markupPercent)) / 100) + Math.trunc(policy.markupFixed);
}

export function shopPrice(catalogue: number, policy: Pick<PricePolicy, 'markupPercent' | 'markupFixed'>): number | null {
  const p = adjustedPrice(catalogue, policy);
  return Number.isSafeInteger(p) && p > 0 ? p : null;
}

/** The item's dearest and cheapest model price and whether Shopee would refuse their ratio. */
export function priceRatio(prices: readonly number[]): { min: number; max: number; ok: boolean } | null {
  if (prices.length < 2) return null;
  const min = Math.min(...prices);
  const max = Math.max(...prices);
  return { min, max, ok: max <= MAX_PRICE_RATIO * min };
}

export interface PriceModel {
  listingId: number;
  modelId: string;
  /** The linked variant's catalogue price; null = the model is not linked (Shopee keeps its price). */
  cataloguePrice: number | null;
  /** Shopee's price as last seen (for models we do not write, the ratio rule still counts them). */
  shopeePrice: number | null;
}

export type PriceRefusal = 'PRICE_NOT_POSITIVE' | 'PRICE_RATIO_EXCEEDED';

export interface PricePlan {
  /** What to write: every linked model of the item with a valid price. */
  entries: { listingId: number; modelId: string; price: number }[];
  /** Linked models not written, and why (checked here so Shopee is not asked to refuse them). */
  refused: { listingId: number; modelId: string; price: number | null; code: PriceRefusal; message: string }[];
}

/**
 * One item's price push. Models of an item share the ratio rule, so when the prices after the push (ours
 * for linked models, Shopee's for the rest) break it, no model of the item is written: writing some would
 * leave the item half-changed, and Shopee would refuse the call anyway.
 */
export function planPrices(models: readonly PriceModel[], policy: PricePolicy): PricePlan {
  const plan: PricePlan = { entries: [], refused: [] };
  const linked = models.filter((m) => m.cataloguePrice !== null);
  const after: number[] = [];
  for (const m of linked) {
    const price = shopPrice(m.cataloguePrice!, policy);
    if (price === null) {
      const message = `The price for Shopee would be ${adjustedPrice(m.cataloguePrice!, policy)} đồng; Shopee takes only whole prices above 0`;
      plan.refused.push({ listingId: m.listingId, modelId: m.modelId, price: null, code: 'PRICE_NOT_POSITIVE', message });
    }
    else {
      plan.entries.push({ listingId: m.listingId, modelId: m.modelId, price });
      after.push(price);
    }
  }
  for (const m of models) if (m.cataloguePrice === null && m.shopeePrice !== null && m.shopeePrice > 0) after.push(m.shopeePrice);
  const hasModels = models.some((m) => m.modelId !== '0');
  const ratio = hasModels ? priceRatio(after) : null;
  if (ratio && !ratio.ok) {
    const message = `The dearest model (${ratio.max} đồng) would cost more than ${MAX_PRICE_RATIO} times the cheapest (${ratio.min} đồng); Shopee refuses that`;
    plan.refused.push(...plan.entries.map((e) => ({ ...e, code: 'PRICE_RATIO_EXCEEDED' as const, message })));
    plan.entries = [];
  }
  return plan;
}

/** Shopee's own error code inside a job error's raw answer (the envelope's `error`), if any. */
export function shopeeErrorCode(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  try {
    const body = JSON.parse(raw) as { error?: unknown };
    return typeof body?.error === 'string' && body.error ? body.error : null;
  } catch {
    return null;
  }
}
