import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { shopeeBaseString, shopeeHmac, shopeeSign } from '../../../main/connectors/marketplaces/shopee/shopee-sign.js';

// Vectors from specs/marketplaces.md §1.3 (base strings [1S] SH-API, signs [calc] with the Go-demo sandbox key).
const KEY = '1391fd986fe8ec7569bebed75b0c33ee35eb5a305bed7038657a5cd5f75b1c88';
const TS = 1655714431;

describe('Shopee signing (spec §1.3)', () => {
  it('builds the shop base string and sign', () => {
    const input = { partnerId: 2001887, path: '/api/v2/shop/get_shop_info', timestamp: TS, scope: { kind: 'shop' as const, accessToken: '59777174636562737266615546704c6d', shopId: 14701711 } };
    expect(shopeeBaseString(input)).toBe('2001887/api/v2/shop/get_shop_info165571443159777174636562737266615546704c6d14701711');
    expect(shopeeSign(KEY, input)).toBe('87407e32ecf3a44d7b7262be1fe2a80a3ac0f71b11ceddc74c984d308afb5aa6');
  });

  it('builds the merchant base string and sign', () => {
    const input = { partnerId: '2001887', path: '/api/v2/global_product/get_category', timestamp: TS, scope: { kind: 'merchant' as const, accessToken: '09777174636962737266615546704c6d', merchantId: '1000000' } };
    expect(shopeeBaseString(input)).toBe('2001887/api/v2/global_product/get_category165571443109777174636962737266615546704c6d1000000');
    expect(shopeeSign(KEY, input)).toBe('db0ff209754b0d1b0c7dc9f497d2aa7366eea172c1cec4c9fd94f891e8f2c149');
  });

  it('builds the public base string and sign (no token, no shop)', () => {
    const input = { partnerId: 2001887, path: '/api/v2/public/get_shops_by_partner', timestamp: TS, scope: { kind: 'public' as const } };
    expect(shopeeBaseString(input)).toBe('2001887/api/v2/public/get_shops_by_partner1655714431');
    expect(shopeeSign(KEY, input)).toBe('1c35e367d9270ebea7f4aba889457b2e9f2ab8ab7b7b422bc9afa7c794612b12');
    expect(shopeeSign(KEY, { ...input, path: '/api/v2/auth/token/get' })).toBe('cbb23b64b4928204e705d6959b7e5d8f55db746d81f0572e04a789f1f1aeb5a0');
  });

  it('uses the key as UTF-8 text, not hex bytes, and answers lowercase hex', () => {
    const base = '2001887/api/v2/auth/token/get1655714431';
    const sign = shopeeHmac(KEY, base);
    expect(sign).toMatch(/^[0-9a-f]{64}$/);
    const hexKeyed = createHmac('sha256', Buffer.from(KEY, 'hex')).update(base).digest('hex');
    expect(sign).not.toBe(hexKeyed);
  });

  it('computes the push signature vector over url|body with the same HMAC', () => {
    const body = '{"shop_id": 123, "code": 1, "success": 1, "extra": "shop_id 123 is authorized successfully", "data": {"more_info": "more info"}, "timestamp": 1470198856}';
    expect(shopeeHmac(KEY, `http://www.example.com/example/uri|${body}`)).toBe('0f4103c3ad9b9cd5225fccfac9ee89ac43c61cb5e18d1a32f33a53b9ad82da9e');
  });
});
