import type { z } from 'zod';
import type { orderFilter } from '../../../main/api/orders.js';
import { vnDayRange } from '../../lib/format.js';
import type { OrdersView } from '../../state/orders-view.js';

export type OrderFilterInput = z.input<typeof orderFilter>;

/**
 * The command filter for the list's view. With `withStatus: false` the status is left out, which is
 * what the per-status counts need (every tab shows its count whatever tab is open).
 */
export function viewToFilter(v: OrdersView, withStatus = true): OrderFilterInput {
  return {
    statuses: withStatus && v.status !== 'all' ? [v.status] : [],
    channels: v.channel === 'all' ? [] : [v.channel],
    warehouseId: v.warehouseId === 'all' ? undefined : v.warehouseId,
    paymentMethod: v.paymentMethod === 'all' ? undefined : v.paymentMethod,
    from: v.from ? vnDayRange(v.from)?.start : undefined,
    to: v.to ? vnDayRange(v.to)?.end : undefined,
    query: v.query.trim(),
  };
}

/** How many orders the current view shows, from one count without the status filter. */
export function totalForView(v: OrdersView, count: { total: number; byStatus: Record<string, number> } | undefined): number {
  if (!count) return 0;
  return v.status === 'all' ? count.total : (count.byStatus[v.status] ?? 0);
}
