import type { ORDER_STATUSES } from '../../api/common.js';

export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * The order lifecycle (DESIGN.md §4) as one table. `via` names who may take the edge: `confirm`
 * and `cancel` have their own commands (they move stock); `manual` edges are offered to operators;
 * `reserve` edges are taken only by the reservation code (promotion, re-reservation after an edit);
 * `system` edges by the domain following the outside world (a carrier picking a parcel up).
 */
export const TRANSITIONS: Record<OrderStatus, Partial<Record<OrderStatus, 'confirm' | 'cancel' | 'manual' | 'system' | 'reserve'>>> = {
  new: { awaiting_stock: 'confirm', ready_to_pack: 'confirm', cancelled: 'cancel' },
  awaiting_stock: { ready_to_pack: 'reserve', cancelled: 'cancel' },
  // A carrier can collect a parcel that was never scanned at a station (booked from the order page):
  // its pickup moves the order to shipped from wherever packing had got to.
  ready_to_pack: { packing: 'manual', awaiting_stock: 'reserve', cancelled: 'cancel', shipped: 'system' },
  packing: { packed: 'manual', ready_to_pack: 'manual', cancelled: 'cancel', shipped: 'system' },
  packed: { shipped: 'manual', packing: 'manual', cancelled: 'cancel' },
  shipped: { delivered: 'manual', delivery_failed: 'manual', returning: 'manual' },
  delivery_failed: { shipped: 'manual', returning: 'manual' },
  delivered: { completed: 'manual', returning: 'manual' },
  returning: { returned: 'manual' },
  returned: {},
  completed: {},
  cancelled: {},
};

/** Statuses in which buyer, address and lines may still change (until packing starts). */
export const EDITABLE: ReadonlySet<OrderStatus> = new Set(['new', 'awaiting_stock', 'ready_to_pack']);
/** Statuses that hold a reservation of every line. */
export const HOLDS_RESERVATION: ReadonlySet<OrderStatus> = new Set(['ready_to_pack', 'packing', 'packed']);

export interface GuardView {
  status: OrderStatus;
  trackingNumber: string | null;
  lines: { quantity: number; reservedQty: number; verifiedQty: number }[];
}

export type TransitionCheck =
  | { ok: true }
  | { ok: false; code: 'TRANSITION_INVALID'; from: OrderStatus; to: OrderStatus }
  | { ok: false; code: 'GUARD_FAILED'; guard: 'stock_reserved' | 'lines_verified' | 'tracking_number'; from: OrderStatus; to: OrderStatus };

export function checkTransition(order: GuardView, to: OrderStatus): TransitionCheck {
  const from = order.status;
  if (!TRANSITIONS[from][to]) return { ok: false, code: 'TRANSITION_INVALID', from, to };
  if (to === 'ready_to_pack' && !order.lines.every((l) => l.reservedQty === l.quantity)) {
    return { ok: false, code: 'GUARD_FAILED', guard: 'stock_reserved', from, to };
  }
  if (to === 'packed' && !order.lines.every((l) => l.verifiedQty === l.quantity)) {
    return { ok: false, code: 'GUARD_FAILED', guard: 'lines_verified', from, to };
  }
  if (to === 'shipped' && !order.trackingNumber) return { ok: false, code: 'GUARD_FAILED', guard: 'tracking_number', from, to };
  return { ok: true };
}

/** Targets an operator can pick from the order page. */
export const manualTargets = (from: OrderStatus): OrderStatus[] =>
  (Object.entries(TRANSITIONS[from]) as [OrderStatus, string][]).filter(([, via]) => via === 'manual').map(([to]) => to);

/**
 * The shortest walk from one status to another over manual and system edges (never confirm, cancel
 * or reserve, which move stock on their own terms). Carrier updates can skip statuses we never saw (a missed
 * webhook); walking the path keeps every step's event and stock effect. Null when unreachable.
 */
export function pathTo(from: OrderStatus, to: OrderStatus): OrderStatus[] | null {
  if (from === to) return [];
  const prev = new Map<OrderStatus, OrderStatus>();
  const queue: OrderStatus[] = [from];
  while (queue.length) {
    const at = queue.shift()!;
    for (const [next, via] of Object.entries(TRANSITIONS[at]) as [OrderStatus, string][]) {
      if (via !== 'manual' && via !== 'system') continue;
      if (prev.has(next) || next === from) continue;
      prev.set(next, at);
      if (next === to) {
        const path: OrderStatus[] = [to];
        for (let p = at; p !== from; p = prev.get(p)!) path.unshift(p);
        return path;
      }
      queue.push(next);
    }
  }
  return null;
}
