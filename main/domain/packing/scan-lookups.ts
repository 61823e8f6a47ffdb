import type { Store } from '../../store/store.js';
import type { ScanLookups } from './scan-router.js';

// The lookups behind a scan. Each is a single indexed query (catalog_codes primary key, orders.number
// unique, orders_external, orders_tracking / shipments_tracking_any, bins primary key), so no scan
// ever walks a table (specs/hardware.md §1.3). Statements are prepared once per store by the store's cache.

type PickListFinder = (store: Store, code: string) => { id: number; code: string; orderIds: number[] } | null;

/** Variants a code names: a barcode or variant SKU names one; a product SKU names all of its variants. */
const VARIANTS_OF_CODE = `SELECT v.id, v.sku, p.name FROM catalog_codes c JOIN products p ON p.id = c.product_id
  JOIN variants v ON v.product_id = c.product_id AND (c.variant_id IS NULL OR v.id = c.variant_id) WHERE c.code = ?`;

export function scanLookups(store: Store, warehouseId: number | null, findPickList: PickListFinder | null): ScanLookups {
  const order = (sql: string, via: 'number' | 'external_id' | 'tracking') => (code: string) => {
    const r = store.prepare(sql).get(...Array((sql.match(/\?/g) ?? []).length).fill(code)) as { id: number; number: string; status: never } | undefined;
    return r ? { kind: 'order' as const, orderId: r.id, number: r.number, status: r.status, via } : null;
  };
  return {
    productInOrder(code, orderId) {
      const rows = store.prepare(`SELECT DISTINCT x.id, x.sku, x.name FROM (${VARIANTS_OF_CODE}) x JOIN order_lines l ON l.variant_id = x.id AND l.order_id = ?`)
        .all(code, orderId) as { id: number; sku: string; name: string }[];
      // A product SKU on an order with two of its variants does not say which unit is in the hand.
      return rows.length === 1 ? { kind: 'product', variantId: rows[0].id, sku: rows[0].sku, name: rows[0].name, inOrder: true } : null;
    },
    pickList(code) {
      const p = findPickList?.(store, code) ?? null;
      return p ? { kind: 'pick_list', pickListId: p.id, code: p.code, orderIds: p.orderIds } : null;
    },
    orderByNumber: order('SELECT id, number, status FROM orders WHERE number = ?', 'number'),
    // Marketplace ids can repeat across channels in theory; the newest order wins.
    orderByExternalId: order('SELECT id, number, status FROM orders WHERE external_id = ? ORDER BY id DESC LIMIT 1', 'external_id'),
    orderByTracking: order(`SELECT id, number, status FROM orders WHERE id = coalesce(
        (SELECT id FROM orders WHERE tracking_number = ? ORDER BY id DESC LIMIT 1),
        (SELECT order_id FROM shipments WHERE tracking_number = ? ORDER BY id DESC LIMIT 1))`, 'tracking'),
    product(code) {
      const rows = store.prepare(VARIANTS_OF_CODE).all(code) as { id: number; sku: string; name: string }[];
      return rows.length === 1 ? { kind: 'product', variantId: rows[0].id, sku: rows[0].sku, name: rows[0].name, inOrder: null } : null;
    },
    bin(code) {
      if (warehouseId === null) return null;
      const r = store.prepare('SELECT warehouse_id, code FROM bins WHERE warehouse_id = ? AND code = ?').get(warehouseId, code) as { warehouse_id: number; code: string } | undefined;
      return r ? { kind: 'bin', warehouseId: r.warehouse_id, code: r.code } : null;
    },
  };
}

/** The variant a scanned code names, for packing.scan (null: not a single variant). */
export function variantOfCode(store: Store, code: string): { id: number; sku: string; name: string } | null {
  const rows = store.prepare(VARIANTS_OF_CODE).all(code) as { id: number; sku: string; name: string }[];
  return rows.length === 1 ? rows[0] : null;
}
