import type { Input, Output } from '../../lib/api.js';

// The booking form's rules, kept free of React so they are unit-tested: the draft the form edits,
// the carrier limits checked as the operator types, and the inputs of shipping.quote / book.

export type ShippingForOrder = Output<'shipping.forOrder'>;
export type BookingDefaults = ShippingForOrder['defaults'];
export type CarrierLimits = BookingDefaults['limits'];
export type Shipment = ShippingForOrder['shipments'][number];
export type ShipmentState = Shipment['state'];
export type ServiceQuote = Output<'shipping.quote'>[number];
export type Payer = 'seller' | 'buyer';
export type Inspection = 'try' | 'look' | 'none';

export interface BookingDraft {
  accountId: number | null;
  /** null while a box is empty, so "not typed" differs from 0. */
  codVnd: number | null;
  insuranceVnd: number | null;
  weightG: number | null;
  lengthCm: number | null;
  widthCm: number | null;
  heightCm: number | null;
  payer: Payer;
  inspection: Inspection;
  note: string;
}

export type DraftField = 'codVnd' | 'insuranceVnd' | 'weightG' | 'lengthCm' | 'widthCm' | 'heightCm' | 'note';
export type DraftIssue = { kind: 'required' } | { kind: 'min'; limit: number } | { kind: 'over'; limit: number };
export type DraftIssues = Partial<Record<DraftField, DraftIssue>>;

/** The contract's own bounds (main/api/shipping.ts bookingForm); the carrier's limits are tighter. */
const CONTRACT = { weightMax: 1_000_000, sideMax: 1000, moneyMax: 100_000_000_000, noteMax: 500 };

export const SIDES = ['lengthCm', 'widthCm', 'heightCm'] as const;

/** A shipment that still counts: the core refuses a second booking while one of these exists. */
export function isLive(state: ShipmentState): boolean {
  return state !== 'cancelled' && state !== 'booking_failed';
}

/** Order statuses a parcel can be booked from (the core's BOOKABLE). */
export const BOOKABLE_ORDER_STATUSES: ReadonlySet<string> = new Set(['ready_to_pack', 'packing', 'packed']);

export function draftFromDefaults(d: BookingDefaults): BookingDraft {
  return {
    accountId: d.accountId, codVnd: d.codVnd, insuranceVnd: d.insuranceVnd, weightG: d.weightG,
    lengthCm: d.lengthCm, widthCm: d.widthCm, heightCm: d.heightCm, payer: d.payer, inspection: 'look', note: '',
  };
}

/** Re-booking after a cancel or a failure starts from what was sent last time. */
export function draftFromShipment(s: Shipment): BookingDraft {
  return {
    accountId: s.accountId, codVnd: s.codAmount, insuranceVnd: s.insuranceValue, weightG: s.weightG,
    lengthCm: s.lengthCm, widthCm: s.widthCm, heightCm: s.heightCm, payer: s.payer, inspection: s.inspection, note: s.note,
  };
}

export interface OrderMoney {
  paymentMethod: 'cod' | 'prepaid';
  total: number;
  shippingFee: number;
}

/**
 * The COD that matches who pays shipping, as the core computes its default: when the buyer pays the
 * carrier, the carrier adds its fee on top, so our own shipping charge leaves the COD.
 */
export function codForPayer(order: OrderMoney, payer: Payer): number {
  if (order.paymentMethod === 'prepaid') return 0;
  return payer === 'buyer' ? Math.max(0, order.total - order.shippingFee) : order.total;
}

/** Every problem of the draft, by field: empty boxes, contract bounds and the carrier's limits. */
export function draftIssues(d: BookingDraft, limits: CarrierLimits): DraftIssues {
  const out: DraftIssues = {};
  const money = (field: 'codVnd' | 'insuranceVnd', max: number) => {
    const v = d[field];
    if (v === null) out[field] = { kind: 'required' };
    else if (v > Math.min(max, CONTRACT.moneyMax)) out[field] = { kind: 'over', limit: max };
  };
  money('codVnd', limits.maxCod);
  money('insuranceVnd', limits.maxInsurance ?? CONTRACT.moneyMax);
  const whole = (field: 'weightG' | (typeof SIDES)[number], max: number) => {
    const v = d[field];
    if (v === null) out[field] = { kind: 'required' };
    else if (v < 1) out[field] = { kind: 'min', limit: 1 };
    else if (v > max) out[field] = { kind: 'over', limit: max };
  };
  whole('weightG', Math.min(limits.maxWeightG, CONTRACT.weightMax));
  for (const side of SIDES) whole(side, Math.min(limits.maxSideCm, CONTRACT.sideMax));
  if (d.note.trim().length > CONTRACT.noteMax) out.note = { kind: 'over', limit: CONTRACT.noteMax };
  return out;
}

/**
 * What the carrier may refuse though the form lets it through: GHN's insurance cap depends on the shop's
 * contract (G2.9), so a declared value above the usual line is only a warning and GHN answers.
 */
export function draftWarnings(d: BookingDraft, limits: CarrierLimits): { insuranceVnd?: { limit: number } } {
  const line = limits.insuranceWarnAbove;
  return line !== null && d.insuranceVnd !== null && d.insuranceVnd > line ? { insuranceVnd: { limit: line } } : {};
}

/** The limits of the account the form is on; null when the core did not list it (an inactive account). */
export function limitsOfAccount(defaults: BookingDefaults, accountId: number | null): CarrierLimits | null {
  if (accountId === null) return null;
  return defaults.accountLimits.find((a) => a.accountId === accountId)?.limits ?? (accountId === defaults.accountId ? defaults.limits : null);
}

/** What shipping.quote needs, or null while the draft cannot be priced (no account, a bad box). */
export function quoteInput(orderId: number, d: BookingDraft, limits: CarrierLimits): Input<'shipping.quote'> | null {
  if (d.accountId === null) return null;
  const issues = draftIssues(d, limits);
  const priced: DraftField[] = ['codVnd', 'insuranceVnd', 'weightG', ...SIDES];
  if (priced.some((f) => issues[f])) return null;
  return {
    orderId, accountId: d.accountId, codVnd: d.codVnd!, insuranceVnd: d.insuranceVnd!, weightG: d.weightG!,
    lengthCm: d.lengthCm!, widthCm: d.widthCm!, heightCm: d.heightCm!, payer: d.payer, inspection: d.inspection, note: d.note.trim(),
  };
}

/** The booking itself; the chosen quote travels along so the shipment keeps what was promised. */
export function bookInput(quote: Input<'shipping.quote'>, service: ServiceQuote): Input<'shipping.book'> {
  return { ...quote, serviceCode: service.serviceCode, serviceName: service.name, quotedFee: service.feeVnd };
}

/** Keeps the operator's service when a new quote still offers it; otherwise the first (cheapest listed first by the carrier). */
export function pickService(services: readonly ServiceQuote[], current: string | null): string | null {
  if (current && services.some((s) => s.serviceCode === current)) return current;
  return services[0]?.serviceCode ?? null;
}

/** Splits a list into runs of `size`, so a long bulk action can report progress between calls. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  if (size < 1) throw new Error('chunk size must be at least 1');
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
