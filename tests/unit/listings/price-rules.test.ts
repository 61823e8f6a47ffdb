import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PRICE_POLICY, PROMOTION_RETRY_FIRST_MS, PROMOTION_RETRY_MAX_MS, planPrices, priceRatio, promotionRetryDelayMs, shopeeErrorCode, shopPrice, type PriceModel,
} from '../../../main/domain/listings/price-rules.js';

const on = { enabled: true, markupPercent: 0, markupFixed: 0 };
const model = (listingId: number, modelId: string, cataloguePrice: number | null, shopeePrice: number | null = null): PriceModel => ({ listingId, modelId, cataloguePrice, shopeePrice });

describe('price rules', () => {
  it('price push starts off', () => {
    expect(DEFAULT_PRICE_POLICY.enabled).toBe(false);
  });

  it('adjusts the catalogue price by percent then fixed đồng, rounded to whole đồng', () => {
    expect(shopPrice(149_000, { markupPercent: 0, markupFixed: 0 })).toBe(149_000);
    expect(shopPrice(149_000, { markupPercent: 10, markupFixed: 0 })).toBe(163_900);
    expect(shopPrice(99_999, { markupPercent: 7, markupFixed: 0 })).toBe(106_999); // 106 998.93 → 106 999
    expect(shopPrice(33_335, { markupPercent: 3, markupFixed: 0 })).toBe(34_335); // 34 335.05
    expect(shopPrice(100_000, { markupPercent: 5, markupFixed: 2_000 })).toBe(107_000);
    expect(shopPrice(100_000, { markupPercent: -50, markupFixed: -1_000 })).toBe(49_000);
    expect(Number.isInteger(shopPrice(12_345, { markupPercent: 33, markupFixed: 0 }))).toBe(true);
  });

  it('refuses a price that is not above 0', () => {
    expect(shopPrice(1_000, { markupPercent: 0, markupFixed: -1_000 })).toBeNull();
    expect(shopPrice(0, { markupPercent: 10, markupFixed: 0 })).toBeNull();
    const plan = planPrices([model(1, '0', 0)], on);
    expect(plan.entries).toEqual([]);
    expect(plan.refused).toEqual([expect.objectContaining({ listingId: 1, code: 'PRICE_NOT_POSITIVE', price: null })]);
  });

  it('checks the max/min ratio of 5 over every model of the item after the push, unlinked ones at Shopee’s price', () => {
    expect(priceRatio([100, 500])).toEqual({ min: 100, max: 500, ok: true });
    expect(priceRatio([100, 501])).toEqual({ min: 100, max: 501, ok: false });
    expect(priceRatio([100])).toBeNull();
    // Ours alone pass (100k, 200k), but an unlinked model at 30k on Shopee makes 200k/30k > 5: nothing is written.
    const plan = planPrices([model(1, '11', 100_000, 90_000), model(2, '12', 200_000, 95_000), model(3, '13', null, 30_000)], on);
    expect(plan.entries).toEqual([]);
    expect(plan.refused.map((r) => [r.listingId, r.code, r.price])).toEqual([[1, 'PRICE_RATIO_EXCEEDED', 100_000], [2, 'PRICE_RATIO_EXCEEDED', 200_000]]);
    expect(plan.refused[0].message).toMatch(/200000.*5 times.*30000/);
    // Within the ratio: every linked model is written, the unlinked one is left alone.
    expect(planPrices([model(1, '11', 100_000), model(2, '12', 150_000), model(3, '13', null, 30_000)], on))
      .toEqual({ entries: [{ listingId: 1, modelId: '11', price: 100_000 }, { listingId: 2, modelId: '12', price: 150_000 }], refused: [] });
  });

  it('an item without variants has no ratio to keep', () => {
    expect(planPrices([model(1, '0', 500_000, 10_000)], on).entries).toEqual([{ listingId: 1, modelId: '0', price: 500_000 }]);
  });

  it('the markup applies before the ratio check', () => {
    const plan = planPrices([model(1, '11', 100_000), model(2, '12', 480_000)], { enabled: true, markupPercent: 0, markupFixed: 30_000 });
    expect(plan.entries.map((e) => e.price)).toEqual([130_000, 510_000]);
    expect(planPrices([model(1, '11', 20_000), model(2, '12', 100_000)], { enabled: true, markupPercent: 0, markupFixed: -1_000 }).refused[0]?.code).toBe('PRICE_RATIO_EXCEEDED');
  });

  it('waits longer after each refusal during a promotion, capped', () => {
    expect(promotionRetryDelayMs(0)).toBe(PROMOTION_RETRY_FIRST_MS);
    expect(promotionRetryDelayMs(1)).toBe(2 * PROMOTION_RETRY_FIRST_MS);
    expect(promotionRetryDelayMs(3)).toBe(8 * PROMOTION_RETRY_FIRST_MS);
    expect(promotionRetryDelayMs(4)).toBe(PROMOTION_RETRY_MAX_MS);
    expect(promotionRetryDelayMs(1_000)).toBe(PROMOTION_RETRY_MAX_MS);
    expect(PROMOTION_RETRY_FIRST_MS).toBeGreaterThanOrEqual(15 * 60_000); // not hammered
  });

  it('reads Shopee’s error code from a raw answer', () => {
    expect(shopeeErrorCode('{"request_id":"x","error":"error_cannot_update_price_in_promotion","message":"m"}')).toBe('error_cannot_update_price_in_promotion');
    expect(shopeeErrorCode('{"error":""}')).toBeNull();
    expect(shopeeErrorCode('<html>')).toBeNull();
    expect(shopeeErrorCode(undefined)).toBeNull();
  });
});
