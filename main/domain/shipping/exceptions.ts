import { fail } from '../../api/errors.js';
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

/** One open exception by id, of one of `kinds`; a clear refusal when it is gone, handled, or of another kind. */
export function readOpenException(store: Store, id: number, kinds: readonly ExceptionKind[]) {
  const e = store.prepare('SELECT id, kind, order_id, shipment_id, ref, status, details_json FROM exceptions WHERE id = ?').get(id) as
    { id: number; kind: ExceptionKind; order_id: number | null; shipment_id: number | null; ref: string; status: 'open' | 'resolved'; details_json: string } | undefined;
  if (!e) return fail('NOT_FOUND', 'No exception with this id', { entity: 'exception', id });
  if (e.status !== 'open') return fail('CONFLICT', 'This exception was already handled', { reason: 'exception_closed', id });
  if (!kinds.includes(e.kind)) return fail('CONFLICT', `A ${e.kind} exception does not offer this action`, { reason: 'exception_kind', kind: e.kind, id });
  return e;
}

/** Closes one exception with how it was handled and by whom; false when it was not open. */
export function resolveException(store: Store, id: number, resolution: string, operatorId: number | null, now: number): boolean {
  return store.prepare("UPDATE exceptions SET status = 'resolved', resolution = ?, resolved_by = ?, resolved_at = ? WHERE id = ? AND status = 'open'")
    .run(resolution, operatorId, now, id).changes > 0;
}
