import type { QueueOrder } from '../../api/packing.js';
import type { Store } from '../../store/store.js';

// The station's pack queue: its warehouse's ready_to_pack orders, most urgent first. Orders paused at
// a desk (an open pack_paused exception) stay out until someone resolves it or scans them again.

interface QueueRow {
  id: number; number: string; channel: QueueOrder['channel']; external_id: string | null; buyer_name: string; ship_by: number | null;
  created_at: number; tracking_number: string | null; item_count: number; line_count: number; carrier: string | null;
}

const QUEUE_SQL = `SELECT o.id, o.number, o.channel, o.external_id, o.buyer_name, o.ship_by, o.created_at, o.tracking_number,
    (SELECT coalesce(sum(quantity), 0) FROM order_lines l WHERE l.order_id = o.id) AS item_count,
    (SELECT count(*) FROM order_lines l WHERE l.order_id = o.id) AS line_count,
    (SELECT carrier FROM shipments s WHERE s.order_id = o.id AND s.state NOT IN ('cancelled', 'booking_failed') ORDER BY s.id DESC LIMIT 1) AS carrier
  FROM orders o
  WHERE o.warehouse_id = ? AND o.status = 'ready_to_pack'
    AND NOT EXISTS (SELECT 1 FROM exceptions e WHERE e.kind = 'pack_paused' AND coalesce(e.shipment_id, 0) = 0 AND coalesce(e.order_id, 0) = o.id AND e.ref = '' AND e.status = 'open')
  ORDER BY o.ship_by IS NULL, o.ship_by, o.created_at, o.id`;

export interface QueueFilter { channel?: string; carrier?: string; limit: number }

/** Ship-by deadline first (orders without one after every dated order), then the oldest. */
export function packQueue(store: Store, warehouseId: number | null, plannedCarrier: string | null, f: QueueFilter) {
  const all: QueueOrder[] = warehouseId === null ? [] : (store.prepare(QUEUE_SQL).all(warehouseId) as QueueRow[]).map((r) => ({
    id: r.id, number: r.number, channel: r.channel, externalId: r.external_id, buyerName: r.buyer_name, itemCount: r.item_count, lineCount: r.line_count,
    shipBy: r.ship_by, createdAt: r.created_at, carrier: r.carrier ?? plannedCarrier, trackingNumber: r.tracking_number,
  }));
  const byChannel: Record<string, number> = {};
  const byCarrier: Record<string, number> = {};
  // Each count ignores its own filter, so the tabs say how many a click would show.
  for (const o of all) {
    if (!f.carrier || o.carrier === f.carrier) byChannel[o.channel] = (byChannel[o.channel] ?? 0) + 1;
    if (!f.channel || o.channel === f.channel) byCarrier[o.carrier ?? 'none'] = (byCarrier[o.carrier ?? 'none'] ?? 0) + 1;
  }
  const shown = all.filter((o) => (!f.channel || o.channel === f.channel) && (!f.carrier || (o.carrier ?? 'none') === f.carrier));
  return { orders: shown.slice(0, f.limit), total: shown.length, byChannel, byCarrier };
}
