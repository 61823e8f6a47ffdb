import type { BookingRequest, BookingResult, CarrierAddress, MasterDataUnit, QuoteRequest, ServiceQuote } from '../carrier-connector.js';
import { receiverPaysFeeOnTop } from '../shared/fee-payer.js';
import { ceilPositive, checkInt, invalidShipment, localPhone } from '../shared/local-checks.js';
import { int, isRecord, list, str, type Json } from '../shared/values.js';
import { formatVnDateTime } from '../shared/vn-time.js';
import { addressLine, enforceTextLimits } from './text-limits.js';

// Pure Viettel Post mappings (spec A2.3–A2.5): request bodies from our types, our types from VTP answers.

/** ORDER_NOTE prefix per inspection choice (VTP has no field for it, A2.5 `ORDER_NOTE` example). */
export const VTP_INSPECTION_NOTE: Record<BookingRequest['inspection'], string> = {
  try: 'Cho thử hàng',
  look: 'Cho xem hàng, không cho thử',
  none: 'Không cho xem hàng',
};

/** [?] Speeds by service code: codes are contract-specific (A2.4); unknown codes read as 'standard'. */
export const VTP_SERVICE_SPEED: Record<string, ServiceQuote['speed']> = {
  VCN: 'fast', VHT: 'fast', VCBO: 'fast', V60: 'fast',
  VTK: 'economy', PHS: 'economy',
  LCOD: 'standard', NCOD: 'standard',
};

/**
 * ORDER_PAYMENT (A2.5; pitfall G3.4). `receiverPaysFeeOnTop` is true only when the buyer pays the fee AND the
 * COD does not already include shipping:
 *   COD > 0, fee on top → 2 (collect goods + fee)     COD > 0, otherwise → 3 (collect goods only; shop pays fee)
 *   COD = 0, fee on top → 4 (collect fee only)        COD = 0, otherwise → 1 (collect nothing)
 */
export function orderPayment(req: Pick<BookingRequest, 'payer' | 'codVnd' | 'codIncludesShipping'>): 1 | 2 | 3 | 4 {
  const onTop = receiverPaysFeeOnTop(req);
  if (req.codVnd > 0) return onTop ? 2 : 3;
  return onTop ? 4 : 1;
}

/**
 * Address ids for one side. Legacy ids when known (the scheme getPriceAll is documented with); a 2025-only
 * address sends its new province/ward ids with DISTRICT 0 (A2.5, C2). [?] legacy-first is our choice.
 */
export function addressIds(addr: CarrierAddress, side: 'SENDER' | 'RECEIVER'): Json {
  if (addr.legacy) return { [`${side}_PROVINCE`]: Number(addr.legacy.provinceId), [`${side}_DISTRICT`]: Number(addr.legacy.districtId), [`${side}_WARD`]: Number(addr.legacy.wardId) };
  if (addr.current) return { [`${side}_PROVINCE`]: Number(addr.current.provinceId), [`${side}_DISTRICT`]: 0, [`${side}_WARD`]: Number(addr.current.wardId) };
  throw invalidShipment('ADDRESS_NOT_RESOLVED', `Viettel Post: the ${side === 'SENDER' ? 'sender' : 'receiver'} address has no Viettel Post ids`, 'Resolve the address against Viettel Post master data in the order before booking.');
}

function dimensions(req: QuoteRequest): Json {
  const p = req.parcel;
  return { PRODUCT_WEIGHT: ceilPositive(p.weightG), PRODUCT_LENGTH: ceilPositive(p.lengthCm), PRODUCT_WIDTH: ceilPositive(p.widthCm), PRODUCT_HEIGHT: ceilPositive(p.heightCm) };
}

export function priceAllBody(req: QuoteRequest): Json {
  return {
    ...addressIds(req.from, 'SENDER'), ...addressIds(req.to, 'RECEIVER'),
    PRODUCT_TYPE: 'HH', PRODUCT_PRICE: req.parcel.valueVnd, MONEY_COLLECTION: req.codVnd, ...dimensions(req), TYPE: 1,
  };
}

/** getPriceAll rows (a bare array, G3.2) → quotes. THOI_GIAN is text like "24 giờ" [?]: hours read when present. */
export function priceAllQuotes(rows: unknown, now = Date.now()): ServiceQuote[] {
  return list(rows).filter(isRecord).filter((r) => str(r.MA_DV_CHINH)).map((r) => {
    const code = str(r.MA_DV_CHINH).trim();
    return { serviceCode: code, name: str(r.TEN_DICHVU) || code, speed: VTP_SERVICE_SPEED[code.toUpperCase()] ?? 'standard', feeVnd: int(r.GIA_CUOC), expectedDeliveryAt: hoursFromNow(r.THOI_GIAN, now) };
  });
}

function hoursFromNow(value: unknown, now: number): number | null {
  const text = str(value);
  const m = /(\d+(?:[.,]\d+)?)\s*(giờ|gio|h\b|hours?)/i.exec(text) ?? (/^\s*\d+(\.\d+)?\s*$/.test(text) ? [text, text] : null);
  if (!m) return null;
  const hours = Number(m[1].replace(',', '.'));
  return Number.isFinite(hours) && hours > 0 ? now + Math.round(hours * 3600_000) : null;
}

/** createOrder body (A2.5). Always CHECK_UNIQUE: our code is the idempotency key VTP checks. */
export function createOrderBody(req: BookingRequest, settings: { groupAddressId?: unknown; customerId?: unknown }, now = Date.now()): Json {
  if (!req.serviceCode.trim()) throw invalidShipment('SERVICE_UNKNOWN', 'Viettel Post: no service chosen', 'Quote the shipment and pick one of the offered services.');
  const p = req.parcel;
  const names = p.items.map((i) => i.name).filter(Boolean);
  const note = [VTP_INSPECTION_NOTE[req.inspection], req.note.trim()].filter(Boolean).join('. ');
  const body: Json = {
    ORDER_NUMBER: req.code,
    GROUPADDRESS_ID: int(settings.groupAddressId),
    CUS_ID: int(settings.customerId),
    DELIVERY_DATE: formatVnDateTime(now),
    SENDER_FULLNAME: req.from.name,
    SENDER_ADDRESS: addressLine(req.from),
    SENDER_PHONE: localPhone('Viettel Post', 'sender phone', req.from.phone),
    SENDER_EMAIL: '',
    ...addressIds(req.from, 'SENDER'),
    RECEIVER_FULLNAME: req.to.name,
    RECEIVER_ADDRESS: addressLine(req.to),
    RECEIVER_PHONE: localPhone('Viettel Post', 'receiver phone', req.to.phone),
    RECEIVER_EMAIL: '',
    ...addressIds(req.to, 'RECEIVER'),
    PRODUCT_NAME: req.content.trim() || names.join(', ') || 'Hàng hóa',
    PRODUCT_DESCRIPTION: req.content.trim(),
    PRODUCT_QUANTITY: p.items.reduce((n, i) => n + i.quantity, 0) || 1,
    PRODUCT_PRICE: checkInt('Viettel Post', 'goods value', p.valueVnd, 0, Number.MAX_SAFE_INTEGER),
    ...dimensions(req),
    PRODUCT_TYPE: 'HH',
    ORDER_PAYMENT: orderPayment(req),
    ORDER_SERVICE: req.serviceCode.trim(),
    ORDER_SERVICE_ADD: '',
    ORDER_NOTE: note,
    MONEY_COLLECTION: checkInt('Viettel Post', 'COD', req.codVnd, 0, Number.MAX_SAFE_INTEGER),
    LIST_ITEM: p.items.map((i) => ({ PRODUCT_NAME: i.name, PRODUCT_PRICE: i.priceVnd, PRODUCT_WEIGHT: ceilPositive(i.weightG), PRODUCT_QUANTITY: i.quantity })),
    ENABLE_SORT_CODE: true,
    CHECK_UNIQUE: true,
  };
  return enforceTextLimits(body);
}

/** createOrder `data` → result. [?] MONEY_TOTAL is taken as the fee to pay; KPI_HT is hours to delivery. */
export function createOrderResult(data: unknown, req: BookingRequest, now = Date.now()): BookingResult | null {
  if (!isRecord(data) || !str(data.ORDER_NUMBER)) return null;
  const kpiHours = int(data.KPI_HT, 0);
  return {
    trackingNumber: str(data.ORDER_NUMBER),
    feeVnd: int(data.MONEY_TOTAL),
    codVnd: int(data.MONEY_COLLECTION, req.codVnd),
    expectedDeliveryAt: kpiHours > 0 ? now + kpiHours * 3600_000 : null,
    sortCode: str(data.SORT_CODE) || null,
    raw: data,
  };
}

// ── master data (A2.3) ──────────────────────────────────────────────────────────────────────────

export function vtpProvince(r: Json, scheme: 'legacy3' | 'new2'): MasterDataUnit {
  return { id: str(r.PROVINCE_ID), name: str(r.PROVINCE_NAME), aliases: str(r.PROVINCE_CODE) ? [str(r.PROVINCE_CODE)] : [], parentId: null, scheme, level: 'province', active: true };
}

export function vtpDistrict(r: Json, provinceId: string): MasterDataUnit {
  return { id: str(r.DISTRICT_ID), name: str(r.DISTRICT_NAME), aliases: str(r.DISTRICT_VALUE) ? [str(r.DISTRICT_VALUE)] : [], parentId: str(r.PROVINCE_ID) || provinceId, scheme: 'legacy3', level: 'district', active: true };
}

/** New wards carry DISTRICT_ID as a legacy link (may be 0), so their parent is the province asked for. */
export function vtpWard(r: Json, parentId: string, scheme: 'legacy3' | 'new2'): MasterDataUnit {
  const parent = scheme === 'legacy3' ? str(r.DISTRICT_ID) || parentId : str(r.PROVINCE_ID) || parentId;
  return { id: str(r.WARDS_ID), name: str(r.WARDS_NAME), aliases: [], parentId: parent, scheme, level: 'ward', active: true };
}

export const VTP_LABEL_TYPES: Record<string, string> = { a5: '1', a6: '2', a7: '100' };
export const VTP_PRINT_MAX = 100; // ORDER_ARRAY holds at most 100 waybills (A2.7)
