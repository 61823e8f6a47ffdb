import { describe, expect, it } from 'vitest';
import { isSafeNumber, parse } from 'lossless-json';
import { parseJsonLossless, quoteUnsafeNumbers } from '../../../main/connectors/lossless-json.js';

// The fast parser (scan + native JSON.parse) must give exactly what lossless-json's own parser gave
// with the same rule: unsafe numbers as their text, every other number as a number.
const reference = (text: string): unknown => parse(text, null, (v: string) => (isSafeNumber(v) ? Number(v) : v));

describe('parseJsonLossless (int64 ids above 2^53 stay exact)', () => {
  it('keeps ids above 2^53 digit for digit, as strings', () => {
    const o = parseJsonLossless<Record<string, unknown>>('{"item_id":9007199254740993,"model_id":9007199254900010,"promotion_group_id":1051400341536827267,"max":18446744073709551615}');
    expect(o).toEqual({ item_id: '9007199254740993', model_id: '9007199254900010', promotion_group_id: '1051400341536827267', max: '18446744073709551615' });
  });

  it('leaves safe integers, 2^53 - 1, negatives and decimals as numbers', () => {
    const o = parseJsonLossless<Record<string, unknown>>('{"a":9007199254740991,"b":-9007199254740991,"c":-42,"d":0.3,"e":-1.5,"f":32119,"g":0,"h":-0,"i":1e3,"j":2.5E-3,"k":123456789012345,"l":1234567890.12345,"m":[1,-2,3.25]}');
    expect(o).toEqual({ a: 9007199254740991, b: -9007199254740991, c: -42, d: 0.3, e: -1.5, f: 32119, g: 0, h: -0, i: 1000, j: 0.0025, k: 123456789012345, l: 1234567890.12345, m: [1, -2, 3.25] });
    expect(Object.is(o.h, -0)).toBe(true);
  });

  it('keeps negative ids below -2^53 and decimals a double would change as text', () => {
    const o = parseJsonLossless<Record<string, unknown>>('[-9007199254740993, 0.12345678901234567890, 9007199254740993.0, 1e400, 123456789012345678e-2]');
    expect(o).toEqual(['-9007199254740993', '0.12345678901234567890', '9007199254740993.0', '1e400', '123456789012345678e-2']);
  });

  it('never touches digits inside strings, also after escaped quotes and backslashes', () => {
    const text = String.raw`{"sn":"9007199254740993","q":"say \"12345678901234567890\" ok","b":"C:\\","after":9007199254740993,"u":"Võ Ngọc Ánh \u0041 12345678901234567890"}`;
    expect(parseJsonLossless(text)).toEqual({ sn: '9007199254740993', q: 'say "12345678901234567890" ok', b: 'C:\\', after: '9007199254740993', u: 'Võ Ngọc Ánh A 12345678901234567890' });
  });

  it('returns the text itself when nothing needs quoting', () => {
    const text = '{"a":[1,2.5,-3],"b":"12345678901234567890"}';
    expect(quoteUnsafeNumbers(text)).toBe(text);
  });

  it('gives the same values as lossless-json on a Shopee-like detail answer', () => {
    const orders = Array.from({ length: 30 }, (_, i) => ({
      order_sn: `2611280FZMT${i}`, create_time: 1795800949 + i, total_amount: 105000.5 * i, cod: i % 2 === 0, note: `ghi chú "${i}" \\ ${'9'.repeat(20)}`,
      item_list: [{ item_id: `RAW${9_007_199_254_750_000n + BigInt(i)}`, model_id: `RAW${40_000_000_000 + i}`, weight: 0.3, delta: -i, big_negative: `RAW-${9_007_199_254_750_000n + BigInt(i)}` }],
    }));
    const text = JSON.stringify({ error: '', response: { order_list: orders } }).replace(/"RAW(-?\d+)"/g, '$1');
    expect(parseJsonLossless(text)).toEqual(reference(text));
  });

  it('decides integers of 16 digits and more on their digits exactly as lossless-json does (random arrays of edge tokens)', () => {
    const tokens = ['9007199254740991', '9007199254740992', '9007199254740993', '-9007199254740991', '-9007199254740992', '1000000000000000', '9999999999999999',
      '18446744073709551615', '-18446744073709551616', '0', '-0', '1.5', '9007199254740993.0', '12345678901234567.25', '1e400', '-1E-7', '"9007199254740993"', '"\\\"1234567890123456789"'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % tokens.length;
    for (let r = 0; r < 300; r++) {
      const text = `[${Array.from({ length: 1 + (r % 9) }, () => tokens[next()]).join(',')}]`;
      expect(parseJsonLossless(text), text).toEqual(reference(text));
    }
  });

  it('throws a SyntaxError on invalid or cut JSON, like before', () => {
    for (const bad of ['', '{', '{"a":1', '{"a":9007199254740993', '{"a":"x', '[1,]', '{"a":01}', '{"a":1.}', '<html>', '{"a":--1}', '{"a":12345678901234567-}']) {
      expect(() => parseJsonLossless(bad), bad).toThrow(SyntaxError);
      expect(() => reference(bad), bad).toThrow();
    }
  });
});
