// Talking to the Shopee simulator the way any client would, from the spec alone: a signer written
// here (not the simulator's, not the Packdesk client's) and plain fetch. Replies are kept as raw text
// too, since ids above 2^53 only survive there.

import { createHmac } from 'node:crypto';

export interface Creds {
  url: string;
  partnerId: number;
  partnerKey: string;
  /** Unix seconds the request claims. */
  now(): number;
}

export interface ShopCreds {
  accessToken: string;
  shopId: number;
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

const hmac = (key: string, text: string) => createHmac('sha256', key).update(text).digest('hex');

/** The signed URL for `path`: public when `shop` is absent, shop-level otherwise. */
export function signedUrl(c: Creds, path: string, query: Record<string, string | number | string[]> = {}, shop?: ShopCreds, overrides: { timestamp?: number; sign?: string } = {}): string {
  const ts = overrides.timestamp ?? c.now();
  const base = `${c.partnerId}${path}${ts}${shop ? `${shop.accessToken}${shop.shopId}` : ''}`;
  const u = new URL(path, c.url);
  u.searchParams.set('partner_id', String(c.partnerId));
  u.searchParams.set('timestamp', String(ts));
  u.searchParams.set('sign', overrides.sign ?? hmac(c.partnerKey, base));
  if (shop) {
    u.searchParams.set('access_token', shop.accessToken);
    u.searchParams.set('shop_id', String(shop.shopId));
  }
  for (const [k, v] of Object.entries(query)) {
    if (Array.isArray(v)) for (const x of v) u.searchParams.append(k, x);
    else u.searchParams.set(k, String(v));
  }
  return u.toString();
}

export async function call(url: string, body?: unknown, raw?: string): Promise<Answer> {
  const res = await fetch(url, {
    method: body === undefined && raw === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    redirect: 'manual',
    signal: AbortSignal.timeout(5000),
  });
  return answerOf(res);
}

async function answerOf(res: Response): Promise<Answer> {
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

export const shopCall = (c: Creds, shop: ShopCreds, path: string, query: Record<string, string | number | string[]> = {}, body?: unknown) =>
  call(signedUrl(c, `/api/v2${path}`, query, shop), body);

export const publicCall = (c: Creds, path: string, body: unknown) => call(signedUrl(c, `/api/v2${path}`), body);

/** The raw digits of every `"name":<number>` in a reply: what a lossless parser would read. */
export function rawNumbers(text: string, name: string): string[] {
  return [...text.matchAll(new RegExp(`"${name}":(\\d+)`, 'g'))].map((m) => m[1]);
}

/** A 1×1 PNG and the start of a JPEG: enough for a reader that goes by the first bytes. */
export const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
export const JPEG_HEAD = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]), Buffer.alloc(64, 0x20), Buffer.from([0xff, 0xd9])]);

/** media_space.upload_image as a multipart/form-data POST; only the query is signed. */
export async function uploadImage(c: Creds, shop: ShopCreds, bytes: Uint8Array, opts: { field?: string; type?: string; scene?: string; sign?: string } = {}): Promise<Answer> {
  const form = new FormData();
  form.append(opts.field ?? 'image', new Blob([bytes], { type: opts.type ?? 'image/png' }), 'product.png');
  if (opts.scene !== undefined) form.append('scene', opts.scene);
  return answerOf(await fetch(signedUrl(c, '/api/v2/media_space/upload_image', {}, shop, { sign: opts.sign }), { method: 'POST', body: form, signal: AbortSignal.timeout(10_000) }));
}
