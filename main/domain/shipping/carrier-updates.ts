import type { CarrierId } from '../../connectors/carriers/carrier-connector.js';
import type { CarrierStatusUpdate } from '../../connectors/carriers/shared/status-update.js';
import type { Store } from '../../store/store.js';
import { addEvent } from '../orders/order-repo.js';
import { resolveExceptions } from './exceptions.js';
import { applyTrackingEvents } from './tracking-apply.js';

/**
 * Applies status updates pushed by a carrier (webhook) or read from its export file. A parcel is found
 * by tracking number, or by our code when the booking's answer was lost: then the update also tells us
 * the tracking number we never heard (the Viettel Post case of a dropped connection).
 */
export function applyCarrierUpdates(store: Store, carrier: CarrierId, updates: CarrierStatusUpdate[], source: 'webhook' | 'import', now: number) {
  let applied = 0;
  let duplicates = 0;
  const unknown: string[] = [];
  type Found = { id: number; order_id: number; code: string; tracking_number: string | null } | undefined;
  for (const u of updates) {
    let s = store.prepare('SELECT id, order_id, code, tracking_number FROM shipments WHERE carrier = ? AND tracking_number = ?').get(carrier, u.waybill) as Found;
    if (!s && u.reference) {
      s = store.prepare('SELECT id, order_id, code, tracking_number FROM shipments WHERE carrier = ? AND code = ?').get(carrier, u.reference) as Found;
      if (s && !s.tracking_number) {
        store.prepare("UPDATE shipments SET tracking_number = ?, state = CASE WHEN state IN ('booking', 'exception') THEN 'booked' ELSE state END, error_code = NULL, error_message = NULL, updated_at = ? WHERE id = ?")
          .run(u.waybill, now, s.id);
        store.prepare('UPDATE orders SET tracking_number = ?, updated_at = ? WHERE id = ?').run(u.waybill, now, s.order_id);
        store.prepare("UPDATE jobs SET status = 'cancelled', updated_at = ? WHERE idempotency_key = ? AND status IN ('queued', 'failed')").run(now, `book:${s.code}`);
        addEvent(store, { orderId: s.order_id, at: now, operatorId: null, kind: 'shipment_booked', reason: `tracking number learnt from the carrier's ${source}`, data: { code: s.code, trackingNumber: u.waybill } });
        resolveExceptions(store, { shipmentId: s.id, kinds: ['already_booked'] }, 'Tracking number learnt from the carrier', null, now);
      }
    }
    if (!s) {
      unknown.push(u.waybill);
      continue;
    }
    const r = applyTrackingEvents(store, s.id, [u.event], source, now);
    applied += r.applied;
    duplicates += r.duplicates;
  }
  return { applied, duplicates, unknown };
}
