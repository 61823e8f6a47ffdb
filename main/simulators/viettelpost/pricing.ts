// VTP-like tariff arithmetic for getPriceAll / getPrice / createOrder. Not VTP's price list: a
// stable formula with the same moving parts (band, converted weight, fuel surcharge, COD fee, VAS, VAT).

import { VTP_EXTRA_SERVICES, VTP_SERVICES, type VtpService } from './data/services.js';
import type { VtpPlace } from './geography.js';

export interface VtpRoute {
  from: VtpPlace;
  to: VtpPlace;
}

export interface VtpParcel {
  weight: number;
  length?: number;
  width?: number;
  height?: number;
  moneyCollection: number;
  extras: string[];
}

export interface VtpPrice {
  MONEY_TOTAL_OLD: number;
  MONEY_TOTAL: number;
  MONEY_TOTAL_FEE: number;
  MONEY_FEE: number;
  MONEY_COLLECTION_FEE: number;
  MONEY_OTHER_FEE: number;
  MONEY_VAS: number;
  MONEY_VAT: number;
  KPI_HT: number;
  EXCHANGE_WEIGHT: number;
}

type Band = 'sameProvince' | 'sameRegion' | 'otherRegion';

export function bandOf(route: VtpRoute): Band {
  if (route.from.legacyProvinceId === route.to.legacyProvinceId) return 'sameProvince';
  return route.from.region === route.to.region ? 'sameRegion' : 'otherRegion';
}

/** Volumetric weight: VTP divides cm³ by 6000 for kilograms, i.e. by 6 for grams. */
export const exchangeWeight = (p: VtpParcel): number =>
  Math.max(Math.round(p.weight), Math.round(((p.length ?? 0) * (p.width ?? 0) * (p.height ?? 0)) / 6));

/** Services that serve this route (PHS only inside one province). */
export const servicesFor = (route: VtpRoute): VtpService[] => VTP_SERVICES.filter((s) => !s.intraProvinceOnly || bandOf(route) === 'sameProvince');

export function priceOf(service: VtpService, route: VtpRoute, parcel: VtpParcel): VtpPrice {
  const band = bandOf(route);
  const grams = exchangeWeight(parcel);
  const main = service.base[band] + Math.max(0, Math.ceil((grams - 500) / 500)) * service.perStep;
  // Fuel surcharge, which VTP reports as MONEY_FEE.
  const fuel = Math.round(main * 0.1);
  const cod = parcel.moneyCollection > 0 ? Math.max(service.codFeeRate > 0 ? 10_000 : 0, Math.round(parcel.moneyCollection * service.codFeeRate)) : 0;
  const vas = parcel.extras.reduce((sum, code) => sum + (VTP_EXTRA_SERVICES.find((e) => e.SERVICE_CODE === code)?.price ?? 0), 0);
  const vat = Math.round((main + fuel + cod + vas) * 0.08);
  const total = main + fuel + cod + vas + vat;
  return {
    MONEY_TOTAL_OLD: total,
    MONEY_TOTAL: total,
    MONEY_TOTAL_FEE: main,
    MONEY_FEE: fuel,
    MONEY_COLLECTION_FEE: cod,
    MONEY_OTHER_FEE: 0,
    MONEY_VAS: vas,
    MONEY_VAT: vat,
    KPI_HT: service.hours[band],
    EXCHANGE_WEIGHT: grams,
  };
}

/** One getPriceAll row. */
export function priceAllRow(service: VtpService, route: VtpRoute, parcel: VtpParcel) {
  const price = priceOf(service, route, parcel);
  return {
    MA_DV_CHINH: service.code,
    TEN_DICHVU: service.name,
    GIA_CUOC: price.MONEY_TOTAL,
    THOI_GIAN: `${price.KPI_HT} giờ`,
    EXCHANGE_WEIGHT: price.EXCHANGE_WEIGHT,
    EXTRA_SERVICE: VTP_EXTRA_SERVICES.map(({ SERVICE_CODE, SERVICE_NAME, DESCRIPTION }) => ({ SERVICE_CODE, SERVICE_NAME, DESCRIPTION })),
  };
}
