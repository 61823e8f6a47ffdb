// Shopee sends int64 ids (item_id, model_id, order_item_id, buyer_user_id, promotion ids) as bare JSON
// numbers, some above 2^53 (spec §1.7). JSON.stringify cannot write a bigint: replies are written by
// JSON.stringify with every bigint replaced by a marker string, whose quotes are then dropped, leaving
// its exact digits; everything else is what JSON.stringify writes. Request bodies are read the same way,
// so an id above 2^53 in update_stock survives intact.

import { isInteger, isSafeNumber, parse } from 'lossless-json';

/**
 * A bigint's marker is the string NUL + digits, written `"\u0000digits"` (JSON.stringify escapes NUL).
 * Anything else writes `"\u0000` only for a string that starts with NUL or has NUL right after a quote:
 * then there are more such sequences than bigints and the reply is written value by value instead.
 * (A 50-order detail answer is written about twice as fast as by walking the value.)
 */
const MARK = '\u0000';
const MARK_OPEN = '"\\u0000';

export function toShopeeJson(value: unknown): string {
  let bigints = 0;
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v !== 'bigint') return v;
    bigints++;
    return MARK + v.toString();
  }) as string | undefined;
  if (text === undefined) return 'null';
  if (bigints === 0) return text;
  // Each marker found ends at its closing quote; a look-alike inside a string ends inside that string,
  // so it never hides a marker and only makes the count too high.
  let out = '';
  let last = 0;
  let found = 0;
  for (let at = text.indexOf(MARK_OPEN); at !== -1; at = text.indexOf(MARK_OPEN, last)) {
    const close = text.indexOf('"', at + MARK_OPEN.length);
    out += text.slice(last, at) + text.slice(at + MARK_OPEN.length, close);
    last = close + 1;
    found++;
  }
  return found === bigints ? out + text.slice(last) : writeByHand(value);
}

/** The same text, value by value: for the rare value whose own strings look like markers. */
function writeByHand(value: unknown): string {
  if (typeof value === 'bigint') return value.toString();
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : writeByHand(v))).join(',')}]`;
  if (typeof value === 'object') {
    const parts: string[] = [];
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (v === undefined || typeof v === 'function') continue;
      parts.push(`${JSON.stringify(k)}:${writeByHand(v)}`);
    }
    return `{${parts.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Integers that do not fit a double become bigint; every other number stays a number. */
export function parseShopeeJson(text: string): unknown {
  return parse(text, null, (digits) => (isInteger(digits) && !isSafeNumber(digits) ? BigInt(digits) : Number(digits)));
}

/** An id from a query string or a parsed body: a non-negative integer, or undefined. */
export function toId(value: unknown): bigint | undefined {
  if (typeof value === 'bigint') return value >= 0n ? value : undefined;
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? BigInt(value) : undefined;
  if (typeof value === 'string' && /^\d{1,20}$/.test(value.trim())) return BigInt(value.trim());
  return undefined;
}
