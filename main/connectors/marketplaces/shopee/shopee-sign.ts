import { createHmac } from 'node:crypto';

// Shopee Open Platform v2 request signing (spec §1.3). Pure: no clock, no network.
// sign = lowercase hex HMAC-SHA256(partner_key as UTF-8, base string); the base string is a plain
// concatenation without separators. Query parameters and the POST body are never signed.

export type ShopeeSignScope =
  | { kind: 'public' }
  | { kind: 'shop'; accessToken: string; shopId: string | number }
  | { kind: 'merchant'; accessToken: string; merchantId: string | number };

export interface ShopeeSignInput {
  partnerId: string | number;
  /** The path only, e.g. `/api/v2/order/get_order_list` (no host, no query). */
  path: string;
  /** Unix seconds. */
  timestamp: number;
  scope: ShopeeSignScope;
}

/** The string Shopee signs: partner_id + api_path + timestamp [+ access_token + shop_id | merchant_id]. */
export function shopeeBaseString({ partnerId, path, timestamp, scope }: ShopeeSignInput): string {
  const head = `${partnerId}${path}${timestamp}`;
  switch (scope.kind) {
    case 'public':
      return head;
    case 'shop':
      return `${head}${scope.accessToken}${scope.shopId}`;
    case 'merchant':
      return `${head}${scope.accessToken}${scope.merchantId}`;
  }
}

/** HMAC-SHA256 with the partner key's UTF-8 bytes (never hex-decoded: pitfall §6), lowercase hex. */
export function shopeeHmac(partnerKey: string, base: string): string {
  return createHmac('sha256', Buffer.from(partnerKey, 'utf8')).update(base, 'utf8').digest('hex');
}

export function shopeeSign(partnerKey: string, input: ShopeeSignInput): string {
  return shopeeHmac(partnerKey, shopeeBaseString(input));
}

/** Unix seconds of a millisecond clock. */
export const unixSeconds = (ms: number): number => Math.floor(ms / 1000);
