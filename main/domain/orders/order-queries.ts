import type { OrderFilter, OrderSummary } from '../../api/orders.js';
import type { Store } from '../../store/store.js';
import { ftsQueries } from '../shared/text-fold.js';
import { toLocalPhone } from '../shared/phone.js';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './order-repo.js';

type Sort = 'created_desc' | 'created_asc' | 'total_desc' | 'total_asc';

const ORDER_BY: Record<Sort, string> = {
  created_desc: 'o.created_at DESC, o.id DESC',
  created_asc: 'o.created_at ASC, o.id ASC',
  total_desc: 'o.total DESC, o.id DESC',
  total_asc: 'o.total ASC, o.id ASC',
};

/** Filters other than status and channel, as SQL over `o`. */
function sideFilters(f: OrderFilter): { sql: string[]; params: unknown[] } {
  const sql: string[] = [];
  const params: unknown[] = [];
  if (f.warehouseId !== undefined) { sql.push('o.warehouse_id = ?'); params.push(f.warehouseId); }
  if (f.customerId !== undefined) { sql.push('o.customer_id = ?'); params.push(f.customerId); }
  if (f.paymentMethod) { sql.push('o.payment_method = ?'); params.push(f.paymentMethod); }
  if (f.from !== undefined) { sql.push('o.created_at >= ?'); params.push(f.from); }
  if (f.to !== undefined) { sql.push('o.created_at < ?'); params.push(f.to); }
  return { sql, params };
}

const inList = (column: string, values: readonly string[]) =>
  values.length ? { sql: [`${column} IN (${values.map(() => '?').join(', ')})`], params: [...values] } : { sql: [], params: [] };

/**
 * A search walks the FTS index newest first (rowid = order id) and stops at the page, so a common
 * surname on a million orders costs no more than a rare one.
 */
function searchPage(store: Store, f: OrderFilter, match: string, limit: number, offset: number): OrderSummary[] {
  const side = sideFilters(f);
  const st = inList('o.status', f.statuses);
  const ch = inList('o.channel', f.channels);
  const where = ['orders_fts MATCH ?', ...st.sql, ...ch.sql, ...side.sql].join(' AND ');
  const rows = store
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM orders_fts f JOIN orders o ON o.id = f.rowid JOIN warehouses w ON w.id = o.warehouse_id
      WHERE ${where} ORDER BY f.rowid DESC LIMIT ? OFFSET ?`)
    .all(match, ...st.params, ...ch.params, ...side.params, limit, offset) as SummaryRow[];
  return rows.map(toSummary);
}

/**
 * Lists orders a page at a time. Several statuses or channels are read as one index range each and
 * merged, because an IN list in front of the sort column would otherwise sort every matching row.
 */
/**
 * The MATCH expression for a search: whole long words when they find anything, else every word as a
 * prefix. Decided by existence, not by the page, so every page of one search uses the same expression.
 */
function searchMatch(store: Store, query: string): string | null | undefined {
  // A phone typed any way ("0912 345 678", "+84 912…") is searched in the stored 0… form.
  const q = ftsQueries(/^[\d\s.+()-]{9,}$/.test(query.trim()) ? toLocalPhone(query.trim()) : query);
  if (!q) return undefined;
  if (!q.fallback) return q.primary;
  const any = store.prepare('SELECT 1 FROM orders_fts WHERE orders_fts MATCH ? LIMIT 1').get(q.primary);
  return any ? q.primary : q.fallback;
}

export function listOrders(store: Store, f: OrderFilter, sort: Sort, limit: number, offset: number): OrderSummary[] {
  const match = f.query ? searchMatch(store, f.query) : null;
  if (match === undefined) return [];
  if (match) return searchPage(store, f, match, limit, offset);
  const side = sideFilters(f);
  const statuses: (string | null)[] = f.statuses.length ? f.statuses : [null];
  const channels: (string | null)[] = f.channels.length ? f.channels : [null];
  const parts: string[] = [];
  const params: unknown[] = [];
  const window = limit + offset;
  for (const s of statuses) {
    for (const c of channels) {
      const where = [...(s ? ['o.status = ?'] : []), ...(c ? ['o.channel = ?'] : []), ...side.sql];
      parts.push(`SELECT * FROM (SELECT o.id, o.created_at, o.total FROM orders o ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
        ORDER BY ${ORDER_BY[sort]} LIMIT ${window})`);
      params.push(...(s ? [s] : []), ...(c ? [c] : []), ...side.params);
    }
  }
  const ids = store
    .prepare(`SELECT id FROM (${parts.join(' UNION ALL ')}) o ORDER BY ${ORDER_BY[sort]} LIMIT ? OFFSET ?`)
    .all(...params, limit, offset) as { id: number }[];
  if (!ids.length) return [];
  const rows = store
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM orders o JOIN warehouses w ON w.id = o.warehouse_id
      WHERE o.id IN (SELECT value FROM json_each(?)) ORDER BY ${ORDER_BY[sort]}`)
    .all(JSON.stringify(ids.map((r) => r.id))) as SummaryRow[];
  return rows.map(toSummary);
}

/** Searches are counted up to this many matches: counting every "Nguyễn" in a million orders would hold the core. */
export const SEARCH_COUNT_CAP = 10_000;

/** Total for the filter, and per-status counts for the filter without its status part. */
export function countOrders(store: Store, f: OrderFilter): { total: number; byStatus: Record<string, number>; capped: boolean } {
  const side = sideFilters(f);
  const ch = inList('o.channel', f.channels);
  const match = f.query ? searchMatch(store, f.query) : null;
  if (match === undefined) return { total: 0, byStatus: {}, capped: false };
  const where = [...ch.sql, ...side.sql];
  const whereSql = where.length ? 'WHERE ' + where.join(' AND ') : '';
  const sql = match
    ? `SELECT status, count(*) AS n FROM (SELECT o.status FROM orders_fts f JOIN orders o ON o.id = f.rowid WHERE orders_fts MATCH ?
        ${where.length ? 'AND ' + where.join(' AND ') : ''} ORDER BY f.rowid DESC LIMIT ${SEARCH_COUNT_CAP + 1}) GROUP BY status`
    : `SELECT o.status, count(*) AS n FROM orders o ${whereSql} GROUP BY o.status`;
  const rows = store.prepare(sql).all(...(match ? [match] : []), ...ch.params, ...side.params) as { status: string; n: number }[];
  const byStatus = Object.fromEntries(rows.map((r) => [r.status, r.n]));
  const seen = rows.reduce((s, r) => s + r.n, 0);
  const total = rows.filter((r) => !f.statuses.length || f.statuses.includes(r.status as never)).reduce((s, r) => s + r.n, 0);
  return { total, byStatus, capped: match !== null && seen > SEARCH_COUNT_CAP };
}
