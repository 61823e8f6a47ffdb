import { describe, expect, it } from 'vitest';
import { parseShopeeJson, toShopeeJson } from '../../../../main/simulators/shopee/shopee-json.js';

// The reply writer drops the quotes of marker strings: it must never touch a string of the reply itself.

describe('toShopeeJson', () => {
  it('writes bigints anywhere (top level, negative, in arrays and nested objects) as their digits', () => {
    expect(toShopeeJson(18446744073709551615n)).toBe('18446744073709551615');
    expect(toShopeeJson(-9007199254740993n)).toBe('-9007199254740993');
    expect(toShopeeJson({ a: [{ id: 9007199254740993n }, 2n], b: { c: -1n } })).toBe('{"a":[{"id":9007199254740993},2],"b":{"c":-1}}');
    expect(toShopeeJson(undefined)).toBe('null');
    expect(toShopeeJson([undefined, () => 1])).toBe('[null,null]');
  });

  it('keeps strings that look like its markers (NUL first, NUL after a quote, escaped text) exactly', () => {
    const tricky = { '\u00001': 1n, s: '\u00005', t: 'a"\u00007', u: '\\u00009', v: 'x\u0000y', w: [3n, '\u0000', '"\\u0000"'] };
    const text = toShopeeJson(tricky);
    expect(text).toBe('{"\\u00001":1,"s":"\\u00005","t":"a\\"\\u00007","u":"\\\\u00009","v":"x\\u0000y","w":[3,"\\u0000","\\"\\\\u0000\\""]}');
    // Safe integers read back as numbers.
    expect(parseShopeeJson(text)).toEqual({ ...tricky, '\u00001': 1, w: [3, '\u0000', '"\\u0000"'] });
  });

  it('round-trips a reply of many ids and texts through the lossless reader', () => {
    const value = {
      order_list: Array.from({ length: 200 }, (_, i) => ({
        id: i % 3 ? 9_007_199_254_740_993n + BigInt(i) : BigInt(i), n: i * 1.5, note: i % 7 ? `Gọi trước "${i}"` : `\u0000${i}`, none: undefined, nil: null,
      })),
    };
    const text = toShopeeJson(value);
    expect(parseShopeeJson(text)).toEqual(JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? (Number.isSafeInteger(Number(v)) ? Number(v) : `BIG${v}`) : v)), (_k, v: unknown) => (typeof v === 'string' && v.startsWith('BIG') ? BigInt(v.slice(3)) : v)));
  });
});
