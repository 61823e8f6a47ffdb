import { CommandError, fail } from '../../api/errors.js';
import { refuseIfCancelRequested } from './marketplace-hold.js';
import type { Store } from '../../store/store.js';
import { readOrderRow, setStatus } from '../orders/order-repo.js';
import type { Actor } from '../orders/order-reservation.js';
import { checkTransition } from '../orders/order-state-machine.js';
import { enqueuePrint } from '../printing/print-queue.js';
import { settlePickLists } from '../picking/pick-list-settle.js';
import { requestBooking } from '../shipping/shipment-booking.js';
import { packBookingForm, type PackCarrier } from './pack-booking.js';
import { closeSession, readOpenSession, verifyLines, type SessionRow } from './pack-session-repo.js';
import type { Desk } from './pack-session-commands.js';
import { allVerified } from './verify-rules.js';

export interface CompleteDesk extends Desk { requireWeight: boolean; printPackingSlip: boolean }

const liveShipment = (store: Store, orderId: number) =>
  store.prepare("SELECT id FROM shipments WHERE order_id = ? AND state NOT IN ('cancelled', 'booking_failed') ORDER BY id DESC LIMIT 1").get(orderId) as { id: number } | undefined;

/**
 * The hard gates, checked before anything is booked or printed and again inside the transaction: no
 * label for a cancelled order, no packed order with a line not fully verified unless a manager
 * overrode it, and a weight where the station asks for one. Returns whether a booking is needed.
 */
export function checkGates(store: Store, s: SessionRow, weightG: number | null, desk: CompleteDesk): { orderId: number; needsBooking: boolean } {
  const order = readOrderRow(store, s.order_id);
  if (order.status === 'cancelled') fail('TRANSITION_INVALID', `Order ${order.number} was cancelled: no label`, { reason: 'order_cancelled', number: order.number });
  refuseIfCancelRequested(store, order);
  if (order.status !== 'packing') fail('CONFLICT', `Order ${order.number} is ${order.status} now`, { reason: 'order_moved', status: order.status, number: order.number });
  const lines = verifyLines(store, order.id);
  if (!allVerified(lines) && s.override_at === null) {
    const missing = lines.filter((l) => l.verifiedQty !== l.quantity).length;
    throw new CommandError('GUARD_FAILED', `Order ${order.number}: ${missing} line(s) not verified`, { guard: 'lines_verified', from: 'packing', to: 'packed', missing });
  }
  if (desk.requireWeight && weightG === null) fail('GUARD_FAILED', 'Weigh the parcel first', { guard: 'weight', from: 'packing', to: 'packed' });
  return { orderId: order.id, needsBooking: !liveShipment(store, order.id) };
}

/**
 * Booking (when the order has no live shipment), the label and slip print jobs and `packed`, in the
 * caller's one transaction: a crash leaves either all of it or none. The booking job and the print
 * jobs run later from their queues; the label job waits for the tracking number.
 */
export function completeSession(store: Store, sessionId: number, weightG: number | null, desk: CompleteDesk, account: PackCarrier | null, actor: Actor) {
  const s = readOpenSession(store, sessionId, desk.station);
  const { orderId, needsBooking } = checkGates(store, s, weightG, desk);
  let shipmentId = liveShipment(store, orderId)?.id;
  if (needsBooking) {
    if (!account) fail('CONFLICT', 'No active carrier account to book the parcel with', { reason: 'no_carrier' });
    shipmentId = requestBooking(store, packBookingForm(store, orderId, account!, weightG), actor);
  }
  const printJobIds = [enqueuePrint(store, { station: desk.station, purpose: 'label', document: { kind: 'shipment-label', shipmentId: shipmentId! }, orderId }, actor.at).printJobId];
  if (desk.printPackingSlip) printJobIds.push(enqueuePrint(store, { station: desk.station, purpose: 'slip', document: { kind: 'packing-slip', orderId }, orderId }, actor.at).printJobId);
  const order = readOrderRow(store, orderId);
  // The state machine's guard holds unless a manager's audited override (an order event) says otherwise.
  if (s.override_at === null) {
    const lines = verifyLines(store, orderId).map((l) => ({ quantity: l.quantity, reservedQty: l.quantity, verifiedQty: l.verifiedQty }));
    const check = checkTransition({ status: order.status, trackingNumber: order.tracking_number, lines }, 'packed');
    if (!check.ok) throw new CommandError(check.code, `Order ${order.number} cannot be packed`, { ...check });
  }
  setStatus(store, order, 'packed', { ...actor, kind: 'packed', data: { station: desk.station, weightG, shipmentId, override: s.override_at !== null } });
  closeSession(store, sessionId, 'packed', actor.at, { weightG });
  // The order's pick list turns done in this same transaction when this was its last order.
  settlePickLists(store, [orderId], actor.at);
  return { orderId, shipmentId: shipmentId!, booked: needsBooking, printJobIds };
}
