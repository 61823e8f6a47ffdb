import type { Store } from '../../store/store.js';
import { exceptionActionsOf } from '../exceptions/exception-actions.js';
import { bookingDefaults } from './shipment-booking.js';
import { decisionInFlight } from './delivery-decision.js';
import { shipmentsOfOrder } from './shipment-repo.js';
import { canDecideDelivery, type StoredShipmentState } from './shipment-state-rules.js';

/** The account an order's booking form starts on: the one last used for this order, else the first active carrier. */
export function defaultAccount(store: Store, orderId: number): number | null {
  const last = store.prepare("SELECT account_id FROM shipments WHERE order_id = ? AND carrier <> 'shopee' ORDER BY id DESC LIMIT 1").get(orderId) as { account_id: number } | undefined;
  if (last) return last.account_id;
  const first = store.prepare("SELECT id FROM connector_accounts WHERE provider IN ('ghn', 'viettelpost') AND active = 1 ORDER BY id LIMIT 1").get() as { id: number } | undefined;
  return first?.id ?? null;
}

export function shippingForOrder(store: Store, orderId: number) {
  return { shipments: shipmentsOfOrder(store, orderId), defaults: bookingDefaults(store, orderId, defaultAccount(store, orderId)) };
}

export function listExceptions(store: Store, f: { status: 'open' | 'resolved'; kind?: string; limit: number; offset: number }) {
  const where = ['e.status = ?'];
  const params: unknown[] = [f.status];
  if (f.kind) { where.push('e.kind = ?'); params.push(f.kind); }
  const w = `WHERE ${where.join(' AND ')}`;
  const items = (store
    .prepare(`SELECT e.*, o.number AS order_number, s.tracking_number, s.carrier, s.state AS shipment_state FROM exceptions e
      LEFT JOIN orders o ON o.id = e.order_id LEFT JOIN shipments s ON s.id = e.shipment_id ${w} ORDER BY e.created_at DESC, e.id DESC LIMIT ? OFFSET ?`)
    .all(...params, f.limit, f.offset) as {
      id: number; kind: string; order_id: number | null; order_number: string | null; shipment_id: number | null; tracking_number: string | null;
      carrier: 'ghn' | 'viettelpost' | null; shipment_state: StoredShipmentState | null; message: string; details_json: string; status: 'open' | 'resolved'; resolution: string; created_at: number; resolved_at: number | null;
    }[]).map((r) => ({
      id: r.id, kind: r.kind, orderId: r.order_id, orderNumber: r.order_number, shipmentId: r.shipment_id, trackingNumber: r.tracking_number,
      carrier: r.carrier, message: r.message, details: JSON.parse(r.details_json), status: r.status, resolution: r.resolution,
      createdAt: r.created_at, resolvedAt: r.resolved_at,
      decidable: r.status === 'open' && r.carrier !== null && r.shipment_id !== null && r.tracking_number !== null && r.shipment_state !== null
        && canDecideDelivery(r.carrier, r.shipment_state) && !decisionInFlight(store, r.shipment_id),
      actions: exceptionActionsOf(store, r),
    }));
  const total = (store.prepare(`SELECT count(*) AS n FROM exceptions e ${w}`).get(...params) as { n: number }).n;
  return { items, total };
}
