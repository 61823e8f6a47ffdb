import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyDelta, available, isViolation, MOVEMENT_SHAPE, movementShapeOk } from '../../../main/domain/inventory/stock-rules.js';
import { MOVEMENT_KINDS } from '../../../main/api/common.js';

describe('available', () => {
  it('is on hand minus reserved', () => {
    expect(available({ onHand: 10, reserved: 3 })).toBe(7);
    expect(available({ onHand: 2, reserved: 5 })).toBe(-3);
  });
});

describe('applyDelta', () => {
  const level = { onHand: 5, reserved: 2 };

  it('adds the deltas', () => {
    expect(applyDelta(level, 3, 0, false)).toEqual({ onHand: 8, reserved: 2 });
    expect(applyDelta(level, -2, -2, false)).toEqual({ onHand: 3, reserved: 0 });
  });

  it('reserves up to exactly what is available, not one more', () => {
    expect(applyDelta(level, 0, 3, false)).toEqual({ onHand: 5, reserved: 5 });
    expect(applyDelta(level, 0, 4, false)).toEqual({ code: 'STOCK_INSUFFICIENT', onHand: 5, reserved: 2, available: 3 });
  });

  it('never lets reserved go below zero, even where negative stock is allowed', () => {
    expect(applyDelta(level, 0, -3, false)).toMatchObject({ code: 'STOCK_NEGATIVE' });
    expect(applyDelta(level, 0, -3, true)).toMatchObject({ code: 'STOCK_NEGATIVE' });
  });

  it('refuses on hand below zero unless the warehouse allows it', () => {
    expect(applyDelta(level, -6, 0, false)).toEqual({ code: 'STOCK_NEGATIVE', onHand: 5, reserved: 2, available: 3 });
    expect(applyDelta(level, -6, 0, true)).toEqual({ onHand: -1, reserved: 2 });
    expect(applyDelta(level, -5, 0, false)).toEqual({ onHand: 0, reserved: 2 });
  });

  it('lets a negative-stock warehouse over-reserve', () => {
    expect(applyDelta({ onHand: 0, reserved: 0 }, 0, 4, true)).toEqual({ onHand: 0, reserved: 4 });
  });

  it('property: a result that is not a violation keeps reserved ≥ 0, on hand ≥ 0 and, for reservations, available ≥ 0', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: -60, max: 60 }), fc.integer({ min: -60, max: 60 }),
        (onHand, reservedRaw, dOn, dRes) => {
          const start = { onHand, reserved: Math.min(reservedRaw, onHand) };
          const next = applyDelta(start, dOn, dRes, false);
          if (isViolation(next)) return;
          expect(next).toEqual({ onHand: start.onHand + dOn, reserved: start.reserved + dRes });
          expect(next.onHand).toBeGreaterThanOrEqual(0);
          expect(next.reserved).toBeGreaterThanOrEqual(0);
          if (dRes > 0 && dOn === 0) expect(available(next)).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

describe('movement shapes', () => {
  it('has a shape for every movement kind of the contract', () => {
    expect(Object.keys(MOVEMENT_SHAPE).sort()).toEqual([...MOVEMENT_KINDS].sort());
  });

  it.each([
    ['receipt', 5, 0, true], ['receipt', -5, 0, false], ['receipt', 5, 1, false], ['receipt', 0, 0, false],
    ['initial', 1, 0, true], ['initial', 0, 0, false],
    ['reserve', 0, 2, true], ['reserve', 0, -2, false], ['reserve', 1, 2, false],
    ['release', 0, -2, true], ['release', 0, 2, false],
    ['ship', -2, -2, true], ['ship', -2, 0, false], ['ship', 2, -2, false],
    ['return_restock', 3, 0, true], ['write_off', -1, 0, true], ['write_off', 1, 0, false],
    ['adjust', -4, 0, true], ['adjust', 4, 0, true], ['adjust', 0, 0, false], ['count_adjust', -1, 0, true], ['count_adjust', 0, 0, false],
    ['transfer_in', 2, 0, true], ['transfer_out', -2, 0, true], ['transfer_out', 2, 0, false],
    ['gift', 1, 0, false],
  ] as const)('%s %i/%i → %s', (kind, dOn, dRes, ok) => {
    expect(movementShapeOk(kind, dOn, dRes)).toBe(ok);
  });
});
