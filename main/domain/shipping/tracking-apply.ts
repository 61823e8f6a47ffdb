import type { TrackingEvent } from '../../connectors/carriers/carrier-connector.js';
import type { Store } from '../../store/store.js';
import { followCarrier } from '../orders/order-commands.js';
import { openException, resolveExceptions } from './exceptions.js';
import { readShipment, type ShipmentRow } from './shipment-repo.js';
import { exceptionFor, foldEvents, orderStatusFor, STATUS_RANKS, type StoredShipmentState } from './shipment-state-rules.js';

const MOVING_AGAIN: ReadonlySet<StoredShipmentState> = new Set(['picked', 'in_transit', 'delivering', 'delivered']);

/**
 * Applies carrier events from any source (poll, webhook, export file) in the caller's transaction.
 * Duplicates are dropped by key, out-of-order events only add history, and the order follows the
 * parcel through its lifecycle with an event per step.
 */
export function applyTrackingEvents(store: Store, shipmentId: number, events: TrackingEvent[], source: 'poll' | 'webhook' | 'import' | 'operator', now: number) {
  const s = readShipment(store, shipmentId);
  // Only the carrier's own events order its events: our 'booked' marker carries our clock, and a carrier
  // whose clock is behind ours (or that writes whole seconds, as VTP does) would see its first statuses
  // after a booking counted as older than the booking, and ignored.
  const lastEventAt = (store.prepare("SELECT coalesce(max(at), 0) AS t FROM shipment_events WHERE shipment_id = ? AND mapped <> 'unchanged' AND source <> 'booking'").get(shipmentId) as { t: number }).t;
  const insert = store.prepare(`INSERT OR IGNORE INTO shipment_events (shipment_id, at, carrier_status, description, mapped, location, reason, source, dedupe_key, received_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const fresh = events.filter((e) =>
    insert.run(shipmentId, e.at, e.carrierStatus, e.description, e.mapped, e.location ?? null, e.reason ?? null, source, `${shipmentId}:${e.carrierStatus}:${e.at}`, now).changes > 0);
  if (!fresh.length) return { applied: 0, duplicates: events.length };
  const latest = fresh.reduce((a, b) => (b.at >= a.at ? b : a));
  const { state, applied } = foldEvents({ state: s.state, lastEventAt, carrierStatus: s.carrier_status }, fresh, STATUS_RANKS[s.carrier]);
  // The carrier status shown is the one that set the state; a status that only adds history shows when it is newer.
  const shown = applied ?? (latest.at > lastEventAt ? latest : null);
  store
    .prepare('UPDATE shipments SET state = ?, carrier_status = coalesce(?, carrier_status), updated_at = ? WHERE id = ?')
    .run(state, shown?.carrierStatus ?? null, now, shipmentId);
  if (state !== s.state) onStateChange(store, s, state, fresh, now);
  return { applied: fresh.length, duplicates: events.length - fresh.length };
}

function onStateChange(store: Store, s: ShipmentRow, state: StoredShipmentState, events: TrackingEvent[], now: number): void {
  const { id: shipmentId, order_id: orderId, tracking_number: tracking } = s;
  const actor = { operatorId: null, at: now };
  const target = orderStatusFor(state);
  const why = events[events.length - 1].description || state;
  if (target && !followCarrier(store, orderId, target, `${tracking ?? ''} ${why}`.trim(), actor)) {
    openException(store, { kind: 'carrier_exception', orderId, shipmentId, message: `The carrier reports "${why}" but the order cannot follow`, details: { state } }, now);
  }
  const kind = exceptionFor(state, s.state);
  if (kind) openException(store, { kind, orderId, shipmentId, message: why, details: { state, trackingNumber: tracking } }, now);
  if (MOVING_AGAIN.has(state)) resolveExceptions(store, { shipmentId, kinds: ['delivery_failed', 'awaiting_decision'] }, 'The parcel moved on', null, now);
  if (state === 'delivered') {
    const collected = events.find((e) => e.codCollectedVnd !== undefined)?.codCollectedVnd;
    store.prepare('UPDATE shipments SET cod_collected = coalesce(?, cod_amount), cod_collected_at = ? WHERE id = ?').run(collected ?? null, now, shipmentId);
  }
}
