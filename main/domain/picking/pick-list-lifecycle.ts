// Pure rules of a pick list's life: open → picked (the picker says so) → done (every order left the
// packing floor), or cancelled. No store here, so they are unit-tested alone.

export type PickListStatus = 'open' | 'picked' | 'done' | 'cancelled';

/** Order statuses past the pack desk: the order needs nothing more from the pick list. */
export const PACKED_OR_LATER_STATUSES = ['packed', 'shipped', 'delivered', 'completed', 'delivery_failed', 'returning', 'returned'] as const;
const PACKED_OR_LATER = new Set<string>(PACKED_OR_LATER_STATUSES);

export interface PickProgress { packed: number; cancelled: number; total: number }

export function pickProgress(orderStatuses: readonly string[]): PickProgress {
  let packed = 0;
  let cancelled = 0;
  for (const s of orderStatuses) {
    if (PACKED_OR_LATER.has(s)) packed++;
    else if (s === 'cancelled') cancelled++;
  }
  return { packed, cancelled, total: orderStatuses.length };
}

/**
 * Whether a holding list (open or picked) is now done: every order packed (or later) or cancelled.
 * A list whose orders were all cancelled is done too: nothing is left to pick or pack for it.
 */
export function isPickListDone(status: PickListStatus, progress: PickProgress): boolean {
  if (status !== 'open' && status !== 'picked') return false;
  return progress.total > 0 && progress.packed + progress.cancelled === progress.total;
}

export type PickedRefusal = { reason: 'pick_list_closed'; status: PickListStatus } | null;

/** The picker marks the walk finished; again on a picked list is a no-op, never on a closed one. */
export function canMarkPicked(status: PickListStatus): PickedRefusal {
  return status === 'open' || status === 'picked' ? null : { reason: 'pick_list_closed', status };
}
