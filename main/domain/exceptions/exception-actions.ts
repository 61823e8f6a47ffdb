import { fail } from '../../api/errors.js';
import type { Store } from '../../store/store.js';
import { cancelOrder } from '../orders/order-commands.js';
import { addEvent, readOrderRow } from '../orders/order-repo.js';
import type { Actor } from '../orders/order-reservation.js';
import { moveJob } from '../printing/print-job-repo.js';
import { liveShipmentOf, requestArrange, shopeeOrderOf } from '../shopee-logistics/shopee-arrange.js';
import { readOpenException, resolveException } from '../shipping/exceptions.js';
import { withdrawShipments } from '../shipping/shipment-cancel.js';
import { ACTIONS_BY_KIND, actionsFor, checkAction, type ActionFacts, type Channel, type ExceptionAction } from './exception-action-rules.js';

// The operator's actions on exceptions about an order, each in the command's one transaction: the order
// change, its stock movements, the withdrawn prints and bookings, the exception resolved (who, when, how)
// and the order event all commit together or not at all.

const CANCEL_AFTER_PACK = 'marketplace_cancel_after_pack' as const;
const PICKUP_RETRY = 'marketplace_pickup_retry' as const;

/** What the action rules need to know about an order. */
export function actionFacts(store: Store, orderId: number): ActionFacts {
  const r = store.prepare(`SELECT o.channel, o.status, (SELECT m.marketplace_status FROM marketplace_orders m WHERE m.order_id = o.id ORDER BY m.updated_at DESC LIMIT 1) AS ms
    FROM orders o WHERE o.id = ?`).get(orderId) as { channel: Channel; status: ActionFacts['orderStatus']; ms: string | null } | undefined;
  if (!r) return fail('NOT_FOUND', 'Order not found', { entity: 'order', id: orderId });
  return { channel: r.channel, orderStatus: r.status, marketplaceStatus: r.ms ?? '' };
}

/** The actions an exception offers now (none once resolved, or for a kind without any). */
export function exceptionActionsOf(store: Store, e: { kind: string; status: string; order_id: number | null }) {
  if (e.status !== 'open' || e.order_id === null || !ACTIONS_BY_KIND[e.kind]) return [];
  return actionsFor(e.kind, actionFacts(store, e.order_id));
}

const CHANNEL_NAMES: Record<Channel, string> = { shopee: 'Shopee', lazada: 'Lazada', tiktok: 'TikTok Shop', manual: 'manual', website: 'website' };

const REFUSALS = {
  marketplace_cancelled: (n: string, c: string) => `${c} cancelled order ${n}: it cannot be shipped through ${c}; unpack and restock it`,
  parcel_left: (n: string) => `Order ${n} has already left with the carrier: nothing to unpack`,
  already_cancelled: (n: string) => `Order ${n} is already cancelled`,
  not_retry: (n: string) => `The marketplace no longer asks to arrange order ${n} again`,
  not_marketplace_logistics: (n: string) => `Order ${n} is not shipped with the marketplace's logistics`,
};

/** The open exception and its order, refused with the rule's reason when the action is not allowed now. */
function prepare(store: Store, exceptionId: number, kind: typeof CANCEL_AFTER_PACK | typeof PICKUP_RETRY, action: ExceptionAction) {
  const e = readOpenException(store, exceptionId, [kind]);
  if (e.order_id === null) return fail('CONFLICT', 'This exception is not about an order', { reason: 'exception_kind', id: exceptionId });
  const order = readOrderRow(store, e.order_id);
  const facts = actionFacts(store, order.id);
  const check = checkAction(action, facts);
  if (!check.allowed) {
    const channelName = CHANNEL_NAMES[facts.channel];
    fail(check.reason === 'already_cancelled' || check.reason === 'parcel_left' ? 'TRANSITION_INVALID' : 'CONFLICT', REFUSALS[check.reason](order.number, channelName), {
      reason: check.reason, number: order.number, channel: facts.channel, channelName, status: order.status, marketplaceStatus: facts.marketplaceStatus,
    });
  }
  return { e, order, facts };
}

/**
 * A marketplace's own logistics booking (Shopee: carrier 'shopee') is void once the marketplace cancelled
 * the order: nothing to call, so it is closed here and its queued jobs (tracking, AWB) with it. A job
 * already running finds the shipment cancelled (or Shopee's CANCELLED) and changes nothing.
 */
function closeMarketplaceShipments(store: Store, orderId: number, reason: string, actor: Actor): void {
  const live = store.prepare("SELECT id, code FROM shipments WHERE order_id = ? AND carrier = 'shopee' AND state NOT IN ('cancelled', 'booking_failed')").all(orderId) as { id: number; code: string }[];
  for (const s of live) {
    store.prepare("UPDATE shipments SET state = 'cancelled', updated_at = ? WHERE id = ?").run(actor.at, s.id);
    store.prepare(`UPDATE jobs SET status = 'cancelled', updated_at = ?, finished_at = ? WHERE subject_type = 'shipment' AND subject_id = ? AND kind LIKE 'shopee.%' AND status = 'queued'`)
      .run(actor.at, actor.at, s.id);
    addEvent(store, { orderId, at: actor.at, operatorId: actor.operatorId, kind: 'shipment_cancelled', reason, data: { code: s.code, carrier: 'shopee' } });
  }
}

/** Label and slip prints still waiting for a printer: a cancelled order's parcel gets no label. */
function cancelQueuedPrints(store: Store, orderId: number, now: number): number {
  const ids = store.prepare("SELECT id FROM print_jobs WHERE order_id = ? AND status IN ('queued', 'waiting')").pluck().all(orderId) as number[];
  return ids.filter((id) => moveJob(store, id, { event: 'cancel', now, message: null })).length;
}

/**
 * Unpack and restock: the order becomes cancelled and what it held goes back to available (a release
 * movement with the reason, through the order cancellation every other path uses), queued prints are
 * cancelled, bookings withdrawn (a carrier's through the shipping withdraw path), the exception resolved.
 */
export function unpackAndRestock(store: Store, exceptionId: number, note: string, actor: Actor) {
  const { e, order, facts } = prepare(store, exceptionId, CANCEL_AFTER_PACK, 'unpack_restock');
  const reason = `Unpacked and restocked: ${CHANNEL_NAMES[facts.channel]} cancelled the order after packing${note ? ` (${note})` : ''}`;
  const prints = cancelQueuedPrints(store, order.id, actor.at);
  closeMarketplaceShipments(store, order.id, reason, actor);
  withdrawShipments(store, order.id, reason, actor);
  const promoted = cancelOrder(store, order.id, reason, actor);
  resolveException(store, e.id, note ? `Unpacked and restocked: ${note}` : 'Unpacked and restocked', actor.operatorId, actor.at);
  return { exceptionId: e.id, orderId: order.id, orderStatus: 'cancelled' as const, promoted, printsCancelled: prints };
}

/** Ship anyway: the order stays as it is and goes out as booked; only where the channel allows it. */
export function shipAnyway(store: Store, exceptionId: number, note: string, actor: Actor) {
  const { e, order, facts } = prepare(store, exceptionId, CANCEL_AFTER_PACK, 'ship_anyway');
  const resolution = `Ship anyway${note ? `: ${note}` : ''}`;
  addEvent(store, { orderId: order.id, at: actor.at, operatorId: actor.operatorId, kind: 'ship_anyway', reason: resolution, data: { exceptionId: e.id, channel: facts.channel } });
  resolveException(store, e.id, resolution, actor.operatorId, actor.at);
  return { exceptionId: e.id, orderId: order.id, orderStatus: order.status };
}

/**
 * Re-arrange a failed pickup with Shopee: the failed arrangement is closed (Shopee voided it with
 * RETRY_SHIP) and a new one requested through the Shopee logistics module, as the pack station does
 * (`auto`: drop-off when Shopee needs nothing for it, else the first pickup slot). The outbox asks Shopee.
 */
export function rearrangePickup(store: Store, exceptionId: number, actor: Actor) {
  const { e, order } = prepare(store, exceptionId, PICKUP_RETRY, 'rearrange');
  if (!shopeeOrderOf(store, order.id)) fail('CONFLICT', `Order ${order.number} is not a Shopee order`, { reason: 'not_marketplace_logistics', number: order.number });
  const previous = liveShipmentOf(store, order.id);
  if (previous?.carrier === 'shopee') {
    store.prepare("UPDATE shipments SET state = 'cancelled', carrier_status = 'RETRY_SHIP', updated_at = ? WHERE id = ?").run(actor.at, previous.id);
    store.prepare(`INSERT OR IGNORE INTO shipment_events (shipment_id, at, carrier_status, description, mapped, source, dedupe_key, received_at)
      VALUES (?, ?, 'RETRY_SHIP', 'Pickup failed; arranged again', 'cancelled', 'operator', ?, ?)`).run(previous.id, actor.at, `${previous.id}:rearranged`, actor.at);
  }
  const shipmentId = requestArrange(store, order.id, { method: 'auto' }, actor);
  const code = store.prepare('SELECT code FROM shipments WHERE id = ?').pluck().get(shipmentId) as string;
  addEvent(store, { orderId: order.id, at: actor.at, operatorId: actor.operatorId, kind: 'shopee_rearrange_requested', reason: 'Pickup failed (RETRY_SHIP)', data: { previous: previous?.code ?? null, code, exceptionId: e.id } });
  resolveException(store, e.id, `Pickup arranged again (${code})`, actor.operatorId, actor.at);
  return { exceptionId: e.id, orderId: order.id, orderStatus: readOrderRow(store, order.id).status, shipmentId };
}
