import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { needsByVariant, shortages } from '../../../main/domain/orders/reservation-rules.js';

const stockOf = (stock: Record<number, number>) => (v: number) => stock[v] ?? 0;

describe('needsByVariant', () => {
  it('adds up lines of the same variant', () => {
    expect([...needsByVariant([{ variantId: 1, quantity: 2 }, { variantId: 2, quantity: 1 }, { variantId: 1, quantity: 3 }])]).toEqual([[1, 5], [2, 1]]);
  });

  it('is empty for no lines', () => {
    expect(needsByVariant([]).size).toBe(0);
  });
});

describe('shortages', () => {
  it('is empty when every variant fits, including an exact fit', () => {
    expect(shortages([{ variantId: 1, quantity: 3 }, { variantId: 2, quantity: 1 }], stockOf({ 1: 3, 2: 10 }))).toEqual([]);
  });

  it('reports each variant that does not fit, with what is needed and available', () => {
    expect(shortages([{ variantId: 1, quantity: 4 }, { variantId: 2, quantity: 1 }, { variantId: 3, quantity: 1 }], stockOf({ 1: 3, 2: 1 }))).toEqual([
      { variantId: 1, needed: 4, available: 3 },
      { variantId: 3, needed: 1, available: 0 },
    ]);
  });

  it('judges two lines of one variant together, not each on its own', () => {
    // Each line alone (2) fits in 3; together (4) they do not.
    expect(shortages([{ variantId: 7, quantity: 2 }, { variantId: 7, quantity: 2 }], stockOf({ 7: 3 }))).toEqual([{ variantId: 7, needed: 4, available: 3 }]);
  });

  it('treats negative availability (over-reserved after a count) as short', () => {
    expect(shortages([{ variantId: 1, quantity: 1 }], stockOf({ 1: -2 }))).toEqual([{ variantId: 1, needed: 1, available: -2 }]);
  });

  it('never reports a shortage where the warehouse allows negative stock', () => {
    expect(shortages([{ variantId: 1, quantity: 99 }], stockOf({}), true)).toEqual([]);
  });

  it('property: an order fits exactly when every variant total is at most its availability', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ variantId: fc.integer({ min: 1, max: 4 }), quantity: fc.integer({ min: 1, max: 5 }) }), { maxLength: 8 }),
        fc.dictionary(fc.constantFrom('1', '2', '3', '4'), fc.integer({ min: -3, max: 12 })),
        (lines, stock) => {
          const avail = (v: number) => stock[String(v)] ?? 0;
          const totals = new Map<number, number>();
          for (const l of lines) totals.set(l.variantId, (totals.get(l.variantId) ?? 0) + l.quantity);
          const fits = [...totals].every(([v, q]) => q <= avail(v));
          const result = shortages(lines, avail);
          expect(result.length === 0).toBe(fits);
          for (const s of result) expect(s).toEqual({ variantId: s.variantId, needed: totals.get(s.variantId), available: avail(s.variantId) });
        },
      ),
    );
  });
});
