import { JobError, type JobErrorKind } from '../../../sync/job-error.js';

/**
 * VTP errors are matched on text (A2.10), usually inside an HTTP 200. First match wins; a wrong guess is a
 * one-line change here. Messages not listed become CARRIER_REJECTED with VTP's own text.
 */
export const VTP_ERROR_RULES: readonly { match: RegExp; kind: JobErrorKind; code: string; hint: string }[] = [
  { match: /header token is required|token invalid|token.*expired/i, kind: 'auth', code: 'VTP_TOKEN_INVALID', hint: 'Log in again in Settings → Connections; a sandbox token does not work on production.' },
  { match: /invalid owner account or password/i, kind: 'auth', code: 'VTP_LOGIN_REFUSED', hint: 'Check the Viettel Post username (phone number) and password; sandbox and production accounts are separate.' },
  // Before the duplicate rule: "does not exist" must not read as "already exists".
  { match: /order does not exist/i, kind: 'permanent', code: 'VTP_ORDER_NOT_FOUND', hint: 'Check the waybill number.' },
  // [?] The exact wording of a CHECK_UNIQUE refusal is not in the spec; these cover the English and Vietnamese forms seen in VTP texts.
  { match: /duplicat|already (been )?(exist|used|created)|đã tồn tại|bị trùng|trùng mã|order_number.*(exist|unique)/i, kind: 'permanent', code: 'VTP_DUPLICATE', hint: 'An order with this reference already exists at Viettel Post.' },
  { match: /groupaddress is invalid/i, kind: 'permanent', code: 'VTP_SENDER_STORE_INVALID', hint: 'Pick a sender store (GROUPADDRESS_ID) of this account again in Settings → Connections.' },
  { match: /price does not apply/i, kind: 'permanent', code: 'VTP_ROUTE_NOT_SERVED', hint: 'This service does not serve the route: quote again and pick another service.' },
  { match: /blocking create order/i, kind: 'permanent', code: 'VTP_ACCOUNT_BLOCKED', hint: 'Viettel Post has blocked order creation on this account; contact your Viettel Post account manager.' },
  { match: /with address (old|new)/i, kind: 'permanent', code: 'VTP_ADDRESS_SCHEME', hint: 'Viettel Post refuses this address scheme for the route: resolve the address in the other scheme (legacy / 2025).' },
  { match: /incorrect data|invalid \[/i, kind: 'permanent', code: 'CARRIER_REJECTED', hint: 'Correct the field named in the message and book again.' },
];

export function vtpError(message: string, bodyStatus: number, raw: string): JobError {
  const text = message || `status ${bodyStatus}`;
  for (const rule of VTP_ERROR_RULES) {
    if (rule.match.test(text)) return new JobError(rule.kind, rule.code, `Viettel Post: ${text}`, { hint: rule.hint, raw });
  }
  // [?] An error envelope with status ≥ 500 is VTP failing, not refusing: worth a retry.
  if (bodyStatus >= 500) return new JobError('transient', 'PROVIDER_UNAVAILABLE', `Viettel Post had an internal error: ${text}`, { hint: 'The job retries later.', raw });
  return new JobError('permanent', 'CARRIER_REJECTED', `Viettel Post refused the request: ${text}`, { hint: 'Correct what the message names and try again.', raw });
}

export const isTokenError = (e: unknown): boolean => e instanceof JobError && e.code === 'VTP_TOKEN_INVALID';
