import type { Store } from '../../store/store.js';
import { enqueue } from '../../sync/outbox.js';
import { ACTIVE_STATES } from './shipment-state-rules.js';

/**
 * Queues a status poll for every active shipment of carriers that can be polled (GHN; Viettel Post
 * has no pull API and reports by webhook). One queued poll per shipment at a time.
 */
export function enqueueTracking(store: Store, now: number, onlyShipmentId?: number): number {
  const rows = store
    .prepare(`SELECT id, account_id FROM shipments WHERE carrier = 'ghn' AND tracking_number IS NOT NULL
      AND state IN (${ACTIVE_STATES.map(() => '?').join(', ')}) ${onlyShipmentId ? 'AND id = ?' : ''}`)
    .all(...ACTIVE_STATES, ...(onlyShipmentId ? [onlyShipmentId] : [])) as { id: number; account_id: number }[];
  return store.tx(() => {
    for (const r of rows) {
      enqueue(store, {
        kind: 'shipment.track', accountId: r.account_id, key: `track:${r.id}:${now}`, coalesceKey: `track:${r.id}`,
        payload: { shipmentId: r.id }, subject: { type: 'shipment', id: r.id }, maxAttempts: 3,
      }, now);
    }
    return rows.length;
  });
}
