import { CommandError, fail } from '../../api/errors.js';
import type { Store } from '../../store/store.js';
import { isJobError, type JobError } from '../../sync/job-error.js';
import { enqueue } from '../../sync/outbox.js';
import { addEvent, readOrderRow } from '../orders/order-repo.js';
import { arrangeBlocker, type MethodChoice } from './shopee-logistics-rules.js';

// Arranging shipment with Shopee's own logistics, locally: checks, the shipment row (carrier 'shopee')
// and the outbox job in the caller's transaction (DESIGN.md rule 4). The network work is in the jobs.

export interface ShopeeOrderRef {
  orderId: number;
  number: string;
  status: string;
  accountId: number;
  orderSn: string;
  marketplaceStatus: string;
  hold: string;
  packageStatus: string;
}

/** The Shopee side of an internal order, or null when the order did not come from a Shopee shop. */
export function shopeeOrderOf(store: Store, orderId: number): ShopeeOrderRef | null {
  const r = store.prepare(`SELECT o.id, o.number, o.status, o.channel, mo.account_id, mo.external_id, mo.marketplace_status, mo.hold, mo.package_status
      FROM orders o LEFT JOIN marketplace_orders mo ON mo.order_id = o.id WHERE o.id = ? ORDER BY mo.updated_at DESC LIMIT 1`).get(orderId) as
    { id: number; number: string; status: string; channel: string; account_id: number | null; external_id: string | null; marketplace_status: string | null; hold: string | null; package_status: string | null } | undefined;
  if (!r || r.channel !== 'shopee' || r.account_id === null || r.external_id === null) return null;
  return {
    orderId: r.id, number: r.number, status: r.status, accountId: r.account_id, orderSn: r.external_id,
    marketplaceStatus: r.marketplace_status ?? '', hold: r.hold ?? '', packageStatus: r.package_status ?? '',
  };
}

/** Whether the packing station should arrange with Shopee instead of booking a carrier. */
export const isShopeeLogisticsOrder = (store: Store, orderId: number): boolean => shopeeOrderOf(store, orderId) !== null;

export const liveShipmentOf = (store: Store, orderId: number) =>
  store.prepare("SELECT id, code, carrier, state FROM shipments WHERE order_id = ? AND state NOT IN ('cancelled', 'booking_failed') ORDER BY id DESC LIMIT 1").get(orderId) as
    { id: number; code: string; carrier: string; state: string } | undefined;

/** The checks before arranging: a clear error naming why, nothing written. */
export function checkArrangeable(store: Store, orderId: number): ShopeeOrderRef {
  const order = readOrderRow(store, orderId);
  const ref = shopeeOrderOf(store, orderId);
  if (!ref) fail('CONFLICT', `Order ${order.number} is not a Shopee order: book it with a carrier instead`, { reason: 'not_shopee', number: order.number });
  if (order.status === 'cancelled') fail('TRANSITION_INVALID', `Order ${order.number} was cancelled: nothing to ship`, { reason: 'order_cancelled', number: order.number });
  const blocker = arrangeBlocker(ref!.marketplaceStatus, ref!.hold);
  if (blocker === 'cancelled') fail('TRANSITION_INVALID', `Order ${order.number} was cancelled on Shopee: nothing to ship`, { reason: 'order_cancelled', number: order.number });
  if (blocker === 'in_cancel') fail('CONFLICT', `The buyer asked to cancel order ${order.number}: answer the request on Shopee first`, { reason: 'in_cancel', number: order.number });
  if (blocker === 'unpaid') fail('CONFLICT', `Order ${order.number} is not paid / held by Shopee yet: it cannot be shipped`, { reason: 'unpaid', number: order.number });
  if (blocker === 'shipped') fail('CONFLICT', `Order ${order.number} has already left with Shopee's carrier`, { reason: 'already_shipped', number: order.number });
  const live = liveShipmentOf(store, orderId);
  if (live) fail('CONFLICT', `Order ${order.number} is already arranged (${live.code})`, { reason: 'already_arranged', code: live.code, number: order.number });
  if (blocker === 'not_ready') fail('CONFLICT', `Order ${order.number} is ${ref!.marketplaceStatus} on Shopee: not ready to ship`, { reason: 'not_ready', status: ref!.marketplaceStatus, number: order.number });
  return ref!;
}

function shipmentWeight(store: Store, orderId: number): number {
  const w = store.prepare('SELECT coalesce(sum(l.quantity * v.weight_g), 0) FROM order_lines l JOIN variants v ON v.id = l.variant_id WHERE l.order_id = ?').pluck().get(orderId) as number;
  return Math.max(1, Math.round(w));
}

/**
 * Records the arrangement: a shipment (carrier 'shopee', state booking until Shopee accepts) and the
 * `shopee.ship` job, keyed by the shipment code so a repeat is the same job. Returns the shipment id.
 */
export function requestArrange(store: Store, orderId: number, choice: MethodChoice, actor: { operatorId: number | null; at: number }): number {
  const ref = checkArrangeable(store, orderId);
  const n = (store.prepare("SELECT count(*) FROM shipments WHERE order_id = ? AND carrier = 'shopee'").pluck().get(orderId) as number) + 1;
  const code = `SPE-${ref.number}-${n}`;
  const r = store.prepare(`INSERT INTO shipments (code, order_id, account_id, carrier, state, service_code, service_name, payer, inspection, cod_amount,
      weight_g, length_cm, width_cm, height_cm, request_json, created_by, created_at, updated_at)
    VALUES (?, ?, ?, 'shopee', 'booking', ?, 'Shopee', 'buyer', 'none', 0, ?, 0, 0, 0, ?, ?, ?, ?)`)
    .run(code, orderId, ref.accountId, choice.method, shipmentWeight(store, orderId), JSON.stringify({ orderSn: ref.orderSn, choice }), actor.operatorId, actor.at, actor.at);
  const shipmentId = Number(r.lastInsertRowid);
  enqueue(store, { kind: 'shopee.ship', accountId: ref.accountId, key: `shopee.ship:${code}`, payload: { shipmentId }, subject: { type: 'shipment', id: shipmentId } }, actor.at);
  addEvent(store, { orderId, at: actor.at, operatorId: actor.operatorId, kind: 'shopee_arrange_requested', data: { code, orderSn: ref.orderSn, method: choice.method } });
  return shipmentId;
}

/** A connector failure during a live command, as the error the operator sees. */
export function commandErrorOfShopee(error: unknown): unknown {
  if (!isJobError(error)) return error;
  const e = error as JobError;
  const details = { providerCode: e.code, hint: e.hint };
  if (e.kind === 'offline') return new CommandError('OFFLINE', e.message, details);
  if (e.kind === 'transient' || e.kind === 'rate_limited') return new CommandError('MARKETPLACE_UNAVAILABLE', e.message, details);
  if (e.kind === 'auth') return new CommandError('MARKETPLACE_AUTH_FAILED', e.message, details);
  return new CommandError('CONFLICT', e.message, { reason: 'shopee_rejected', ...details });
}
