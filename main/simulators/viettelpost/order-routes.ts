// createOrder (with CHECK_UNIQUE) and UpdateOrder (confirm, return, re-deliver, cancel, delete).

import type { Route } from '../shared/sim-server.js';
import { VTP_SERVICES } from './data/services.js';
import type { VtpOrder } from './order-store.js';
import { validateCreate } from './order-validation.js';
import { priceOf } from './pricing.js';
import type { VtpContext } from './vtp-context.js';
import { looseInt, text } from './vtp-fields.js';
import { vtpError, vtpOk } from './vtp-replies.js';

function createdData(o: VtpOrder): Record<string, unknown> {
  const p = o.price;
  return {
    ORDER_NUMBER: o.waybill,
    MONEY_COLLECTION: o.input.moneyCollection,
    EXCHANGE_WEIGHT: p.EXCHANGE_WEIGHT,
    MONEY_TOTAL: p.MONEY_TOTAL,
    MONEY_TOTAL_FEE: p.MONEY_TOTAL_FEE,
    MONEY_FEE: p.MONEY_FEE,
    MONEY_COLLECTION_FEE: p.MONEY_COLLECTION_FEE,
    MONEY_OTHER_FEE: p.MONEY_OTHER_FEE,
    MONEY_VAS: p.MONEY_VAS,
    MONEY_VAT: p.MONEY_VAT,
    KPI_HT: p.KPI_HT,
    RECEIVER_PROVINCE: o.input.receiver.provinceId,
    RECEIVER_DISTRICT: o.input.receiver.districtId,
    RECEIVER_WARD: o.input.receiver.wardId,
    ...(o.sortCode ? { SORT_CODE: o.sortCode } : {}),
  };
}

const notAllowed = (type: number, status: number) => vtpError(`Order status ${status} does not allow this action (TYPE ${type})`);

export function orderRoutes(ctx: VtpContext): Route[] {
  return [
    {
      methods: ['POST'],
      path: '/v2/order/createOrder',
      handler: ctx.auth.withToken((_req, body, account) => {
        const v = validateCreate(body, ctx.storesOf(account.cusId), ctx.codCap);
        if (!v.ok) return vtpError(v.message);
        const ref = v.input.reference;
        // Only with CHECK_UNIQUE does VTP refuse a repeated ORDER_NUMBER; without it a retry is a second waybill.
        if (v.checkUnique && ref !== '' && ctx.store.byReference(account.cusId, ref).length > 0) {
          return vtpError(`ORDER_NUMBER already exists: ${ref}`, 204, 'duplicate');
        }
        const service = VTP_SERVICES.find((s) => s.code === v.input.service)!;
        const price = priceOf(service, { from: v.input.sender, to: v.input.receiver }, { weight: v.input.weight, length: Number(body.PRODUCT_LENGTH) || 0, width: Number(body.PRODUCT_WIDTH) || 0, height: Number(body.PRODUCT_HEIGHT) || 0, moneyCollection: v.input.moneyCollection, extras: v.input.serviceAdd });
        const order = ctx.store.create(account.cusId, v.input, body, price);
        ctx.store.setPath(order, ctx.pathFor(order));
        ctx.emit(order);
        return vtpOk(createdData(order), 'OK', 'created');
      }),
    },
    {
      methods: ['POST'],
      path: '/v2/order/UpdateOrder',
      handler: ctx.auth.withToken((_req, body, account) => {
        const type = looseInt(body.TYPE);
        const order = ctx.store.byWaybill(text(body.ORDER_NUMBER));
        if (!order || order.cusId !== account.cusId || order.deleted) return vtpError('Order does not exist');
        const s = order.status;
        const move = (status: number) => {
          ctx.store.setStatus(order, status);
          ctx.emit(order);
        };
        switch (type) {
          case 1:
            if (s >= 200 || ctx.store.isFinal(order)) return notAllowed(1, s);
            return vtpOk(null, 'OK', 'confirmed');
          case 2:
            if (s !== 505) return notAllowed(2, s);
            ctx.store.setPath(order, 'returnAfterDecision');
            move(515);
            return vtpOk(null, 'OK', 'return-approved');
          case 3:
            if (s !== 505) return notAllowed(3, s);
            ctx.store.setPath(order, 'redeliverAfterDecision');
            move(550);
            return vtpOk(null, 'OK', 'redeliver');
          case 4:
            if (s >= 200 || s === 105 || s === 107 || ctx.store.isFinal(order)) return notAllowed(4, s);
            move(107);
            return vtpOk(null, 'OK', 'cancelled');
          case 11:
            if (s !== 107 && s !== 201) return notAllowed(11, s);
            order.deleted = true;
            return vtpOk(null, 'OK', 'deleted');
          default:
            return vtpError('Incorrect data: TYPE');
        }
      }),
    },
  ];
}
