import { describe, expect, it } from 'vitest';
import { foldMetrics, vnDay, vnDayStart, type ScanFact, type SessionFact } from '../../../main/domain/packing/metrics-rules.js';

const H = 3_600_000;
// 2025-11-28 08:00 in Vietnam is 01:00 UTC.
const day = Date.UTC(2025, 10, 28, 1, 0, 0);
const lan = { operatorId: 1, operatorName: 'Lan', station: 'Bàn 1' };
const minh = { operatorId: 2, operatorName: 'Minh', station: 'Bàn 2' };
const session = (who: typeof lan, startedAt: number, finishedAt: number | null, packed = true): SessionFact => ({ ...who, startedAt, finishedAt, packed });
const scan = (who: typeof lan, at: number, result: string): ScanFact => ({ ...who, at, result });

describe('station metrics', () => {
  it('uses the Vietnamese calendar day', () => {
    expect(vnDay(Date.UTC(2025, 10, 27, 17, 30))).toBe('2025-11-28');
    expect(vnDayStart(day)).toBe(Date.UTC(2025, 10, 27, 17, 0));
  });

  it('counts orders per hour from first opened to last packed, and scan errors by kind, per packer and station', () => {
    const sessions = [
      session(lan, day, day + 0.1 * H), session(lan, day + H, day + 2 * H), session(lan, day + 1.5 * H, null, false),
      session(minh, day, day + 0.5 * H),
    ];
    const scans = [scan(lan, day + 60_000, 'ok'), scan(lan, day + 120_000, 'wrong_item'), scan(lan, day + 130_000, 'extra_unit'), scan(lan, day + 140_000, 'wrong_item'), scan(minh, day + 1000, 'ok')];
    const rows = foldMetrics(sessions, scans);
    expect(rows.map((r) => [r.operatorName, r.packed, r.activeHours, r.ordersPerHour, r.scans, r.scanErrors])).toEqual([
      ['Lan', 2, 2, 1, 4, 3],
      ['Minh', 1, 0.5, 2, 1, 0],
    ]);
    expect(rows[0].errorsByResult).toEqual({ wrong_item: 2, extra_unit: 1 });
  });

  it('gives one quick order at least a minute, and no rate without a packed order', () => {
    const [quick] = foldMetrics([session(lan, day, day + 5_000)], []);
    expect(quick.ordersPerHour).toBe(60);
    const [none] = foldMetrics([session(lan, day, null, false)], [scan(lan, day, 'unknown')]);
    expect(none).toMatchObject({ packed: 0, ordersPerHour: 0, scanErrors: 1 });
  });

  it('splits rows by day, newest first', () => {
    const rows = foldMetrics([session(lan, day, day + H), session(lan, day - 24 * H, day - 23 * H)], []);
    expect(rows.map((r) => r.day)).toEqual(['2025-11-28', '2025-11-27']);
  });
});
