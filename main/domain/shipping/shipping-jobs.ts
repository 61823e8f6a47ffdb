import { z } from 'zod';
import type { BookingRequest, BookingResult, TrackingEvent } from '../../connectors/carriers/carrier-connector.js';
import type { SecretBox } from '../../core/secret-box.js';
import type { Store } from '../../store/store.js';
import { JobError } from '../../sync/job-error.js';
import { defineJobKind, type JobKind } from '../../sync/outbox.js';
import { carrierFor } from '../connections/connector-cache.js';
import { addEvent } from '../orders/order-repo.js';
import { labelJobKind } from './carrier-labels.js';
import { decisionJobKind } from './delivery-decision.js';
import { openException, resolveExceptions } from './exceptions.js';
import { learnTrackingNumber } from './tracking-number.js';
import { readShipment } from './shipment-repo.js';
import { applyTrackingEvents } from './tracking-apply.js';

const byShipment = z.object({ shipmentId: z.number().int().positive() });

/** The carrier's answer to a booking. A callback may have told us the tracking number first: then only the answer's details are added. */
function recordBooking(store: Store, shipmentId: number, r: BookingResult, now: number): void {
  const s = readShipment(store, shipmentId);
  store
    .prepare(`UPDATE shipments SET fee = ?, expected_delivery_at = ?, sort_code = ?, response_json = ?, updated_at = ? WHERE id = ?`)
    .run(r.feeVnd, r.expectedDeliveryAt, r.sortCode, JSON.stringify(r.raw ?? null), now, shipmentId);
  if (s.tracking_number) return;
  learnTrackingNumber(store, s, r.trackingNumber, { operatorId: null, data: { feeVnd: r.feeVnd } }, now);
  store
    .prepare(`INSERT OR IGNORE INTO shipment_events (shipment_id, at, carrier_status, description, mapped, source, dedupe_key, received_at)
      VALUES (?, ?, 'booked', 'Booked with the carrier', 'booked', 'booking', ?, ?)`)
    .run(shipmentId, now, `${shipmentId}:booked`, now);
}

export function shippingJobKinds(deps: { dataDir: string; secrets: SecretBox }): JobKind<any, any>[] {
  const book = defineJobKind({
    kind: 'shipment.book',
    payload: byShipment,
    // A run after the first looks the booking up, then books: two requests.
    requests: (job) => (job.runs > 0 ? 2 : 1),
    async run(ctx, { shipmentId }) {
      const s = readShipment(ctx.store, shipmentId);
      if (s.state !== 'booking') return { skipped: s.state };
      const carrier = carrierFor(ctx.store, deps.secrets, s.account_id);
      // A second run may follow one that reached the carrier before we heard back: look it up first.
      if (ctx.job.runs > 1) {
        const found = await carrier.findByCode(s.code);
        if (found) return { booking: found, reused: true };
      }
      try {
        return { booking: await carrier.book(JSON.parse(s.request_json) as BookingRequest), reused: false };
      } catch (error) {
        // While this attempt was out, the carrier's callback may have brought the waybill of the attempt
        // whose answer was lost (VTP): how this repeat failed (refused as a duplicate, timed out) is then
        // no news, the booking is done.
        if (readShipment(ctx.store, shipmentId).tracking_number) return { skipped: 'booked' };
        throw error;
      }
    },
    applyResult(store, { shipmentId }, result: { booking?: BookingResult }, _job, now) {
      if (result.booking) recordBooking(store, shipmentId, result.booking, now);
    },
    applyFailure(store, { shipmentId }, error, _job, now) {
      const s = readShipment(store, shipmentId);
      if (s.tracking_number) return;
      const already = error.code === 'ALREADY_BOOKED';
      store.prepare('UPDATE shipments SET state = ?, error_code = ?, error_message = ?, error_hint = ?, updated_at = ? WHERE id = ?')
        .run(already ? 'exception' : 'booking_failed', error.code, error.message, error.hint, now, shipmentId);
      addEvent(store, { orderId: s.order_id, at: now, operatorId: null, kind: already ? 'shipment_unconfirmed' : 'shipment_rejected', reason: error.message, data: { code: s.code, errorCode: error.code } });
      openException(store, {
        kind: already ? 'already_booked' : 'booking_rejected', orderId: s.order_id, shipmentId,
        message: error.message, details: { code: s.code, errorCode: error.code, hint: error.hint },
      }, now);
    },
  });

  const cancel = defineJobKind({
    kind: 'shipment.cancel',
    payload: byShipment.extend({ previousState: z.string(), reason: z.string() }),
    async run(ctx, { shipmentId }) {
      const s = readShipment(ctx.store, shipmentId);
      const r = await carrierFor(ctx.store, deps.secrets, s.account_id).cancel(s.tracking_number!);
      if (!r.cancelled) throw new JobError('permanent', 'CANCEL_REFUSED', r.message || 'The carrier refused to cancel', { hint: 'The parcel may already be picked up.' });
      return r;
    },
    applyResult(store, { shipmentId, reason }, _r, _job, now) {
      const s = readShipment(store, shipmentId);
      store.prepare("UPDATE shipments SET state = 'cancelled', updated_at = ? WHERE id = ?").run(now, shipmentId);
      store.prepare('UPDATE orders SET tracking_number = NULL, updated_at = ? WHERE id = ? AND tracking_number = ?').run(now, s.order_id, s.tracking_number);
      addEvent(store, { orderId: s.order_id, at: now, operatorId: null, kind: 'shipment_cancelled', reason, data: { code: s.code, trackingNumber: s.tracking_number } });
      resolveExceptions(store, { shipmentId }, 'Shipment cancelled', null, now);
    },
    applyFailure(store, { shipmentId, previousState }, error, _job, now) {
      store.prepare('UPDATE shipments SET state = ?, error_code = ?, error_message = ?, error_hint = ?, updated_at = ? WHERE id = ?').run(previousState, error.code, error.message, error.hint, now, shipmentId);
    },
  });

  const track = defineJobKind({
    kind: 'shipment.track',
    payload: byShipment,
    async run(ctx, { shipmentId }) {
      const s = readShipment(ctx.store, shipmentId);
      if (!s.tracking_number) return { events: [] };
      return { events: await carrierFor(ctx.store, deps.secrets, s.account_id).track(s.tracking_number) };
    },
    applyResult(store, { shipmentId }, r: { events: TrackingEvent[] }, _job, now) {
      applyTrackingEvents(store, shipmentId, r.events, 'poll', now);
    },
  });

  return [book, cancel, labelJobKind(deps), track, decisionJobKind(deps)];
}
