// available-services, fee and leadtime: quotes that create nothing.

import type { Route } from '../shared/sim-server.js';
import { resolveQuoteReceiver, resolveSender, sameProvince } from './address-resolution.js';
import { computeFee, convertedWeight, expectedDelivery, leadDays, totalOf } from './fees.js';
import type { GhnContext } from './ghn-context.js';
import { intField, type Field } from './ghn-fields.js';
import { GHN_BASE } from './master-data-routes.js';
import { ghnBadRequest, ghnOk } from './ghn-replies.js';
import { findDistrict } from './geography.js';
import { GHN_SERVICES, MAX_COD, MAX_SIDE_CM, MAX_WEIGHT_G, serviceType } from './order-validation.js';

function bounded(body: Record<string, unknown>, field: string, min: number, max: number, fallback?: number): Field<number> {
  const f = intField(body, field, fallback);
  if (f.ok && (f.value < min || f.value > max)) return { ok: false, message: `${field} phải từ ${min} đến ${max}` };
  return f;
}

export function pricingRoutes(ctx: GhnContext): Route[] {
  return [
    {
      methods: ['POST'],
      path: `${GHN_BASE}/v2/shipping-order/available-services`,
      handler: ctx.auth.withToken((_req, body) => {
        // The documented pitfall: a wrong shop_id is not an error reply but HTTP 200 with nothing in it.
        const shop = body.shop_id;
        if (typeof shop !== 'number' || !ctx.auth.knowsShop(shop)) {
          return { status: 200, text: '', contentType: 'application/json; charset=utf-8', note: 'empty-body' };
        }
        const from = intField(body, 'from_district');
        if (!from.ok) return ghnBadRequest(from.message);
        const to = intField(body, 'to_district');
        if (!to.ok) return ghnBadRequest(to.message);
        if (!findDistrict(from.value) || !findDistrict(to.value)) return ghnOk([]);
        return ghnOk(GHN_SERVICES.map((s) => ({ ...s })));
      }),
    },
    {
      methods: ['POST'],
      path: `${GHN_BASE}/v2/shipping-order/fee`,
      handler: ctx.auth.withShop((_req, body) => {
        const service = serviceType(body);
        if (!service.ok) return ghnBadRequest(service.message);
        const to = resolveQuoteReceiver(body);
        if (!to.ok) return ghnBadRequest(to.message);
        const from = resolveSender(body, ctx.shopDefault);
        if (!from.ok) return ghnBadRequest(from.message);
        const weight = bounded(body, 'weight', 1, MAX_WEIGHT_G);
        if (!weight.ok) return ghnBadRequest(weight.message);
        const sides: number[] = [];
        for (const side of ['length', 'width', 'height']) {
          const f = bounded(body, side, 0, MAX_SIDE_CM, 0);
          if (!f.ok) return ghnBadRequest(f.message);
          sides.push(f.value);
        }
        const insurance = bounded(body, 'insurance_value', 0, ctx.insuranceCap, 0);
        if (!insurance.ok) return ghnBadRequest(insurance.message);
        const cod = bounded(body, 'cod_value', 0, MAX_COD, 0);
        if (!cod.ok) return ghnBadRequest(cod.message);
        const fee = computeFee({
          serviceTypeId: service.value.typeId,
          from: from.place.region,
          to: to.place.region,
          sameProvince: sameProvince(from.place, to.place),
          weight: weight.value,
          length: sides[0],
          width: sides[1],
          height: sides[2],
          insuranceValue: insurance.value,
          codAmount: cod.value,
        });
        return ghnOk({
          total: totalOf(fee),
          service_fee: fee.main_service,
          insurance_fee: fee.insurance,
          pick_station_fee: fee.station_pu,
          coupon_value: fee.coupon,
          r2s_fee: fee.r2s,
          return_again: fee.return_again,
          document_return: fee.document_return,
          double_check: fee.double_check,
          cod_fee: fee.cod_fee,
          pick_remote_areas_fee: fee.pick_remote_areas_fee,
          deliver_remote_areas_fee: fee.deliver_remote_areas_fee,
          cod_failed_fee: fee.cod_failed_fee,
          converted_weight: convertedWeight({ weight: weight.value, length: sides[0], width: sides[1], height: sides[2] }),
        });
      }),
    },
    {
      methods: ['POST'],
      path: `${GHN_BASE}/v2/shipping-order/leadtime`,
      handler: ctx.auth.withShop((_req, body) => {
        const service = serviceType(body);
        if (!service.ok) return ghnBadRequest(service.message);
        const to = resolveQuoteReceiver(body);
        if (!to.ok) return ghnBadRequest(to.message);
        const from = resolveSender(body, ctx.shopDefault);
        if (!from.ok) return ghnBadRequest(from.message);
        const now = ctx.clock();
        const days = leadDays({ serviceTypeId: service.value.typeId, from: from.place.region, to: to.place.region, sameProvince: sameProvince(from.place, to.place) });
        const due = expectedDelivery(now, days);
        return ghnOk({
          leadtime: Math.floor(due / 1000),
          order_date: Math.floor(now / 1000),
          leadtime_order: { from_estimate_date: new Date(expectedDelivery(now, days - 1)).toISOString(), to_estimate_date: new Date(due).toISOString() },
        });
      }),
    },
  ];
}
