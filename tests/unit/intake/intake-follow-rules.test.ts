import { describe, expect, it } from 'vitest';
import { canFollow, FOLLOW_RANK, followPlan, type FollowInput } from '../../../main/domain/intake/intake-follow-rules.js';
import { mapShopeeStatus, SHOPEE_ORDER_STATUSES } from '../../../main/domain/intake/shopee-order-mapping.js';
import type { OrderStatus } from '../../../main/domain/orders/order-state-machine.js';

// The follow rules for an order we already hold, for every Shopee status of spec §1.5: forward only,
// never past our packing gate, and a plan that, applied, leaves nothing more to do on a re-apply.

const ALL: OrderStatus[] = ['new', 'awaiting_stock', 'ready_to_pack', 'packing', 'packed', 'shipped', 'delivered', 'delivery_failed', 'returning', 'completed', 'returned', 'cancelled'];

/** The plan for an order in `current` when Shopee reports `status` (with its package statuses). */
function plan(current: OrderStatus, status: string, packages: string[] = []) {
  const m = mapShopeeStatus(status, packages)!;
  const input: FollowInput = { current, stage: m.stage, hold: m.hold, rearrange: !!m.rearrange, packageStatuses: packages };
  return followPlan(input);
}

/** Where the order ends up after the plan's action (statuses the action does not move stay). */
function after(current: OrderStatus, status: string, packages: string[] = []): OrderStatus {
  const a = plan(current, status, packages).action;
  if (a.kind === 'follow' || a.kind === 'jump') return a.to;
  if (a.kind === 'cancel') return 'cancelled';
  if (a.kind === 'reserve') return 'ready_to_pack';
  return current;
}

describe('following Shopee statuses (§1.5)', () => {
  it('a packed order follows PROCESSED (stays), SHIPPED, TO_CONFIRM_RECEIVE, COMPLETED, TO_RETURN', () => {
    expect(plan('packed', 'PROCESSED').action).toEqual({ kind: 'none' });
    expect(plan('packed', 'SHIPPED').action).toEqual({ kind: 'follow', to: 'shipped' });
    expect(plan('packed', 'TO_CONFIRM_RECEIVE').action).toEqual({ kind: 'follow', to: 'delivered' });
    expect(plan('packed', 'COMPLETED').action).toEqual({ kind: 'follow', to: 'completed' });
    expect(plan('packed', 'TO_RETURN').action).toEqual({ kind: 'follow', to: 'returning' });
    expect(plan('shipped', 'TO_CONFIRM_RECEIVE').action).toEqual({ kind: 'follow', to: 'delivered' });
    expect(plan('delivered', 'COMPLETED').action).toEqual({ kind: 'follow', to: 'completed' });
    expect(plan('delivered', 'TO_RETURN').action).toEqual({ kind: 'follow', to: 'returning' });
  });

  it('RETRY_SHIP keeps the order packed and asks to arrange the pickup again', () => {
    expect(plan('packed', 'RETRY_SHIP')).toEqual({ action: { kind: 'none' }, openRearrange: true });
    expect(plan('ready_to_pack', 'RETRY_SHIP')).toEqual({ action: { kind: 'ahead_of_packing' }, openRearrange: true });
    // Once it has left or is cancelled there is nothing to re-arrange.
    expect(plan('shipped', 'RETRY_SHIP').openRearrange).toBe(false);
    expect(plan('cancelled', 'RETRY_SHIP').openRearrange).toBe(false);
    expect(plan('packed', 'PROCESSED').openRearrange).toBe(false);
  });

  it('PROCESSED never packs an order: ready to pack / packing / awaiting stock stay, with a note', () => {
    for (const s of ['ready_to_pack', 'packing', 'awaiting_stock'] as const) {
      expect(plan(s, 'PROCESSED').action).toEqual({ kind: 'ahead_of_packing' });
      expect(after(s, 'PROCESSED')).toBe(s);
    }
    // A paid order we never reserved is reserved and queued, not packed.
    expect(plan('new', 'PROCESSED').action).toEqual({ kind: 'reserve', aheadOfPacking: true });
  });

  it('a parcel the carrier took without a station scan ships the order (the lifecycle\'s system edge)', () => {
    expect(plan('ready_to_pack', 'SHIPPED').action).toEqual({ kind: 'follow', to: 'shipped' });
    expect(plan('packing', 'COMPLETED').action).toEqual({ kind: 'follow', to: 'completed' });
    // Waiting for stock: nothing reserved, no edge to shipped: noted, not forced.
    expect(plan('awaiting_stock', 'SHIPPED').action).toEqual({ kind: 'cannot_follow', to: 'shipped' });
  });

  it('CANCELLED: before packing cancels, after packing asks the operator', () => {
    for (const s of ['new', 'awaiting_stock', 'ready_to_pack', 'packing'] as const) expect(plan(s, 'CANCELLED').action).toEqual({ kind: 'cancel' });
    expect(plan('packed', 'CANCELLED').action).toEqual({ kind: 'cancel_after_pack' });
    expect(plan('shipped', 'CANCELLED').action).toEqual({ kind: 'cancel_after_pack' });
    expect(plan('cancelled', 'CANCELLED').action).toEqual({ kind: 'none' });
  });

  it('CANCELLED with a failed delivery or a lost parcel: delivery failed through shipped; a failed pickup leaves the parcel here', () => {
    expect(plan('shipped', 'CANCELLED', ['LOGISTICS_DELIVERY_FAILED']).action).toEqual({ kind: 'follow', to: 'delivery_failed' });
    expect(plan('packed', 'CANCELLED', ['LOGISTICS_LOST']).action).toEqual({ kind: 'follow', to: 'delivery_failed' });
    expect(plan('packed', 'CANCELLED', ['LOGISTICS_PICKUP_FAILED']).action).toEqual({ kind: 'cancel_after_pack' });
    expect(plan('ready_to_pack', 'CANCELLED', ['LOGISTICS_PICKUP_FAILED']).action).toEqual({ kind: 'cancel' });
    expect(plan('new', 'CANCELLED', ['LOGISTICS_DELIVERY_FAILED']).action).toEqual({ kind: 'cancel' });
    expect(plan('delivered', 'CANCELLED', ['LOGISTICS_DELIVERY_FAILED']).action).toEqual({ kind: 'none' });
  });

  it('IN_CANCEL changes nothing; a rejected request (back to READY_TO_SHIP / PROCESSED) does not move the order either', () => {
    for (const s of ALL) expect(plan(s, 'IN_CANCEL')).toEqual({ action: { kind: 'none' }, openRearrange: false });
    expect(plan('ready_to_pack', 'READY_TO_SHIP').action).toEqual({ kind: 'none' });
    expect(plan('packed', 'READY_TO_SHIP').action).toEqual({ kind: 'none' });
  });

  it('unpaid and held orders stay new', () => {
    expect(plan('new', 'UNPAID').action).toEqual({ kind: 'none' });
    expect(plan('new', 'PENDING').action).toEqual({ kind: 'none' });
    expect(plan('new', 'READY_TO_SHIP').action).toEqual({ kind: 'reserve', aheadOfPacking: false });
  });

  it('never backwards, for every internal status and every Shopee status', () => {
    for (const current of ALL) {
      for (const status of Object.keys(SHOPEE_ORDER_STATUSES)) {
        for (const pkgs of [[], ['LOGISTICS_DELIVERY_FAILED'], ['LOGISTICS_PICKUP_FAILED']]) {
          const to = after(current, status, pkgs);
          if (current === 'cancelled') expect(to, `cancelled + ${status}`).toBe('cancelled');
          // A cancellation is a side exit, taken only before packing (after it the operator decides).
          else if (to === 'cancelled') expect(FOLLOW_RANK[current], `${current} + ${status}`).toBeLessThan(FOLLOW_RANK.packed);
          else expect(FOLLOW_RANK[to], `${current} + ${status} ${pkgs}`).toBeGreaterThanOrEqual(FOLLOW_RANK[current]);
        }
      }
    }
  });

  it('idempotent: once applied, the same status asks for nothing more', () => {
    for (const current of ALL) {
      for (const status of Object.keys(SHOPEE_ORDER_STATUSES)) {
        const to = after(current, status);
        const again = plan(to, status).action.kind;
        // Notes and the operator's exceptions are written on a status change only (intake-follow.ts).
        expect(['none', 'ahead_of_packing', 'cannot_follow', 'cancel_after_pack'], `${current} → ${to} + ${status}`).toContain(again);
      }
    }
  });

  it('canFollow: forward along manual/system edges only', () => {
    expect(canFollow('packed', 'shipped')).toBe(true);
    expect(canFollow('packed', 'packing')).toBe(false);
    expect(canFollow('shipped', 'packed')).toBe(false);
    expect(canFollow('completed', 'returning')).toBe(false);
    expect(canFollow('awaiting_stock', 'shipped')).toBe(false);
  });
});
