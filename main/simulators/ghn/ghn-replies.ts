// GHN's reply shapes (spec A1.10): `{code, message, data}` on success, plus `code_message` on errors.
// HTTP status and `code` agree, except where GHN is known not to (see available-services).

import type { SimReply, SimRequest } from '../shared/sim-server.js';

export const ghnOk = (data: unknown, extra: Record<string, unknown> = {}, note?: string): SimReply => ({
  status: 200,
  json: { code: 200, message: 'Success', data, ...extra },
  note,
});

export const ghnError = (status: number, message: string, codeMessage: string, note = 'rejected'): SimReply => ({
  status,
  json: { code: status, message, data: null, code_message: codeMessage },
  note,
});

/** Validation failures: GHN's catch-all symbol. */
export const ghnBadRequest = (message: string): SimReply => ghnError(400, message, 'USER_ERR_COMMON');

export const ghnTokenInvalid = (): SimReply => ({
  status: 401,
  json: { code: 401, message: 'Token is not valid', data: null },
  note: 'unauthorized',
});

export const ghnShopNotFound = (message = 'Shop không tồn tại hoặc không thuộc tài khoản này'): SimReply =>
  ghnError(400, message, 'SHOP_NOT_FOUND');

/** Unknown master-data id: the "code=404" wrapper style GHN uses for internal lookups. */
export const ghnLookupNotFound = (): SimReply => ({
  status: 404,
  json: { code: 404, message: 'code=404, message=Not Found', data: null },
  note: 'rejected',
});

export const ghnNotFoundRoute = (_req: SimRequest, status: 404 | 405): SimReply => ({
  status,
  json: { code: status, message: status === 404 ? 'Not Found' : 'Method Not Allowed', data: null },
});

export const ghnRateLimited = (): SimReply => ({
  status: 429,
  json: { code: 429, message: 'Too Many Requests', data: null },
  note: 'rate-limited',
});
