import { invalidInput } from './shopee-client.js';
import { orderDetailList, orderList, type OrderListPage, type ShopeeOrderDetail } from './shopee-schemas.js';
import type { ShopeeShop } from './shopee-shop.js';

// Orders (spec §1.4, §1.8 polling): get_order_list in ≤15-day windows with an opaque cursor, and
// get_order_detail in batches of ≤50 with the optional fields asked for explicitly.

export const MAX_WINDOW_S = 15 * 86_400;
export const MAX_ORDER_PAGE = 100;
export const MAX_DETAIL_BATCH = 50;

/** Detail fields that are absent unless asked for (pitfall §6: orders without items otherwise). */
export const ORDER_DETAIL_FIELDS = [
  'buyer_user_id', 'buyer_username', 'estimated_shipping_fee', 'recipient_address', 'actual_shipping_fee', 'goods_to_declare', 'note',
  'note_update_time', 'item_list', 'pay_time', 'dropshipper', 'dropshipper_phone', 'split_up', 'buyer_cancel_reason', 'cancel_by',
  'cancel_reason', 'actual_shipping_fee_confirmed', 'buyer_cpf_id', 'fulfillment_flag', 'pickup_done_time', 'package_list',
  'shipping_carrier', 'payment_method', 'total_amount', 'invoice_data', 'order_chargeable_weight_gram', 'return_request_due_date', 'edt',
  'payment_info', 'pending_terms',
] as const;

/**
 * Slices [from, to] (Unix s) into windows Shopee accepts (span ≤ 15 days), oldest first — for catching up
 * after a long downtime. Adjacent windows share their boundary second (idempotent upserts absorb it).
 */
export function orderWindows(from: number, to: number, maxSpan = MAX_WINDOW_S): { timeFrom: number; timeTo: number }[] {
  if (!(to >= from)) return [];
  const out: { timeFrom: number; timeTo: number }[] = [];
  for (let start = from; ; start += maxSpan) {
    const end = Math.min(to, start + maxSpan);
    out.push({ timeFrom: start, timeTo: end });
    if (end >= to) return out;
  }
}

export interface OrderListQuery {
  timeRangeField: 'create_time' | 'update_time';
  timeFrom: number;
  timeTo: number;
  pageSize?: number;
  /** Opaque; '' for the first page. */
  cursor?: string;
  orderStatus?: string;
}

export function checkOrderListQuery(q: OrderListQuery): void {
  if (!Number.isInteger(q.timeFrom) || !Number.isInteger(q.timeTo) || q.timeFrom > q.timeTo) throw invalidInput('time_from', 'must be whole seconds, not after time_to');
  if (q.timeTo - q.timeFrom > MAX_WINDOW_S) throw invalidInput('time_to', 'the window may span 15 days at most');
  const size = q.pageSize ?? MAX_ORDER_PAGE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_ORDER_PAGE) throw invalidInput('page_size', `must be 1–${MAX_ORDER_PAGE}`);
}

export function getOrderList(shop: ShopeeShop, q: OrderListQuery): Promise<OrderListPage> {
  checkOrderListQuery(q);
  return shop.call({
    method: 'GET', path: '/api/v2/order/get_order_list',
    query: {
      time_range_field: q.timeRangeField, time_from: q.timeFrom, time_to: q.timeTo, page_size: q.pageSize ?? MAX_ORDER_PAGE,
      cursor: q.cursor ?? '', order_status: q.orderStatus, response_optional_fields: 'order_status', request_order_status_pending: true,
    },
  }, orderList);
}

/** Walks every page of one window; time_from/time_to stay fixed while the cursor moves (§1.6). */
export async function* walkOrderList(shop: ShopeeShop, q: Omit<OrderListQuery, 'cursor'>, startCursor = ''): AsyncGenerator<OrderListPage & { cursor: string }> {
  let cursor = startCursor;
  for (let guard = 0; guard < 10_000; guard++) {
    const page = await getOrderList(shop, { ...q, cursor });
    yield { ...page, cursor };
    if (!page.more || !page.next_cursor || page.next_cursor === cursor) return;
    cursor = page.next_cursor;
  }
}

export function chunk<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** Details of any number of orders, asked 50 at a time (§1.4). */
export async function getOrderDetail(shop: ShopeeShop, orderSns: readonly string[], optionalFields: readonly string[] = ORDER_DETAIL_FIELDS): Promise<ShopeeOrderDetail[]> {
  const unique = [...new Set(orderSns.map((s) => s.trim()).filter(Boolean))];
  const out: ShopeeOrderDetail[] = [];
  for (const batch of chunk(unique, MAX_DETAIL_BATCH)) {
    const res = await shop.call({
      method: 'GET', path: '/api/v2/order/get_order_detail',
      query: { order_sn_list: batch.join(','), response_optional_fields: optionalFields.join(','), request_order_status_pending: true },
    }, orderDetailList);
    out.push(...res.order_list);
  }
  return out;
}
