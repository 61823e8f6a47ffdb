import type { Store } from '../../store/store.js';
import { parsePickListCode } from './pick-list-code.js';

export interface ScannedPickList { id: number; code: string; orderIds: number[] }

/**
 * The pick list a scanned code names, with its orders in packing order, or null: not a pick-list
 * code, a wrong check digit, no such list, or a cancelled list (its orders are free to be packed
 * on their own or picked again, so opening them "as this pick list" would mislead). Orders that
 * are no longer ready_to_pack stay in the list; the pack screen decides what to skip.
 */
export function findPickListByCode(store: Store, code: string): ScannedPickList | null {
  const parsed = parsePickListCode(code);
  if (!parsed.ok) return null;
  const list = store
    .prepare("SELECT id, code FROM pick_lists WHERE code = ? AND status != 'cancelled'")
    .get(parsed.code) as { id: number; code: string } | undefined;
  if (!list) return null;
  const orderIds = store
    .prepare('SELECT order_id FROM pick_list_orders WHERE pick_list_id = ? ORDER BY position')
    .pluck()
    .all(list.id) as number[];
  return { id: list.id, code: list.code, orderIds };
}
