import type { Store } from '../../store/store.js';
import { moveStock, readLevel } from '../inventory/stock-ledger.js';
import { available } from '../inventory/stock-rules.js';
import { readLines, readOrderRow, setStatus, type OrderRow } from './order-repo.js';
import { shortages } from './reservation-rules.js';

export interface Actor {
  operatorId: number | null;
  at: number;
}

const warehouseAllowsNegative = (store: Store, id: number) =>
  (store.prepare('SELECT allow_negative FROM warehouses WHERE id = ?').get(id) as { allow_negative: number }).allow_negative === 1;

/**
 * Tries to reserve every line of the order at once. Returns the shortages when it cannot; nothing is
 * reserved then. Lines are reserved in the same transaction as the caller's change.
 */
export function reserveWhole(store: Store, order: OrderRow, actor: Actor) {
  const lines = readLines(store, order.id).map((l) => ({ ...l, variantId: l.variant_id, quantity: l.quantity - l.reserved_qty }));
  const open = lines.filter((l) => l.quantity > 0);
  const short = shortages(open, (v) => available(readLevel(store, v, order.warehouse_id)), warehouseAllowsNegative(store, order.warehouse_id));
  if (short.length) return { reserved: false as const, shortages: short };
  for (const l of open) {
    moveStock(store, { variantId: l.variant_id, warehouseId: order.warehouse_id, kind: 'reserve', onHandDelta: 0, reservedDelta: l.quantity, orderId: order.id, operatorId: actor.operatorId, at: actor.at }, { sku: l.sku });
    store.prepare('UPDATE order_lines SET reserved_qty = quantity WHERE id = ?').run(l.id);
  }
  return { reserved: true as const, shortages: [] };
}

/** Gives back whatever the order holds; returns the variants whose stock was freed. */
export function releaseAll(store: Store, order: OrderRow, actor: Actor, reason = ''): number[] {
  const freed: number[] = [];
  for (const l of readLines(store, order.id)) {
    if (l.reserved_qty === 0) continue;
    moveStock(store, { variantId: l.variant_id, warehouseId: order.warehouse_id, kind: 'release', onHandDelta: 0, reservedDelta: -l.reserved_qty, orderId: order.id, reason, operatorId: actor.operatorId, at: actor.at }, { sku: l.sku });
    store.prepare('UPDATE order_lines SET reserved_qty = 0 WHERE id = ?').run(l.id);
    freed.push(l.variant_id);
  }
  return freed;
}

/**
 * Reserves the order, moving it to ready_to_pack, or parks it in awaiting_stock with the shortages
 * recorded on the event so the operator sees why.
 */
export function reserveOrPark(store: Store, order: OrderRow, actor: Actor, kind: string) {
  const result = reserveWhole(store, order, actor);
  const to = result.reserved ? 'ready_to_pack' : 'awaiting_stock';
  if (order.status !== to) setStatus(store, order, to, { ...actor, kind, data: result.reserved ? {} : { shortages: result.shortages } });
  return result;
}

/**
 * After stock is freed or received: waiting orders of the warehouse that need one of these variants
 * are promoted oldest first, each only when it fits whole.
 */
export function promoteWaiting(store: Store, warehouseId: number, variantIds: Iterable<number>, actor: Actor): number[] {
  const ids = [...new Set(variantIds)];
  if (!ids.length) return [];
  const waiting = store
    .prepare(`SELECT DISTINCT o.id, o.created_at FROM orders o JOIN order_lines l ON l.order_id = o.id
      WHERE o.status = 'awaiting_stock' AND o.warehouse_id = ? AND l.variant_id IN (SELECT value FROM json_each(?))
      ORDER BY o.created_at, o.id`)
    .all(warehouseId, JSON.stringify(ids)) as { id: number }[];
  const promoted: number[] = [];
  for (const { id } of waiting) {
    const order = readOrderRow(store, id);
    if (reserveWhole(store, order, actor).reserved) {
      setStatus(store, order, 'ready_to_pack', { ...actor, kind: 'promoted', reason: 'stock arrived' });
      promoted.push(id);
    }
  }
  return promoted;
}
