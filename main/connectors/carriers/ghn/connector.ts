import { isJobError, JobError } from '../../../sync/job-error.js';
import type { BookingRequest, BookingResult, CarrierAccountConfig, CarrierConnector, Label, LabelFormat, MasterDataUnit, QuoteRequest, ServiceQuote } from '../carrier-connector.js';
import { list, isRecord, str } from '../shared/values.js';
import { GhnClient } from './client.js';
import {
  availableServicesBody, createBody, createResult, defaultServiceType, detailEvents, detailResult, feeBody, GHN_PRINT_PAGES, GHN_SERVICE_TYPES,
  ghnDistrict, ghnProvince, ghnV3Unit, ghnWard, serviceQuote, serviceTypesFrom, switchStatusOutcome, v3Items,
} from './mapping.js';

const V3_PAGE = 200; // the v3 province list caps `limit` at 200 (A1.3)

export function createGhnConnector(config: CarrierAccountConfig, opts: { timeoutMs?: number } = {}): CarrierConnector {
  const client = new GhnClient(config, opts.timeoutMs);

  const detailByCode = (code: string) => client.call('/v2/shipping-order/detail-by-client-code', { client_order_code: code }, { shop: true });

  async function findByCode(code: string): Promise<BookingResult | null> {
    try {
      return detailResult(await detailByCode(code));
    } catch (error) {
      if (isJobError(error) && error.code === 'GHN_NOT_FOUND') return null;
      throw error;
    }
  }

  async function switchStatus(path: string, trackingNumber: string) {
    const data = await client.call(path, { order_codes: [trackingNumber] }, { shop: true });
    return switchStatusOutcome(data, trackingNumber);
  }

  return {
    carrier: 'ghn',

    async testConnection() {
      try {
        const provinces = list(await client.call('/master-data/province', undefined, { method: 'GET' })).filter(isRecord);
        if (!provinces.length) return { ok: false, code: 'GHN_EMPTY_MASTER_DATA', message: `${client.environmentLabel} accepted the token but listed no provinces` };
        client.requireShopId();
        // available-services needs two districts; any real one proves the shop id belongs to the token.
        const district = list(await client.call('/master-data/district', { province_id: Number(provinces[0].ProvinceID) })).filter(isRecord)[0];
        if (!district) return { ok: false, code: 'GHN_EMPTY_MASTER_DATA', message: `${client.environmentLabel} listed no districts for ${str(provinces[0].ProvinceName)}` };
        const id = Number(district.DistrictID);
        await client.call('/v2/shipping-order/available-services', { shop_id: client.shopId, from_district: id, to_district: id }, { emptyBodyMeansWrongShop: true });
        return { ok: true, message: `Connected to ${client.environmentLabel}: the token works and shop ${client.shopId} belongs to it` };
      } catch (error) {
        return describeFailure(error, client.environmentLabel);
      }
    },

    async provinces(scheme) {
      if (scheme === 'legacy3') return list(await client.call('/master-data/province', undefined, { method: 'GET' })).filter(isRecord).map(ghnProvince);
      const out: MasterDataUnit[] = [];
      for (let offset = 0; ; offset += V3_PAGE) {
        const page = v3Items(await client.call('/v3/master-data/province/all', undefined, { method: 'GET', query: { offset, limit: V3_PAGE } }));
        out.push(...page.map((r) => ghnV3Unit(r, 'province', null)));
        if (page.length < V3_PAGE) return out;
      }
    },

    async districts(provinceId) {
      return list(await client.call('/master-data/district', { province_id: Number(provinceId) })).filter(isRecord).map((r) => ghnDistrict(r, provinceId));
    },

    async wards(parentId, scheme) {
      if (scheme === 'legacy3') return list(await client.call('/master-data/ward', { district_id: Number(parentId) })).filter(isRecord).map((r) => ghnWard(r, parentId));
      const data = await client.call('/v3/master-data/ward/all-by-province-id', undefined, { method: 'GET', query: { province_id: parentId } });
      return v3Items(data).map((r) => ghnV3Unit(r, 'ward', parentId));
    },

    async quote(req: QuoteRequest): Promise<ServiceQuote[]> {
      const servicesBody = availableServicesBody(client.requireShopId(), req);
      // Without legacy districts GHN cannot list services (G2.4): quote the service the weight calls for.
      const services = servicesBody
        ? serviceTypesFrom(await client.call('/v2/shipping-order/available-services', servicesBody, { emptyBodyMeansWrongShop: true }))
        : [{ typeId: String(defaultServiceType(req.parcel.weightG)), shortName: '' }];
      const quotes: ServiceQuote[] = [];
      let refusal: JobError | null = null;
      for (const s of services) {
        try {
          quotes.push(serviceQuote(s.typeId, s.shortName || GHN_SERVICE_TYPES[s.typeId]?.name || '', await client.call('/v2/shipping-order/fee', feeBody(req, Number(s.typeId)), { shop: true })));
        } catch (error) {
          // One service refusing the parcel (too heavy for light) must not hide the others.
          if (isJobError(error) && error.kind === 'permanent' && error.code === 'CARRIER_REJECTED') refusal ??= error;
          else throw error;
        }
      }
      if (!quotes.length && refusal) throw refusal;
      return quotes;
    },

    async book(req: BookingRequest): Promise<BookingResult> {
      const body = createBody(req);
      // create is idempotent on client_order_code (A1.5): a retry after a timeout returns the same order.
      const data = await client.call('/v2/shipping-order/create', body, { shop: true });
      const result = createResult(data, req);
      if (result) return result;
      const found = await findByCode(req.code);
      if (found) return found;
      throw new JobError('transient', 'RESPONSE_MALFORMED', 'GHN accepted the order but returned no order code', { hint: 'The retry looks the order up by our code before creating it again.', raw: data });
    },

    findByCode,

    async cancel(trackingNumber) {
      const outcome = await switchStatus('/v2/switch-status/cancel', trackingNumber);
      return { cancelled: outcome.ok, message: outcome.message };
    },

    async track(trackingNumber) {
      return detailEvents(await client.call('/v2/shipping-order/detail', { order_code: trackingNumber }, { shop: true }));
    },

    async label(trackingNumbers: string[], format: LabelFormat): Promise<Label> {
      const page = GHN_PRINT_PAGES[format.size.toLowerCase()];
      if (!page) throw new JobError('permanent', 'LABEL_SIZE_UNSUPPORTED', `GHN prints a5, 80x80 or 52x70, not "${format.size}"`, { hint: 'Pick one of the GHN label sizes in the printer settings.' });
      if (!trackingNumbers.length) throw new JobError('permanent', 'LABEL_NOTHING_TO_PRINT', 'No GHN order code to print', { hint: 'Book the shipment first.' });
      const data = await client.call('/v2/a5/gen-token', { order_codes: trackingNumbers }, { shop: true });
      const token = isRecord(data) ? str(data.token) : '';
      if (!token) throw new JobError('transient', 'RESPONSE_MALFORMED', 'GHN returned no print token', { raw: data });
      const html = await client.printPage(page, token);
      // The label is kept and reprinted for good: a page cut on the way must be fetched again, not kept.
      // [?] Any closing tag of the document counts, since the exact ending of GHN's page is not documented.
      if (!/<\/(html|body)\s*>/i.test(html.text)) {
        throw new JobError('transient', 'LABEL_INCOMPLETE', 'GHN sent an incomplete print page', { hint: 'The label is fetched again on the next attempt.', raw: html.text.slice(0, 2000) });
      }
      return { contentType: html.contentType, body: Buffer.from(html.text, 'utf8') };
    },

    async resolveFailedDelivery(trackingNumber, decision) {
      // return → send back to the shop; storing → keep in the warehouse and deliver again (A1.6).
      const outcome = await switchStatus(decision === 'return' ? '/v2/switch-status/return' : '/v2/switch-status/storing', trackingNumber);
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
