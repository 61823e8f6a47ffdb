import type { BookingRequest, BookingResult, CarrierAddress, MasterDataUnit, QuoteRequest, ServiceQuote, TrackingEvent } from '../carrier-connector.js';
import { receiverPaysFeeOnTop } from '../shared/fee-payer.js';
import { ceilPositive, checkInt, invalidShipment, localPhone } from '../shared/local-checks.js';
import { int, isRecord, list, str, type Json } from '../shared/values.js';
import { parseCarrierTime } from '../shared/vn-time.js';
import { mapGhnStatus } from './status-map.js';

// Pure GHN mappings (spec A1.3–A1.6): request bodies from our types, our types from GHN answers.

/** A1.5 limits [C2]. insurance_value is deliberately not capped here (G2.9: contract-dependent; GHN's own error is shown). */
export const GHN_LIMITS = { weightG: 50_000, sideCm: 200, codVnd: 50_000_000, clientOrderCode: 50, contentChars: 2000 } as const;

export const GHN_REQUIRED_NOTE: Record<BookingRequest['inspection'], string> = {
  try: 'CHOTHUHANG',
  look: 'CHOXEMHANGKHONGTHU',
  none: 'KHONGCHOXEMHANG',
};

/** service_type_id → our speed label (A1.4). 1 and 3 are retired (G2.1). */
export const GHN_SERVICE_TYPES: Record<string, { name: string; speed: ServiceQuote['speed'] }> = {
  '2': { name: 'Hàng nhẹ (e-commerce)', speed: 'standard' },
  '5': { name: 'Hàng nặng (truyền thống)', speed: 'economy' },
};
const RETIRED_SERVICE_TYPES = new Set(['1', '3']);

/** ≥ 20 kg goes heavy (A1.4), used when available-services cannot be asked (no legacy districts). */
export const defaultServiceType = (weightG: number): number => (weightG >= 20_000 ? 5 : 2);

// ── master data ────────────────────────────────────────────────────────────────────────────────

const aliases = (v: unknown, name: string): string[] => list(v).map(str).filter((a) => a && a !== name);

/** Legacy: Status 2 = locked; SupportType 0 = not served [1S]. Absent fields mean open. */
const legacyActive = (r: Json): boolean => int(r.Status, 1) !== 2 && (r.SupportType === undefined || r.SupportType === null || int(r.SupportType, 3) !== 0);

export function ghnProvince(r: Json): MasterDataUnit {
  const name = str(r.ProvinceName);
  return { id: str(r.ProvinceID), name, aliases: aliases(r.NameExtension, name), parentId: null, scheme: 'legacy3', level: 'province', active: legacyActive(r) };
}

export function ghnDistrict(r: Json, provinceId: string): MasterDataUnit {
  const name = str(r.DistrictName);
  return { id: str(r.DistrictID), name, aliases: aliases(r.NameExtension, name), parentId: str(r.ProvinceID) || provinceId, scheme: 'legacy3', level: 'district', active: legacyActive(r) };
}

/** WardCode is text with leading zeros ("030712", G2.3); it is never passed through a number. */
export function ghnWard(r: Json, districtId: string): MasterDataUnit {
  const name = str(r.WardName);
  return { id: str(r.WardCode), name, aliases: aliases(r.NameExtension, name), parentId: str(r.DistrictID) || districtId, scheme: 'legacy3', level: 'ward', active: legacyActive(r) };
}

/** v3 items (A1.3): `status` 1 open, 2 taken as locked like the legacy Status; 10 (meaning unknown [1S]) kept active. */
export function ghnV3Unit(r: Json, level: 'province' | 'ward', parentId: string | null): MasterDataUnit {
  const name = str(r.name);
  return {
    id: str(r._id), name, aliases: aliases(r.extension_names, name), parentId: level === 'ward' ? str(r.parent_id) || parentId : null,
    scheme: 'new2', level, active: int(r.status, 1) !== 2,
  };
}

/** v3 lists may come as `data: [...]` or wrapped once more [?]; both are read. */
export function v3Items(data: unknown): Json[] {
  if (Array.isArray(data)) return data.filter(isRecord);
  if (isRecord(data)) for (const key of ['data', 'items', 'list']) if (Array.isArray(data[key])) return (data[key] as unknown[]).filter(isRecord);
  return [];
}

// ── quote ──────────────────────────────────────────────────────────────────────────────────────

export function availableServicesBody(shopId: number, req: QuoteRequest): Json | null {
  if (!req.from.legacy || !req.to.legacy) return null;
  return { shop_id: shopId, from_district: Number(req.from.legacy.districtId), to_district: Number(req.to.legacy.districtId) };
}

/** One service's distinct service_type_id per answer row (several `service_id`s can share one type). */
export function serviceTypesFrom(data: unknown): { typeId: string; shortName: string }[] {
  const seen = new Map<string, string>();
  for (const row of list(data).filter(isRecord)) {
    const typeId = str(row.service_type_id);
    if (typeId && !RETIRED_SERVICE_TYPES.has(typeId) && !seen.has(typeId)) seen.set(typeId, str(row.short_name));
  }
  return [...seen].map(([typeId, shortName]) => ({ typeId, shortName }));
}

export function feeBody(req: QuoteRequest, serviceTypeId: number): Json {
  const p = req.parcel;
  const body: Json = {
    service_type_id: serviceTypeId,
    weight: ceilPositive(p.weightG), length: ceilPositive(p.lengthCm), width: ceilPositive(p.widthCm), height: ceilPositive(p.heightCm),
    insurance_value: req.insuranceVnd, cod_value: req.codVnd, coupon: null,
  };
  if (req.from.legacy) Object.assign(body, { from_district_id: Number(req.from.legacy.districtId), from_ward_code: req.from.legacy.wardId });
  Object.assign(body, receiverFeeFields(req.to));
  if (serviceTypeId === 5) body.items = items(req);
  return body;
}

/** Legacy ids when known (what services and classic fee need, G2.4); otherwise the 2025 fields [1S GHN-WP]. */
function receiverFeeFields(to: CarrierAddress): Json {
  if (to.legacy) return { to_district_id: Number(to.legacy.districtId), to_ward_code: to.legacy.wardId };
  if (to.current) return { to_ward_id_v2: Number(to.current.wardId), to_address_v2: to.fullText, is_new_to_address: true };
  throw missingAddress('receiver');
}

export function serviceQuote(typeId: string, shortName: string, feeData: unknown): ServiceQuote {
  const known = GHN_SERVICE_TYPES[typeId];
  return {
    serviceCode: typeId,
    name: shortName || known?.name || `GHN service ${typeId}`,
    speed: known?.speed ?? 'standard',
    feeVnd: isRecord(feeData) ? int(feeData.total) : 0,
    expectedDeliveryAt: null,
  };
}

// ── create ─────────────────────────────────────────────────────────────────────────────────────

export function createBody(req: BookingRequest): Json {
  const p = req.parcel;
  const serviceTypeId = req.serviceCode.trim();
  if (RETIRED_SERVICE_TYPES.has(serviceTypeId) || !/^\d+$/.test(serviceTypeId)) {
    throw invalidShipment('SERVICE_UNKNOWN', `GHN service "${req.serviceCode}" cannot be booked (use 2 light or 5 heavy)`, 'Quote the shipment again and pick one of the offered services.');
  }
  if (!req.code || req.code.length > GHN_LIMITS.clientOrderCode) {
    throw invalidShipment('CODE_TOO_LONG', `GHN: the shipment code "${req.code}" must be 1–${GHN_LIMITS.clientOrderCode} characters`, 'This is a bug in code generation; report it.');
  }
  if ([...req.content].length > GHN_LIMITS.contentChars) {
    throw invalidShipment('TEXT_TOO_LONG', `GHN: content is longer than ${GHN_LIMITS.contentChars} characters`, 'Shorten the parcel content.');
  }
  const weight = checkInt('GHN', 'weight (g)', ceilPositive(p.weightG), 1, GHN_LIMITS.weightG);
  const [length, width, height] = (['lengthCm', 'widthCm', 'heightCm'] as const).map((k) => checkInt('GHN', `${k.replace('Cm', '')} (cm)`, ceilPositive(p[k]), 1, GHN_LIMITS.sideCm));
  const body: Json = {
    payment_type_id: receiverPaysFeeOnTop(req) ? 2 : 1,
    required_note: GHN_REQUIRED_NOTE[req.inspection],
    service_type_id: Number(serviceTypeId),
    client_order_code: req.code,
    to_name: req.to.name,
    to_phone: localPhone('GHN', 'receiver phone', req.to.phone),
    to_address: req.to.fullText,
    ...receiverCreateFields(req.to),
    ...senderFields(req.from),
    cod_amount: checkInt('GHN', 'COD', req.codVnd, 0, GHN_LIMITS.codVnd),
    insurance_value: checkInt('GHN', 'insurance value', req.insuranceVnd, 0, Number.MAX_SAFE_INTEGER),
    order_value: checkInt('GHN', 'goods value', p.valueVnd, 0, Number.MAX_SAFE_INTEGER),
    weight, length, width, height,
    content: req.content,
    note: req.note,
    items: items(req),
  };
  if (body.service_type_id === 5 && !(body.items as unknown[]).length) {
    throw invalidShipment('ITEMS_REQUIRED', 'GHN heavy service (5) needs the list of items', 'Add the order lines to the shipment.');
  }
  return body;
}

/** Legacy ids when known; a 2025-only address goes by names with is_new_to_address and no district [1S GHN-MAG]. */
function receiverCreateFields(to: CarrierAddress): Json {
  if (to.legacy) return { to_ward_code: to.legacy.wardId, to_district_id: Number(to.legacy.districtId) };
  if (to.current) return { is_new_to_address: true, to_ward_name: to.current.wardName, to_district_name: '', to_province_name: to.current.provinceName };
  throw missingAddress('receiver');
}

/** The sender defaults to the shop's address at GHN; we send the warehouse so multi-warehouse shops pick up right. */
function senderFields(from: CarrierAddress): Json {
  const fields: Json = { from_name: from.name, from_phone: localPhone('GHN', 'sender phone', from.phone), from_address: from.fullText };
  // GHN documents no 2025 form for the sender (is_new_to_address is about the receiver) and wants a
  // district with the ward name: a 2025-only sender goes by text, and the shop's registered pickup
  // address fills the units.
  if (from.legacy) Object.assign(fields, { from_ward_name: from.legacy.wardName, from_district_name: from.legacy.districtName, from_province_name: from.legacy.provinceName });
  return fields;
}

function items(req: QuoteRequest): Json[] {
  return req.parcel.items.map((i) => ({ name: i.name, code: i.sku, quantity: i.quantity, price: i.priceVnd, weight: ceilPositive(i.weightG) }));
}

function missingAddress(who: string) {
  return invalidShipment('ADDRESS_NOT_RESOLVED', `GHN: the ${who} address has no GHN ids (neither legacy nor 2025)`, 'Resolve the address against GHN master data in the order before booking.');
}

// ── results ────────────────────────────────────────────────────────────────────────────────────

export function createResult(data: unknown, req: BookingRequest): BookingResult | null {
  if (!isRecord(data) || !str(data.order_code)) return null;
  return {
    trackingNumber: str(data.order_code), feeVnd: int(data.total_fee), codVnd: req.codVnd,
    expectedDeliveryAt: parseCarrierTime(data.expected_delivery_time), sortCode: str(data.sort_code) || null, raw: data,
  };
}

/** detail / detail-by-client-code → what we booked; fee from `total_fee` or `fee.total` [?]. */
export function detailResult(data: unknown): BookingResult | null {
  if (!isRecord(data) || !str(data.order_code)) return null;
  const status = str(data.status);
  return {
    trackingNumber: str(data.order_code),
    feeVnd: int(data.total_fee, isRecord(data.fee) ? int(data.fee.total) : 0),
    codVnd: int(data.cod_amount),
    expectedDeliveryAt: parseCarrierTime(data.leadtime),
    sortCode: str(data.sort_code) || null,
    raw: data,
    ...(status ? { carrierStatus: status, state: mapGhnStatus(status).state } : {}),
  };
}

/**
 * detail `log[]` ({status, updated_date} [?]) → events, oldest first. The current `status` is added when the
 * log does not end with it (a fresh order has an empty log).
 */
export function detailEvents(data: unknown, now = Date.now()): TrackingEvent[] {
  if (!isRecord(data)) return [];
  const events: TrackingEvent[] = [];
  for (const entry of list(data.log).filter(isRecord)) {
    const at = parseCarrierTime(entry.updated_date);
    const status = str(entry.status);
    if (at === null || !status) continue;
    events.push(ghnEvent(status, at, str(entry.reason), str(entry.reason_code)));
  }
  events.sort((a, b) => a.at - b.at);
  const current = str(data.status);
  if (current && events.at(-1)?.carrierStatus !== current) events.push(ghnEvent(current, parseCarrierTime(data.updated_date) ?? now, '', ''));
  return events;
}

export function ghnEvent(status: string, at: number, reason: string, reasonCode: string): TrackingEvent {
  const m = mapGhnStatus(status);
  const event: TrackingEvent = { carrierStatus: status, description: m.meaning, at, mapped: m.state };
  if (reason) event.reason = reason;
  if (reasonCode) event.reasonCode = reasonCode;
  if (m.warning) event.warning = m.warning;
  return event;
}

/** switch-status answers (cancel / return / storing): per-order `result` inside an HTTP 200 (G2.7). */
export function switchStatusOutcome(data: unknown, orderCode: string): { ok: boolean; message: string } {
  const row = list(data).filter(isRecord).find((r) => str(r.order_code) === orderCode);
  if (!row) return { ok: false, message: `GHN did not report on order ${orderCode}` };
  const ok = row.result === true || row.result === 'true';
  return { ok, message: str(row.message) || (ok ? 'OK' : 'Refused by GHN') };
}

export const GHN_PRINT_PAGES: Record<string, string> = { a5: 'printA5', '80x80': 'print80x80', '52x70': 'print52x70' };
