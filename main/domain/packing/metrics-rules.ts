import type { MetricRow } from '../../api/packing.js';

// Station metrics as a pure fold over pack sessions and scans, so the arithmetic is unit-tested.

const VN_OFFSET_MS = 7 * 3_600_000; // Asia/Ho_Chi_Minh has no daylight saving time.
const MIN_ACTIVE_MS = 60_000;

/** The calendar day in Vietnam, yyyy-mm-dd. */
export const vnDay = (at: number): string => new Date(at + VN_OFFSET_MS).toISOString().slice(0, 10);
/** Midnight in Vietnam of the day `at` falls on. */
export const vnDayStart = (at: number): number => Math.floor((at + VN_OFFSET_MS) / 86_400_000) * 86_400_000 - VN_OFFSET_MS;

export interface SessionFact { operatorId: number | null; operatorName: string | null; station: string; startedAt: number; finishedAt: number | null; packed: boolean }
export interface ScanFact { operatorId: number | null; operatorName: string | null; station: string; at: number; result: string }

/**
 * One row per day, packer and station. Orders per hour = orders packed ÷ the span from the first
 * order opened to the last one packed that day (at least a minute, so one quick order is not 3,600/h).
 */
export function foldMetrics(sessions: readonly SessionFact[], scans: readonly ScanFact[]): MetricRow[] {
  const rows = new Map<string, MetricRow & { first: number; last: number }>();
  const row = (day: string, f: { operatorId: number | null; operatorName: string | null; station: string }) => {
    const key = `${day}|${f.operatorId ?? ''}|${f.station.toLowerCase()}`;
    let r = rows.get(key);
    if (!r) {
      r = { day, operatorId: f.operatorId, operatorName: f.operatorName, station: f.station, packed: 0, activeHours: 0, ordersPerHour: 0, scans: 0, scanErrors: 0, errorsByResult: {}, first: Infinity, last: -Infinity };
      rows.set(key, r);
    }
    return r;
  };
  for (const s of sessions) {
    const r = row(vnDay(s.startedAt), s);
    r.first = Math.min(r.first, s.startedAt);
    if (s.packed && s.finishedAt !== null) {
      r.packed += 1;
      r.last = Math.max(r.last, s.finishedAt);
    }
  }
  for (const x of scans) {
    const r = row(vnDay(x.at), x);
    r.scans += 1;
    if (x.result !== 'ok') {
      r.scanErrors += 1;
      r.errorsByResult[x.result] = (r.errorsByResult[x.result] ?? 0) + 1;
    }
  }
  return [...rows.values()]
    .map(({ first, last, ...r }) => {
      const ms = r.packed > 0 ? Math.max(MIN_ACTIVE_MS, last - first) : 0;
      const activeHours = ms / 3_600_000;
      return { ...r, activeHours: round(activeHours, 2), ordersPerHour: activeHours > 0 ? round(r.packed / activeHours, 1) : 0 };
    })
    .sort((a, b) => (a.day === b.day ? (a.operatorName ?? '').localeCompare(b.operatorName ?? '') || a.station.localeCompare(b.station) : b.day.localeCompare(a.day)));
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
