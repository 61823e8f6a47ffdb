import { fail } from '../../api/errors.js';
import type { Store } from '../../store/store.js';
import { applyDelta, isViolation, movementShapeOk, type Level } from './stock-rules.js';

export interface Movement {
  variantId: number;
  warehouseId: number;
  kind: string;
  onHandDelta: number;
  reservedDelta: number;
  orderId?: number | null;
  reason?: string;
  operatorId: number | null;
  at: number;
}

export function readLevel(store: Store, variantId: number, warehouseId: number): Level {
  const row = store.prepare('SELECT on_hand AS onHand, reserved FROM stock_levels WHERE variant_id = ? AND warehouse_id = ?').get(variantId, warehouseId) as Level | undefined;
  return row ?? { onHand: 0, reserved: 0 };
}

const allowsNegative = (store: Store, warehouseId: number): boolean => {
  const row = store.prepare('SELECT allow_negative FROM warehouses WHERE id = ?').get(warehouseId) as { allow_negative: number } | undefined;
  return row ? row.allow_negative === 1 : fail('NOT_FOUND', 'Warehouse not found', { entity: 'warehouse', id: warehouseId });
};

/**
 * The only writer of stock: appends the movement and updates the level in the caller's
 * transaction, so levels always equal the ledger's sum (DESIGN.md rule 6).
 * Stock push hook: writing `stock_levels` (here, and in the bulk order ingest) fires the triggers of
 * migrations/0012-listings.sql, which queue one coalesced push per linked marketplace item in this same
 * transaction when "available" changed (one indexed lookup of linked listings per touched variant).
 */
export function moveStock(store: Store, m: Movement, context: { sku?: string } = {}): Level {
  if (!movementShapeOk(m.kind, m.onHandDelta, m.reservedDelta)) {
    fail('QUANTITY_INVALID', `A ${m.kind} movement cannot change stock by ${m.onHandDelta}/${m.reservedDelta}`, { kind: m.kind });
  }
  const current = readLevel(store, m.variantId, m.warehouseId);
  const next = applyDelta(current, m.onHandDelta, m.reservedDelta, allowsNegative(store, m.warehouseId));
  if (isViolation(next)) {
    const requested = Math.abs(m.reservedDelta > 0 ? m.reservedDelta : m.onHandDelta);
    fail(next.code, next.code === 'STOCK_INSUFFICIENT' ? 'Not enough stock available' : 'Stock cannot go below zero', {
      variantId: m.variantId, warehouseId: m.warehouseId, sku: context.sku ?? null, requested, available: next.available, onHand: next.onHand,
    });
  }
  const level = next as Level;
  store
    .prepare(`INSERT INTO stock_levels (variant_id, warehouse_id, on_hand, reserved, updated_at) VALUES (?, ?, ?, ?, ?)
              ON CONFLICT(variant_id, warehouse_id) DO UPDATE SET on_hand = excluded.on_hand, reserved = excluded.reserved, updated_at = excluded.updated_at`)
    .run(m.variantId, m.warehouseId, level.onHand, level.reserved, m.at);
  store
    .prepare(`INSERT INTO stock_movements (variant_id, warehouse_id, kind, on_hand_delta, reserved_delta, order_id, reason, operator_id, created_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(m.variantId, m.warehouseId, m.kind, m.onHandDelta, m.reservedDelta, m.orderId ?? null, m.reason ?? '', m.operatorId, m.at);
  return level;
}
