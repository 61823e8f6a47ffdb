// Shopee sends int64 ids (item_id, model_id, order_item_id, buyer_user_id, promotion ids) as bare JSON
// numbers, some above 2^53 (spec §1.7). JSON.stringify cannot write a bigint, so replies are written
// by hand here: a bigint becomes its exact digits, everything else is what JSON.stringify would write.
// Request bodies are read the same way, so an id above 2^53 in update_stock survives intact.

import { isInteger, isSafeNumber, parse } from 'lossless-json';

export function toShopeeJson(value: unknown): string {
  if (typeof value === 'bigint') return value.toString();
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : toShopeeJson(v))).join(',')}]`;
  if (typeof value === 'object') {
    const parts: string[] = [];
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (v === undefined || typeof v === 'function') continue;
      parts.push(`${JSON.stringify(k)}:${toShopeeJson(v)}`);
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
