import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, driftVerdict, pushQuantity, type PushPolicy } from '../../../main/domain/listings/push-policy.js';

const policy = (p: Partial<PushPolicy> = {}): PushPolicy => ({ ...DEFAULT_POLICY, ...p });
const one = (available: number, reserved = 0) => ({ levels: [{ warehouseId: 1, available }], marketplaceReserved: reserved });

describe('push policy', () => {
  it('shows all available stock by default', () => {
    expect(pushQuantity(policy(), one(7))).toEqual({ quantity: 7, available: 7, policyQuantity: 7, raisedToReserved: false });
    expect(pushQuantity(policy(), one(0)).quantity).toBe(0);
  });

  it('takes a share, rounding down', () => {
    expect(pushQuantity(policy({ sharePercent: 50 }), one(7)).quantity).toBe(3);
    expect(pushQuantity(policy({ sharePercent: 0 }), one(7)).quantity).toBe(0);
    expect(pushQuantity(policy({ sharePercent: 33 }), one(1)).quantity).toBe(0);
  });

  it('keeps a reserve back before the share', () => {
    expect(pushQuantity(policy({ reserveUnits: 2 }), one(7)).quantity).toBe(5);
    expect(pushQuantity(policy({ reserveUnits: 2, sharePercent: 50 }), one(7)).quantity).toBe(2);
    expect(pushQuantity(policy({ reserveUnits: 10 }), one(7)).quantity).toBe(0);
  });

  it('shows zero when available falls below the threshold', () => {
    expect(pushQuantity(policy({ zeroBelow: 3 }), one(2)).quantity).toBe(0);
    expect(pushQuantity(policy({ zeroBelow: 3 }), one(3)).quantity).toBe(3);
  });

  it('caps at the maximum shown', () => {
    expect(pushQuantity(policy({ maxShown: 20 }), one(500)).quantity).toBe(20);
    expect(pushQuantity(policy({ maxShown: 0 }), one(5)).quantity).toBe(0);
  });

  it('adds only the warehouses that feed the channel; a negative level counts as zero', () => {
    const levels = [{ warehouseId: 1, available: 4 }, { warehouseId: 2, available: 6 }, { warehouseId: 3, available: -3 }];
    expect(pushQuantity(policy(), { levels, marketplaceReserved: 0 })).toMatchObject({ quantity: 10, available: 10 });
    expect(pushQuantity(policy({ warehouseIds: [2, 3] }), { levels, marketplaceReserved: 0 }).quantity).toBe(6);
    expect(pushQuantity(policy({ warehouseIds: [9] }), { levels, marketplaceReserved: 0 }).quantity).toBe(0);
  });

  it("never goes below Shopee's promotion-reserved stock (update_stock refuses it)", () => {
    expect(pushQuantity(policy(), one(0, 2))).toEqual({ quantity: 2, available: 0, policyQuantity: 0, raisedToReserved: true });
    expect(pushQuantity(policy(), one(5, 2))).toMatchObject({ quantity: 5, raisedToReserved: false });
    expect(pushQuantity(policy({ zeroBelow: 10 }), one(5, 3))).toMatchObject({ quantity: 3, raisedToReserved: true });
  });

  it('never returns a negative or fractional quantity', () => {
    for (const available of [-5, 0, 1, 2, 3, 99]) {
      for (const p of [policy(), policy({ sharePercent: 37, reserveUnits: 1, zeroBelow: 2, maxShown: 40 })]) {
        const q = pushQuantity(p, one(available)).quantity;
        expect(Number.isInteger(q) && q >= 0).toBe(true);
      }
    }
  });
});

describe('drift verdict', () => {
  it('is in step when Shopee shows what we pushed or we never pushed', () => {
    expect(driftVerdict(5, 5, false)).toBe('in_step');
    expect(driftVerdict(null, 9, false)).toBe('in_step');
  });
  it('re-pushes at once when Shopee shows more (oversell risk)', () => {
    expect(driftVerdict(0, 3, false)).toBe('repush');
  });
  it('waits one check when Shopee shows less (orders not pulled yet), then re-pushes', () => {
    expect(driftVerdict(5, 3, false)).toBe('watch');
    expect(driftVerdict(5, 3, true)).toBe('repush');
  });
});
