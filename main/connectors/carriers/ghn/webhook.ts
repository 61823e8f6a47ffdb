import { readWebhookBody } from '../shared/webhook-body.js';
import { JobError } from '../../../sync/job-error.js';
import { headerValue, secretsEqual, type HeaderBag } from '../shared/secret-compare.js';
import type { CarrierStatusUpdate } from '../shared/status-update.js';
import { int, isRecord, str, type Json } from '../shared/values.js';
import { parseCarrierTime } from '../shared/vn-time.js';
import { ghnEvent } from './mapping.js';

// GHN callbacks (spec A1.8): PascalCase JSON, no signature, sent more than once (G2.6).

/** `Type` values that carry a status; the others report a changed number on the same status. */
const STATUS_TYPES = new Set(['create', 'switch_status']);
const CHANGE_TYPES = { update_weight: 'weight', update_cod: 'cod', update_fee: 'fee' } as const;

export interface GhnWebhookResult {
  type: string;
  /** OrderCode + Type + Time: GHN's own advice for dropping repeats. */
  dedupeKey: string;
  orderCode: string;
  clientOrderCode: string | null;
  /** A status event for `create` / `switch_status`; null for the update_* types. */
  update: CarrierStatusUpdate | null;
  /** What an update_* callback changed (numbers as GHN now has them). */
  change: { kind: 'weight' | 'cod' | 'fee'; weightG: number; codVnd: number; totalFeeVnd: number } | null;
  warnings: string[];
}

export interface GhnWebhookAuth {
  headers: HeaderBag | undefined;
  /** GHN signs nothing; the portal can add a custom header. When a secret is set, that header must carry it. */
  expectedSecret: string;
  headerName?: string;
}

export function parseGhnWebhook(body: unknown, auth?: GhnWebhookAuth): GhnWebhookResult {
  if (auth?.expectedSecret) {
    const got = headerValue(auth.headers, auth.headerName ?? 'x-packdesk-secret') ?? '';
    if (!secretsEqual(got, auth.expectedSecret)) {
      throw new JobError('auth', 'WEBHOOK_UNAUTHORIZED', 'A GHN callback arrived without the configured secret header', { hint: 'Check the custom header set in the GHN portal webhook settings.' });
    }
  }
  const data = readBody(body);
  const orderCode = str(data.OrderCode);
  const type = str(data.Type).toLowerCase();
  const time = str(data.Time);
  if (!orderCode || !type) throw malformed('OrderCode and Type are required', data);
  const dedupeKey = `${orderCode}|${type}|${time}`;
  const clientOrderCode = str(data.ClientOrderCode) || null;
  const result: GhnWebhookResult = { type, dedupeKey, orderCode, clientOrderCode, update: null, change: null, warnings: [] };
  const at = parseCarrierTime(data.Time);

  if (type in CHANGE_TYPES) {
    const fee = isRecord(data.Fee) ? int(data.Fee.Total, int(data.TotalFee)) : int(data.TotalFee);
    result.change = { kind: CHANGE_TYPES[type as keyof typeof CHANGE_TYPES], weightG: int(data.Weight), codVnd: int(data.CODAmount), totalFeeVnd: fee };
    return result;
  }
  if (!STATUS_TYPES.has(type)) {
    result.warnings.push(`GHN callback type "${type}" is not known; ignored`);
    return result;
  }
  const status = str(data.Status);
  if (!status) throw malformed('Status is missing', data);
  if (at === null) throw malformed(`Time "${time}" is not a date`, data);
  const event = ghnEvent(status, at, str(data.Reason), str(data.ReasonCode));
  if (str(data.Description)) event.description = str(data.Description);
  if (str(data.Warehouse)) event.location = str(data.Warehouse);
  // [?] CODAmount is the order's COD; on "delivered" it is what the courier collected (partial returns excepted).
  if (event.mapped === 'delivered' && int(data.CODAmount) > 0 && data.IsPartialReturn !== true) event.codCollectedVnd = int(data.CODAmount);
  if (event.warning) result.warnings.push(event.warning);
  result.update = { waybill: orderCode, reference: clientOrderCode, dedupeKey, event };
  return result;
}

const readBody = (body: unknown): Json => readWebhookBody(body, malformed);

function malformed(why: string, raw: unknown): JobError {
  return new JobError('permanent', 'WEBHOOK_MALFORMED', `GHN callback rejected: ${why}`, { hint: 'Nothing to do unless it repeats; GHN resends real events.', raw });
}
