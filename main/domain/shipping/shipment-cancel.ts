import { fail } from '../../api/errors.js';
import type { Store } from '../../store/store.js';
import { enqueue } from '../../sync/outbox.js';
import { addEvent } from '../orders/order-repo.js';
import { readShipment, type ShipmentRow } from './shipment-repo.js';
import { learnTrackingNumber } from './tracking-number.js';
import { CANCELLABLE_STATES } from './shipment-state-rules.js';

interface Actor { operatorId: number | null; at: number }

/**
 * Cancels a shipment. A booking that never left (its job not yet picked up) is withdrawn locally;
 * one the carrier holds is cancelled through the outbox while the carrier still allows it.
 */
export function cancelShipment(store: Store, id: number, reason: string, actor: Actor): ShipmentRow {
  const s = readShipment(store, id);
  if (s.state === 'booking') {
    const job = store.prepare("SELECT id, status, runs FROM jobs WHERE idempotency_key = ?").get(`book:${s.code}`) as { id: number; status: string; runs: number } | undefined;
    if (job && job.status === 'queued' && job.runs === 0) {
      store.prepare("UPDATE jobs SET status = 'cancelled', updated_at = ?, finished_at = ? WHERE id = ?").run(actor.at, actor.at, job.id);
      store.prepare("UPDATE shipments SET state = 'cancelled', updated_at = ? WHERE id = ?").run(actor.at, id);
      addEvent(store, { orderId: s.order_id, at: actor.at, operatorId: actor.operatorId, kind: 'shipment_cancelled', reason, data: { code: s.code, beforeBooking: true } });
      return readShipment(store, id);
    }
    fail('CONFLICT', 'The booking is being sent to the carrier; cancel it once it is booked', { reason: 'booking_in_flight' });
  }
  if (!CANCELLABLE_STATES.has(s.state) || !s.tracking_number) {
    fail('TRANSITION_INVALID', `Shipment ${s.code} is ${s.state}; the carrier no longer allows cancelling`, { state: s.state });
  }
  store.prepare("UPDATE shipments SET state = 'cancelling', updated_at = ? WHERE id = ?").run(actor.at, id);
  enqueue(store, {
    kind: 'shipment.cancel', accountId: s.account_id, key: `cancel:${s.code}:${s.tracking_number}`,
    payload: { shipmentId: id, previousState: s.state, reason }, subject: { type: 'shipment', id },
  }, actor.at);
  addEvent(store, { orderId: s.order_id, at: actor.at, operatorId: actor.operatorId, kind: 'shipment_cancel_requested', reason, data: { code: s.code } });
  return readShipment(store, id);
}

/**
 * The operator's word for a booking the carrier accepted while we never heard back (Viettel Post has no
 * lookup by our code): the tracking number from the carrier's portal.
 */
export function setTrackingManually(store: Store, id: number, trackingNumber: string, actor: Actor): ShipmentRow {
  const s = readShipment(store, id);
  if (s.state !== 'exception' && s.state !== 'booking_failed' && s.state !== 'booking') {
    fail('CONFLICT', `Shipment ${s.code} already has its tracking number`, { reason: 'has_tracking', state: s.state });
  }
  const taken = store.prepare('SELECT code FROM shipments WHERE carrier = ? AND tracking_number = ? AND id <> ?').get(s.carrier, trackingNumber, id) as { code: string } | undefined;
  if (taken) fail('CODE_TAKEN', `${trackingNumber} belongs to shipment ${taken.code}`, { field: 'trackingNumber', value: trackingNumber });
  learnTrackingNumber(store, s, trackingNumber, { operatorId: actor.operatorId, reason: 'tracking number entered by hand' }, actor.at);
  return readShipment(store, id);
}

/**
 * A cancelled order takes its parcel booking with it: withdrawn locally if it never left, cancelled at
 * the carrier if still allowed. A parcel already picked up cannot be recalled this way, and then the
 * order cannot be cancelled either (its lifecycle has moved on to shipped).
 */
export function withdrawShipments(store: Store, orderId: number, reason: string, actor: Actor): void {
  const live = store.prepare("SELECT id, state FROM shipments WHERE order_id = ? AND state IN ('booking', 'booked', 'picking')").all(orderId) as { id: number; state: string }[];
  for (const s of live) cancelShipment(store, s.id, reason, actor);
}
