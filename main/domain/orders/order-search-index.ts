import type { Store } from '../../store/store.js';
import { foldText } from '../shared/text-fold.js';

/**
 * The FTS body of an order: its number, the buyer's folded name, the phone in local and
 * international-less form, and every line's SKU. Rowid = order id, so results come newest first
 * by walking the index backwards.
 */
export function orderSearchBody(number: string, buyerName: string, phone: string, skus: string[]): string {
  return [number, foldText(buyerName), phone, ...skus].join(' ').toLowerCase();
}

export function indexOrder(store: Store, id: number, number: string, buyerName: string, phone: string, skus: string[], replace = false): void {
  if (replace) store.prepare('DELETE FROM orders_fts WHERE rowid = ?').run(id);
  store.prepare('INSERT INTO orders_fts (rowid, body) VALUES (?, ?)').run(id, orderSearchBody(number, buyerName, phone, skus));
}
