import type { OrderStatus } from '../orders/order-state-machine.js';
import { pathTo } from '../orders/order-state-machine.js';
import type { IntakeHold, IntakeStage } from './shopee-order-mapping.js';

// Pure rules for an order we already hold whose marketplace status moved on (spec marketplaces.md §1.5,
// DESIGN.md §4 and rule 7). No store, no clock: intake-follow.ts carries the plan out in the pull's
// transaction. The marketplace owns payment and cancellation; Packdesk owns stock and packing, so:
// - an order only ever moves forward, and only along the lifecycle's own edges (each step its event and
//   stock effect, as the GHN / Viettel Post tracking does);
// - PROCESSED ("shipment arranged") never packs an order: the seller may arrange in Seller Centre, or in
//   bulk before packing, while the goods still sit on the shelf. A demanding shop wants such an order to
//   stay in the pack queue and be verified at a station like any other, so it keeps its status and gets
//   a visible note in its history instead. Once the carrier has the parcel (SHIPPED and later), the order
//   follows: that is the state machine's `system` edge from ready_to_pack/packing to shipped, which takes
//   the reserved units out of stock exactly as a carrier pickup of an unscanned parcel does.

/** How far along the lifecycle a status is; a marketplace update never moves an order to a lower rank. */
export const FOLLOW_RANK: Record<OrderStatus, number> = {
  new: 0, awaiting_stock: 1, ready_to_pack: 2, packing: 3, packed: 4, shipped: 5, delivered: 6, delivery_failed: 6,
  returning: 7, completed: 8, returned: 9, cancelled: 10,
};

/** Statuses in which a marketplace cancellation simply cancels the order and gives its stock back. */
export const BEFORE_PACKED: ReadonlySet<OrderStatus> = new Set(['new', 'awaiting_stock', 'ready_to_pack', 'packing']);

/** Package statuses that say the carrier had the parcel when the order was cancelled (it left our shelf). */
export const PARCEL_LEFT_PACKAGE = new Set(['LOGISTICS_DELIVERY_FAILED', 'LOGISTICS_LOST']);

/** Statuses in which a failed pickup (RETRY_SHIP) asks the operator to arrange the pickup again. */
const REARRANGEABLE: ReadonlySet<OrderStatus> = new Set(['awaiting_stock', 'ready_to_pack', 'packing', 'packed']);

export interface FollowInput {
  /** The internal order's status now. */
  current: OrderStatus;
  /** Where the marketplace mapping puts it (null: IN_CANCEL, stay). */
  stage: IntakeStage | null;
  hold: IntakeHold;
  /** RETRY_SHIP: the carrier's pickup failed. */
  rearrange: boolean;
  /** The order's package logistics statuses. */
  packageStatuses: readonly string[];
}

export type FollowAction =
  /** Nothing to change (already there, behind, or not a step the lifecycle has). */
  | { kind: 'none' }
  /** Paid / released by the marketplace: reserve whole or park; `aheadOfPacking` adds the note below. */
  | { kind: 'reserve'; aheadOfPacking: boolean }
  /** An order that never held stock (still `new`) jumps to where the marketplace handled it without us. */
  | { kind: 'jump'; to: OrderStatus }
  /** Cancelled before packing: cancel, stock back. */
  | { kind: 'cancel' }
  /** Cancelled after packing: the operator decides (unpack and restock, or ship anyway where allowed). */
  | { kind: 'cancel_after_pack' }
  /** Walk the lifecycle to `to`, each step with its event and stock effect. */
  | { kind: 'follow'; to: OrderStatus }
  /** The marketplace is ahead of our packing (arranged before we packed): stay in the queue, note it. */
  | { kind: 'ahead_of_packing' }
  /** The marketplace moved on but our order cannot follow (no stock held, no lifecycle edge): note it. */
  | { kind: 'cannot_follow'; to: OrderStatus };

export interface FollowPlan {
  action: FollowAction;
  /** RETRY_SHIP: open the "re-arrange pickup" exception. */
  openRearrange: boolean;
}

const NONE: FollowAction = { kind: 'none' };

/** Whether `to` is ahead of `from` and the lifecycle has a walk there over manual/system edges. */
export function canFollow(from: OrderStatus, to: OrderStatus): boolean {
  return FOLLOW_RANK[to] > FOLLOW_RANK[from] && pathTo(from, to) !== null;
}

function actionFor(i: FollowInput): FollowAction {
  const { current, stage } = i;
  if (current === 'cancelled' || stage === null) return NONE;
  if (current === 'new') {
    if (i.hold === 'unpaid' || i.hold === 'pending' || i.hold === 'in_cancel') return NONE;
    if (stage === 'cancelled' || stage === 'delivery_failed') return { kind: 'cancel' };
    if (stage === 'ready_to_pack') return { kind: 'reserve', aheadOfPacking: false };
    if (stage === 'packed') return { kind: 'reserve', aheadOfPacking: true };
    // Handled in Seller Centre from start to end while we never held stock: recorded where it is, no stock effect.
    return stage === 'new' ? NONE : { kind: 'jump', to: stage };
  }
  if (stage === 'cancelled') return BEFORE_PACKED.has(current) ? { kind: 'cancel' } : { kind: 'cancel_after_pack' };
  if (stage === 'delivery_failed') {
    const left = i.packageStatuses.some((p) => PARCEL_LEFT_PACKAGE.has(p));
    // The carrier had the parcel (failed delivery, lost): it left our shelf, so the order walks through shipped.
    if (left && current !== 'awaiting_stock' && canFollow(current, 'delivery_failed')) return { kind: 'follow', to: 'delivery_failed' };
    if (BEFORE_PACKED.has(current)) return { kind: 'cancel' };
    // Packed and the pickup failed for good: the parcel is still here, which is the operator's call.
    return current === 'packed' ? { kind: 'cancel_after_pack' } : NONE;
  }
  if (stage === 'new' || stage === 'ready_to_pack') return NONE;
  if (stage === 'packed') {
    return current === 'awaiting_stock' || current === 'ready_to_pack' || current === 'packing' ? { kind: 'ahead_of_packing' } : NONE;
  }
  if (FOLLOW_RANK[stage] <= FOLLOW_RANK[current]) return NONE;
  return canFollow(current, stage) ? { kind: 'follow', to: stage } : { kind: 'cannot_follow', to: stage };
}

/** What to do with an order we hold when its marketplace status maps to `stage`. */
export function followPlan(i: FollowInput): FollowPlan {
  const action = actionFor(i);
  const openRearrange = i.rearrange && i.stage === 'packed' && REARRANGEABLE.has(i.current);
  return { action, openRearrange };
}
