import type { Store } from '../../store/store.js';
import { enqueue } from '../../sync/outbox.js';
import { ACTIVE_STATES, type StoredShipmentState } from './shipment-state-rules.js';

const HOUR = 60 * 60_000;
/**
 * GHN lists `exception` among its final statuses (A1.9), yet in practice its exception desk later moves
 * a parcel on (returned, lost, damaged, delivered). Such a parcel needs the operator, not the poller:
 * it is asked about every few hours for two weeks, then left to the operator and the exceptions list.
 */
export const EXCEPTION_POLLING = { everyMs: 6 * HOUR, forMs: 14 * 24 * HOUR } as const;

/** Whether a shipment is due for a status poll now. Pure: the caller reads the times. */
export function pollDue(state: StoredShipmentState, t: { stateSince: number; lastPolledAt: number | null; now: number }): boolean {
  if (state !== 'exception') return true;
  if (t.now - t.stateSince >= EXCEPTION_POLLING.forMs) return false;
  return t.lastPolledAt === null || t.now - t.lastPolledAt >= EXCEPTION_POLLING.everyMs;
}

/**
 * Queues a status poll for every active shipment of carriers that can be polled (GHN; Viettel Post
 * has no pull API and reports by webhook). One queued poll per shipment at a time. A poll the operator
 * asks for (one shipment) is always queued.
 */
export function enqueueTracking(store: Store, now: number, onlyShipmentId?: number): number {
  const rows = (store
    .prepare(`SELECT s.id, s.account_id, s.state,
        coalesce((SELECT max(e.at) FROM shipment_events e WHERE e.shipment_id = s.id AND e.mapped = s.state), s.updated_at) AS state_since,
        (SELECT max(j.created_at) FROM jobs j WHERE j.subject_type = 'shipment' AND j.subject_id = s.id AND j.kind = 'shipment.track') AS last_polled_at
      FROM shipments s WHERE s.carrier = 'ghn' AND s.tracking_number IS NOT NULL
      AND s.state IN (${ACTIVE_STATES.map(() => '?').join(', ')}) ${onlyShipmentId ? 'AND s.id = ?' : ''}`)
    .all(...ACTIVE_STATES, ...(onlyShipmentId ? [onlyShipmentId] : [])) as { id: number; account_id: number; state: StoredShipmentState; state_since: number; last_polled_at: number | null }[])
    .filter((r) => onlyShipmentId !== undefined || pollDue(r.state, { stateSince: r.state_since, lastPolledAt: r.last_polled_at, now }));
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
