import { JobError } from '../../../sync/job-error.js';
import { errorForStatus, httpRequest, looksLikeJson, type HttpResponse } from '../../http-client.js';
import type { CarrierAccountConfig } from '../carrier-connector.js';
import { fetchBytes, type BytesResponse } from '../shared/fetch-bytes.js';
import { singleFlight } from '../shared/single-flight.js';
import { gated } from '../shared/request-gate.js';
import { isRecord, str, int, type Json } from '../shared/values.js';
import { isTokenError, vtpError } from './errors.js';

// Wire and auth for Viettel Post partner API v2 (spec A2.1, A2.2, A2.7, A2.10).

export const VTP_HOSTS = { production: 'https://partner.viettelpost.vn', sandbox: 'https://partnerdev.viettelpost.vn' } as const;
/** Label PDFs come from a separate print host (A2.7). */
export const VTP_PRINT_HOSTS = { production: 'https://digitalize.viettelpost.vn', sandbox: 'https://dev-print.viettelpost.vn' } as const;
const PRINT_PATH = '/DigitalizePrint/report.do';

export interface VtpHooks {
  /** A new long-lived token after a (re-)login: the sync engine stores it in the account's secrets. */
  onTokenRefreshed?: (token: string) => void | Promise<void>;
}

export interface VtpCallOptions {
  method?: 'GET' | 'POST';
  query?: Record<string, string | number>;
  body?: Json;
}

export interface VtpReply<T> {
  data: T;
  /** VTP puts some results in `message` (the print token of printing-code). */
  message: string;
}

export class VtpClient {
  readonly apiBase: string;
  readonly printBase: string;
  private token: string;
  private readonly username: string;
  private readonly password: string;
  /** Ten calls hitting an expired token log in once and all retry with the new token. */
  private readonly relogin = singleFlight(() => this.login());

  constructor(private readonly config: CarrierAccountConfig, private readonly hooks: VtpHooks = {}, private readonly timeoutMs = 20_000) {
    const env = config.environment;
    const base = env === 'custom' ? config.baseUrl : VTP_HOSTS[env];
    if (!base) throw new JobError('permanent', 'BASE_URL_MISSING', 'The Viettel Post account is set to a custom host but has no base URL', { hint: 'Enter the base URL in Settings → Connections, or choose production / sandbox.' });
    this.apiBase = base.replace(/\/+$/, '');
    // [?] A custom host (simulator, proxy) serves report.do itself unless settings.printBaseUrl says otherwise.
    this.printBase = (env === 'custom' ? str(config.settings.printBaseUrl) || this.apiBase : VTP_PRINT_HOSTS[env]).replace(/\/+$/, '');
    this.token = (config.secrets.token ?? '').trim();
    this.username = str(config.settings.username).trim();
    this.password = config.secrets.password ?? '';
  }

  get environmentLabel(): string {
    return this.config.environment === 'custom' ? `the custom host ${new URL(this.apiBase).host}` : `Viettel Post ${this.config.environment}`;
  }

  get canLogin(): boolean {
    return Boolean(this.username && this.password);
  }

  get hasToken(): boolean {
    return Boolean(this.token);
  }

  /**
   * A business call with the stored token. On "Token invalid or expired" it logs in ONCE (shared by every
   * concurrent caller) and retries the call once; a second refusal is an auth error, never a loop.
   */
  async call<T = unknown>(path: string, opts: VtpCallOptions = {}): Promise<VtpReply<T>> {
    if (!this.token && this.canLogin) await this.relogin();
    const tokenUsed = this.token;
    try {
      return await this.send<T>(path, opts, tokenUsed);
    } catch (error) {
      if (!isTokenError(error)) throw error;
      if (!this.canLogin) throw this.noWayToLogIn(error as JobError);
      // Another caller may already have refreshed while this one was in flight: then just retry.
      if (this.token === tokenUsed) await this.relogin();
      try {
        return await this.send<T>(path, opts, this.token);
      } catch (again) {
        if (!isTokenError(again)) throw again;
        throw new JobError('auth', 'VTP_TOKEN_REFUSED', `${this.environmentLabel} refused the token even right after logging in`, {
          hint: 'The account may lack API access on this environment; check it with Viettel Post, then log in again in Settings → Connections.',
          raw: (again as JobError).raw,
        });
      }
    }
  }

  /** Login → short token → ownerconnect → the long-lived token we keep (A2.2). */
  async login(): Promise<string> {
    if (!this.canLogin) throw new JobError('auth', 'VTP_CREDENTIALS_MISSING', 'The Viettel Post account has no username or password', { hint: 'Enter the username (phone) and password in Settings → Connections.' });
    const credentials = { USERNAME: this.username, PASSWORD: this.password };
    const short = tokenOf((await this.send('/v2/user/Login', { body: credentials }, '')).data);
    if (!short) throw new JobError('transient', 'RESPONSE_MALFORMED', 'Viettel Post login answered without a token');
    const long = tokenOf((await this.send('/v2/user/ownerconnect', { body: credentials }, short)).data);
    if (!long) throw new JobError('transient', 'RESPONSE_MALFORMED', 'Viettel Post ownerconnect answered without a token');
    this.token = long;
    await this.hooks.onTokenRefreshed?.(long);
    return long;
  }

  /** report.do → label PDF bytes (A2.7); `bill` is the print token, not a waybill. */
  async printPdf(printToken: string, type: string, showPostage: boolean): Promise<BytesResponse> {
    const url = `${this.printBase}${PRINT_PATH}?type=${encodeURIComponent(type)}&bill=${encodeURIComponent(printToken)}&showPostage=${showPostage ? 1 : 0}`;
    return gated(() => fetchBytes(url, 'Viettel Post print', this.timeoutMs));
  }

  private async send<T>(path: string, opts: VtpCallOptions, token: string): Promise<VtpReply<T>> {
    const url = new URL(this.apiBase + path);
    for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = token ? { Token: token } : {};
    const method = opts.method ?? (opts.body ? 'POST' : 'GET');
    const res = await gated(() => httpRequest({ method, url: url.toString(), headers, json: method === 'POST' ? (opts.body ?? {}) : undefined, timeoutMs: this.timeoutMs }));
    return unwrap<T>(res);
  }

  private noWayToLogIn(error: JobError): JobError {
    return new JobError('auth', 'VTP_TOKEN_INVALID', `${this.environmentLabel} refused the stored token and no password is stored to log in again`, {
      hint: 'Log in again in Settings → Connections. A token from the sandbox does not work on production and the reverse.',
      raw: error.raw,
    });
  }
}

/**
 * VTP answers errors with HTTP 200 and `error: true` (G3.1) — always checked — and `getPriceAll` with a bare
 * array (G3.2), returned as `data`. Token errors sometimes carry status 201/202 and no `error` flag [1S].
 */
function unwrap<T>(res: HttpResponse): VtpReply<T> {
  if (res.status === 429 || res.status >= 500) throw errorForStatus(res, 'Viettel Post')!;
  if (!res.text.trim()) {
    if (res.status >= 400) throw errorForStatus(res, 'Viettel Post')!;
    throw new JobError('transient', 'RESPONSE_EMPTY', `Viettel Post answered HTTP ${res.status} with an empty body`, { hint: 'The job retries later.', raw: '' });
  }
  let body: unknown;
  try {
    body = res.json();
  } catch (error) {
    // As for GHN: an HTML error page keeps its HTTP meaning, cut JSON is an unknown outcome and retried.
    if (res.status >= 400 && !looksLikeJson(res.text)) throw errorForStatus(res, 'Viettel Post')!;
    throw error;
  }
  const raw = res.text.slice(0, 2000);
  if (Array.isArray(body)) {
    if (res.status >= 400) throw errorForStatus(res, 'Viettel Post')!;
    return { data: body as T, message: '' };
  }
  if (!isRecord(body)) throw new JobError('transient', 'RESPONSE_MALFORMED', 'Viettel Post answered with JSON that is neither an object nor a list', { raw });
  const status = int(body.status, res.status);
  const message = str(body.message);
  const failed = body.error === true || res.status >= 400 || (body.error !== false && typeof body.status !== 'undefined' && status !== 200);
  if (failed) {
    const error = vtpError(message, status === 200 ? res.status : status, raw);
    // An HTTP 401/403 whose text matches nothing known is still a refused token.
    if ((res.status === 401 || res.status === 403) && error.kind === 'permanent') return unwrapTokenRefusal(message, raw);
    throw error;
  }
  return { data: body.data as T, message };
}

function unwrapTokenRefusal(message: string, raw: string): never {
  throw new JobError('auth', 'VTP_TOKEN_INVALID', `Viettel Post refused the token${message ? `: ${message}` : ''}`, { hint: 'Log in again in Settings → Connections.', raw });
}

function tokenOf(data: unknown): string {
  return isRecord(data) ? str(data.token) : '';
}
