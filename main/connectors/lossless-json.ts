import { isSafeNumber, parse } from 'lossless-json';

/**
 * Parses provider JSON without losing integers beyond 2^53 (Shopee and TikTok ids): those stay
 * strings, every other number becomes a number (DESIGN.md rule 8).
 */
export function parseJsonLossless<T = unknown>(text: string): T {
  return parse(text, null, (value: string) => (isSafeNumber(value) ? Number(value) : value)) as T;
}
