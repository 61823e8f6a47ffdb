import type { StockMovement } from '../../api/inventory.js';
import type { Store } from '../../store/store.js';

interface MovementFilter {
  warehouseId?: number; variantId?: number; orderId?: number; kind?: string; from?: number; to?: number; limit: number; offset: number;
}

export function listMovements(store: Store, f: MovementFilter): { items: StockMovement[]; total: number } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => { where.push(sql); params.push(value); };
  if (f.warehouseId !== undefined) add('m.warehouse_id = ?', f.warehouseId);
  if (f.variantId !== undefined) add('m.variant_id = ?', f.variantId);
  if (f.orderId !== undefined) add('m.order_id = ?', f.orderId);
  if (f.kind) add('m.kind = ?', f.kind);
  if (f.from !== undefined) add('m.created_at >= ?', f.from);
  if (f.to !== undefined) add('m.created_at < ?', f.to);
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const items = store
    .prepare(`SELECT m.id, m.variant_id AS variantId, v.sku, p.name AS productName, m.warehouse_id AS warehouseId, w.code AS warehouseCode,
        m.kind, m.on_hand_delta AS onHandDelta, m.reserved_delta AS reservedDelta, m.order_id AS orderId, o.number AS orderNumber,
        m.reason, op.name AS operatorName, m.created_at AS createdAt
      FROM stock_movements m JOIN variants v ON v.id = m.variant_id JOIN products p ON p.id = v.product_id
      JOIN warehouses w ON w.id = m.warehouse_id LEFT JOIN orders o ON o.id = m.order_id LEFT JOIN operators op ON op.id = m.operator_id
      ${w} ORDER BY m.created_at DESC, m.id DESC LIMIT ? OFFSET ?`)
    .all(...params, f.limit, f.offset) as StockMovement[];
  const total = (store.prepare(`SELECT count(*) AS n FROM stock_movements m ${w}`).get(...params) as { n: number }).n;
  return { items, total };
}
