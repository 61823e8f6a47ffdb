import type { CarrierId } from '../../connectors/carriers/carrier-connector.js';

// Pure shipping rules: defaults for the booking form and each carrier's limits, checked before
// anything is sent so a booking the carrier would reject is refused locally with a clear message.

export interface Limits {
  maxCod: number;
  maxWeightG: number;
  maxSideCm: number;
  /** null: no local cap, the carrier answers. */
  maxInsurance: number | null;
  /** Above this the carrier may refuse, depending on the shop's contract: a warning, never a block. */
  insuranceWarnAbove: number | null;
}

/**
 * Limits per carrier. GHN's come from its validators (specs A1.5), except insurance: validators say
 * 5,000,000 while GHN's own example sends 10,000,000, so the contract decides and GHN's answer is shown
 * (G2.9). Viettel Post publishes no numbers [?]: its COD cap and sizes are contract-specific, so only
 * the weight sanity check and a generous COD cap apply until the account says otherwise.
 */
export const CARRIER_LIMITS: Record<CarrierId, Limits> = {
  ghn: { maxCod: 50_000_000, maxWeightG: 50_000, maxSideCm: 200, maxInsurance: null, insuranceWarnAbove: 5_000_000 },
  viettelpost: { maxCod: 50_000_000, maxWeightG: 100_000, maxSideCm: 300, maxInsurance: 50_000_000, insuranceWarnAbove: null },
};

/** The declared value the form starts from: the goods' value, kept under any cap or warning line. */
export function defaultInsurance(carrier: CarrierId, goodsValue: number): number {
  const l = CARRIER_LIMITS[carrier];
  return Math.min(goodsValue, l.insuranceWarnAbove ?? Number.POSITIVE_INFINITY, l.maxInsurance ?? Number.POSITIVE_INFINITY);
}

export interface OrderMoney {
  paymentMethod: 'cod' | 'prepaid';
  total: number;
  shippingFee: number;
}

/**
 * What the courier collects by default: nothing on a prepaid order; otherwise what the buyer owes us.
 * When the buyer pays the carrier's fee themselves, the carrier adds it on top, so our own shipping
 * charge is left out of the COD (charging it twice is pitfall G3.4).
 */
export function defaultCod(order: OrderMoney, payer: 'seller' | 'buyer'): number {
  if (order.paymentMethod === 'prepaid') return 0;
  return payer === 'buyer' ? Math.max(0, order.total - order.shippingFee) : order.total;
}

export interface ParcelLine {
  quantity: number;
  weightG: number;
  lengthCm: number;
  widthCm: number;
  heightCm: number;
}

/** Weight is the sum of the units; the box is as long and wide as the largest unit and as tall as the stack. */
export function defaultParcel(lines: ParcelLine[]): { weightG: number; lengthCm: number; widthCm: number; heightCm: number } {
  const weightG = lines.reduce((s, l) => s + l.quantity * l.weightG, 0);
  const lengthCm = Math.max(10, ...lines.map((l) => l.lengthCm));
  const widthCm = Math.max(10, ...lines.map((l) => l.widthCm));
  const heightCm = Math.max(5, lines.reduce((s, l) => s + l.quantity * l.heightCm, 0));
  return { weightG: Math.max(50, weightG), lengthCm, widthCm, heightCm: Math.min(heightCm, 200) };
}

export interface ParcelCheck {
  codVnd: number;
  insuranceVnd: number;
  weightG: number;
  lengthCm: number;
  widthCm: number;
  heightCm: number;
}

export type LimitViolation = { field: 'codVnd' | 'insuranceVnd' | 'weightG' | 'lengthCm' | 'widthCm' | 'heightCm'; limit: number; value: number };

export function checkLimits(carrier: CarrierId, p: ParcelCheck): LimitViolation[] {
  const l = CARRIER_LIMITS[carrier];
  const out: LimitViolation[] = [];
  if (p.codVnd > l.maxCod) out.push({ field: 'codVnd', limit: l.maxCod, value: p.codVnd });
  if (l.maxInsurance !== null && p.insuranceVnd > l.maxInsurance) out.push({ field: 'insuranceVnd', limit: l.maxInsurance, value: p.insuranceVnd });
  if (p.weightG > l.maxWeightG) out.push({ field: 'weightG', limit: l.maxWeightG, value: p.weightG });
  for (const f of ['lengthCm', 'widthCm', 'heightCm'] as const) if (p[f] > l.maxSideCm) out.push({ field: f, limit: l.maxSideCm, value: p[f] });
  return out;
}

/** GHN's service type by weight: 2 light e-commerce parcels under 20 kg, 5 heavy (specs A1.4). */
export const ghnServiceForWeight = (weightG: number): '2' | '5' => (weightG >= 20_000 ? '5' : '2');
