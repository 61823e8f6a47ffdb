import type { ShipmentState, TrackingEvent } from '../../connectors/carriers/carrier-connector.js';
import { vtpLifecycleRank } from '../../connectors/carriers/viettelpost/status-map.js';
import type { OrderStatus } from '../orders/order-state-machine.js';

export type StoredShipmentState = Exclude<ShipmentState, 'unchanged'> | 'booking' | 'booking_failed' | 'cancelling';

/** States a parcel never leaves: later carrier events are recorded but change nothing (pitfall G3.5). */
export const FINAL_STATES: ReadonlySet<StoredShipmentState> = new Set(['delivered', 'returned', 'cancelled', 'lost', 'damaged', 'booking_failed']);

/** States in which the carrier still has the parcel and will report on it. */
export const ACTIVE_STATES: readonly StoredShipmentState[] = ['booked', 'picking', 'picked', 'in_transit', 'delivering', 'delivery_failed', 'awaiting_decision', 'returning', 'exception'];

/** Before pickup a booking can still be withdrawn at the carrier. */
export const CANCELLABLE_STATES: ReadonlySet<StoredShipmentState> = new Set(['booked', 'picking']);

/** A shipment that still counts: the carrier has it or is about to (not cancelled, not refused). */
export const isLiveShipment = (state: StoredShipmentState): boolean => state !== 'cancelled' && state !== 'booking_failed';

/**
 * How far along its life a parcel is in each state. Carriers stamp whole seconds (VTP), so two statuses
 * of the same second may arrive in either order: the later one in the lifecycle is taken as the newer.
 * Failed delivery comes after out-for-delivery, the shop's decision after the failure, the return after it.
 */
const LIFECYCLE_RANK: Record<StoredShipmentState, number> = {
  booking: 0, booking_failed: 0, booked: 1, cancelling: 1, picking: 2, picked: 3, in_transit: 4, delivering: 5, delivery_failed: 6,
  awaiting_decision: 7, returning: 8, exception: 9, delivered: 10, returned: 10, cancelled: 10, lost: 10, damaged: 10,
};

/** How two statuses of the same timestamp are ordered: by the carrier's own lifecycle where it has one. */
export type StatusRank = (carrierStatus: string | null, mapped: StoredShipmentState) => number;

export const stateRank: StatusRank = (_status, mapped) => LIFECYCLE_RANK[mapped] * 1000;

/** VTP stamps whole seconds, so its own lifecycle orders a tie; GHN's times are finer and our states do. */
export const STATUS_RANKS: Record<'ghn' | 'viettelpost', StatusRank> = {
  ghn: stateRank,
  viettelpost: (status, mapped) => (status !== null && vtpLifecycleRank(status) >= 0 ? vtpLifecycleRank(status) : stateRank(status, mapped)),
};

/**
 * The state after applying carrier events in any order, duplicates included: the newest event by time
 * wins (by lifecycle rank within the same timestamp, never backwards), nothing moves out of a final state,
 * and `unchanged` events only add history. `applied` is the event that set the state, if any did.
 */
export function foldEvents(
  current: { state: StoredShipmentState; lastEventAt: number; carrierStatus?: string | null }, events: TrackingEvent[], rank: StatusRank = stateRank,
) {
  let { state, lastEventAt } = current;
  let status = current.carrierStatus ?? null;
  let applied: TrackingEvent | null = null;
  const rankOf = (e: TrackingEvent) => (e.mapped === 'unchanged' ? -1 : rank(e.carrierStatus, e.mapped));
  for (const e of [...events].sort((a, b) => a.at - b.at || rankOf(a) - rankOf(b))) {
    if (e.mapped === 'unchanged' || FINAL_STATES.has(state) || e.at < lastEventAt) continue;
    if (e.at === lastEventAt && rankOf(e) < rank(status, state)) continue;
    if (state === 'cancelling' && e.mapped !== 'cancelled') continue;
    state = e.mapped;
    status = e.carrierStatus;
    lastEventAt = e.at;
    applied = e;
  }
  return { state, lastEventAt, applied };
}

/**
 * Whether the carrier waits for the shop's word on a failed delivery (re-deliver or return): GHN after a
 * failed attempt or while waiting to return (switch-status storing / return, A1.6); Viettel Post only at
 * 505 (UpdateOrder TYPE 3 / 2, A2.6).
 */
export function canDecideDelivery(carrier: 'ghn' | 'viettelpost', state: StoredShipmentState): boolean {
  return state === 'awaiting_decision' || (carrier === 'ghn' && state === 'delivery_failed');
}

const ORDER_STATUS_FOR: Partial<Record<StoredShipmentState, OrderStatus>> = {
  picked: 'shipped',
  in_transit: 'shipped',
  delivering: 'shipped',
  delivered: 'delivered',
  delivery_failed: 'delivery_failed',
  awaiting_decision: 'delivery_failed',
  returning: 'returning',
  returned: 'returned',
};

/** Where the order's lifecycle should be for a parcel in this state; null leaves the order alone. */
export const orderStatusFor = (state: StoredShipmentState): OrderStatus | null => ORDER_STATUS_FOR[state] ?? null;

export type ExceptionKind = 'delivery_failed' | 'awaiting_decision' | 'returned' | 'lost' | 'damaged' | 'carrier_exception' | 'booking_rejected' | 'address_unmatched' | 'already_booked' | 'cod_mismatch' | 'decision_refused'
  // A packer paused an order at the pack station (main/domain/packing): missing item, damage.
  | 'pack_paused'
  // A marketplace cancelled an order after it was packed (main/domain/intake): unpack and restock, or ship anyway.
  | 'marketplace_cancel_after_pack'
  // The marketplace's carrier failed to pick the parcel up (Shopee RETRY_SHIP, main/domain/intake): arrange the pickup again.
  | 'marketplace_pickup_retry';

const EXCEPTION_FOR: Partial<Record<StoredShipmentState, ExceptionKind>> = {
  delivery_failed: 'delivery_failed',
  awaiting_decision: 'awaiting_decision',
  returned: 'returned',
  lost: 'lost',
  damaged: 'damaged',
  exception: 'carrier_exception',
};

/** The carrier has the goods: a cancellation from here (VTP 201 after 200, 503 after a failed delivery) leaves them out there. */
const PICKED_UP: ReadonlySet<StoredShipmentState> = new Set(['picked', 'in_transit', 'delivering', 'delivery_failed', 'awaiting_decision', 'returning']);

/** What the operator must look at when a shipment moves from `previous` to `state`; null when nothing. */
export function exceptionFor(state: StoredShipmentState, previous: StoredShipmentState): ExceptionKind | null {
  if (state === 'cancelled' && PICKED_UP.has(previous)) return 'carrier_exception';
  return EXCEPTION_FOR[state] ?? null;
}
