import { describe, expect, it } from 'vitest';
import { stockOf } from '../../../main/domain/listings/shopee-listings.js';

describe("Shopee stock_info_v2 → our view of a listing's stock", () => {
  it('adds the seller stock of every location and reads the promotion-reserved stock', () => {
    expect(stockOf({ summary_info: { total_reserved_stock: 2, total_available_stock: 9 }, seller_stock: [{ stock: 3 }, { stock: 4 }] })).toEqual({ stock: 7, reserved: 2 });
  });
  it('falls back to the available total without seller stock, and to unknown without any', () => {
    expect(stockOf({ summary_info: { total_available_stock: 9 } })).toEqual({ stock: 9, reserved: 0 });
    expect(stockOf(undefined)).toEqual({ stock: null, reserved: 0 });
  });
});
