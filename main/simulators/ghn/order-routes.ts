// Order calls: preview/create (idempotent on client_order_code), detail, cancel, return,
// re-deliver and COD update. Status changes are reported through ctx.emit (the webhook).

import type { Route, SimReply } from '../shared/sim-server.js';
import { sameProvince } from './address-resolution.js';
import { computeFee, convertedWeight, expectedDelivery, leadDays, totalOf } from './fees.js';
import type { GhnContext } from './ghn-context.js';
import { intField, stringArrayField, stringField } from './ghn-fields.js';
import { ghnBadRequest, ghnError, ghnOk } from './ghn-replies.js';
import { GHN_BASE } from './master-data-routes.js';
import type { GhnOrder } from './order-store.js';
import { MAX_COD, validateOrder, type GhnOrderInput } from './order-validation.js';
import { orderDetail } from './order-view.js';
import { GHN_CANCELLABLE, GHN_COD_EDITABLE, type GhnStatus } from './statuses.js';

const ORDER = `${GHN_BASE}/v2/shipping-order`;
const SWITCH = `${GHN_BASE}/v2/switch-status`;

export const orderNotFound = (code: string): SimReply => ghnError(400, `Đơn hàng không tồn tại: ${code}`, 'USER_ERR_COMMON');

function quote(ctx: GhnContext, input: GhnOrderInput) {
  const now = ctx.clock();
  const route = { from: input.from.region, to: input.to.region, sameProvince: sameProvince(input.from, input.to), serviceTypeId: input.serviceTypeId };
  const fee = computeFee({ ...route, weight: input.weight, length: input.length, width: input.width, height: input.height, insuranceValue: input.insuranceValue, codAmount: input.codAmount });
  return {
    fee,
    totalFee: totalOf(fee),
    expectedDeliveryAt: expectedDelivery(now, leadDays(route)),
    convertedWeight: convertedWeight(input),
    transType: route.from === route.to ? 'truck' : 'fly',
  };
}

function createdData(o: Pick<GhnOrder, 'sortCode' | 'transType' | 'fee' | 'totalFee' | 'expectedDeliveryAt'>, orderCode: string) {
  return {
    order_code: orderCode,
    sort_code: o.sortCode,
    trans_type: o.transType,
    ward_encode: '',
    district_encode: '',
    fee: { ...o.fee },
    total_fee: o.totalFee,
    expected_delivery_time: new Date(o.expectedDeliveryAt).toISOString(),
  };
}

const createdReply = (o: GhnOrder, note: string): SimReply =>
  ghnOk(createdData(o, o.orderCode), { message_display: `Tạo đơn hàng thành công. Mã đơn hàng: ${o.orderCode}`, code_message_value: '' }, note);

/** Per-order outcome for the batch switch-status calls: always HTTP 200, read `result` per order. */
function batch(ctx: GhnContext, shopId: number, codes: string[], act: (o: GhnOrder) => string | undefined): SimReply {
  const data = codes.map((code) => {
    const order = ctx.store.byCode(code);
    if (!order || order.shopId !== shopId) return { order_code: code, result: false, message: 'Đơn hàng không tồn tại' };
    const refusal = act(order);
    return refusal ? { order_code: order.orderCode, result: false, message: refusal } : { order_code: order.orderCode, result: true, message: 'OK' };
  });
  return ghnOk(data, {}, data.every((d) => d.result) ? 'switched' : 'partly-refused');
}

export function orderRoutes(ctx: GhnContext): Route[] {
  const move = (o: GhnOrder, status: GhnStatus) => {
    ctx.store.setStatus(o, status);
    ctx.emit(o, 'switch_status');
  };

  return [
    {
      methods: ['POST'],
      path: `${ORDER}/preview`,
      handler: ctx.auth.withShop((_req, body) => {
        const v = validateOrder(body, { insuranceCap: ctx.insuranceCap, shopDefault: ctx.shopDefault });
        if (!v.ok) return ghnBadRequest(v.message);
        const q = quote(ctx, v.order);
        return ghnOk(createdData({ ...q, sortCode: '' }, ''), {}, 'previewed');
      }),
    },
    {
      methods: ['POST'],
      path: `${ORDER}/create`,
      handler: ctx.auth.withShop((_req, body, shopId) => {
        const v = validateOrder(body, { insuranceCap: ctx.insuranceCap, shopDefault: ctx.shopDefault });
        if (!v.ok) return ghnBadRequest(v.message);
        // The idempotency GHN documents: the same client_order_code returns the order already made.
        const code = v.order.clientOrderCode;
        const existing = code ? ctx.store.byClientCode(code, shopId) : undefined;
        if (existing) return createdReply(existing, 'replayed');
        const order = ctx.store.create({ shopId, input: v.order, request: body, ...quote(ctx, v.order) });
        ctx.store.setPath(order, ctx.pathFor(order));
        ctx.emit(order, 'create');
        return createdReply(order, 'created');
      }),
    },
    {
      methods: ['POST'],
      path: `${ORDER}/detail`,
      handler: ctx.auth.withToken((_req, body) => {
        const code = stringField(body, 'order_code', true);
        if (!code.ok) return ghnBadRequest(code.message);
        const order = ctx.store.byCode(code.value);
        return order ? ghnOk(orderDetail(order)) : orderNotFound(code.value);
      }),
    },
    {
      methods: ['POST'],
      path: `${ORDER}/detail-by-client-code`,
      handler: ctx.auth.withToken((req, body) => {
        const code = stringField(body, 'client_order_code', true);
        if (!code.ok) return ghnBadRequest(code.message);
        const shopHeader = req.header('shopid');
        const order = ctx.store.byClientCode(code.value, shopHeader && /^\d+$/.test(shopHeader) ? Number(shopHeader) : undefined);
        return order ? ghnOk(orderDetail(order)) : orderNotFound(code.value);
      }),
    },
    {
      methods: ['POST'],
      path: `${SWITCH}/cancel`,
      handler: ctx.auth.withShop((_req, body, shopId) => {
        const codes = stringArrayField(body, 'order_codes');
        if (!codes.ok) return ghnBadRequest(codes.message);
        return batch(ctx, shopId, codes.value, (o) => {
          if (!GHN_CANCELLABLE.has(o.status)) return `Không thể hủy đơn hàng ở trạng thái ${o.status}`;
          move(o, 'cancel');
          return undefined;
        });
      }),
    },
    {
      methods: ['POST'],
      path: `${SWITCH}/return`,
      handler: ctx.auth.withShop((_req, body, shopId) => {
        const codes = stringArrayField(body, 'order_codes');
        if (!codes.ok) return ghnBadRequest(codes.message);
        return batch(ctx, shopId, codes.value, (o) => {
          if (o.status === 'waiting_to_return') return undefined;
          if (o.status !== 'delivery_fail') return `Không thể chuyển hoàn đơn hàng ở trạng thái ${o.status}`;
          ctx.store.setPath(o, 'return');
          move(o, 'waiting_to_return');
          return undefined;
        });
      }),
    },
    {
      methods: ['POST'],
      path: `${SWITCH}/storing`,
      handler: ctx.auth.withShop((_req, body, shopId) => {
        const codes = stringArrayField(body, 'order_codes');
        if (!codes.ok) return ghnBadRequest(codes.message);
        return batch(ctx, shopId, codes.value, (o) => {
          if (o.status !== 'delivery_fail' && o.status !== 'waiting_to_return') return `Không thể giao lại đơn hàng ở trạng thái ${o.status}`;
          ctx.store.setPath(o, 'redeliver');
          move(o, 'storing');
          return undefined;
        });
      }),
    },
    {
      methods: ['POST'],
      path: `${ORDER}/updateCOD`,
      handler: ctx.auth.withShop((_req, body, shopId) => {
        const code = stringField(body, 'order_code', true);
        if (!code.ok) return ghnBadRequest(code.message);
        const amount = intField(body, 'cod_amount');
        if (!amount.ok) return ghnBadRequest(amount.message);
        if (amount.value < 0 || amount.value > MAX_COD) return ghnBadRequest(`Tiền thu hộ (cod_amount) phải từ 0 đến ${MAX_COD.toLocaleString('en-US')}`);
        const order = ctx.store.byCode(code.value);
        if (!order || order.shopId !== shopId) return orderNotFound(code.value);
        if (!GHN_COD_EDITABLE.has(order.status)) return ghnBadRequest(`Không thể cập nhật tiền thu hộ ở trạng thái ${order.status}`);
        order.input = { ...order.input, codAmount: amount.value };
        ctx.emit(order, 'update_cod');
        return ghnOk(null, {}, 'cod-updated');
      }),
    },
  ];
}
