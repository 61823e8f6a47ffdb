import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, formatPhone, formatTime, formatVnd, isoDayToVn, parseVnDate, toVnDateInput, vnDayRange } from '../../renderer/lib/format.js';

describe('formatVnd', () => {
  it('groups thousands with dots and puts the đồng sign after', () => {
    expect(formatVnd(1234567)).toBe('1.234.567 ₫');
    expect(formatVnd(1000)).toBe('1.000 ₫');
    expect(formatVnd(999)).toBe('999 ₫');
  });
  it('shows 0 and negative amounts', () => {
    expect(formatVnd(0)).toBe('0 ₫');
    expect(formatVnd(-1234567)).toBe('-1.234.567 ₫');
    expect(formatVnd(-5)).toBe('-5 ₫');
  });
  it('handles amounts beyond 2^31 exactly', () => {
    expect(formatVnd(100_000_000_000)).toBe('100.000.000.000 ₫');
    expect(formatNumber(12_345_678_901)).toBe('12.345.678.901');
  });
});

describe('dates in Asia/Ho_Chi_Minh', () => {
  // 2025-11-27 17:30 UTC is 2025-11-28 00:30 in Vietnam (UTC+7), whatever zone the test runs in.
  const lateUtc = Date.UTC(2025, 10, 27, 17, 30, 5);

  it('shows the Vietnamese calendar day, not the UTC one', () => {
    expect(formatDate(lateUtc)).toBe('28/11/2025');
    expect(formatDateTime(lateUtc)).toBe('28/11/2025 00:30');
    expect(formatTime(lateUtc)).toBe('00:30:05');
    expect(toVnDateInput(lateUtc)).toBe('2025-11-28');
  });

  it('keeps the day before 17:00 UTC', () => {
    expect(formatDate(Date.UTC(2025, 10, 27, 16, 59))).toBe('27/11/2025');
  });

  it('turns a Vietnamese day into its UTC millisecond range', () => {
    const r = vnDayRange('2025-11-28');
    expect(r).toEqual({ start: Date.UTC(2025, 10, 27, 17, 0, 0), end: Date.UTC(2025, 10, 28, 16, 59, 59, 999) });
    expect(lateUtc >= r!.start && lateUtc <= r!.end).toBe(true);
    expect(vnDayRange('28/11/2025')).toBeNull();
    expect(vnDayRange('')).toBeNull();
  });
});

describe('formatPhone', () => {
  it('groups 10-digit numbers 4-3-3 and +84 numbers 3-3-3', () => {
    expect(formatPhone('0912345678')).toBe('0912 345 678');
    expect(formatPhone('+84912345678')).toBe('+84 912 345 678');
    expect(formatPhone('0912.345.678')).toBe('0912 345 678');
  });
  it('leaves anything else as typed', () => {
    expect(formatPhone('1900 1234')).toBe('1900 1234');
    expect(formatPhone('')).toBe('');
  });
});

describe('parseVnDate', () => {
  it('reads day/month/year with /, - or . and two- or four-digit years', () => {
    expect(parseVnDate('28/11/2025', 2030)).toBe('2025-11-28');
    expect(parseVnDate('1-2-25', 2030)).toBe('2025-02-01');
    expect(parseVnDate(' 5.3 ', 2026)).toBe('2026-03-05');
  });
  it('refuses days that do not exist', () => {
    expect(parseVnDate('31/02/2025', 2025)).toBeNull();
    expect(parseVnDate('2025-11-28', 2025)).toBeNull();
    expect(parseVnDate('hôm nay', 2025)).toBeNull();
  });
  it('round-trips with isoDayToVn', () => {
    expect(isoDayToVn('2025-11-28')).toBe('28/11/2025');
  });
});
