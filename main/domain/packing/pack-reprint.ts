import type { Store } from '../../store/store.js';
import { addEvent, readOrderRow } from '../orders/order-repo.js';
import type { Actor } from '../orders/order-reservation.js';
import { queueLabelReprint } from '../printing/label-reprint.js';

// The pack screen's reprint: the printing module's reprint plus an order event saying who asked.

/** Another copy of the order's label at this desk; never for a cancelled order. */
export function reprintLabel(store: Store, orderId: number, station: string, actor: Actor): { printJobId: number } {
  readOrderRow(store, orderId);
  const job = queueLabelReprint(store, orderId, station, actor.at);
  addEvent(store, { orderId, at: actor.at, operatorId: actor.operatorId, kind: 'label_reprinted', data: { station, printJobId: job.printJobId } });
  return job;
}
