// /api/v2/order/*: the incremental list (15-day window, cursor paging), detail in batches of 50,
// the shipment list, package detail, seller cancel and the answer to a buyer's cancel request.

import type { Route, SimReply, SimRequest } from '../shared/sim-server.js';
import type { Order, Package } from './order-store.js';
import { orderDetail, packageView } from './order-view.js';
import { API, intParam, isReply, listParam, shopApi, type Body, type ShopeeContext } from './shopee-context.js';
import { MESSAGES } from './shopee-replies.js';
import { isOrderStatus, type OrderStatus } from './statuses.js';

export const WINDOW_S = 15 * 86400;
/** [?] spec §7.1: whether time_to is inclusive; here both ends are. */
export const TIME_TO_INCLUSIVE = true;
/** [?] what an order held as PENDING looks like without request_order_status_pending=true. */
const PENDING_FALLBACK: OrderStatus = 'READY_TO_SHIP';

/** Keyset cursor (time, order_sn), opaque to the client. */
const encodeCursor = (t: number, key: string) => Buffer.from(`${t}|${key}`, 'utf8').toString('base64url');
function decodeCursor(c: string): { t: number; key: string } | undefined {
  const m = /^(\d+)\|(.+)$/.exec(Buffer.from(c, 'base64url').toString('utf8'));
  return m ? { t: Number(m[1]), key: m[2] } : undefined;
}

function pageSize(ctx: ShopeeContext, req: SimRequest): number | SimReply {
  const size = intParam(req, 'page_size');
  if (size === undefined) return ctx.replies.param(MESSAGES.noParam('page_size'));
  if (Number.isNaN(size) || size < 1) return ctx.replies.param('Wrong parameters, page_size must be between 1 and 100.');
  if (size > 100) return ctx.replies.param(MESSAGES.pageSizeTooLarge);
  return size;
}

/**
 * One page of `rows` sorted by (t, key) after the cursor. Keys are computed once and compared with plain
 * `<` (order_sn and package numbers are ASCII), and only the rows after the cursor are sorted: a pull
 * walking 10,000 orders of one second asked for a full localeCompare sort per page before (quadratic, most
 * of the simulator's time).
 */
function page<T>(rows: T[], keyOf: (r: T) => { t: number; key: string }, cursor: string, size: number): { rows: T[]; more: boolean; next: string } | undefined {
  const c = cursor === '' ? null : decodeCursor(cursor);
  if (c === undefined) return undefined;
  const keyed: { r: T; t: number; key: string }[] = [];
  for (const r of rows) {
    const k = keyOf(r);
    if (!c || k.t > c.t || (k.t === c.t && k.key > c.key)) keyed.push({ r, t: k.t, key: k.key });
  }
  keyed.sort((a, b) => a.t - b.t || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const out = keyed.slice(0, size);
  const more = keyed.length > size;
  const last = out[out.length - 1];
  return { rows: out.map((k) => k.r), more, next: more && last ? encodeCursor(last.t, last.key) : '' };
}

export const visibleStatus = (o: Order, pending: boolean): OrderStatus => (o.status === 'PENDING' && !pending ? PENDING_FALLBACK : o.status);

export function orderRoutes(ctx: ShopeeContext): Route[] {
  const { replies, store } = ctx;
  const sec = (ms: number) => Math.floor(ms / 1000);

  const findOrder = (shopId: number, sn: unknown): Order | SimReply => {
    const o = typeof sn === 'string' ? store.get(sn) : undefined;
    if (typeof sn !== 'string' || sn === '') return replies.param(MESSAGES.noParam('order_sn'));
    // [?] error name for an order_sn of another shop or none at all.
    return o && o.shopId === shopId ? o : replies.error('error_not_found', `order_sn ${sn} not found.`, 'rejected', 200);
  };

  const getOrderList = shopApi(ctx, (req, shop) => {
    const field = req.query.get('time_range_field');
    if (!field) return replies.param(MESSAGES.noParam('time_range_field'));
    if (field !== 'create_time' && field !== 'update_time') return replies.param('Wrong parameters, time_range_field must be create_time or update_time.');
    const from = intParam(req, 'time_from');
    const to = intParam(req, 'time_to');
    if (from === undefined) return replies.param(MESSAGES.noParam('time_from'));
    if (to === undefined) return replies.param(MESSAGES.noParam('time_to'));
    if (Number.isNaN(from) || Number.isNaN(to) || from > to || to - from > WINDOW_S) {
      return replies.error('order.order_list_invalid_time', MESSAGES.orderListInvalidTime);
    }
    const size = pageSize(ctx, req);
    if (typeof size !== 'number') return size;
    const status = req.query.get('order_status');
    if (status && !isOrderStatus(status)) return replies.param(`Wrong parameters, order_status ${status} is invalid.`);
    const pending = req.query.get('request_order_status_pending') === 'true';
    const withStatus = listParam(req, 'response_optional_fields').includes('order_status');
    const timeOf = (o: Order) => sec(field === 'create_time' ? o.createTime : o.updateTime);
    const rows = store.list(shop.shopId).filter((o) => {
      const t = timeOf(o);
      if (t < from || (TIME_TO_INCLUSIVE ? t > to : t >= to)) return false;
      return !status || visibleStatus(o, pending) === status;
    });
    const p = page(rows, (o) => ({ t: timeOf(o), key: o.orderSn }), req.query.get('cursor') ?? '', size);
    if (!p) return replies.param('Wrong parameters, cursor is invalid.');
    return replies.ok({
      more: p.more,
      next_cursor: p.next,
      order_list: p.rows.map((o) => (withStatus ? { order_sn: o.orderSn, order_status: visibleStatus(o, pending) } : { order_sn: o.orderSn })),
    });
  });

  const getOrderDetail = shopApi(ctx, (req, shop) => {
    const sns = listParam(req, 'order_sn_list');
    if (sns.length === 0) return replies.param(MESSAGES.noParam('order_sn_list'));
    if (sns.length > 50) return replies.param('Wrong parameters, order_sn_list should contain 1-50 order_sn.');
    const wanted = new Set(listParam(req, 'response_optional_fields'));
    const pending = req.query.get('request_order_status_pending') === 'true';
    const found = sns.map((sn) => store.get(sn)).filter((o): o is Order => o !== undefined && o.shopId === shop.shopId);
    const missing = sns.filter((sn) => !found.some((o) => o.orderSn === sn));
    const list = found.map((o) => ({ ...orderDetail(store, o, wanted), order_status: visibleStatus(o, pending) }));
    // [?] Unknown order_sn are left out with a warning rather than failing the batch.
    return replies.ok({ order_list: list }, 'ok', missing.length > 0 ? `order_sn not found: ${missing.join(',')}` : undefined);
  });

  const getShipmentList = shopApi(ctx, (req, shop) => {
    const size = pageSize(ctx, req);
    if (typeof size !== 'number') return size;
    const rows: { o: Order; p: Package }[] = store
      .list(shop.shopId)
      .filter((o) => o.status === 'READY_TO_SHIP' || o.status === 'RETRY_SHIP')
      .flatMap((o) => o.packages.filter((p) => p.status === 'LOGISTICS_READY' || p.status === 'LOGISTICS_PICKUP_RETRY').map((p) => ({ o, p })));
    const pg = page(rows, (r) => ({ t: sec(r.o.createTime), key: r.p.packageNumber }), req.query.get('cursor') ?? '', size);
    if (!pg) return replies.param('Wrong parameters, cursor is invalid.');
    return replies.ok({ order_list: pg.rows.map((r) => ({ order_sn: r.o.orderSn, package_number: r.p.packageNumber })), more: pg.more, next_cursor: pg.next });
  });

  const getPackageDetail = shopApi(ctx, (req, shop) => {
    const numbers = listParam(req, 'package_number_list');
    if (numbers.length === 0) return replies.param(MESSAGES.noParam('package_number_list'));
    if (numbers.length > 50) return replies.param('Wrong parameters, package_number_list should contain 1-50 package_number.');
    const out: Record<string, unknown>[] = [];
    for (const o of store.list(shop.shopId)) {
      for (const p of o.packages) if (numbers.includes(p.packageNumber)) out.push({ order_sn: o.orderSn, ...packageView(o, p) });
    }
    return replies.ok({ package_list: out });
  });

  const cancelOrder = shopApi(ctx, (_req, shop, body: Body) => {
    const o = findOrder(shop.shopId, body.order_sn);
    if (isReply(o)) return o;
    const order = o;
    const reason = body.cancel_reason;
    const reasons = ['OUT_OF_STOCK', 'CUSTOMER_REQUEST', 'UNDELIVERABLE_AREA', 'COD_NOT_SUPPORTED'];
    if (typeof reason !== 'string' || !reasons.includes(reason)) return replies.param('Wrong parameters, cancel_reason is invalid.');
    if (reason === 'OUT_OF_STOCK' && (!Array.isArray(body.item_list) || body.item_list.length === 0)) {
      return replies.param('Wrong parameters, item_list is required when cancel_reason is OUT_OF_STOCK.');
    }
    if (order.status !== 'UNPAID' && order.status !== 'READY_TO_SHIP') {
      return replies.error('order.order_status_error', `Order status ${order.status} can not be cancelled.`); // [?]
    }
    store.setStatus(order, 'CANCELLED', { cancelBy: 'seller', cancelReason: reason === 'OUT_OF_STOCK' ? 'Out of Stock' : reason === 'CUSTOMER_REQUEST' ? 'Customer Request' : reason });
    return replies.ok({ update_time: sec(order.updateTime) }, 'cancelled');
  });

  const handleBuyerCancellation = shopApi(ctx, (_req, shop, body) => {
    const o = findOrder(shop.shopId, body.order_sn);
    if (isReply(o)) return o;
    const order = o;
    if (body.operation !== 'ACCEPT' && body.operation !== 'REJECT') return replies.param('Wrong parameters, operation must be ACCEPT or REJECT.');
    if (order.status !== 'IN_CANCEL') return replies.error('order.order_status_error', `Order status ${order.status} is not IN_CANCEL.`); // [?]
    if (body.operation === 'ACCEPT') store.setStatus(order, 'CANCELLED', { cancelBy: 'buyer', cancelReason: order.buyerCancelReason ?? 'Change of mind' });
    else store.setStatus(order, order.beforeCancel ?? 'READY_TO_SHIP');
    return replies.ok({ update_time: sec(order.updateTime) }, body.operation === 'ACCEPT' ? 'cancel-accepted' : 'cancel-rejected');
  });

  return [
    { methods: ['GET'], path: `${API}/order/get_order_list`, handler: getOrderList },
    { methods: ['GET'], path: `${API}/order/get_order_detail`, handler: getOrderDetail },
    { methods: ['GET'], path: `${API}/order/get_shipment_list`, handler: getShipmentList },
    { methods: ['GET'], path: `${API}/order/get_package_detail`, handler: getPackageDetail },
    { methods: ['POST'], path: `${API}/order/cancel_order`, handler: cancelOrder },
    { methods: ['POST'], path: `${API}/order/handle_buyer_cancellation`, handler: handleBuyerCancellation },
  ];
}
