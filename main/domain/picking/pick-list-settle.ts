import { fail } from '../../api/errors.js';
import type { Store } from '../../store/store.js';
import { HOLDING_STATUSES } from './pick-list-repo.js';
import { canMarkPicked, isPickListDone, pickProgress, type PickListStatus } from './pick-list-lifecycle.js';

// Moving pick lists along their life. Each function runs inside the caller's transaction, so a list
// turns done in the same commit as the order that finished it (no window where it is stale).

const orderStatusesOf = (store: Store, pickListId: number): string[] =>
  store.prepare('SELECT o.status FROM pick_list_orders plo JOIN orders o ON o.id = plo.order_id WHERE plo.pick_list_id = ?').pluck().all(pickListId) as string[];

/**
 * The holding lists (open or picked) of these orders that are now done, marked done. Called where
 * orders become packed (packing.complete) and where the pick screens act; returns the lists closed.
 */
export function settlePickLists(store: Store, orderIds: readonly number[], now: number): number[] {
  const lists = store
    .prepare(`SELECT DISTINCT pl.id, pl.status FROM pick_lists pl JOIN pick_list_orders plo ON plo.pick_list_id = pl.id
      WHERE plo.order_id IN (SELECT value FROM json_each(?)) AND pl.status IN ${HOLDING_STATUSES}`)
    .all(JSON.stringify(orderIds)) as { id: number; status: PickListStatus }[];
  const done: number[] = [];
  for (const l of lists) {
    if (!isPickListDone(l.status, pickProgress(orderStatusesOf(store, l.id)))) continue;
    store.prepare("UPDATE pick_lists SET status = 'done', updated_at = ? WHERE id = ?").run(now, l.id);
    done.push(l.id);
  }
  return done;
}

/** The picker has walked the list: open → picked. Lists already done or cancelled are refused. */
export function markPicked(store: Store, id: number, now: number): void {
  const row = store.prepare('SELECT code, status FROM pick_lists WHERE id = ?').get(id) as { code: string; status: PickListStatus } | undefined;
  if (!row) fail('NOT_FOUND', 'Pick list not found', { entity: 'pick_list', id });
  const refusal = canMarkPicked(row!.status);
  if (refusal) fail('CONFLICT', `Pick list ${row!.code} is ${row!.status}`, { reason: refusal.reason, code: row!.code, status: row!.status });
  if (row!.status === 'open') store.prepare("UPDATE pick_lists SET status = 'picked', updated_at = ? WHERE id = ?").run(now, id);
}
