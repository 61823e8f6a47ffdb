import type { QueueOrder } from '../../api/packing.js';
import type { Store } from '../../store/store.js';
import { NOT_CANCEL_REQUESTED } from './marketplace-hold.js';

// The station's pack queue: its warehouse's ready_to_pack orders, most urgent first. Orders paused at
// a desk (an open pack_paused exception) stay out until someone resolves it or scans them again, and so
// do marketplace orders whose buyer asked to cancel.
// A big shop has thousands of ready orders, and the core answers scans on the same thread, so the page
// is read in index order with LIMIT (orders_pack_queue) and the tabs' counts come from one grouped
// query: no query loads the whole queue.

interface QueueRow {
  id: number; number: string; channel: QueueOrder['channel']; external_id: string | null; buyer_name: string; ship_by: number | null;
  created_at: number; tracking_number: string | null; item_count: number; line_count: number; carrier: string | null;
}

const NOT_PAUSED = `NOT EXISTS (SELECT 1 FROM exceptions e WHERE e.kind = 'pack_paused' AND coalesce(e.shipment_id, 0) = 0
    AND coalesce(e.order_id, 0) = o.id AND e.ref = '' AND e.status = 'open')`;
/** The live shipment's carrier, else the carrier the station books with (@planned, may be null). */
const CARRIER = `coalesce((SELECT carrier FROM shipments s WHERE s.order_id = o.id AND s.state NOT IN ('cancelled', 'booking_failed')
    ORDER BY s.id DESC LIMIT 1), @planned)`;
const IN_QUEUE = `o.warehouse_id = @warehouseId AND o.status = 'ready_to_pack' AND ${NOT_PAUSED} AND ${NOT_CANCEL_REQUESTED}`;
const FILTERS = `(@channel IS NULL OR o.channel = @channel) AND (@carrier IS NULL OR coalesce(${CARRIER}, 'none') = @carrier)`;
const COLUMNS = `o.id, o.number, o.channel, o.external_id, o.buyer_name, o.ship_by, o.created_at, o.tracking_number,
    (SELECT coalesce(sum(quantity), 0) FROM order_lines l WHERE l.order_id = o.id) AS item_count,
    (SELECT count(*) FROM order_lines l WHERE l.order_id = o.id) AS line_count, ${CARRIER} AS carrier`;
// "Ship-by first, undated last" as one ORDER BY (ship_by IS NULL, …) cannot walk the index, so it is
// two index-ordered reads: dated orders by (ship_by, created_at, id), then undated by (created_at, id).
const DATED_SQL = `SELECT ${COLUMNS} FROM orders o WHERE ${IN_QUEUE} AND o.ship_by IS NOT NULL AND ${FILTERS}
  ORDER BY o.ship_by, o.created_at, o.id LIMIT @limit`;
const UNDATED_SQL = `SELECT ${COLUMNS} FROM orders o WHERE ${IN_QUEUE} AND o.ship_by IS NULL AND ${FILTERS}
  ORDER BY o.created_at, o.id LIMIT @limit`;
const COUNTS_SQL = `SELECT o.channel, coalesce(${CARRIER}, 'none') AS carrier, count(*) AS n FROM orders o WHERE ${IN_QUEUE} GROUP BY 1, 2`;
// Most shops pack from one warehouse. When every ready order is in this one (two counts over covering
// indexes say so: a subset as big as the set is the set), the tabs' counts are read off
// orders_status_channel_created without the warehouse test, which would have to load each order's row.
const ALL_READY_SQL = "SELECT count(*) AS n FROM orders WHERE status = 'ready_to_pack'";
const HERE_READY_SQL = "SELECT count(*) AS n FROM orders WHERE warehouse_id = ? AND status = 'ready_to_pack'";
const COUNTS_ALL_SQL = `SELECT o.channel, coalesce(${CARRIER}, 'none') AS carrier, count(*) AS n FROM orders o
  WHERE o.status = 'ready_to_pack' AND ${NOT_PAUSED} AND ${NOT_CANCEL_REQUESTED} GROUP BY 1, 2`;

export interface QueueFilter { channel?: string; carrier?: string; limit: number }

const toOrder = (r: QueueRow): QueueOrder => ({
  id: r.id, number: r.number, channel: r.channel, externalId: r.external_id, buyerName: r.buyer_name, itemCount: r.item_count, lineCount: r.line_count,
  shipBy: r.ship_by, createdAt: r.created_at, carrier: r.carrier, trackingNumber: r.tracking_number,
});

/** The first `limit` orders of the queue: ship-by deadline first (undated after every dated one), then the oldest. */
export function queuePage(store: Store, warehouseId: number | null, plannedCarrier: string | null, f: QueueFilter): QueueOrder[] {
  if (warehouseId === null) return [];
  const params = { warehouseId, planned: plannedCarrier, channel: f.channel ?? null, carrier: f.carrier ?? null, limit: f.limit };
  const dated = store.prepare(DATED_SQL).all(params) as QueueRow[];
  const undated = dated.length < f.limit ? (store.prepare(UNDATED_SQL).all({ ...params, limit: f.limit - dated.length }) as QueueRow[]) : [];
  return [...dated, ...undated].map(toOrder);
}

const onlyWarehouse = (store: Store, warehouseId: number) =>
  (store.prepare(ALL_READY_SQL).get() as { n: number }).n === (store.prepare(HERE_READY_SQL).get(warehouseId) as { n: number }).n;

/** Each count ignores its own filter, so the tabs say how many a click would show. */
export function queueCounts(store: Store, warehouseId: number | null, plannedCarrier: string | null, f: Omit<QueueFilter, 'limit'>) {
  const cells = warehouseId === null ? [] : (onlyWarehouse(store, warehouseId)
    ? store.prepare(COUNTS_ALL_SQL).all({ planned: plannedCarrier })
    : store.prepare(COUNTS_SQL).all({ warehouseId, planned: plannedCarrier })) as { channel: string; carrier: string; n: number }[];
  const byChannel: Record<string, number> = {};
  const byCarrier: Record<string, number> = {};
  let total = 0;
  for (const c of cells) {
    const channelOk = !f.channel || c.channel === f.channel;
    const carrierOk = !f.carrier || c.carrier === f.carrier;
    if (carrierOk) byChannel[c.channel] = (byChannel[c.channel] ?? 0) + c.n;
    if (channelOk) byCarrier[c.carrier] = (byCarrier[c.carrier] ?? 0) + c.n;
    if (channelOk && carrierOk) total += c.n;
  }
  return { total, byChannel, byCarrier };
}

export function packQueue(store: Store, warehouseId: number | null, plannedCarrier: string | null, f: QueueFilter) {
  return { orders: queuePage(store, warehouseId, plannedCarrier, f), ...queueCounts(store, warehouseId, plannedCarrier, f) };
}
