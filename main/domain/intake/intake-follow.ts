import type { Store } from '../../store/store.js';
import { cancelOrder, followCarrier } from '../orders/order-commands.js';
import { addEvent, setStatus, type OrderRow } from '../orders/order-repo.js';
import { reserveOrPark } from '../orders/order-reservation.js';
import { resolveOrderExceptions } from '../packing/pack-exceptions.js';
import { openException } from '../shipping/exceptions.js';
import { followPlan, type FollowAction } from './intake-follow-rules.js';
import type { MappedOrder } from './shopee-order-mapping.js';

// Carries out the follow plan (intake-follow-rules.ts) for an order we already hold, in the pull's
// transaction. Every change leaves an order event; re-applying the same update changes nothing (the
// lifecycle walk stops where the order already is, notes and exceptions are written when the
// marketplace status changes, and an open exception is raised once).

export const CANCEL_AFTER_PACK = 'marketplace_cancel_after_pack' as const;
export const PICKUP_RETRY = 'marketplace_pickup_retry' as const;

export interface FollowCounts { cancelled: number; exceptions: number }

export interface FollowContext {
  channel: string;
  order: OrderRow;
  o: MappedOrder;
  /** The marketplace status we had before this update. */
  previousStatus: string;
  at: number;
}

const packagesOf = (o: MappedOrder) => (o.packageStatus ? o.packageStatus.split(',') : []);

/** A visible note in the order's history when the marketplace is somewhere our order does not go. */
function note(store: Store, c: FollowContext, kind: 'marketplace_ahead' | 'marketplace_not_followed', reason: string): void {
  addEvent(store, { orderId: c.order.id, at: c.at, operatorId: null, kind, reason, data: { marketplace: c.channel, marketplaceStatus: c.o.marketplaceStatus, orderStatus: c.order.status } });
}

function run(store: Store, c: FollowContext, a: FollowAction, counts: FollowCounts): void {
  const { channel, order, o, at } = c;
  const actor = { operatorId: null, at };
  const changed = c.previousStatus !== o.marketplaceStatus;
  switch (a.kind) {
    case 'none':
      return;
    case 'reserve':
      // Paid (or released by the marketplace): reserve now, whole or park.
      reserveOrPark(store, order, actor, 'paid');
      if (a.aheadOfPacking) note(store, c, 'marketplace_ahead', `${channel} ${o.marketplaceStatus}: shipment arranged before packing; the order waits in the pack queue to be verified at a station`);
      return;
    case 'jump':
      setStatus(store, order, a.to, { ...actor, kind: 'marketplace_status', reason: o.marketplaceStatus });
      return;
    case 'cancel':
      cancelOrder(store, order.id, `${channel}: ${o.cancelReason || 'cancelled by the marketplace'}`, actor);
      counts.cancelled++;
      return;
    case 'cancel_after_pack':
      // Packdesk owns packing: a cancellation after it is the operator's decision (unpack and restock, or ship anyway).
      openException(store, {
        kind: CANCEL_AFTER_PACK, orderId: order.id, ref: o.externalId,
        message: `${channel} cancelled order ${o.externalId} after it was ${order.status}${o.cancelReason ? `: ${o.cancelReason}` : ''}`,
        details: { channel, externalId: o.externalId, marketplaceStatus: o.marketplaceStatus, packageStatus: o.packageStatus, orderStatus: order.status, cancelReason: o.cancelReason },
      }, at);
      counts.exceptions++;
      return;
    case 'follow':
      // The same walk a GHN / Viettel Post parcel makes its order take: the shipped step takes the
      // reserved units out of stock (reserved and on hand down together), once.
      if (!followCarrier(store, order.id, a.to, `${channel} ${o.marketplaceStatus}`, actor) && changed) {
        note(store, c, 'marketplace_not_followed', `${channel} ${o.marketplaceStatus}: the order cannot follow from ${order.status}`);
      }
      return;
    case 'ahead_of_packing':
      if (changed) note(store, c, 'marketplace_ahead', `${channel} ${o.marketplaceStatus}: shipment arranged before packing; the order stays in the pack queue to be verified at a station`);
      return;
    case 'cannot_follow':
      if (changed) note(store, c, 'marketplace_not_followed', `${channel} ${o.marketplaceStatus}: the order is ${order.status} and cannot become ${a.to} by itself`);
      return;
  }
}

/** Moves the order after its marketplace status (forward only, our gates kept) and raises what needs a person. */
export function followMarketplace(store: Store, c: FollowContext, counts: FollowCounts): void {
  const { o, order, at } = c;
  const from = order.status;
  const plan = followPlan({ current: from, stage: o.status.stage, hold: o.status.hold, rearrange: !!o.status.rearrange, packageStatuses: packagesOf(o) });
  run(store, c, plan.action, counts);
  const changed = c.previousStatus !== o.marketplaceStatus;
  if (plan.openRearrange && changed) {
    openException(store, {
      kind: PICKUP_RETRY, orderId: order.id, ref: o.externalId,
      message: `${c.channel}: the carrier could not pick up order ${o.externalId}; arrange the pickup again`,
      details: { channel: c.channel, externalId: o.externalId, marketplaceStatus: o.marketplaceStatus, packageStatus: o.packageStatus, orderStatus: from },
    }, at);
    counts.exceptions++;
  } else if (!o.status.rearrange && changed) {
    // Arranged again (in Packdesk or Seller Centre), picked up, or cancelled: the retry is no longer pending.
    resolveOrderExceptions(store, order.id, PICKUP_RETRY, `${c.channel} ${o.marketplaceStatus}`, { operatorId: null, at });
  }
}
