// GHN-like fee and lead-time arithmetic. Not GHN's tariff: a stable, plausible formula, so that
// quotes differ by route, weight and service the way the app has to handle (and tests can pin them).

import type { Region } from './data/legacy-units.js';
import { endOfVnDay } from '../shared/vietnam-time.js';

export interface GhnFeeInput {
  serviceTypeId: 2 | 5;
  from: Region;
  to: Region;
  sameProvince: boolean;
  weight: number;
  length?: number;
  width?: number;
  height?: number;
  insuranceValue: number;
  codAmount: number;
}

/** The create/preview `fee` object (spec A1.5). */
export interface GhnOrderFee {
  main_service: number;
  insurance: number;
  cod_fee: number;
  station_do: number;
  station_pu: number;
  return: number;
  r2s: number;
  return_again: number;
  coupon: number;
  document_return: number;
  double_check: number;
  double_check_deliver: number;
  pick_remote_areas_fee: number;
  deliver_remote_areas_fee: number;
  pick_remote_areas_fee_return: number;
  deliver_remote_areas_fee_return: number;
  cod_failed_fee: number;
}

/** Volumetric weight: GHN divides cm³ by 5000. */
export const convertedWeight = (i: Pick<GhnFeeInput, 'weight' | 'length' | 'width' | 'height'>): number =>
  Math.max(i.weight, Math.round(((i.length ?? 0) * (i.width ?? 0) * (i.height ?? 0)) / 5));

function mainService(i: GhnFeeInput): number {
  const grams = convertedWeight(i);
  const base = i.sameProvince ? 16_500 : i.from === i.to ? 22_000 : 30_000;
  if (i.serviceTypeId === 5) {
    // Heavy parcels: priced per started kilogram from the first.
    return base * 2 + Math.ceil(grams / 1000) * (i.sameProvince ? 2_000 : 3_500);
  }
  const extraSteps = Math.max(0, Math.ceil((grams - 3000) / 500));
  return base + extraSteps * (i.sameProvince ? 2_500 : 5_000);
}

export function computeFee(i: GhnFeeInput): GhnOrderFee {
  return {
    main_service: mainService(i),
    // Declared value up to 1,000,000 đ is insured for free; above, 0.5 %.
    insurance: i.insuranceValue > 1_000_000 ? Math.round(i.insuranceValue * 0.005) : 0,
    cod_fee: 0,
    station_do: 0,
    station_pu: 0,
    return: 0,
    r2s: 0,
    return_again: 0,
    coupon: 0,
    document_return: 0,
    double_check: 0,
    double_check_deliver: 0,
    pick_remote_areas_fee: 0,
    deliver_remote_areas_fee: 0,
    pick_remote_areas_fee_return: 0,
    deliver_remote_areas_fee_return: 0,
    cod_failed_fee: 0,
  };
}

/** Every fee line adds up, except the coupon, which is a discount. */
export function totalOf(fee: GhnOrderFee): number {
  const { coupon, ...charges } = fee;
  return Object.values(charges).reduce((a, b) => a + b, 0) - coupon;
}

/** Calendar days to delivery. */
export function leadDays(i: Pick<GhnFeeInput, 'sameProvince' | 'from' | 'to' | 'serviceTypeId'>): number {
  const days = i.sameProvince ? 1 : i.from === i.to ? 2 : 4;
  return i.serviceTypeId === 5 ? days + 1 : days;
}

export const expectedDelivery = (now: number, days: number): number => endOfVnDay(now, days);
