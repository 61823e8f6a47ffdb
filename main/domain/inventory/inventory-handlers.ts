import type { inventoryContract, StockLevel } from '../../api/inventory.js';
import { fail } from '../../api/errors.js';
import type { CommandContext, HandlersFor } from '../../core/context.js';
import type { Store } from '../../store/store.js';
import { setBin } from '../catalog/catalog-service.js';
import { ftsPrefixQuery } from '../shared/text-fold.js';
import { getWarehouse, requireActiveWarehouse } from '../warehouses/warehouse-handlers.js';
import { promoteWaiting } from '../orders/order-reservation.js';
import { moveStock, readLevel } from './stock-ledger.js';
import { listMovements } from './movement-queries.js';

const LEVEL_SELECT = `SELECT v.id AS variantId, v.product_id AS productId, ? AS warehouseId, v.sku, p.name AS productName, v.attributes_json,
    l.bin_code AS binCode, coalesce(s.on_hand, 0) AS onHand, coalesce(s.reserved, 0) AS reserved,
    coalesce(s.on_hand, 0) - coalesce(s.reserved, 0) AS available, s.updated_at AS updatedAt
  FROM variants v JOIN products p ON p.id = v.product_id
  LEFT JOIN stock_levels s ON s.variant_id = v.id AND s.warehouse_id = ?
  LEFT JOIN variant_locations l ON l.variant_id = v.id AND l.warehouse_id = ?`;

type LevelRow = Omit<StockLevel, 'attributes'> & { attributes_json: string };
const toLevel = ({ attributes_json, ...r }: LevelRow): StockLevel => ({ ...r, attributes: JSON.parse(attributes_json) });

export function levelView(store: Store, warehouseId: number, variantId: number): StockLevel {
  const row = store.prepare(`${LEVEL_SELECT} WHERE v.id = ?`).get(warehouseId, warehouseId, warehouseId, variantId) as LevelRow | undefined;
  return row ? toLevel(row) : fail('NOT_FOUND', 'Product variant not found', { entity: 'variant', id: variantId });
}

const actor = (ctx: CommandContext) => ({ operatorId: ctx.operatorId, at: ctx.now() });

export const inventoryHandlers: HandlersFor<typeof inventoryContract> = {
  'inventory.levels': (ctx, { warehouseId, query, lowStock, lowStockThreshold, limit, offset }) => {
    getWarehouse(ctx.store, warehouseId);
    const where = ['v.active = 1', 'p.active = 1'];
    const params: unknown[] = [warehouseId, warehouseId, warehouseId];
    const match = query ? ftsPrefixQuery(query) : null;
    if (query && !match) where.push('0');
    if (match) { where.push('v.product_id IN (SELECT rowid FROM products_fts WHERE products_fts MATCH ?)'); params.push(match); }
    if (lowStock) { where.push('coalesce(s.on_hand, 0) - coalesce(s.reserved, 0) <= ?'); params.push(lowStockThreshold); }
    const sql = `${LEVEL_SELECT} WHERE ${where.join(' AND ')}`;
    const items = (ctx.store.prepare(`${sql} ORDER BY p.search_text, v.sku LIMIT ? OFFSET ?`).all(...params, limit, offset) as LevelRow[]).map(toLevel);
    const total = (ctx.store.prepare(`SELECT count(*) AS n FROM (${sql})`).get(...params) as { n: number }).n;
    return { items, total };
  },

  'inventory.movements': (ctx, input) => listMovements(ctx.store, input),

  'inventory.adjust': (ctx, { warehouseId, variantId, delta, setOnHand, reason }) => {
    requireActiveWarehouse(ctx.store, warehouseId);
    const current = readLevel(ctx.store, variantId, warehouseId);
    levelView(ctx.store, warehouseId, variantId);
    const change = delta ?? setOnHand! - current.onHand;
    if (change === 0) fail('QUANTITY_INVALID', 'The counted quantity equals the stock on hand; nothing to adjust', { onHand: current.onHand });
    moveStock(ctx.store, { variantId, warehouseId, kind: setOnHand !== undefined ? 'count_adjust' : 'adjust', onHandDelta: change, reservedDelta: 0, reason, ...actor(ctx) });
    const promoted = change > 0 ? promoteWaiting(ctx.store, warehouseId, [variantId], actor(ctx)) : [];
    ctx.emit('stock.changed', { warehouseId, variantIds: [variantId] });
    if (promoted.length) ctx.emit('orders.changed', { ids: promoted });
    return levelView(ctx.store, warehouseId, variantId);
  },

  'inventory.receive': (ctx, { warehouseId, lines, reason }) => {
    requireActiveWarehouse(ctx.store, warehouseId);
    for (const l of lines) {
      levelView(ctx.store, warehouseId, l.variantId);
      moveStock(ctx.store, { variantId: l.variantId, warehouseId, kind: 'receipt', onHandDelta: l.quantity, reservedDelta: 0, reason, ...actor(ctx) });
    }
    const variantIds = lines.map((l) => l.variantId);
    const promoted = promoteWaiting(ctx.store, warehouseId, variantIds, actor(ctx));
    ctx.emit('stock.changed', { warehouseId, variantIds });
    if (promoted.length) ctx.emit('orders.changed', { ids: promoted });
    return { levels: [...new Set(variantIds)].map((v) => levelView(ctx.store, warehouseId, v)), promotedOrderIds: promoted };
  },

  'inventory.setBin': (ctx, { warehouseId, variantId, binCode }) => {
    getWarehouse(ctx.store, warehouseId);
    levelView(ctx.store, warehouseId, variantId);
    setBin(ctx.store, variantId, warehouseId, binCode);
    ctx.emit('stock.changed', { warehouseId, variantIds: [variantId] });
    return levelView(ctx.store, warehouseId, variantId);
  },
};
