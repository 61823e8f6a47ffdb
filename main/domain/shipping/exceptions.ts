import type { Store } from '../../store/store.js';
import type { ExceptionKind } from './shipment-state-rules.js';

/**
 * Opens an exception for the operator unless the same one is already open (carriers repeat themselves).
 * The message says what happened; the renderer adds what to do next from the kind.
 */
export function openException(
  store: Store,
  e: { kind: ExceptionKind; orderId?: number | null; shipmentId?: number | null; ref?: string; message: string; details?: Record<string, unknown> },
  now: number,
): void {
  store
    .prepare(`INSERT INTO exceptions (kind, order_id, shipment_id, ref, message, details_json, status, created_at) VALUES (?, ?, ?, ?, ?, ?, 'open', ?)
      ON CONFLICT DO NOTHING`)
    .run(e.kind, e.orderId ?? null, e.shipmentId ?? null, e.ref ?? '', e.message, JSON.stringify(e.details ?? {}), now);
}

export function resolveExceptions(store: Store, where: { shipmentId: number; kinds?: ExceptionKind[] }, resolution: string, operatorId: number | null, now: number): void {
  const kinds = where.kinds ?? [];
  store
    .prepare(`UPDATE exceptions SET status = 'resolved', resolution = ?, resolved_by = ?, resolved_at = ? WHERE status = 'open' AND shipment_id = ?
      ${kinds.length ? `AND kind IN (${kinds.map(() => '?').join(', ')})` : ''}`)
    .run(resolution, operatorId, now, where.shipmentId, ...kinds);
}
