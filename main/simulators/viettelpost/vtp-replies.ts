// Viettel Post's envelope `{status, error, message, data}` (spec A2.2): errors come back as HTTP 200
// with `error: true` — except a body the JSON parser rejects, which the Java stack answers itself.

import type { SimReply, SimRequest } from '../shared/sim-server.js';

export const vtpOk = (data: unknown, message = 'OK', note?: string): SimReply => ({
  status: 200,
  json: { status: 200, error: false, message, data },
  note,
});

/** Business refusal: HTTP 200, `error: true`; `status` 204 is our choice for validation failures. */
export const vtpError = (message: string, status = 204, note = 'rejected'): SimReply => ({
  status: 200,
  json: { status, error: true, message, data: null },
  note,
});

export const vtpMissingToken = (): SimReply => vtpError('Header Token is required', 201, 'unauthorized');
export const vtpBadToken = (): SimReply => vtpError('Token invalid or expired', 202, 'unauthorized');

/** Unparseable JSON: the framework's own HTTP 400, not the envelope. */
export const vtpUnreadableBody = (req: SimRequest, detail: string): SimReply => ({
  status: 400,
  json: { timestamp: new Date().toISOString(), status: 400, error: 'Bad Request', message: `JSON parse error: ${detail}`, path: req.path },
  note: 'rejected',
});

export const vtpNotFoundRoute = (req: SimRequest, status: 404 | 405): SimReply => ({
  status,
  json: { timestamp: new Date().toISOString(), status, error: status === 404 ? 'Not Found' : 'Method Not Allowed', path: req.path },
});

export const vtpRateLimited = (): SimReply => ({
  status: 429,
  json: { status: 429, error: true, message: 'Too Many Requests', data: null },
  note: 'rate-limited',
});
