import { JobError } from '../../../sync/job-error.js';

// Shopee's error envelope (spec §1.4, §1.6) → our job-error kinds. Pure: the table below is the whole
// decision, so an unsure fact ([?] in §1.6/§7: which HTTP status goes with which error) is one line.

export interface ShopeeErrorBody {
  error: string;
  message: string;
  requestId: string;
}

export interface ShopeeHttpFacts {
  status: number;
  /** Milliseconds from a Retry-After header, if any. */
  retryAfterMs?: number;
  raw: string;
  /** Clock for the daily quota reset (ms). */
  now: number;
}

/** Shopee codes that mean the access token (not the shop link) is no longer good: refresh, then retry once. */
export const TOKEN_ERRORS = new Set(['error_auth', 'invalid_acceess_token', 'invalid_access_token', 'error_invalid_token', 'error_token']);
/** The seller unlinked / the shop is gone: only a new authorization helps. */
export const SHOP_LINK_ERRORS = new Set(['shop_no_linked', 'partner_shop_no_link', 'error_shop', 'shop_banned']);
/** The app (not the shop) lacks a right: the partner must change its console settings. */
export const PERMISSION_ERRORS = new Set(['error_permission', 'error_api_permission', 'error_api_call_restricted', 'source_ip_undeclared']);
export const SERVER_ERRORS = new Set(['error_server', 'error_network', 'error_inner', 'error_busy', 'error_system']);

/** Default wait after `error_rate_limit` without Retry-After ([?] §1.6: limits are not published). */
export const RATE_LIMIT_WAIT_MS = 60_000;

/** Milliseconds until the next 00:00 in UTC+8, when the daily call quota (`error_limit`) resets (§1.6). */
export function msUntilQuotaReset(now: number): number {
  const day = 86_400_000;
  const offset = 8 * 3_600_000;
  const next = Math.floor((now + offset) / day) * day + day - offset;
  return next - now;
}

const TIMESTAMP = /timestamp/i;
const TOKEN_IN_MESSAGE = /access[_ ]?token/i;
const REFRESH_IN_MESSAGE = /refresh[_ ]?token|\bcode\b/i;

/**
 * The JobError for a Shopee answer whose `error` is not empty (or whose HTTP status says it failed).
 * Codes prefixed SHOPEE_ are stable; `raw` keeps the body for diagnosis.
 */
export function shopeeError(body: ShopeeErrorBody | null, http: ShopeeHttpFacts): JobError {
  const raw = http.raw.slice(0, 4000);
  const code = body?.error ?? '';
  const message = body?.message || code || `HTTP ${http.status}`;
  const said = `${message}${code && code !== message ? ` (${code})` : ''}${body?.requestId ? ` [request ${body.requestId}]` : ''}`;

  if (code === 'error_rate_limit' || (http.status === 429 && code !== 'error_limit')) {
    return new JobError('rate_limited', 'SHOPEE_RATE_LIMITED', `Shopee asks to slow down: ${said}`, { retryAfterMs: http.retryAfterMs ?? RATE_LIMIT_WAIT_MS, raw });
  }
  if (code === 'error_limit') {
    return new JobError('rate_limited', 'SHOPEE_DAILY_QUOTA', `Shopee's daily call quota is used up: ${said}`, {
      retryAfterMs: http.retryAfterMs ?? msUntilQuotaReset(http.now), hint: 'The quota resets at 00:00 (UTC+8); jobs resume then.', raw,
    });
  }
  if (TOKEN_ERRORS.has(code) || (code === 'error_param' && TOKEN_IN_MESSAGE.test(message))) {
    return new JobError('auth', 'SHOPEE_TOKEN_INVALID', `Shopee refused the access token: ${said}`, { hint: 'Packdesk refreshes the token; if that fails, reconnect the shop.', raw });
  }
  if (code === 'error_sign') {
    return new JobError('auth', 'SHOPEE_SIGN_INVALID', `Shopee refused the signature: ${said}`, {
      hint: 'Check the partner id and partner key; sandbox keys do not work on production and the reverse.', raw,
    });
  }
  if (SHOP_LINK_ERRORS.has(code)) {
    return new JobError('auth', 'SHOPEE_SHOP_UNLINKED', `The shop is no longer linked to this app: ${said}`, { hint: 'Reconnect the shop in Kênh bán (Channels).', raw });
  }
  if (PERMISSION_ERRORS.has(code)) {
    return new JobError('auth', 'SHOPEE_PERMISSION', `Shopee does not allow this call for the app: ${said}`, {
      hint: 'Check the app permissions and IP whitelist in the Shopee Open Platform console.', raw,
    });
  }
  if (code === 'error_param' && TIMESTAMP.test(message)) {
    return new JobError('permanent', 'SHOPEE_CLOCK', `Shopee refused the request time: ${said}`, { hint: "Check this computer's date, time and time zone.", raw });
  }
  if (SERVER_ERRORS.has(code) || http.status >= 500) {
    return new JobError('transient', 'SHOPEE_UNAVAILABLE', `Shopee had an internal error: ${said}`, { retryAfterMs: http.retryAfterMs, raw });
  }
  if (!code && (http.status === 401 || http.status === 403)) {
    return new JobError('auth', 'SHOPEE_TOKEN_INVALID', `Shopee refused the credentials (HTTP ${http.status})`, { raw });
  }
  // Everything else is Shopee rejecting what we sent (error_param, error_not_found, order.*, logistics.*…):
  // the message names the field, and retrying the same request cannot help.
  return new JobError('permanent', 'SHOPEE_REJECTED', `Shopee rejected the request: ${said}`, { hint: 'Correct what the message names and try again.', raw });
}

/**
 * After a failed refresh: does the seller have to authorize again? A spent / unknown refresh token or a
 * shop unlink says yes; a network or server problem says "try later" ([?] the exact refresh error code
 * is not in the spec, so any auth-kind refusal or a rejection naming the refresh token counts).
 */
export function refreshFailureNeedsReconnect(error: JobError): boolean {
  if (error.kind === 'auth') return error.code !== 'SHOPEE_SIGN_INVALID' && error.code !== 'SHOPEE_PERMISSION';
  if (error.kind === 'permanent' && error.code === 'SHOPEE_REJECTED') return REFRESH_IN_MESSAGE.test(error.message) || /invalid|expired/i.test(error.message);
  return false;
}
