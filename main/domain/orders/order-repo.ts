import { fail } from '../../api/errors.js';
import { settlePickLists } from '../picking/pick-list-settle.js';
import type { Order, OrderSummary } from '../../api/orders.js';
import type { StoredAddress } from '../../api/common.js';
import type { Store } from '../../store/store.js';
import { EDITABLE, manualTargets, TRANSITIONS, type OrderStatus } from './order-state-machine.js';

export interface OrderRow {
  id: number; number: string; channel: OrderSummary['channel']; source: string; external_id: string | null; status: OrderStatus;
  warehouse_id: number; customer_id: number | null; buyer_name: string; buyer_phone: string; address_json: string;
  payment_method: 'cod' | 'prepaid'; subtotal: number; shipping_fee: number; discount: number; total: number; note: string;
  tracking_number: string | null; ship_by: number | null; created_at: number; updated_at: number; version: number;
}

export interface LineRow {
  id: number; order_id: number; variant_id: number; sku: string; name: string; quantity: number; unit_price: number;
  reserved_qty: number; verified_qty: number;
}

export function readOrderRow(store: Store, id: number): OrderRow {
  return (store.prepare('SELECT * FROM orders WHERE id = ?').get(id) as OrderRow | undefined) ?? fail('NOT_FOUND', 'Order not found', { entity: 'order', id });
}

export const readLines = (store: Store, orderId: number): LineRow[] =>
  store.prepare('SELECT * FROM order_lines WHERE order_id = ? ORDER BY id').all(orderId) as LineRow[];

export const SUMMARY_COLUMNS = `o.id, o.number, o.customer_id, o.channel, o.source, o.external_id, o.status, o.warehouse_id, w.code AS warehouse_code,
  o.buyer_name, o.buyer_phone, o.payment_method, o.total, o.tracking_number, o.created_at, o.updated_at,
  (SELECT coalesce(sum(quantity), 0) FROM order_lines l WHERE l.order_id = o.id) AS item_count`;

export type SummaryRow = Omit<OrderRow, 'address_json' | 'subtotal' | 'shipping_fee' | 'discount' | 'note' | 'ship_by' | 'version'> & {
  warehouse_code: string; item_count: number;
};

export const toSummary = (r: SummaryRow): OrderSummary => ({
  id: r.id, number: r.number, customerId: r.customer_id, channel: r.channel, source: r.source, externalId: r.external_id, status: r.status,
  warehouseId: r.warehouse_id, warehouseCode: r.warehouse_code, buyerName: r.buyer_name, buyerPhone: r.buyer_phone,
  paymentMethod: r.payment_method, total: r.total, itemCount: r.item_count, trackingNumber: r.tracking_number,
  createdAt: r.created_at, updatedAt: r.updated_at,
});

export function getOrder(store: Store, id: number): Order {
  const row = store.prepare(`SELECT ${SUMMARY_COLUMNS}, o.address_json, o.subtotal, o.shipping_fee, o.discount, o.note, o.ship_by, o.version
    FROM orders o JOIN warehouses w ON w.id = o.warehouse_id WHERE o.id = ?`).get(id) as (SummaryRow & OrderRow) | undefined;
  if (!row) fail('NOT_FOUND', 'Order not found', { entity: 'order', id });
  const r = row!;
  const lines = store
    .prepare(`SELECT l.*, v.product_id, v.attributes_json, coalesce(s.on_hand, 0) AS on_hand, coalesce(s.reserved, 0) AS reserved
      FROM order_lines l JOIN variants v ON v.id = l.variant_id
      LEFT JOIN stock_levels s ON s.variant_id = l.variant_id AND s.warehouse_id = ?
      WHERE l.order_id = ? ORDER BY l.id`)
    .all(r.warehouse_id, id) as (LineRow & { product_id: number; attributes_json: string; on_hand: number; reserved: number })[];
  const events = store
    .prepare(`SELECT e.*, op.name AS operator_name FROM order_events e LEFT JOIN operators op ON op.id = e.operator_id
      WHERE e.order_id = ? ORDER BY e.at, e.id`)
    .all(id) as { id: number; at: number; kind: string; from_status: OrderStatus | null; to_status: OrderStatus | null; reason: string; operator_name: string | null; data_json: string }[];
  return {
    ...toSummary(r),
    address: JSON.parse(r.address_json) as StoredAddress,
    subtotal: r.subtotal,
    shippingFee: r.shipping_fee,
    discount: r.discount,
    note: r.note,
    shipBy: r.ship_by,
    version: r.version,
    editable: EDITABLE.has(r.status),
    canConfirm: TRANSITIONS[r.status].ready_to_pack === 'confirm',
    canCancel: TRANSITIONS[r.status].cancelled === 'cancel',
    nextStatuses: manualTargets(r.status),
    lines: lines.map((l) => ({
      id: l.id, variantId: l.variant_id, productId: l.product_id, sku: l.sku, name: l.name,
      attributes: JSON.parse(l.attributes_json), quantity: l.quantity, unitPrice: l.unit_price,
      reservedQty: l.reserved_qty, verifiedQty: l.verified_qty,
      stock: { onHand: l.on_hand, reserved: l.reserved, available: l.on_hand - l.reserved },
    })),
    events: events.map((e) => ({
      id: e.id, at: e.at, kind: e.kind, fromStatus: e.from_status, toStatus: e.to_status, reason: e.reason,
      operatorName: e.operator_name, data: JSON.parse(e.data_json),
    })),
  };
}

export interface EventInput {
  orderId: number; at: number; operatorId: number | null; kind: string;
  from?: OrderStatus | null; to?: OrderStatus | null; reason?: string; data?: Record<string, unknown>;
}

/** Every state change leaves an event: who, when, from → to, why (DESIGN.md rule 9). */
export function addEvent(store: Store, e: EventInput): void {
  store
    .prepare('INSERT INTO order_events (order_id, at, operator_id, kind, from_status, to_status, reason, data_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(e.orderId, e.at, e.operatorId, e.kind, e.from ?? null, e.to ?? null, e.reason ?? '', JSON.stringify(e.data ?? {}));
}

export function setStatus(store: Store, order: Pick<OrderRow, 'id' | 'status'>, to: OrderStatus, e: Omit<EventInput, 'orderId' | 'from' | 'to'>): void {
  store.prepare('UPDATE orders SET status = ?, updated_at = ?, version = version + 1 WHERE id = ?').run(to, e.at, order.id);
  addEvent(store, { ...e, orderId: order.id, from: order.status, to });
  order.status = to;
  // Whichever path cancels an order (the order page, a marketplace, a carrier), a pick list whose last
  // open order this was closes in the same commit.
  if (to === 'cancelled') settlePickLists(store, [order.id], e.at);
}
