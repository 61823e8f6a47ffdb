import type { Store } from '../../store/store.js';
import { openException as openShippingException } from '../shipping/exceptions.js';
import type { ExceptionKind } from '../shipping/shipment-state-rules.js';
import type { Actor } from '../orders/order-reservation.js';

/** Opens (once) an exception about an order and returns its id, new or already open. */
export function openException(store: Store, e: Parameters<typeof openShippingException>[1] & { orderId: number }, now: number): number | null {
  openShippingException(store, e, now);
  const r = store.prepare("SELECT id FROM exceptions WHERE kind = ? AND coalesce(shipment_id, 0) = 0 AND coalesce(order_id, 0) = ? AND ref = ? AND status = 'open'")
    .get(e.kind, e.orderId, e.ref ?? '') as { id: number } | undefined;
  return r?.id ?? null;
}

export function resolveOrderExceptions(store: Store, orderId: number, kind: ExceptionKind, resolution: string, actor: Actor): void {
  store.prepare("UPDATE exceptions SET status = 'resolved', resolution = ?, resolved_by = ?, resolved_at = ? WHERE status = 'open' AND kind = ? AND coalesce(shipment_id, 0) = 0 AND coalesce(order_id, 0) = ?")
    .run(resolution, actor.operatorId, actor.at, kind, orderId);
}
