import { describe, expect, it } from 'vitest';
import { msUntilQuotaReset, refreshFailureNeedsReconnect, shopeeError } from '../../../main/connectors/marketplaces/shopee/shopee-errors.js';
import { shopeeHost } from '../../../main/connectors/marketplaces/shopee/shopee-hosts.js';
import { parseRedirectedUrl } from '../../../main/connectors/marketplaces/shopee/shopee-redirect.js';
import { REFRESH_MARGIN_MS, tokenDecision, type TokenState } from '../../../main/connectors/marketplaces/shopee/shopee-tokens.js';
import { orderWindows, MAX_WINDOW_S, checkOrderListQuery } from '../../../main/connectors/marketplaces/shopee/shopee-orders.js';
import { parseJsonLossless } from '../../../main/connectors/lossless-json.js';
import { orderDetail } from '../../../main/connectors/marketplaces/shopee/shopee-schemas.js';

const http = (status = 200, extra: Partial<{ retryAfterMs: number }> = {}) => ({ status, raw: '{}', now: Date.UTC(2025, 0, 1, 10), ...extra });
const body = (error: string, message = '') => ({ error, message, requestId: 'r1' });

describe('Shopee error envelope → job-error kinds (spec §1.6)', () => {
  it.each([
    ['error_auth', 'Invalid access_token.', 'auth', 'SHOPEE_TOKEN_INVALID'],
    ['invalid_acceess_token', 'x', 'auth', 'SHOPEE_TOKEN_INVALID'],
    ['error_param', 'There is no access_token in query.', 'auth', 'SHOPEE_TOKEN_INVALID'],
    ['error_sign', 'Wrong sign.', 'auth', 'SHOPEE_SIGN_INVALID'],
    ['shop_no_linked', '', 'auth', 'SHOPEE_SHOP_UNLINKED'],
    ['source_ip_undeclared', '', 'auth', 'SHOPEE_PERMISSION'],
    ['error_rate_limit', 'too many', 'rate_limited', 'SHOPEE_RATE_LIMITED'],
    ['error_limit', 'quota', 'rate_limited', 'SHOPEE_DAILY_QUOTA'],
    ['error_param', 'Timestamp is expired.', 'permanent', 'SHOPEE_CLOCK'],
    ['error_server', '', 'transient', 'SHOPEE_UNAVAILABLE'],
    ['error_inner', '', 'transient', 'SHOPEE_UNAVAILABLE'],
    ['order.order_list_invalid_time', 'Start time must be earlier than end time and diff in 15days.', 'permanent', 'SHOPEE_REJECTED'],
    ['error_param', 'page_size must be 100 or less.', 'permanent', 'SHOPEE_REJECTED'],
  ])('%s "%s" → %s', (error, message, kind, code) => {
    const e = shopeeError(body(error, message), http());
    expect([e.kind, e.code]).toEqual([kind, code]);
    if (message) expect(e.message).toContain(message);
  });

  it('reads the HTTP status when the body says nothing', () => {
    expect(shopeeError(null, http(429)).kind).toBe('rate_limited');
    expect(shopeeError(null, http(502)).kind).toBe('transient');
    expect(shopeeError(null, http(403)).kind).toBe('auth');
    expect(shopeeError(null, http(404)).kind).toBe('permanent');
  });

  it('backs off as Retry-After says, else a minute; the daily quota waits for 00:00 UTC+8', () => {
    expect(shopeeError(body('error_rate_limit'), http(429, { retryAfterMs: 5000 })).retryAfterMs).toBe(5000);
    expect(shopeeError(body('error_rate_limit'), http(200)).retryAfterMs).toBe(60_000);
    // 10:00 UTC is 18:00 UTC+8: six hours to go.
    expect(msUntilQuotaReset(Date.UTC(2025, 0, 1, 10))).toBe(6 * 3_600_000);
    expect(shopeeError(body('error_limit'), http()).retryAfterMs).toBe(6 * 3_600_000);
  });

  it('decides when a failed refresh means reconnecting', () => {
    expect(refreshFailureNeedsReconnect(shopeeError(body('error_auth', 'Invalid refresh_token.'), http()))).toBe(true);
    expect(refreshFailureNeedsReconnect(shopeeError(body('error_param', 'refresh_token is invalid'), http()))).toBe(true);
    expect(refreshFailureNeedsReconnect(shopeeError(body('error_server'), http()))).toBe(false);
    expect(refreshFailureNeedsReconnect(shopeeError(body('error_sign'), http()))).toBe(false);
  });
});

describe('Shopee hosts (spec §1.1)', () => {
  it('resolves production, sandbox and custom base URLs', () => {
    expect(shopeeHost('production', '')).toBe('https://partner.shopeemobile.com');
    expect(shopeeHost('sandbox', '')).toBe('https://openplatform.sandbox.test-stable.shopee.sg');
    expect(shopeeHost('custom', 'http://127.0.0.1:7100/')).toBe('http://127.0.0.1:7100');
    expect(shopeeHost('custom', 'http://127.0.0.1:7100/api/v2')).toBe('http://127.0.0.1:7100');
    expect(() => shopeeHost('custom', '')).toThrow(/no base URL/);
  });
});

describe('redirected URL parsing (spec §1.2)', () => {
  it('reads code and shop id, with or without our state', () => {
    expect(parseRedirectedUrl('http://127.0.0.1:5123/shopee/callback?state=abc&code=6f4d&shop_id=14701711')).toEqual({ ok: true, params: { code: '6f4d', shopId: '14701711', mainAccountId: '', state: 'abc' } });
    expect(parseRedirectedUrl('  https://example.com/cb?code=c1&shop_id=42  ')).toMatchObject({ ok: true, params: { code: 'c1', shopId: '42', state: '' } });
    // A redirect that already had a query: Shopee may append with a second "?".
    expect(parseRedirectedUrl('http://127.0.0.1:5123/shopee/callback?state=abc?code=c2&shop_id=7')).toMatchObject({ ok: true, params: { code: 'c2', shopId: '7', state: 'abc' } });
    expect(parseRedirectedUrl('code=c3&main_account_id=99')).toMatchObject({ ok: true, params: { code: 'c3', shopId: '', mainAccountId: '99' } });
  });

  it('names what is wrong with a bad paste', () => {
    expect(parseRedirectedUrl('')).toEqual({ ok: false, issue: 'empty' });
    expect(parseRedirectedUrl('hello there')).toEqual({ ok: false, issue: 'not_url' });
    expect(parseRedirectedUrl('https://shopee.vn/')).toEqual({ ok: false, issue: 'no_code' });
    expect(parseRedirectedUrl('https://x.test/cb?shop_id=1')).toEqual({ ok: false, issue: 'no_code' });
    expect(parseRedirectedUrl('https://x.test/cb?code=1')).toEqual({ ok: false, issue: 'no_shop' });
    expect(parseRedirectedUrl('https://x.test/cb?code=1&shop_id=abc')).toEqual({ ok: false, issue: 'bad_shop_id' });
  });
});

describe('token refresh decisions', () => {
  const now = 1_700_000_000_000;
  const state = (over: Partial<TokenState> = {}): TokenState => ({ accessToken: 'a', refreshToken: 'r', accessExpiresAt: now + 3_600_000, refreshExpiresAt: now + 86_400_000, needsReconnect: false, ...over });
  it('uses, refreshes ahead of expiry, or asks to reconnect', () => {
    expect(tokenDecision(state(), now)).toBe('use');
    expect(tokenDecision(state({ accessExpiresAt: now + REFRESH_MARGIN_MS }), now)).toBe('refresh');
    expect(tokenDecision(state({ accessExpiresAt: now - 1 }), now)).toBe('refresh');
    expect(tokenDecision(state({ refreshExpiresAt: now }), now)).toBe('reconnect');
    expect(tokenDecision(state({ needsReconnect: true }), now)).toBe('reconnect');
    expect(tokenDecision(null, now)).toBe('reconnect');
  });
});

describe('order windows and ids', () => {
  it('slices a long downtime into ≤15-day windows', () => {
    const w = orderWindows(0, 40 * 86_400);
    expect(w).toEqual([{ timeFrom: 0, timeTo: MAX_WINDOW_S }, { timeFrom: MAX_WINDOW_S, timeTo: 2 * MAX_WINDOW_S }, { timeFrom: 2 * MAX_WINDOW_S, timeTo: 40 * 86_400 }]);
    expect(orderWindows(10, 10)).toEqual([{ timeFrom: 10, timeTo: 10 }]);
    expect(() => checkOrderListQuery({ timeRangeField: 'update_time', timeFrom: 0, timeTo: MAX_WINDOW_S + 1 })).toThrow(/15 days/);
    expect(() => checkOrderListQuery({ timeRangeField: 'update_time', timeFrom: 0, timeTo: 1, pageSize: 101 })).toThrow(/page_size/);
  });

  it('keeps int64 ids above 2^53 exact and tolerates unknown fields and statuses', () => {
    const json = '{"order_sn":"2501","order_status":"SOMETHING_NEW","create_time":1,"update_time":2,"new_field":{"x":1},"item_list":[{"item_id":100,"model_id":0,"model_quantity_purchased":1,"promotion_group_id":1051400341536827267}]}';
    const o = orderDetail.parse(parseJsonLossless(json));
    expect(o.order_status).toBe('SOMETHING_NEW');
    expect(o.item_list![0]).toMatchObject({ item_id: '100', model_id: '0', promotion_group_id: '1051400341536827267' });
    expect((o as Record<string, unknown>).new_field).toEqual({ x: 1 });
  });
});

describe('Shopee account settings (api/shopee-settings.ts)', () => {
  it('accepts a partner id as text or number, refuses others with the field path', async () => {
    const { shopeeSettingsIssue } = await import('../../../main/api/shopee-settings.js');
    expect(shopeeSettingsIssue({ partnerId: '2001887' })).toBeNull();
    expect(shopeeSettingsIssue({ partnerId: 2001887, other: true })).toBeNull();
    expect(shopeeSettingsIssue({})).toMatchObject({ path: ['settings', 'partnerId'] });
    expect(shopeeSettingsIssue({ partnerId: '4294967296' })).toMatchObject({ path: ['settings', 'partnerId'] });
    expect(shopeeSettingsIssue({ partnerId: 'abc' })).not.toBeNull();
  });
});
