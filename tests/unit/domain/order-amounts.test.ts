import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { amountIssue, formatOrderNumber, MAX_ORDER_AMOUNT, orderAmounts } from '../../../main/domain/orders/order-amounts.js';

describe('orderAmounts', () => {
  it('sums quantity × unit price, then adds shipping and takes off the discount', () => {
    expect(orderAmounts([{ quantity: 2, unitPrice: 149_000 }, { quantity: 1, unitPrice: 259_000 }], 30_000, 10_000)).toEqual({ subtotal: 557_000, total: 577_000 });
  });

  it('never gives a negative total', () => {
    expect(orderAmounts([{ quantity: 1, unitPrice: 50_000 }], 0, 80_000)).toEqual({ subtotal: 50_000, total: 0 });
  });

  it('is zero for free lines and no fees', () => {
    expect(orderAmounts([{ quantity: 3, unitPrice: 0 }], 0, 0)).toEqual({ subtotal: 0, total: 0 });
  });

  it('property: integer inputs give integer amounts, total = max(0, subtotal + fee − discount)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ quantity: fc.integer({ min: 1, max: 1000 }), unitPrice: fc.integer({ min: 0, max: 10_000_000 }) }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 100_000_000 }),
        (lines, fee, discount) => {
          const { subtotal, total } = orderAmounts(lines, fee, discount);
          expect(Number.isSafeInteger(subtotal) && Number.isSafeInteger(total)).toBe(true);
          expect(subtotal).toBe(lines.reduce((s, l) => s + l.quantity * l.unitPrice, 0));
          expect(total).toBe(Math.max(0, subtotal + fee - discount));
        },
      ),
    );
  });
});

describe('amountIssue', () => {
  it('accepts a discount up to the subtotal plus shipping', () => {
    expect(amountIssue(100_000, 30_000, 130_000)).toBeNull();
    expect(amountIssue(100_000, 30_000, 130_001)).toEqual({ path: 'discount', message: expect.any(String) });
  });

  it('refuses a subtotal past the contract’s money ceiling, which quantity × price can reach', () => {
    expect(MAX_ORDER_AMOUNT).toBe(100_000_000_000);
    expect(amountIssue(MAX_ORDER_AMOUNT, 0, 0)).toBeNull();
    expect(amountIssue(MAX_ORDER_AMOUNT + 1, 0, 0)).toMatchObject({ path: 'lines' });
    expect(amountIssue(1_000_000 * 100_000_000_000, 0, 0)).toMatchObject({ path: 'lines' });
  });
});

describe('formatOrderNumber', () => {
  it('pads to six digits and grows beyond', () => {
    expect(formatOrderNumber(1)).toBe('PD000001');
    expect(formatOrderNumber(123456)).toBe('PD123456');
    expect(formatOrderNumber(1234567)).toBe('PD1234567');
  });
});
