// Shopee's reply shapes (spec §1.4, §1.6): `{request_id, error, message, warning?, response}` with
// `error: ""` on success; token endpoints put their fields at the top level. Every reply is written by
// toShopeeJson so int64 ids stay exact. Error names and messages the spec does not print are marked
// [?] here: each is one line to change.

import type { Random } from '../shared/prng.js';
import { HEX, randomString } from '../shared/prng.js';
import type { SimReply, SimRequest } from '../shared/sim-server.js';
import { toShopeeJson } from './shopee-json.js';

/**
 * HTTP status per error name. [?] spec §7.1: Shopee does not document the statuses that go with its
 * errors; these are our guesses (auth/sign 403, params 400, rate limit 429, server 500).
 */
export const HTTP_STATUS_OF: Record<string, number> = {
  error_param: 400,
  error_auth: 403,
  invalid_acceess_token: 403,
  error_sign: 403,
  error_shop: 403,
  error_partner: 403,
  error_permission: 403,
  error_rate_limit: 429,
  error_limit: 429,
  error_server: 500,
  error_inner: 500,
  error_not_found: 404,
};

/** Business errors ("order.…", "logistics.…", "product.…") answer HTTP 200 with the error in the body [?]. */
export const httpStatusFor = (error: string): number => HTTP_STATUS_OF[error] ?? 200;

export const MESSAGES = {
  noParam: (name: string) => `There is no ${name} in query.`,
  timestampExpired: 'Timestamp is expired.',
  invalidTimestamp: 'Invalid timestamp',
  wrongSign: 'Wrong sign.',
  invalidAccessToken: 'Invalid access_token.',
  invalidShop: 'shopid is invalid',
  /** [?] no published text for an unknown partner id. */
  invalidPartner: 'Invalid partner_id.',
  /** [?] */
  invalidCode: 'Invalid code.',
  /** [?] no published text for a spent or expired refresh token. */
  invalidRefreshToken: 'Invalid refresh_token.',
  rateLimit: 'Too many requests, please try again later.',
  orderListInvalidTime: 'Start time must be earlier than end time and diff in 15days.',
  /** The spec prints "...page_size must be 100 or less."; the prefix is ours [?]. */
  pageSizeTooLarge: 'Wrong parameters, page_size must be 100 or less.',
} as const;

export type Body = Record<string, unknown>;

export class ShopeeReplies {
  constructor(private readonly random: Random) {}

  requestId(): string {
    return randomString(this.random, HEX, 32);
  }

  json(status: number, body: Body, note?: string): SimReply {
    return { status, text: toShopeeJson(body), contentType: 'application/json; charset=utf-8', note };
  }

  /** A Shop/Public API success: the result under `response`. */
  ok(response: unknown, note?: string, warning?: string): SimReply {
    const body: Body = { request_id: this.requestId(), error: '', message: '' };
    if (warning) body.warning = warning;
    body.response = response;
    return this.json(200, body, note ?? 'ok');
  }

  /** A token endpoint success: fields at the top level, no `response` wrapper. */
  topLevel(fields: Body, note?: string): SimReply {
    return this.json(200, { request_id: this.requestId(), error: '', message: '', ...fields }, note ?? 'ok');
  }

  error(error: string, message: string, note = 'rejected', status = httpStatusFor(error)): SimReply {
    return this.json(status, { request_id: this.requestId(), error, message }, note);
  }

  param(message: string): SimReply {
    return this.error('error_param', message);
  }

  rateLimited(): SimReply {
    return this.error('error_rate_limit', MESSAGES.rateLimit, 'rate-limited');
  }

  notFound(req: SimRequest, status: 404 | 405): SimReply {
    return this.error('error_not_found', status === 404 ? `Wrong url: ${req.path}` : `Method not allowed: ${req.method}`, 'rejected', status);
  }
}
