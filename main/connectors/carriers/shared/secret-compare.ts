import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Constant-time comparison of a received secret with the expected one. Both sides are hashed first so the
 * comparison time does not reveal the expected length either.
 */
export function secretsEqual(received: string, expected: string): boolean {
  const a = createHash('sha256').update(received, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b) && received.length === expected.length;
}

export type HeaderBag = Headers | Record<string, string | string[] | undefined>;

/** A header value whatever shape the caller has (node IncomingHttpHeaders, fetch Headers, a plain record). */
export function headerValue(headers: HeaderBag | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers as Record<string, string | string[] | undefined>)) {
    if (key.toLowerCase() === wanted) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}
