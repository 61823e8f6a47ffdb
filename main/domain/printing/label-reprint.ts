import { fail } from '../../api/errors.js';
import type { Store } from '../../store/store.js';
import { enqueuePrint } from './print-queue.js';
import { cancelledOrderGate } from './print-sources.js';

/**
 * Another copy of an order's shipping label at a desk, queued inside the caller's transaction. One
 * implementation for print.reprintLabel and the pack screen's reprint: never for a cancelled order,
 * and only for a shipment that is (or is becoming) booked.
 */
export function queueLabelReprint(store: Store, orderId: number, station: string, now: number): { printJobId: number } {
  const gate = cancelledOrderGate(store, orderId);
  if (gate) fail('CONFLICT', `Order ${gate.detail} is cancelled: no label prints for it`, { reason: 'order_cancelled', number: gate.detail });
  const s = store.prepare(`SELECT id FROM shipments WHERE order_id = ? AND state NOT IN ('booking_failed', 'cancelling', 'cancelled')
      ORDER BY id DESC LIMIT 1`).get(orderId) as { id: number } | undefined;
  if (!s) fail('NOT_FOUND', `Order ${orderId} has no shipment to print a label for`, { reason: 'no_shipment', entity: 'shipment', orderId });
  return enqueuePrint(store, { station, purpose: 'label', document: { kind: 'shipment-label', shipmentId: s!.id }, orderId }, now);
}
