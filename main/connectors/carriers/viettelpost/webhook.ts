import { readWebhookBody } from '../shared/webhook-body.js';
import { toLocalPhone } from '../../../domain/shared/phone.js';
import { JobError } from '../../../sync/job-error.js';
import type { TrackingEvent } from '../carrier-connector.js';
import { headerValue, secretsEqual, type HeaderBag } from '../shared/secret-compare.js';
import type { CarrierStatusUpdate } from '../shared/status-update.js';
import { int, isRecord, str, type Json } from '../shared/values.js';
import { parseVnDateTime } from '../shared/vn-time.js';
import { mapVtpStatus } from './status-map.js';

// Viettel Post callbacks (spec A2.8): {DATA, TOKEN} plus an Authorization header, both carrying the secret
// configured with VTP. Duplicates and out-of-order delivery happen (G3.5): every update has a dedupe key
// and its own status time; ordering and "never leave a final state" are the shipping domain's job.

export interface VtpWebhookResult {
  updates: CarrierStatusUpdate[];
  warnings: string[];
}

export interface VtpStatusFields {
  waybill: string;
  reference: string;
  code: string;
  name: string;
  /** "dd/MM/yyyy HH:mm:ss", Vietnam time, no zone. */
  dateText: string;
  location?: string;
  note?: string;
  reasonCode?: string;
  codVnd?: number;
  employeeName?: string;
  employeePhone?: string;
}

/** One VTP status → an update, or a warning when it cannot be placed in time. Shared with the export-file parser. */
export function vtpStatusUpdate(f: VtpStatusFields): { update: CarrierStatusUpdate | null; warning?: string } {
  if (!f.waybill || !f.code) return { update: null, warning: `Viettel Post status without ${f.waybill ? 'status code' : 'waybill'} skipped` };
  const at = parseVnDateTime(f.dateText);
  if (at === null) return { update: null, warning: `Viettel Post status ${f.code} of ${f.waybill} has an unreadable date "${f.dateText}"; skipped` };
  const m = mapVtpStatus(f.code);
  const event: TrackingEvent = { carrierStatus: f.code, description: f.name || m.meaning, at, mapped: m.state };
  if (f.location) event.location = f.location;
  if (f.note) event.reason = f.note;
  if (f.reasonCode) event.reasonCode = f.reasonCode;
  if (m.state === 'delivered' && f.codVnd && f.codVnd > 0) event.codCollectedVnd = f.codVnd;
  if (f.employeeName || f.employeePhone) {
    event.courier = {};
    if (f.employeeName) event.courier.name = f.employeeName;
    if (f.employeePhone) event.courier.phone = toLocalPhone(f.employeePhone);
  }
  if (m.warning) event.warning = m.warning;
  return {
    update: { waybill: f.waybill, reference: f.reference || null, dedupeKey: `${f.waybill}|${f.code}|${f.dateText.trim()}`, event },
    ...(m.warning ? { warning: m.warning } : {}),
  };
}

/**
 * Verifies the secret (constant time) and reads the status updates of a VTP callback. The secret may come in
 * the Authorization header or in TOKEN; one matching copy is enough (VTP sends both, a relay may keep one).
 */
export function parseVtpWebhook(body: unknown, headers: HeaderBag | undefined, expectedSecret: string): VtpWebhookResult {
  if (!expectedSecret) {
    throw new JobError('auth', 'WEBHOOK_SECRET_NOT_SET', 'No Viettel Post webhook secret is configured, so no callback can be trusted', { hint: 'Set the webhook secret agreed with Viettel Post in Settings → Connections.' });
  }
  // Authenticate before reporting anything about the body: an unauthenticated sender learns nothing.
  let payload: Json | null = null;
  let parseError: JobError | null = null;
  try {
    payload = readBody(body);
  } catch (error) {
    parseError = error as JobError;
  }
  const header = (headerValue(headers, 'authorization') ?? '').replace(/^Bearer\s+/i, '');
  const token = payload ? str(payload.TOKEN) : '';
  const trusted = [header, token].some((s) => s !== '' && secretsEqual(s, expectedSecret));
  if (!trusted) throw new JobError('auth', 'WEBHOOK_UNAUTHORIZED', 'A Viettel Post callback arrived without the configured secret', { hint: 'If it is genuine, compare the secret configured with Viettel Post and in Settings → Connections.' });
  if (parseError || !payload) throw parseError ?? malformed('no body', body);

  const items = Array.isArray(payload.DATA) ? payload.DATA : [payload.DATA];
  if (!items.some(isRecord)) throw malformed('DATA is missing', payload);
  const result: VtpWebhookResult = { updates: [], warnings: [] };
  for (const data of items.filter(isRecord)) {
    const { update, warning } = vtpStatusUpdate(fieldsOf(data));
    if (update) result.updates.push(update);
    if (warning) result.warnings.push(warning);
  }
  return result;
}

function fieldsOf(d: Json): VtpStatusFields {
  return {
    waybill: str(d.ORDER_NUMBER).trim(),
    reference: str(d.ORDER_REFERENCE).trim(),
    code: str(d.ORDER_STATUS).trim(),
    name: str(d.STATUS_NAME),
    dateText: str(d.ORDER_STATUSDATE),
    // The misspelled LOCALION_CURRENTLY is the original key; newer payloads add the correct one, preferred when present.
    location: str(d.LOCATION_CURRENTLY) || str(d.LOCALION_CURRENTLY),
    note: str(d.NOTE),
    reasonCode: str(d.REASON_CODE),
    codVnd: int(d.MONEY_COLLECTION),
    employeeName: str(d.EMPLOYEE_NAME),
    employeePhone: str(d.EMPLOYEE_PHONE),
  };
}

const readBody = (body: unknown): Json => readWebhookBody(body, malformed);

function malformed(why: string, raw: unknown): JobError {
  return new JobError('permanent', 'WEBHOOK_MALFORMED', `Viettel Post callback rejected: ${why}`, { hint: 'Nothing to do unless it repeats.', raw });
}
