// What happens to orders as simulated time passes, decided by the simulator clock (a test moves a
// manual clock and calls tick()): buyers pay or never do, some ask to cancel, the carrier picks up
// arranged packages, parcels are delivered, orders complete or come back.

import type { Order, OrderStore } from './order-store.js';
import type { Timings } from './shopee-context.js';

export function advanceDue(store: OrderStore, timings: Timings, now: number): Order[] {
  const moved: Order[] = [];
  for (const o of store.list()) {
    const age = now - o.lastChangeAt;
    const before = o.status;
    switch (o.status) {
      case 'UNPAID':
        if (age >= timings.payAfterMs) {
          if (o.sidePath === 'unpaidCancel') store.setStatus(o, 'CANCELLED', { cancelBy: 'system', cancelReason: 'Unpaid' });
          else store.setStatus(o, 'READY_TO_SHIP');
        }
        break;
      case 'READY_TO_SHIP':
        if (o.sidePath === 'buyerCancel' && age >= timings.buyerCancelAfterMs && o.packages.every((p) => p.arrangedAt === undefined)) {
          o.buyerCancelReason = 'Change of mind';
          o.sidePath = undefined;
          store.setStatus(o, 'IN_CANCEL');
        }
        break;
      case 'PROCESSED':
      case 'RETRY_SHIP':
        for (const p of o.packages) {
          if (p.status === 'LOGISTICS_REQUEST_CREATED' && p.arrangedAt !== undefined && now - p.arrangedAt >= timings.pickupAfterMs) {
            p.status = 'LOGISTICS_PICKUP_DONE';
            p.pickupDoneAt = now;
            o.updateTime = now;
          }
        }
        store.settleFromPackages(o);
        break;
      case 'SHIPPED':
        if (age >= timings.deliverAfterMs) store.setStatus(o, 'TO_CONFIRM_RECEIVE');
        break;
      case 'TO_CONFIRM_RECEIVE':
        if (age >= timings.completeAfterMs) store.setStatus(o, o.sidePath === 'return' ? 'TO_RETURN' : 'COMPLETED');
        break;
      default:
        break;
    }
    if (o.status !== before) moved.push(o);
  }
  return moved;
}
