// The simulator's own signing check (spec §1.3), written apart from any client (DESIGN rule 13):
// HMAC-SHA256 keyed with the partner key's UTF-8 bytes, lowercase hex, over a plain concatenation.

import { createHmac, timingSafeEqual } from 'node:crypto';

export interface SignParts {
  partnerId: string;
  path: string;
  timestamp: string;
  /** Shop API only: the access token then the shop id. Public API: both absent. */
  accessToken?: string;
  shopId?: string;
}

/** partner_id + api_path + timestamp [+ access_token + shop_id]; the query and body are never part of it. */
export function baseString(parts: SignParts): string {
  return `${parts.partnerId}${parts.path}${parts.timestamp}${parts.accessToken ?? ''}${parts.shopId ?? ''}`;
}

export function hmacHex(partnerKey: string, base: string): string {
  return createHmac('sha256', Buffer.from(partnerKey, 'utf8')).update(base, 'utf8').digest('hex');
}

export function expectedSign(partnerKey: string, parts: SignParts): string {
  return hmacHex(partnerKey, baseString(parts));
}

/** Exact comparison: the sign must be the lowercase hex digest, nothing else. */
export function signMatches(partnerKey: string, parts: SignParts, given: string): boolean {
  const want = Buffer.from(expectedSign(partnerKey, parts), 'utf8');
  const got = Buffer.from(given, 'utf8');
  return want.length === got.length && timingSafeEqual(want, got);
}
