// The Shopee simulator's own signing check against the vectors of spec §1.3, and its JSON writer and
// reader for int64 ids above 2^53 (spec §1.7).

import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { baseString, expectedSign, hmacHex, signMatches } from '../../../../main/simulators/shopee/shopee-sign.js';
import { parseShopeeJson, toId, toShopeeJson } from '../../../../main/simulators/shopee/shopee-json.js';
import { IdMint } from '../../../../main/simulators/shopee/catalog.js';

const KEY = '1391fd986fe8ec7569bebed75b0c33ee35eb5a305bed7038657a5cd5f75b1c88';

describe('sign (spec §1.3 vectors)', () => {
  it('builds the published base strings', () => {
    expect(baseString({ partnerId: '2001887', path: '/api/v2/shop/get_shop_info', timestamp: '1655714431', accessToken: '59777174636562737266615546704c6d', shopId: '14701711' })).toBe(
      '2001887/api/v2/shop/get_shop_info165571443159777174636562737266615546704c6d14701711',
    );
    expect(baseString({ partnerId: '2001887', path: '/api/v2/global_product/get_category', timestamp: '1655714431', accessToken: '09777174636962737266615546704c6d', shopId: '1000000' })).toBe(
      '2001887/api/v2/global_product/get_category165571443109777174636962737266615546704c6d1000000',
    );
    expect(baseString({ partnerId: '2001887', path: '/api/v2/public/get_shops_by_partner', timestamp: '1655714431' })).toBe('2001887/api/v2/public/get_shops_by_partner1655714431');
  });

  it('matches the computed signs with the key as UTF-8 text, lowercase hex', () => {
    expect(hmacHex(KEY, '2001887/api/v2/shop/get_shop_info165571443159777174636562737266615546704c6d14701711')).toBe('87407e32ecf3a44d7b7262be1fe2a80a3ac0f71b11ceddc74c984d308afb5aa6');
    expect(hmacHex(KEY, '2001887/api/v2/global_product/get_category165571443109777174636962737266615546704c6d1000000')).toBe('db0ff209754b0d1b0c7dc9f497d2aa7366eea172c1cec4c9fd94f891e8f2c149');
    expect(hmacHex(KEY, '2001887/api/v2/public/get_shops_by_partner1655714431')).toBe('1c35e367d9270ebea7f4aba889457b2e9f2ab8ab7b7b422bc9afa7c794612b12');
    expect(expectedSign(KEY, { partnerId: '2001887', path: '/api/v2/auth/token/get', timestamp: '1655714431' })).toBe('cbb23b64b4928204e705d6959b7e5d8f55db746d81f0572e04a789f1f1aeb5a0');
  });

  it('accepts only the exact digest: not upper case, not the hex-decoded key, not a public sign on a shop call', () => {
    const parts = { partnerId: '2001887', path: '/api/v2/auth/token/get', timestamp: '1655714431' };
    const good = 'cbb23b64b4928204e705d6959b7e5d8f55db746d81f0572e04a789f1f1aeb5a0';
    expect(signMatches(KEY, parts, good)).toBe(true);
    expect(signMatches(KEY, parts, good.toUpperCase())).toBe(false);
    const hexKeySign = createHmac('sha256', Buffer.from(KEY, 'hex')).update(baseString(parts)).digest('hex');
    expect(signMatches(KEY, parts, hexKeySign)).toBe(false);
    expect(signMatches(KEY, { ...parts, accessToken: 'abc', shopId: '1' }, good)).toBe(false);
    expect(signMatches(KEY, parts, '')).toBe(false);
  });
});

describe('int64 ids as bare JSON numbers', () => {
  it('writes bigints as exact digits and everything else like JSON.stringify', () => {
    const text = toShopeeJson({ item_id: 9007199254740993n, price: 129000, name: 'Áo "thun"', list: [1n, 'x', null], skip: undefined });
    expect(text).toBe('{"item_id":9007199254740993,"price":129000,"name":"Áo \\"thun\\"","list":[1,"x",null]}');
    // What a naive client would see: the id silently changed.
    expect(JSON.parse(text).item_id).toBe(9007199254740992);
  });

  it('reads unsafe integers from request bodies as bigint, safe ones as numbers', () => {
    const v = parseShopeeJson('{"item_id": 1051400341536827267, "stock": 5, "p": 1.5}') as Record<string, unknown>;
    expect(v).toEqual({ item_id: 1051400341536827267n, stock: 5, p: 1.5 });
    expect(toId('9007199254740993')).toBe(9007199254740993n);
    expect(toId(12)).toBe(12n);
    expect(toId(-1)).toBeUndefined();
    expect(toId('12a')).toBeUndefined();
    expect(toId(1.5)).toBeUndefined();
  });

  it('mints ids of which every other one is above 2^53 and not representable as a double', () => {
    const mint = new IdMint(23_000_000_000n);
    const ids = Array.from({ length: 4 }, () => mint.next());
    expect(ids[0] < 2n ** 53n && ids[2] < 2n ** 53n).toBe(true);
    expect(ids[1] > 2n ** 53n && ids[3] > 2n ** 53n).toBe(true);
    expect(BigInt(Number(ids[1]))).not.toBe(ids[1]);
  });
});
