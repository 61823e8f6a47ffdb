// Pure parts of the simulator plumbing: seeded randomness, Vietnam time, place-name matching, fault
// decisions, the rate window and the hand-written PDF.

import { describe, expect, it } from 'vitest';
import { FaultInjector, pathMatches } from '../../main/simulators/shared/fault-injector.js';
import { buildTextPdf, PAGE_SIZES } from '../../main/simulators/shared/minimal-pdf.js';
import { seededRandom, streamFor } from '../../main/simulators/shared/prng.js';
import { RateWindow } from '../../main/simulators/shared/rate-window.js';
import { locate, nextOnPath } from '../../main/simulators/shared/status-ticker.js';
import { foldVietnamese, samePlace } from '../../main/simulators/shared/text-fold.js';
import { formatVnDateTime, isoVn, parseVnDateTime } from '../../main/simulators/shared/vietnam-time.js';

describe('seeded randomness', () => {
  it('repeats for a seed, differs across seeds and purposes, stays in [0, 1)', () => {
    const draw = (r: () => number) => Array.from({ length: 5 }, r);
    expect(draw(seededRandom(7))).toEqual(draw(seededRandom(7)));
    expect(draw(seededRandom(7))).not.toEqual(draw(seededRandom(8)));
    expect(draw(streamFor(7, 'ids'))).not.toEqual(draw(streamFor(7, 'faults')));
    expect(draw(seededRandom(1)).every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('Vietnam time', () => {
  it('formats dd/MM/yyyy HH:mm:ss at UTC+7 and parses it back', () => {
    const at = Date.UTC(2025, 11, 31, 18, 5, 9);
    expect(formatVnDateTime(at)).toBe('01/01/2026 01:05:09');
    expect(parseVnDateTime('01/01/2026 01:05:09')).toBe(at);
    expect(isoVn(at)).toBe('2026-01-01T01:05:09+07:00');
  });

  it('refuses dates that do not exist or are not in the exact form', () => {
    expect(parseVnDateTime('31/02/2025 10:00:00')).toBeUndefined();
    expect(parseVnDateTime('2025-02-01 10:00:00')).toBeUndefined();
    expect(parseVnDateTime('01/02/2025 24:00:00')).toBeUndefined();
  });
});

describe('place names', () => {
  it('ignores case, accents, prefixes and leading zeros, but keeps names that start like a prefix', () => {
    expect(foldVietnamese('  Phường  Đa Kao ')).toBe('phuong da kao');
    expect(samePlace('p. ben thanh', 'Phường Bến Thành')).toBe(true);
    expect(samePlace('Phường 02', 'Phường 2')).toBe(true);
    expect(samePlace('Quan Hoa', 'Phường Quan Hoa')).toBe(true);
    expect(samePlace('Thừa Thiên - Huế', 'Thừa Thiên Huế')).toBe(true);
    expect(samePlace('HCM', 'Hồ Chí Minh', ['TP HCM', 'HCM'])).toBe(true);
    expect(samePlace('Phường 3', 'Phường 2')).toBe(false);
    expect(samePlace('', 'Phường 2')).toBe(false);
  });
});

describe('fault injector', () => {
  it('applies to the default paths only, unless told otherwise', () => {
    expect(pathMatches(['/v2/order/*'], '/v2/order/createOrder')).toBe(true);
    expect(pathMatches(['/v2/order/*'], '/v2/user/Login')).toBe(false);
    const f = new FaultInjector({ serverErrorRate: 1 }, ['/v2/order/*'], 1);
    expect(f.decide('/v2/user/Login').kind).toBeNull();
    expect(f.decide('/v2/order/createOrder').kind).toBe('serverError');
    f.set({ serverErrorRate: 1, paths: ['*'] });
    expect(f.decide('/v2/user/Login').kind).toBe('serverError');
  });

  it('draws the same fates for the same seed, and forced faults win over rates', () => {
    const fates = (seed: number) => {
      const f = new FaultInjector({ timeoutRate: 0.1, serverErrorRate: 0.2, rateLimitRate: 0.1, dropAfterCommitRate: 0.1, malformedRate: 0.1 }, ['*'], seed);
      return Array.from({ length: 40 }, () => f.decide('/x').kind);
    };
    expect(fates(3)).toEqual(fates(3));
    expect(new Set(fates(3)).size).toBeGreaterThan(3);
    const f = new FaultInjector({}, ['*'], 1);
    f.forceNext('malformed', 2, '/only-here');
    expect(f.decide('/elsewhere').kind).toBeNull();
    expect([f.decide('/only-here').kind, f.decide('/only-here').kind, f.decide('/only-here').kind]).toEqual(['malformed', 'malformed', null]);
  });

  it('adds latency with jitter within bounds', () => {
    const f = new FaultInjector({ latencyMs: 100, jitterMs: 50 }, ['*'], 1);
    for (let i = 0; i < 20; i++) {
      const { delayMs } = f.decide('/x');
      expect(delayMs).toBeGreaterThanOrEqual(100);
      expect(delayMs).toBeLessThanOrEqual(150);
    }
  });
});

describe('rate window', () => {
  it('counts per key over a sliding minute and says how long to wait', () => {
    let now = 0;
    const w = new RateWindow(2, () => now);
    expect([w.take('a'), w.take('a'), w.take('b')]).toEqual([undefined, undefined, undefined]);
    now = 15_000;
    expect(w.take('a')).toBe(45);
    now = 60_000;
    expect(w.take('a')).toBeUndefined();
  });
});

describe('status paths', () => {
  const paths = { loop: ['a', 'b', 'a', 'c'], other: ['x', 'c'] };
  it('moves by position, so a path may visit a status twice', () => {
    expect(nextOnPath(paths, { pathName: 'loop', pathIndex: 1 })).toBe('a');
    expect(nextOnPath(paths, { pathName: 'loop', pathIndex: 2 })).toBe('c');
    expect(nextOnPath(paths, { pathName: 'loop', pathIndex: 3 })).toBeUndefined();
    expect(nextOnPath(paths, { pathName: 'loop', pathIndex: -1 })).toBeUndefined();
  });

  it('locates a jump later on the current path first, then on another path, else off-path', () => {
    expect(locate(paths, { pathName: 'loop', pathIndex: 1 }, 'a')).toEqual({ pathName: 'loop', pathIndex: 2 });
    expect(locate(paths, { pathName: 'loop', pathIndex: 0 }, 'x')).toEqual({ pathName: 'other', pathIndex: 0 });
    expect(locate(paths, { pathName: 'loop', pathIndex: 0 }, 'zzz')).toEqual({ pathName: 'loop', pathIndex: -1 });
  });
});

describe('minimal PDF', () => {
  it('has a cross-reference table whose offsets point at the objects, one page per label', () => {
    const pdf = buildTextPdf({ ...PAGE_SIZES.A6, pages: [['Mã vận đơn: 123 (a)'], ['second \\ page']] }).toString('latin1');
    expect(pdf.startsWith('%PDF-1.4\n')).toBe(true);
    expect(pdf).toContain('/Count 2');
    expect(pdf).toContain('(Ma van don: 123 \\(a\\)) Tj');
    expect(pdf).toContain('(second \\\\ page) Tj');
    const xrefAt = Number(/startxref\n(\d+)/.exec(pdf)![1]);
    expect(pdf.slice(xrefAt, xrefAt + 4)).toBe('xref');
    const entries = pdf.slice(xrefAt).split('\n').slice(2).filter((l) => / 00000 n\r$/.test(l));
    expect(entries).toHaveLength(7);
    entries.forEach((line, i) => expect(pdf.startsWith(`${i + 1} 0 obj\n`, Number(line.slice(0, 10)))).toBe(true));
    const length = Number(/\/Length (\d+)/.exec(pdf)![1]);
    const streamStart = pdf.indexOf('stream\n') + 'stream\n'.length;
    expect(pdf.slice(streamStart + length, streamStart + length + 9)).toBe('endstream');
  });
});
