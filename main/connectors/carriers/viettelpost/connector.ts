import { isJobError, JobError } from '../../../sync/job-error.js';
import type { BookingRequest, BookingResult, CarrierAccountConfig, CarrierConnector, Label, LabelFormat, QuoteRequest, ServiceQuote } from '../carrier-connector.js';
import { int, isRecord, list, str } from '../shared/values.js';
import { VtpClient, type VtpHooks } from './client.js';
import { createOrderBody, createOrderResult, priceAllBody, priceAllQuotes, VTP_LABEL_TYPES, VTP_PRINT_MAX, vtpDistrict, vtpProvince, vtpWard } from './mapping.js';

const PRINT_TOKEN_TTL_MS = 60 * 60_000;
/** UpdateOrder TYPE values (A2.6). */
const UPDATE_TYPE = { return: 2, redeliver: 3, cancel: 4 } as const;

export interface VtpConnectorOptions extends VtpHooks {
  timeoutMs?: number;
  /** Show the shipping fee on printed labels (report.do showPostage). Off by default: buyers see the label. */
  showPostage?: boolean;
}

export function createViettelPostConnector(config: CarrierAccountConfig, opts: VtpConnectorOptions = {}): CarrierConnector {
  const client = new VtpClient(config, { onTokenRefreshed: opts.onTokenRefreshed }, opts.timeoutMs);

  const rows = async (path: string, query?: Record<string, string | number>) => list((await client.call(path, { method: 'GET', query })).data).filter(isRecord);

  /** A refusal from VTP is an answer ("not cancelled, because…"); auth, offline and transient failures still throw. */
  async function updateOrder(type: number, trackingNumber: string, note: string): Promise<{ ok: boolean; message: string }> {
    try {
      const reply = await client.call('/v2/order/UpdateOrder', { body: { TYPE: type, ORDER_NUMBER: trackingNumber, NOTE: note } });
      return { ok: true, message: reply.message || 'OK' };
    } catch (error) {
      if (isJobError(error) && error.kind === 'permanent') return { ok: false, message: error.message };
      throw error;
    }
  }

  return {
    carrier: 'viettelpost',

    async testConnection() {
      try {
        if (client.canLogin) {
          await client.login();
        } else if (client.hasToken) {
          await client.call('/v2/user/listInventory', { method: 'GET' });
        } else {
          return { ok: false, code: 'VTP_CREDENTIALS_MISSING', message: 'Enter the Viettel Post username (phone) and password in Settings → Connections.' };
        }
        const groupAddressId = int(config.settings.groupAddressId);
        if (groupAddressId) {
          const stores = await rows('/v2/user/listInventory');
          if (!stores.some((s) => int(s.GROUPADDRESS_ID) === groupAddressId)) {
            return { ok: false, code: 'VTP_SENDER_STORE_INVALID', message: `Logged in to ${client.environmentLabel}, but sender store ${groupAddressId} is not one of this account's stores (${stores.map((s) => str(s.GROUPADDRESS_ID)).join(', ') || 'none'})` };
          }
        }
        return { ok: true, message: `Connected to ${client.environmentLabel}${client.canLogin ? ` as ${str(config.settings.username)}` : ' with the stored token'}` };
      } catch (error) {
        return describeFailure(error, client.environmentLabel);
      }
    },

    async provinces(scheme) {
      const data = scheme === 'legacy3' ? await rows('/v2/categories/listProvinceById', { provinceId: -1 }) : await rows('/v3/categories/listProvinceNew');
      return data.map((r) => vtpProvince(r, scheme));
    },

    async districts(provinceId) {
      return (await rows('/v2/categories/listDistrict', { provinceId })).map((r) => vtpDistrict(r, provinceId));
    },

    async wards(parentId, scheme) {
      const data = scheme === 'legacy3' ? await rows('/v2/categories/listWards', { districtId: parentId }) : await rows('/v3/categories/listWardsNew', { provinceId: parentId });
      return data.map((r) => vtpWard(r, parentId, scheme));
    },

    async quote(req: QuoteRequest): Promise<ServiceQuote[]> {
      // getPriceAll answers a bare array (G3.2); the client hands it over as `data`.
      return priceAllQuotes((await client.call('/v2/order/getPriceAll', { body: priceAllBody(req) })).data);
    },

    async book(req: BookingRequest): Promise<BookingResult> {
      const body = createOrderBody(req, { groupAddressId: config.settings.groupAddressId, customerId: config.settings.customerId });
      try {
        const reply = await client.call('/v2/order/createOrder', { body });
        const result = createOrderResult(reply.data, req);
        if (result) return result;
        throw new JobError('permanent', 'BOOKING_UNCONFIRMED', `Viettel Post accepted order ${req.code} but returned no waybill`, {
          hint: 'Find the order in the Viettel Post portal by this reference and enter its waybill; booking again would be refused as a duplicate.',
          raw: reply.data,
        });
      } catch (error) {
        // With CHECK_UNIQUE a retry of an attempt that did go through is refused as a duplicate. VTP has no
        // lookup by our reference, so the waybill of that attempt cannot be fetched here.
        if (isJobError(error) && error.code === 'VTP_DUPLICATE') {
          throw new JobError('permanent', 'ALREADY_BOOKED', `Viettel Post already has an order with reference ${req.code}: ${error.message}`, {
            hint: 'A previous attempt was booked. Find the waybill in the Viettel Post portal (or wait for its webhook) and attach it to the shipment; do not book again.',
            raw: error.raw,
          });
        }
        throw error;
      }
    },

    async findByCode() {
      return null; // VTP has no lookup by our reference; CHECK_UNIQUE guards retries (see book).
    },

    async cancel(trackingNumber) {
      const outcome = await updateOrder(UPDATE_TYPE.cancel, trackingNumber, 'Shop huỷ đơn');
      return { cancelled: outcome.ok, message: outcome.message };
    },

    async track() {
      throw new JobError('permanent', 'NOT_SUPPORTED', 'Viettel Post has no status lookup for partners', {
        hint: 'Statuses arrive by webhook (through a relay) or by importing the order export from the Viettel Post portal.',
      });
    },

    async label(trackingNumbers: string[], format: LabelFormat): Promise<Label> {
      const type = VTP_LABEL_TYPES[format.size.toLowerCase()];
      if (!type) throw new JobError('permanent', 'LABEL_SIZE_UNSUPPORTED', `Viettel Post prints a5, a6 or a7, not "${format.size}"`, { hint: 'Pick one of the Viettel Post label sizes in the printer settings.' });
      if (!trackingNumbers.length || trackingNumbers.length > VTP_PRINT_MAX) {
        throw new JobError('permanent', 'LABEL_BATCH_SIZE', `Viettel Post prints 1–${VTP_PRINT_MAX} waybills at a time, got ${trackingNumbers.length}`, { hint: 'Print in smaller batches.' });
      }
      // The print token comes back in `message`, not in `data` (A2.7).
      const reply = await client.call('/v2/order/printing-code', { body: { EXPIRY_TIME: Date.now() + PRINT_TOKEN_TTL_MS, ORDER_ARRAY: trackingNumbers } });
      const token = reply.message.trim();
      if (!token) throw new JobError('transient', 'RESPONSE_MALFORMED', 'Viettel Post returned no print token', { raw: reply });
      const pdf = await client.printPdf(token, type, opts.showPostage ?? false);
      if (pdf.body.subarray(0, 5).toString('latin1') !== '%PDF-') {
        throw new JobError('transient', 'LABEL_NOT_PDF', `Viettel Post's print page did not return a PDF (${pdf.contentType || 'no content type'})`, {
          hint: 'The print token may have expired; the next attempt asks for a new one.',
          raw: pdf.body.subarray(0, 500).toString('utf8'),
        });
      }
      // A PDF ends with %%EOF within its last 1,024 bytes (ISO 32000-1 §7.5.5); one cut on the way is
      // fetched again rather than kept as the label that reprints use.
      if (!pdf.body.subarray(-1024).toString('latin1').includes('%%EOF')) {
        throw new JobError('transient', 'LABEL_INCOMPLETE', `Viettel Post's label PDF arrived incomplete (${pdf.body.length} bytes)`, { hint: 'The label is fetched again on the next attempt.' });
      }
      return { contentType: 'application/pdf', body: pdf.body };
    },

    async resolveFailedDelivery(trackingNumber, decision) {
      const outcome = await updateOrder(UPDATE_TYPE[decision], trackingNumber, decision === 'return' ? 'Shop đồng ý hoàn hàng' : 'Shop yêu cầu phát lại');
      return { accepted: outcome.ok, message: outcome.message };
    },
  };
}

/** testConnection never throws: every failure becomes a sentence an operator can act on. */
function describeFailure(error: unknown, where: string): { ok: false; message: string; code: string } {
  if (!isJobError(error)) return { ok: false, code: 'UNEXPECTED', message: `Unexpected error talking to ${where}: ${(error as Error)?.message ?? error}` };
  if (error.code === 'NETWORK_UNREACHABLE') return { ok: false, code: error.code, message: `${error.message}. Check the internet connection, or the base URL if this is a custom host.` };
  if (error.kind === 'auth') return { ok: false, code: error.code, message: `${error.message}. ${error.hint}` };
  return { ok: false, code: error.code, message: error.message };
}
