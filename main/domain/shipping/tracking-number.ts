import type { Store } from '../../store/store.js';
import { addEvent } from '../orders/order-repo.js';
import { enqueueLabel } from './carrier-labels.js';
import { resolveExceptions } from './exceptions.js';
import type { ShipmentRow } from './shipment-repo.js';

/**
 * A shipment learns its carrier tracking number, whoever tells it: the booking answer, a carrier callback
 * carrying our code (the Viettel Post answer that was lost), or the operator. The order carries the number,
 * a booking job still waiting is over, the booking exceptions are settled, and the label is fetched once.
 */
export function learnTrackingNumber(
  store: Store, s: Pick<ShipmentRow, 'id' | 'code' | 'order_id' | 'account_id' | 'carrier'>, trackingNumber: string,
  how: { operatorId: number | null; reason?: string; data?: Record<string, unknown> }, now: number,
): void {
  store
    .prepare(`UPDATE shipments SET tracking_number = ?, state = CASE WHEN state IN ('booking', 'exception', 'booking_failed') THEN 'booked' ELSE state END,
      error_code = NULL, error_message = NULL, error_hint = NULL, updated_at = ? WHERE id = ?`)
    .run(trackingNumber, now, s.id);
  store.prepare('UPDATE orders SET tracking_number = ?, updated_at = ? WHERE id = ?').run(trackingNumber, now, s.order_id);
  store.prepare("UPDATE jobs SET status = 'cancelled', updated_at = ? WHERE idempotency_key = ? AND status IN ('queued', 'failed')").run(now, `book:${s.code}`);
  addEvent(store, { orderId: s.order_id, at: now, operatorId: how.operatorId, kind: 'shipment_booked', reason: how.reason, data: { code: s.code, trackingNumber, carrier: s.carrier, ...how.data } });
  resolveExceptions(store, { shipmentId: s.id, kinds: ['already_booked', 'booking_rejected'] }, 'Tracking number known', how.operatorId, now);
  enqueueLabel(store, s, trackingNumber, null, now);
}
