import type { Store } from '../../store/store.js';
import { foldMetrics, vnDayStart, type ScanFact, type SessionFact } from './metrics-rules.js';

export function packMetrics(store: Store, from: number, to: number, only: { station?: string; operatorId?: number | null } = {}) {
  const where = `${only.station !== undefined ? 'AND s.station = @station' : ''} ${only.operatorId !== undefined ? 'AND s.operator_id IS @operatorId' : ''}`;
  const params = { from, to, station: only.station, operatorId: only.operatorId };
  const clean = (p: Record<string, unknown>) => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined));
  const sessions = (store.prepare(`SELECT s.operator_id, op.name AS operator_name, s.station, s.started_at, s.finished_at, s.status FROM pack_sessions s
      LEFT JOIN operators op ON op.id = s.operator_id WHERE s.started_at >= @from AND s.started_at < @to ${where}`).all(clean(params)) as
    { operator_id: number | null; operator_name: string | null; station: string; started_at: number; finished_at: number | null; status: string }[])
    .map((r): SessionFact => ({ operatorId: r.operator_id, operatorName: r.operator_name, station: r.station, startedAt: r.started_at, finishedAt: r.finished_at, packed: r.status === 'packed' }));
  const scans = (store.prepare(`SELECT s.operator_id, op.name AS operator_name, s.station, x.at, x.result FROM pack_scans x JOIN pack_sessions s ON s.id = x.session_id
      LEFT JOIN operators op ON op.id = s.operator_id WHERE x.at >= @from AND x.at < @to ${where}`).all(clean(params)) as
    { operator_id: number | null; operator_name: string | null; station: string; at: number; result: string }[])
    .map((r): ScanFact => ({ operatorId: r.operator_id, operatorName: r.operator_name, station: r.station, at: r.at, result: r.result }));
  return foldMetrics(sessions, scans);
}

/** This packer at this station since midnight: the pack screen's header. */
export function shiftMetrics(store: Store, station: string, operatorId: number | null, now: number) {
  const rows = packMetrics(store, vnDayStart(now), now + 1, { station, operatorId });
  const packed = rows.reduce((n, r) => n + r.packed, 0);
  const hours = rows.reduce((n, r) => n + r.activeHours, 0);
  return {
    packed,
    ordersPerHour: hours > 0 ? Math.round((packed / hours) * 10) / 10 : 0,
    scans: rows.reduce((n, r) => n + r.scans, 0),
    scanErrors: rows.reduce((n, r) => n + r.scanErrors, 0),
  };
}
