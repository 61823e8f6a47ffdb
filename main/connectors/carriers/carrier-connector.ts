// What the shipping domain needs from a carrier. Each carrier (GHN, Viettel Post) implements it over
// its own wire protocol; connectors speak HTTP and map, they never write to the store (DESIGN.md rule 13).
// Failures are thrown as JobError (main/sync/job-error.ts) so the outbox knows whether to retry.

export type CarrierId = 'ghn' | 'viettelpost';
export type Environment = 'production' | 'sandbox' | 'custom';

export interface CarrierAccountConfig {
  id: number;
  carrier: CarrierId;
  environment: Environment;
  /** Used when environment is 'custom' (the simulators, a proxy). */
  baseUrl: string;
  /** GHN: { shopId }; VTP: { username, groupAddressId?, customerId? } */
  settings: Record<string, unknown>;
  /** GHN: { token }; VTP: { password, token? } — decrypted only inside the core. */
  secrets: Record<string, string>;
}

/** A place in a carrier's master data. Ids are strings even where the carrier uses ints (GHN WardCode has leading zeros). */
export interface MasterDataUnit {
  id: string;
  name: string;
  /** Alternative spellings the carrier lists (GHN NameExtension / extension_names). */
  aliases: string[];
  parentId: string | null;
  scheme: 'legacy3' | 'new2';
  level: 'province' | 'district' | 'ward';
  /** False when the carrier marks the unit locked / not served. */
  active: boolean;
}

/** A resolved address for a carrier: legacy ids (province, district, ward) and/or 2025 ids (province, ward). */
export interface CarrierAddress {
  name: string;
  phone: string;
  street: string;
  /** Full text line as the receiver's address. */
  fullText: string;
  legacy?: { provinceId: string; districtId: string; wardId: string; provinceName: string; districtName: string; wardName: string };
  current?: { provinceId: string; wardId: string; provinceName: string; wardName: string };
}

export interface Parcel {
  weightG: number;
  lengthCm: number;
  widthCm: number;
  heightCm: number;
  /** Declared value of the goods, for insurance and compensation. */
  valueVnd: number;
  items: { name: string; sku: string; quantity: number; priceVnd: number; weightG: number }[];
}

export interface QuoteRequest {
  from: CarrierAddress;
  to: CarrierAddress;
  parcel: Parcel;
  codVnd: number;
  insuranceVnd: number;
}

export interface ServiceQuote {
  /** The carrier's code: GHN service_type_id ("2" light, "5" heavy); VTP service code (VCN, VTK, LCOD…). */
  serviceCode: string;
  name: string;
  speed: 'fast' | 'economy' | 'standard';
  feeVnd: number;
  /** Expected delivery, ms UTC, when the carrier says. */
  expectedDeliveryAt: number | null;
}

export interface BookingRequest extends QuoteRequest {
  /** Our shipment code: GHN client_order_code / VTP ORDER_NUMBER. Stable across retries. */
  code: string;
  serviceCode: string;
  /**
   * Who pays the carrier's fee: 'seller' → charged to the shop; 'buyer' → the courier collects the fee from the
   * receiver ON TOP of `codVnd` (GHN payment_type_id 2, VTP ORDER_PAYMENT 2/4).
   */
  payer: 'seller' | 'buyer';
  /**
   * True when `codVnd` already contains the shipping the buyer was charged (marketplace and website orders
   * usually do): then nothing is added on top even if `payer` is 'buyer' (GHN 1, VTP 3 — pitfall G3.4).
   */
  codIncludesShipping?: boolean;
  /** GHN required_note: CHOTHUHANG | CHOXEMHANGKHONGTHU | KHONGCHOXEMHANG. VTP maps it into ORDER_NOTE. */
  inspection: 'try' | 'look' | 'none';
  note: string;
  content: string;
}

export interface BookingResult {
  trackingNumber: string;
  feeVnd: number;
  codVnd: number;
  expectedDeliveryAt: number | null;
  sortCode: string | null;
  /** The carrier's reply, kept for diagnosis. */
  raw: unknown;
  /** Where the parcel is, when the result comes from a lookup (findByCode). */
  carrierStatus?: string;
  state?: ShipmentState;
}

/** One carrier status, mapped. `at` is ms UTC. */
export interface TrackingEvent {
  carrierStatus: string;
  description: string;
  at: number;
  /** What the status means for us (see mapping tables in each connector). */
  mapped: ShipmentState;
  location?: string;
  reason?: string;
  /** COD collected by the courier (delivered with COD). */
  codCollectedVnd?: number;
  /** The carrier's reason code (VTP REASON_CODE, GHN ReasonCode). */
  reasonCode?: string;
  /** Courier on the event (VTP EMPLOYEE_NAME / EMPLOYEE_PHONE, phone in the local 0… form). */
  courier?: { name?: string; phone?: string };
  /** Set when the carrier status is not in the mapping table (then `mapped` is 'unchanged'): log it, extend the table. */
  warning?: string;
}

export type ShipmentState =
  | 'booked' | 'picking' | 'picked' | 'in_transit' | 'delivering' | 'delivered' | 'delivery_failed'
  | 'awaiting_decision' | 'returning' | 'returned' | 'cancelled' | 'lost' | 'damaged' | 'exception' | 'unchanged';

export interface LabelFormat {
  /** GHN: a5 | 80x80 | 52x70; VTP: a5 | a6 | a7 */
  size: string;
}

export interface Label {
  contentType: string;
  body: Buffer;
}

export interface CarrierConnector {
  readonly carrier: CarrierId;
  /** Exactly what is wrong, in words an operator can act on, or ok. Never throws. */
  testConnection(): Promise<{ ok: boolean; message: string; code?: string }>;
  provinces(scheme: 'legacy3' | 'new2'): Promise<MasterDataUnit[]>;
  /** Legacy districts of a province. */
  districts(provinceId: string): Promise<MasterDataUnit[]>;
  /** Wards of a legacy district (scheme legacy3) or of a 2025 province (scheme new2). */
  wards(parentId: string, scheme: 'legacy3' | 'new2'): Promise<MasterDataUnit[]>;
  quote(req: QuoteRequest): Promise<ServiceQuote[]>;
  /** Idempotent by `req.code` as the carrier allows; see `findByCode` for the lookup before a retry. */
  book(req: BookingRequest): Promise<BookingResult>;
  /** The shipment we booked under our code, or null when the carrier has none (GHN: detail-by-client-code). VTP has no lookup: returns null and relies on CHECK_UNIQUE. */
  findByCode(code: string): Promise<BookingResult | null>;
  cancel(trackingNumber: string): Promise<{ cancelled: boolean; message: string }>;
  /** Current status and history (GHN detail). VTP has no pull API: throws a permanent JobError 'NOT_SUPPORTED'. */
  track(trackingNumber: string): Promise<TrackingEvent[]>;
  label(trackingNumbers: string[], format: LabelFormat): Promise<Label>;
  /**
   * Answer a parcel waiting for the shop's decision after failed deliveries (GHN waiting_to_return → switch-status
   * return / storing; VTP 505 → UpdateOrder TYPE 2 / 3).
   */
  resolveFailedDelivery?(trackingNumber: string, decision: 'return' | 'redeliver'): Promise<{ accepted: boolean; message: string }>;
}
