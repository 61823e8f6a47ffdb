import { fail } from '../../api/errors.js';
import type { Store } from '../../store/store.js';

// A marketplace buyer's cancel request (Shopee IN_CANCEL, recorded by order intake in
// marketplace_orders.blocks_packing) holds the order: packing it would ship a parcel the seller may
// have to take back. The desk refuses to open or finish it until the marketplace decides.

export const NOT_CANCEL_REQUESTED = 'NOT EXISTS (SELECT 1 FROM marketplace_orders m WHERE m.order_id = o.id AND m.blocks_packing = 1)';

export function refuseIfCancelRequested(store: Store, order: { id: number; number: string }): void {
  const held = store.prepare('SELECT 1 FROM marketplace_orders WHERE order_id = ? AND blocks_packing = 1').get(order.id);
  if (held) fail('CONFLICT', `The buyer asked the marketplace to cancel order ${order.number}: wait for its decision`, { reason: 'cancel_requested', number: order.number });
}
