import { JobError } from '../../../sync/job-error.js';
import { errorForStatus, httpRequest, looksLikeJson, type HttpResponse } from '../../http-client.js';
import type { CarrierAccountConfig } from '../carrier-connector.js';
import { int, isRecord, str, type Json } from '../shared/values.js';
import { gated } from '../shared/request-gate.js';

// Wire and auth for Giao Hàng Nhanh (spec A1.1, A1.2, A1.10). No mapping here: callers get `data`.

export const GHN_HOSTS = {
  production: 'https://online-gateway.ghn.vn',
  sandbox: 'https://dev-online-gateway.ghn.vn',
} as const;

const API_PATH = '/shiip/public-api';

export interface GhnEndpoints {
  /** Every API path is relative to this (…/shiip/public-api). */
  apiBase: string;
  /** The print pages live at the host root, outside /shiip/public-api (spec A1.7). */
  hostRoot: string;
}

/**
 * A custom base URL may be given either as the host root (http://127.0.0.1:7001) or as the API base
 * (…/shiip/public-api); both resolve to the same pair, so a simulator URL works either way.
 */
export function ghnEndpoints(config: Pick<CarrierAccountConfig, 'environment' | 'baseUrl'>): GhnEndpoints {
  const raw = config.environment === 'custom' ? config.baseUrl : GHN_HOSTS[config.environment];
  if (!raw) throw new JobError('permanent', 'BASE_URL_MISSING', 'The GHN account is set to a custom host but has no base URL', { hint: 'Enter the base URL in Settings → Connections, or choose production / sandbox.' });
  const trimmed = raw.replace(/\/+$/, '');
  const hostRoot = trimmed.endsWith(API_PATH) ? trimmed.slice(0, -API_PATH.length) : trimmed;
  return { apiBase: hostRoot + API_PATH, hostRoot };
}

export interface GhnCallOptions {
  method?: 'GET' | 'POST';
  query?: Record<string, string | number>;
  /** Send the ShopId header (shop-scoped calls: fee, create, cancel, detail, print token…). */
  shop?: boolean;
  /** available-services answers a wrong shop id with HTTP 200 and no body at all (pitfall G2.5). */
  emptyBodyMeansWrongShop?: boolean;
}

/** GHN symbols (A1.10 `code_message`) that say the shop id and the token do not go together. */
const SHOP_SYMBOLS = new Set(['SHOP_NOT_FOUND', 'CLIENT_NOT_OWNER_OF_SHOP']);
/** Order lookups answer "not found" as code 400 with this text (A1.10). A bare "Not Found" is not it (a wrong URL says that too). */
const ORDER_NOT_FOUND = /không tồn tại|order.{0,20}not (found|exist)/i;

export class GhnClient {
  readonly endpoints: GhnEndpoints;
  private readonly token: string;
  readonly shopId: number | null;

  constructor(private readonly config: CarrierAccountConfig, private readonly timeoutMs = 20_000) {
    this.endpoints = ghnEndpoints(config);
    this.token = (config.secrets.token ?? '').trim();
    const shop = int(config.settings.shopId, NaN);
    this.shopId = Number.isInteger(shop) && shop > 0 ? shop : null;
  }

  get environmentLabel(): string {
    return this.config.environment === 'custom' ? `the custom host ${new URL(this.endpoints.hostRoot).host}` : `GHN ${this.config.environment}`;
  }

  requireShopId(): number {
    if (this.shopId === null) {
      throw new JobError('auth', 'GHN_SHOP_ID_MISSING', 'The GHN account has no shop id', { hint: 'Enter the ShopId shown in the GHN portal (Quản lý cửa hàng) in Settings → Connections.' });
    }
    return this.shopId;
  }

  /** One API call; returns the envelope's `data` or throws a JobError that says what went wrong. */
  async call<T = unknown>(path: string, body?: Json, opts: GhnCallOptions = {}): Promise<T> {
    if (!this.token) {
      throw new JobError('auth', 'GHN_TOKEN_MISSING', 'The GHN account has no API token', { hint: 'Paste the API token from the GHN portal into Settings → Connections.' });
    }
    const headers: Record<string, string> = { Token: this.token };
    if (opts.shop) headers.ShopId = String(this.requireShopId());
    const url = new URL(this.endpoints.apiBase + path);
    for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, String(v));
    const method = opts.method ?? 'POST';
    const res = await gated(() => httpRequest({ method, url: url.toString(), headers, json: method === 'POST' ? (body ?? {}) : undefined, timeoutMs: this.timeoutMs }));
    return this.unwrap<T>(res, opts);
  }

  private unwrap<T>(res: HttpResponse, opts: GhnCallOptions): T {
    if (res.status === 429 || res.status >= 500) throw errorForStatus(res, 'GHN', messageOf(tryParse(res)) || undefined)!;
    if (!res.text.trim()) {
      if (res.status === 200 && opts.emptyBodyMeansWrongShop) throw this.shopMismatch('empty answer from available-services', res);
      if (res.status === 401 || res.status === 403) throw this.tokenInvalid(res, '');
      throw new JobError('transient', 'RESPONSE_EMPTY', `GHN answered HTTP ${res.status} with an empty body`, { hint: 'GHN may be in maintenance; the job retries later.', raw: '' });
    }
    let body: unknown;
    try {
      body = res.json();
    } catch (error) {
      // A 4xx page that is not JSON (a proxy, a wrong custom URL) keeps its HTTP meaning; cut JSON is retried.
      if (res.status >= 400 && !looksLikeJson(res.text)) throw errorForStatus(res, 'GHN')!;
      throw error;
    }
    if (!isRecord(body)) throw new JobError('transient', 'RESPONSE_MALFORMED', 'GHN answered with JSON that is not an object', { raw: res.text.slice(0, 2000) });
    const code = int(body.code, res.status);
    if (res.status === 200 && code === 200) return body.data as T;
    throw this.errorFor(res, body, code);
  }

  private errorFor(res: HttpResponse, body: Json, code: number): JobError {
    const symbol = str(body.code_message);
    const message = messageOf(body) || `HTTP ${res.status}`;
    const raw = res.text.slice(0, 2000);
    if (SHOP_SYMBOLS.has(symbol)) return this.shopMismatch(message, res);
    if (code === 401 || res.status === 401 || res.status === 403) return this.tokenInvalid(res, message);
    if (code === 429) return new JobError('rate_limited', 'RATE_LIMITED', 'GHN asks to slow down', { retryAfterMs: res.retryAfterMs() ?? 30_000, raw });
    if (code >= 500) return new JobError('transient', 'PROVIDER_UNAVAILABLE', `GHN had an internal error: ${message}`, { hint: 'The job retries later; it looks the order up before creating it again.', raw });
    // Only GHN's own envelope (with `code`) counts as "not found": findByCode turns it into null, and a proxy or
    // wrong custom URL answering 404 must not make a booked order look absent.
    if ((body.code !== undefined && code === 404) || ORDER_NOT_FOUND.test(message)) return new JobError('permanent', 'GHN_NOT_FOUND', `GHN: ${message}`, { hint: 'Check the order code or the address ids (master data may have changed).', raw });
    return new JobError('permanent', 'CARRIER_REJECTED', `GHN refused the request: ${message}${symbol ? ` (${symbol})` : ''}`, {
      hint: 'Correct the shipment details named in the message and book again.',
      raw,
    });
  }

  private tokenInvalid(res: HttpResponse, message: string): JobError {
    return new JobError('auth', 'GHN_TOKEN_INVALID', `${this.environmentLabel} does not accept the API token${message ? ` (${message})` : ''}`, {
      hint: 'A GHN token works in one environment only: a sandbox token fails on production and the reverse. Copy the token from the portal of the environment this account uses.',
      raw: res.text.slice(0, 2000),
    });
  }

  private shopMismatch(detail: string, res: HttpResponse): JobError {
    return new JobError('auth', 'GHN_SHOP_MISMATCH', `The shop id ${this.shopId ?? '(none)'} does not belong to this GHN token (${detail})`, {
      hint: 'Use a ShopId listed under this token in the GHN portal; sandbox and production shops have different ids.',
      raw: res.text.slice(0, 2000),
    });
  }

  /** GET a print page (HTML) at the host root (A1.7). */
  async printPage(page: string, token: string): Promise<{ contentType: string; text: string }> {
    const url = `${this.endpoints.hostRoot}/a5/public-api/${page}?token=${encodeURIComponent(token)}`;
    const res = await gated(() => httpRequest({ method: 'GET', url, headers: { Accept: 'text/html' }, timeoutMs: this.timeoutMs }));
    const error = errorForStatus(res, 'GHN print');
    if (error) throw error;
    return { contentType: res.headers.get('content-type') ?? 'text/html; charset=utf-8', text: res.text };
  }
}

function tryParse(res: HttpResponse): unknown {
  try {
    return res.json();
  } catch {
    return null;
  }
}

function messageOf(body: unknown): string {
  if (!isRecord(body)) return '';
  return str(body.message) || str(body.message_display) || str(body.code_message_value);
}
