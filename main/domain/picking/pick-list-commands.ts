// Writes for pick lists. Each runs inside the command's one transaction: a refused selection
// leaves nothing behind, and SQLite's single writer means two pick lists created at once cannot
// both take the same order.
import { fail } from '../../api/errors.js';
import type { PickList } from '../../api/picking.js';
import type { Store } from '../../store/store.js';
import { nextCounter } from '../shared/settings.js';
import { formatPickListCode } from './pick-list-code.js';
import { loadPickList, pickContents, selectionOrders } from './pick-list-repo.js';
import { checkSelection, packingOrder, type PickOrder, type PickRefusal } from './pick-list-rules.js';

function refuse(r: PickRefusal): never {
  switch (r.reason) {
    case 'pick_list_empty':
      return fail('INPUT_INVALID', 'Choose at least one order', { reason: r.reason });
    case 'pick_list_missing':
      return fail('NOT_FOUND', `Orders not found: ${r.ids.join(', ')}`, { reason: r.reason, ids: r.ids, count: r.ids.length });
    case 'pick_list_status':
      return fail('CONFLICT', `Order ${r.number} is ${r.status}; only ready_to_pack orders can be picked`, { reason: r.reason, number: r.number, status: r.status });
    case 'pick_list_warehouse':
      return fail('CONFLICT', `The orders belong to different warehouses (${r.numbers.join(', ')})`, { reason: r.reason, numbers: r.numbers.join(', ') });
    case 'pick_list_taken':
      return fail('CONFLICT', `Order ${r.number} is already on pick list ${r.code}`, { reason: r.reason, number: r.number, code: r.code });
  }
}

/** The selection in packing order, refused as a whole if any order may not join. */
export function checkedSelection(store: Store, orderIds: readonly number[]): { warehouseId: number; orders: PickOrder[] } {
  const found = selectionOrders(store, orderIds);
  const refusal = checkSelection(orderIds, found);
  if (refusal) refuse(refusal);
  return { warehouseId: found[0].warehouseId, orders: packingOrder(found) };
}

export function previewPickList(store: Store, orderIds: readonly number[]) {
  const { warehouseId, orders } = checkedSelection(store, orderIds);
  return { warehouseId, ...pickContents(store, orders.map((o) => o.id), warehouseId) };
}

export function createPickList(store: Store, input: { orderIds: readonly number[]; note: string }, operatorId: number | null, now: number): PickList {
  const { warehouseId, orders } = checkedSelection(store, input.orderIds);
  const code = formatPickListCode(nextCounter(store, 'pick_list_number'));
  const id = Number(
    store
      .prepare("INSERT INTO pick_lists (code, warehouse_id, status, note, created_by, created_at, updated_at) VALUES (?, ?, 'open', ?, ?, ?, ?)")
      .run(code, warehouseId, input.note, operatorId, now, now).lastInsertRowid,
  );
  const add = store.prepare('INSERT INTO pick_list_orders (pick_list_id, order_id, position) VALUES (?, ?, ?)');
  orders.forEach((o, position) => add.run(id, o.id, position));
  return loadPickList(store, id)!;
}

export function cancelPickList(store: Store, id: number, now: number): PickList {
  const row = store.prepare('SELECT code, status FROM pick_lists WHERE id = ?').get(id) as { code: string; status: string } | undefined;
  if (!row) fail('NOT_FOUND', 'Pick list not found', { entity: 'pick_list', id });
  if (row!.status === 'cancelled') return loadPickList(store, id)!;
  if (row!.status === 'done') fail('CONFLICT', `Pick list ${row!.code} is done`, { reason: 'pick_list_closed', code: row!.code });
  store.prepare("UPDATE pick_lists SET status = 'cancelled', updated_at = ? WHERE id = ?").run(now, id);
  return loadPickList(store, id)!;
}
