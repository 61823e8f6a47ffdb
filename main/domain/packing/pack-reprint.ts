import { fail } from '../../api/errors.js';
import type { Store } from '../../store/store.js';
import { addEvent, readOrderRow } from '../orders/order-repo.js';
import type { Actor } from '../orders/order-reservation.js';
import { enqueuePrint } from '../printing/print-queue.js';
import { cancelledOrderGate } from '../printing/print-sources.js';

// The pack screen's reprint: the printing module's label job plus an order event saying who asked.
// The printing module keeps its reprint inside its handler (print.reprintLabel), so this uses the
// pieces it exports: its cancelled-order gate and its queue. The shipment states match its own.

/** Another copy of the order's label at this desk; never for a cancelled order. */
export function reprintLabel(store: Store, orderId: number, station: string, actor: Actor): { printJobId: number } {
  const order = readOrderRow(store, orderId);
  if (cancelledOrderGate(store, orderId)) fail('TRANSITION_INVALID', `Order ${order.number} was cancelled: no label`, { reason: 'order_cancelled', number: order.number });
  const sh = store.prepare("SELECT id FROM shipments WHERE order_id = ? AND state NOT IN ('booking_failed', 'cancelling', 'cancelled') ORDER BY id DESC LIMIT 1").get(orderId) as { id: number } | undefined;
  if (!sh) fail('NOT_FOUND', `Order ${order.number} has no shipment to print a label for`, { reason: 'no_shipment', entity: 'shipment' });
  const job = enqueuePrint(store, { station, purpose: 'label', document: { kind: 'shipment-label', shipmentId: sh!.id }, orderId }, actor.at);
  addEvent(store, { orderId, at: actor.at, operatorId: actor.operatorId, kind: 'label_reprinted', data: { station, printJobId: job.printJobId } });
  return job;
}
