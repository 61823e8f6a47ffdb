import { describe, expect, it } from 'vitest';
import { catchUpWindows, lagSeconds, MAX_SPAN_S, nextWindow, OVERLAP_S } from '../../../main/domain/intake/intake-windows.js';

const DAY = 86_400;
const NOW = 1_760_000_000;

describe('update_time windows', () => {
  it('first pull looks back 15 days', () => {
    expect(nextWindow(null, NOW)).toEqual({ timeFrom: NOW - 15 * DAY, timeTo: NOW });
  });
  it('the next window starts before the watermark by the overlap and ends now', () => {
    expect(nextWindow(NOW - 60, NOW)).toEqual({ timeFrom: NOW - 60 - OVERLAP_S, timeTo: NOW });
  });
  it('never spans more than 15 days', () => {
    const w = nextWindow(NOW - 40 * DAY, NOW);
    expect(w.timeTo - w.timeFrom).toBe(MAX_SPAN_S);
  });
  it('catches up after a long offline period in ≤15-day slices that overlap and end now', () => {
    const mark = NOW - 40 * DAY;
    const ws = catchUpWindows(mark, NOW);
    expect(ws.length).toBe(3);
    expect(ws[0].timeFrom).toBe(mark - OVERLAP_S);
    for (const w of ws) expect(w.timeTo - w.timeFrom).toBeLessThanOrEqual(MAX_SPAN_S);
    for (let i = 1; i < ws.length; i++) expect(ws[i].timeFrom).toBe(ws[i - 1].timeTo - OVERLAP_S);
    expect(ws.at(-1)!.timeTo).toBe(NOW);
    // Every second from the watermark to now is covered.
    expect(ws.every((w, i) => i === 0 || w.timeFrom <= ws[i - 1].timeTo)).toBe(true);
  });
  it('one window when up to date; custom overlap and span', () => {
    expect(catchUpWindows(NOW - 30, NOW)).toHaveLength(1);
    const ws = catchUpWindows(NOW - 100, NOW, { overlapS: 5, maxSpanS: 30 });
    expect(ws.map((w) => [w.timeFrom, w.timeTo])).toEqual([[NOW - 105, NOW - 75], [NOW - 80, NOW - 50], [NOW - 55, NOW - 25], [NOW - 30, NOW]]);
  });
  it('a watermark ahead of the clock does not make an inverted window', () => {
    const w = nextWindow(NOW + 500, NOW);
    expect(w.timeFrom).toBeLessThanOrEqual(w.timeTo);
  });
  it('lag', () => {
    expect(lagSeconds(null, NOW)).toBeNull();
    expect(lagSeconds(NOW - 90, NOW)).toBe(90);
  });
});
