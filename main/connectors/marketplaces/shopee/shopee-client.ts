import { stringify } from 'lossless-json';
import type { z } from 'zod';
import { JobError } from '../../../sync/job-error.js';
import { parseRetryAfter } from '../../../sync/backoff.js';
import { networkError } from '../../http-client.js';
import { parseJsonLossless } from '../../lossless-json.js';
import { gated } from '../../carriers/shared/request-gate.js';
import { shopeeError, type ShopeeErrorBody } from './shopee-errors.js';
import { shopeeHost, type ShopeeEnvironment } from './shopee-hosts.js';
import { tokenResponse, type TokenResponse } from './shopee-schemas.js';
import { shopeeSign, unixSeconds, type ShopeeSignScope } from './shopee-sign.js';

// Wire for Shopee Open Platform v2 (spec §1.1–§1.4, §1.6). No mapping here: callers get parsed `response`.

export interface ShopeeClientOptions {
  environment: ShopeeEnvironment;
  baseUrl: string;
  partnerId: string;
  partnerKey: string;
  timeoutMs?: number;
  /** Milliseconds clock (tests move it). */
  now?: () => number;
}

export interface ShopAuth {
  accessToken: string;
  shopId: string;
}

export type QueryValue = string | number | boolean | readonly (string | number)[] | undefined | null;

export interface ShopeeRequest {
  method: 'GET' | 'POST';
  path: string;
  /** Non-common query params; an array is sent as a repeated param (e.g. `item_status`). */
  query?: Record<string, QueryValue>;
  body?: unknown;
  /**
   * A multipart/form-data body (upload_image) instead of JSON. Only the query is signed (§1.3), so the
   * form goes out as it is; fetch writes its boundary.
   */
  form?: FormData;
  /**
   * [?] The answer's fields sit beside `error` instead of under `response` (get_shop_info). Read from the
   * envelope itself when `response` is absent, so either shape parses.
   */
  topLevel?: boolean;
}

export interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
  bytes: Buffer;
}

/** `partner_id` and `shop_id` are integers in [0, 4294967295] (§1.3). */
export const isShopeeUint32 = (v: string): boolean => /^\d{1,10}$/.test(v) && Number(v) <= 4_294_967_295;

export class ShopeeClient {
  readonly host: string;
  readonly partnerId: string;
  readonly #key: string;
  readonly #timeoutMs: number;
  readonly now: () => number;

  constructor(opts: ShopeeClientOptions) {
    this.host = shopeeHost(opts.environment, opts.baseUrl);
    this.partnerId = String(opts.partnerId ?? '').trim();
    this.#key = (opts.partnerKey ?? '').trim();
    this.#timeoutMs = opts.timeoutMs ?? 20_000;
    this.now = opts.now ?? Date.now;
  }

  private requireCredentials(): void {
    if (!isShopeeUint32(this.partnerId)) {
      throw new JobError('auth', 'SHOPEE_PARTNER_ID_MISSING', 'The Shopee account has no valid partner id', { hint: 'Enter the Partner ID from the Shopee Open Platform console.' });
    }
    if (!this.#key) throw new JobError('auth', 'SHOPEE_PARTNER_KEY_MISSING', 'The Shopee account has no partner key', { hint: 'Paste the Partner Key from the Shopee Open Platform console.' });
  }

  /** The signed URL of a request: the common params always go in the query, also for POST (§1.3). */
  signedUrl(path: string, scope: ShopeeSignScope, query: Record<string, QueryValue> = {}): string {
    this.requireCredentials();
    const timestamp = unixSeconds(this.now());
    const sign = shopeeSign(this.#key, { partnerId: this.partnerId, path, timestamp, scope });
    const url = new URL(this.host + path);
    const p = url.searchParams;
    p.set('partner_id', this.partnerId);
    p.set('timestamp', String(timestamp));
    if (scope.kind === 'shop') {
      p.set('access_token', scope.accessToken);
      p.set('shop_id', String(scope.shopId));
    } else if (scope.kind === 'merchant') {
      p.set('access_token', scope.accessToken);
      p.set('merchant_id', String(scope.merchantId));
    }
    p.set('sign', sign);
    for (const [k, v] of Object.entries(query)) {
      if (v === undefined || v === null) continue;
      if (Array.isArray(v)) for (const one of v) p.append(k, String(one));
      else p.set(k, String(v));
    }
    return url.toString();
  }

  /** §1.2 step 1: the link the seller opens to authorize the app (public signature; valid ~5 min). */
  authPartnerUrl(redirect: string): string {
    return this.signedUrl('/api/v2/shop/auth_partner', { kind: 'public' }, { redirect });
  }

  /** §1.2 step 3: code → first token pair. */
  async getAccessToken(input: { code: string; shopId?: string; mainAccountId?: string }): Promise<TokenResponse> {
    const body: Record<string, unknown> = { code: input.code, partner_id: Number(this.partnerId) };
    if (input.shopId) body.shop_id = Number(input.shopId);
    else if (input.mainAccountId) body.main_account_id = Number(input.mainAccountId);
    return this.tokenCall('/api/v2/auth/token/get', body);
  }

  /** §1.2 step 4: refresh → a NEW access token and a NEW refresh token; the old refresh token is spent. */
  async refreshAccessToken(input: { refreshToken: string; shopId?: string; merchantId?: string }): Promise<TokenResponse> {
    const body: Record<string, unknown> = { refresh_token: input.refreshToken, partner_id: Number(this.partnerId) };
    if (input.shopId) body.shop_id = Number(input.shopId);
    else if (input.merchantId) body.merchant_id = Number(input.merchantId);
    return this.tokenCall('/api/v2/auth/access_token/get', body);
  }

  private async tokenCall(path: string, body: Record<string, unknown>): Promise<TokenResponse> {
    const answer = await this.send('POST', this.signedUrl(path, { kind: 'public' }), body);
    const parsed = this.envelope(answer);
    return parseWith(tokenResponse, parsed, answer.text, path);
  }

  /** One Shop API call; returns `response` parsed with `schema`, or throws a JobError saying what went wrong. */
  async shopCall<S extends z.ZodType>(req: ShopeeRequest, auth: ShopAuth, schema: S): Promise<z.output<S>> {
    const scope: ShopeeSignScope = { kind: 'shop', accessToken: auth.accessToken, shopId: auth.shopId };
    const payload = req.method === 'POST' ? (req.form ?? req.body ?? {}) : undefined;
    const answer = await this.send(req.method, this.signedUrl(req.path, scope, req.method === 'GET' ? req.query : req.query ?? {}), payload);
    const body = this.envelope(answer);
    return parseWith(schema, req.topLevel ? body.response ?? body : body.response, answer.text, req.path);
  }

  /** A Shop API call whose answer is a file (download_shipping_document): bytes on success, the envelope on failure. */
  async shopDownload(req: ShopeeRequest, auth: ShopAuth): Promise<{ contentType: string; body: Buffer }> {
    const scope: ShopeeSignScope = { kind: 'shop', accessToken: auth.accessToken, shopId: auth.shopId };
    const answer = await this.send(req.method, this.signedUrl(req.path, scope, req.query), req.method === 'POST' ? (req.body ?? {}) : undefined);
    const contentType = answer.headers.get('content-type') ?? '';
    if (answer.status < 400 && !/json/i.test(contentType) && answer.bytes.length > 0) return { contentType, body: answer.bytes };
    this.envelope(answer);
    throw new JobError('transient', 'SHOPEE_DOCUMENT_EMPTY', 'Shopee answered without a document', { hint: 'The document may not be ready yet; it is fetched again.', raw: answer.text.slice(0, 2000) });
  }

  private async send(method: 'GET' | 'POST', url: string, body: unknown): Promise<RawAnswer> {
    return gated(async () => {
      try {
        const form = body instanceof FormData;
        const res = await fetch(url, {
          method,
          headers: body === undefined || form ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
          // lossless-json: LosslessNumber ids (above 2^53) are written as bare numbers, digit for digit.
          body: body === undefined ? undefined : form ? body : stringify(body),
          signal: AbortSignal.timeout(this.#timeoutMs),
        });
        const bytes = Buffer.from(await res.arrayBuffer());
        return { status: res.status, headers: res.headers, bytes, text: bytes.toString('utf8') };
      } catch (error) {
        // The sign is in the URL: report the host only.
        throw networkError(error, url);
      }
    });
  }

  /** The JSON envelope of an answer, or the JobError it means (§1.4: success ⇔ `error` is empty). */
  private envelope(answer: RawAnswer): Record<string, unknown> {
    const facts = { status: answer.status, retryAfterMs: parseRetryAfter(answer.headers.get('retry-after'), this.now()), raw: answer.text, now: this.now() };
    let body: unknown;
    try {
      body = answer.text.trim() ? parseJsonLossless(answer.text) : undefined;
    } catch {
      body = undefined;
      // JSON cut on the way: what Shopee said is unknown, retry. Other text (HTML from a proxy) keeps its HTTP meaning.
      if (/^\s*[{[]/.test(answer.text) || answer.status < 400) {
        throw new JobError('transient', 'RESPONSE_MALFORMED', `The answer from Shopee is not valid JSON (HTTP ${answer.status})`, {
          hint: 'The answer was cut or garbled; the job retries later.', raw: answer.text.slice(0, 4000),
        });
      }
    }
    if (body === undefined) {
      if (answer.status >= 400) throw shopeeError(null, facts);
      throw new JobError('transient', 'RESPONSE_EMPTY', `Shopee answered HTTP ${answer.status} with an empty body`, { raw: '' });
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new JobError('transient', 'RESPONSE_MALFORMED', 'Shopee answered with JSON that is not an object', { raw: answer.text.slice(0, 4000) });
    }
    const b = body as Record<string, unknown>;
    const error = typeof b.error === 'string' ? b.error : b.error == null ? '' : String(b.error);
    if (error || answer.status >= 400) {
      const envelope: ShopeeErrorBody = { error, message: typeof b.message === 'string' ? b.message : '', requestId: typeof b.request_id === 'string' ? b.request_id : '' };
      throw shopeeError(envelope, facts);
    }
    return b;
  }
}

/** Parses a response part; a shape we cannot use is permanent (retrying gets the same answer) and keeps the raw body. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, raw: string, path: string): z.output<S> {
  const out = schema.safeParse(value);
  if (out.success) return out.data;
  const issues = out.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
  throw new JobError('permanent', 'SHOPEE_RESPONSE_UNEXPECTED', `Shopee's answer to ${path} lacks what Packdesk needs: ${issues}`, {
    hint: 'Shopee may have changed this API; report it with the raw answer.', raw: raw.slice(0, 4000),
  });
}

/** A request we will not send because Shopee would refuse it (limits from the spec); names the field. */
export function invalidInput(field: string, message: string): JobError {
  return new JobError('permanent', 'SHOPEE_INPUT_INVALID', `${field}: ${message}`, { hint: 'Correct the value named and try again.', raw: { field, message } });
}
