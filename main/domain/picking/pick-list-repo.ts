// Reads for pick lists: the orders a selection names, their lines with bins, and list rows.
import type { PickCandidate, PickList, PickListSummary } from '../../api/picking.js';
import type { Store } from '../../store/store.js';
import { PACKED_OR_LATER_STATUSES } from './pick-list-lifecycle.js';
import { aggregateLines, pickTotals, type PickOrder, type PickSourceLine } from './pick-list-rules.js';

/** Statuses in which a pick list still holds its orders. */
export const HOLDING_STATUSES = "('open', 'picked')";

const HELD_BY = `(SELECT pl.code FROM pick_list_orders plo JOIN pick_lists pl ON pl.id = plo.pick_list_id
  WHERE plo.order_id = o.id AND pl.status IN ${HOLDING_STATUSES} LIMIT 1)`;

/** The orders among `ids` that exist, with what the selection rules need. */
export function selectionOrders(store: Store, ids: readonly number[]): PickOrder[] {
  const unique = [...new Set(ids)];
  // json_each keeps one statement for any selection size (SQLite caps bound parameters).
  return store
    .prepare(`SELECT o.id, o.number, o.status, o.warehouse_id AS warehouseId, o.ship_by AS shipBy, o.created_at AS createdAt,
        ${HELD_BY} AS heldBy
      FROM orders o WHERE o.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(unique)) as PickOrder[];
}

interface LineRow { orderId: number; orderNumber: string; variantId: number; sku: string; productName: string; attributesJson: string; quantity: number; bin: string | null }

function sourceLines(store: Store, orderIds: readonly number[], warehouseId: number): PickSourceLine[] {
  const rows = store
    .prepare(`SELECT l.order_id AS orderId, o.number AS orderNumber, l.variant_id AS variantId, v.sku, p.name AS productName,
        v.attributes_json AS attributesJson, l.quantity, vl.bin_code AS bin
      FROM order_lines l
      JOIN orders o ON o.id = l.order_id
      JOIN variants v ON v.id = l.variant_id
      JOIN products p ON p.id = v.product_id
      LEFT JOIN variant_locations vl ON vl.variant_id = l.variant_id AND vl.warehouse_id = ?
      WHERE l.order_id IN (SELECT value FROM json_each(?))`)
    .all(warehouseId, JSON.stringify(orderIds)) as LineRow[];
  return rows.map(({ attributesJson, ...r }) => ({ ...r, bin: r.bin?.trim() ? r.bin.trim() : null, attributes: JSON.parse(attributesJson) as PickSourceLine['attributes'] }));
}

interface OrderRow { id: number; number: string; status: PickList['orders'][number]['status']; channel: PickList['orders'][number]['channel']; buyerName: string; shipBy: number | null; units: number }

function orderRows(store: Store, orderIds: readonly number[]): Map<number, OrderRow> {
  const rows = store
    .prepare(`SELECT o.id, o.number, o.status, o.channel, o.buyer_name AS buyerName, o.ship_by AS shipBy,
        (SELECT coalesce(sum(quantity), 0) FROM order_lines WHERE order_id = o.id) AS units
      FROM orders o WHERE o.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(orderIds)) as OrderRow[];
  return new Map(rows.map((r) => [r.id, r]));
}

/** Orders (in the given packing order) and their aggregated lines. */
export function pickContents(store: Store, orderedIds: readonly number[], warehouseId: number): Pick<PickList, 'orders' | 'lines' | 'totals'> {
  const rows = orderRows(store, orderedIds);
  const orders = orderedIds.map((id) => rows.get(id)).filter((o): o is OrderRow => !!o);
  const rank = new Map(orderedIds.map((id, i) => [id, i]));
  const lines = aggregateLines(sourceLines(store, orderedIds, warehouseId), rank);
  return { orders, lines, totals: pickTotals(orders.length, lines) };
}

// Constant statuses (no user input), inlined so the summary stays one statement.
const PACKED_SQL = PACKED_OR_LATER_STATUSES.map((s) => `'${s}'`).join(', ');

const SUMMARY = `SELECT pl.id, pl.code, pl.warehouse_id AS warehouseId, w.code AS warehouseCode, w.name AS warehouseName, pl.status, pl.note,
    op.name AS createdBy, pl.created_at AS createdAt,
    (SELECT count(*) FROM pick_list_orders WHERE pick_list_id = pl.id) AS orderCount,
    (SELECT count(*) FROM pick_list_orders x JOIN orders o ON o.id = x.order_id WHERE x.pick_list_id = pl.id AND o.status IN (${PACKED_SQL})) AS packedCount,
    (SELECT count(*) FROM pick_list_orders x JOIN orders o ON o.id = x.order_id WHERE x.pick_list_id = pl.id AND o.status = 'cancelled') AS cancelledCount
  FROM pick_lists pl JOIN warehouses w ON w.id = pl.warehouse_id LEFT JOIN operators op ON op.id = pl.created_by`;

export function pickListSummary(store: Store, id: number): PickListSummary | undefined {
  return store.prepare(`${SUMMARY} WHERE pl.id = ?`).get(id) as PickListSummary | undefined;
}

export function listPickLists(store: Store, statuses: readonly string[], limit: number, offset: number): PickListSummary[] {
  return store
    .prepare(`${SUMMARY} WHERE (? = '[]' OR pl.status IN (SELECT value FROM json_each(?))) ORDER BY pl.created_at DESC, pl.id DESC LIMIT ? OFFSET ?`)
    .all(JSON.stringify(statuses), JSON.stringify(statuses), limit, offset) as PickListSummary[];
}

export function pickListOrderIds(store: Store, id: number): number[] {
  return store.prepare('SELECT order_id FROM pick_list_orders WHERE pick_list_id = ? ORDER BY position').pluck().all(id) as number[];
}

/** The whole pick list, or undefined when there is no such id. */
export function loadPickList(store: Store, id: number): PickList | undefined {
  const summary = pickListSummary(store, id);
  if (!summary) return undefined;
  return { ...summary, ...pickContents(store, pickListOrderIds(store, id), summary.warehouseId) };
}

export function pickCandidates(
  store: Store,
  f: { warehouseId?: number; channels: readonly string[]; carrier?: 'ghn' | 'viettelpost' | 'none'; freeOnly: boolean },
): PickCandidate[] {
  const rows = store
    .prepare(`SELECT * FROM (
        SELECT o.id, o.number, o.channel, o.warehouse_id AS warehouseId, w.code AS warehouseCode, o.buyer_name AS buyerName,
          (SELECT s.carrier FROM shipments s WHERE s.order_id = o.id AND s.state NOT IN ('cancelled', 'booking_failed') ORDER BY s.id DESC LIMIT 1) AS carrier,
          o.ship_by AS shipBy, o.created_at AS createdAt,
          (SELECT coalesce(sum(quantity), 0) FROM order_lines WHERE order_id = o.id) AS units,
          ${HELD_BY} AS pickListCode
        FROM orders o JOIN warehouses w ON w.id = o.warehouse_id
        WHERE o.status = 'ready_to_pack' AND (? IS NULL OR o.warehouse_id = ?)
          AND (? = '[]' OR o.channel IN (SELECT value FROM json_each(?)))
      ) WHERE (? IS NULL OR (? = 'none' AND carrier IS NULL) OR carrier = ?) AND (? = 0 OR pickListCode IS NULL)
      ORDER BY coalesce(shipBy, 9e15), createdAt, id LIMIT 2000`)
    .all(
      f.warehouseId ?? null, f.warehouseId ?? null,
      JSON.stringify(f.channels), JSON.stringify(f.channels),
      f.carrier ?? null, f.carrier ?? null, f.carrier ?? null, f.freeOnly ? 1 : 0,
    ) as PickCandidate[];
  return rows;
}
