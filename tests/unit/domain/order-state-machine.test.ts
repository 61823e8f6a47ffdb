import { describe, expect, it } from 'vitest';
import { ORDER_STATUSES } from '../../../main/api/common.js';
import {
  checkTransition, EDITABLE, pathTo, HOLDS_RESERVATION, manualTargets, TRANSITIONS, type GuardView, type OrderStatus,
} from '../../../main/domain/orders/order-state-machine.js';

// The lifecycle of DESIGN.md §4, written out independently of the table under test: every edge and
// who takes it. A change to the table must be made here too, on purpose.
const EXPECTED_EDGES: [OrderStatus, OrderStatus, 'confirm' | 'cancel' | 'manual' | 'system' | 'reserve'][] = [
  ['new', 'awaiting_stock', 'confirm'],
  ['new', 'ready_to_pack', 'confirm'],
  ['new', 'cancelled', 'cancel'],
  ['awaiting_stock', 'ready_to_pack', 'reserve'],
  ['awaiting_stock', 'cancelled', 'cancel'],
  ['ready_to_pack', 'packing', 'manual'],
  ['ready_to_pack', 'awaiting_stock', 'reserve'],
  ['ready_to_pack', 'cancelled', 'cancel'],
  ['ready_to_pack', 'shipped', 'system'],
  ['packing', 'packed', 'manual'],
  ['packing', 'shipped', 'system'],
  ['packing', 'ready_to_pack', 'manual'],
  ['packing', 'cancelled', 'cancel'],
  ['packed', 'shipped', 'manual'],
  ['packed', 'packing', 'manual'],
  ['packed', 'cancelled', 'cancel'],
  ['shipped', 'delivered', 'manual'],
  ['shipped', 'delivery_failed', 'manual'],
  ['shipped', 'returning', 'manual'],
  ['delivery_failed', 'shipped', 'manual'],
  ['delivery_failed', 'returning', 'manual'],
  ['delivered', 'completed', 'manual'],
  ['delivered', 'returning', 'manual'],
  ['returning', 'returned', 'manual'],
];

const isEdge = (from: OrderStatus, to: OrderStatus) => EXPECTED_EDGES.some(([f, t]) => f === from && t === to);

/** An order that passes every guard: lines reserved and verified, tracking number set. */
const ready = (status: OrderStatus, over: Partial<GuardView> = {}): GuardView => ({
  status,
  trackingNumber: 'GY123456VN',
  lines: [{ quantity: 2, reservedQty: 2, verifiedQty: 2 }, { quantity: 1, reservedQty: 1, verifiedQty: 1 }],
  ...over,
});

describe('order state machine table', () => {
  it('has exactly the lifecycle edges, each taken by the expected actor', () => {
    const actual = (Object.entries(TRANSITIONS) as [OrderStatus, Record<string, string>][])
      .flatMap(([from, tos]) => Object.entries(tos).map(([to, via]) => [from, to, via]));
    expect(actual.sort()).toEqual([...EXPECTED_EDGES].map((e) => [...e]).sort());
  });

  it('covers every status, and the final states have no way out', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...ORDER_STATUSES].sort());
    for (const end of ['completed', 'cancelled', 'returned'] as const) expect(TRANSITIONS[end]).toEqual({});
  });

  it('lets an order be cancelled only before it ships', () => {
    const cancellable = ORDER_STATUSES.filter((s) => TRANSITIONS[s].cancelled === 'cancel');
    expect(cancellable.sort()).toEqual(['awaiting_stock', 'new', 'packed', 'packing', 'ready_to_pack']);
  });

  it('allows edits until packing starts, and reservations are held from ready_to_pack to packed', () => {
    expect([...EDITABLE].sort()).toEqual(['awaiting_stock', 'new', 'ready_to_pack']);
    expect([...HOLDS_RESERVATION].sort()).toEqual(['packed', 'packing', 'ready_to_pack']);
  });

  it('offers operators only the manual edges', () => {
    for (const from of ORDER_STATUSES) {
      const manual = EXPECTED_EDGES.filter(([f, , via]) => f === from && via === 'manual').map(([, t]) => t);
      expect(manualTargets(from).sort()).toEqual(manual.sort());
    }
  });
});

describe('checkTransition', () => {
  it.each(ORDER_STATUSES.flatMap((from) => ORDER_STATUSES.map((to) => [from, to] as const)))('%s → %s', (from, to) => {
    const result = checkTransition(ready(from), to);
    if (isEdge(from, to)) expect(result).toEqual({ ok: true });
    else expect(result).toEqual({ ok: false, code: 'TRANSITION_INVALID', from, to });
  });

  describe('guard stock_reserved (→ ready_to_pack)', () => {
    const sources = EXPECTED_EDGES.filter(([, t]) => t === 'ready_to_pack').map(([f]) => f);

    it.each(sources)('refuses %s → ready_to_pack while a line is not fully reserved', (from) => {
      const partly = ready(from, { lines: [{ quantity: 2, reservedQty: 2, verifiedQty: 0 }, { quantity: 3, reservedQty: 2, verifiedQty: 0 }] });
      expect(checkTransition(partly, 'ready_to_pack')).toEqual({ ok: false, code: 'GUARD_FAILED', guard: 'stock_reserved', from, to: 'ready_to_pack' });
      const none = ready(from, { lines: [{ quantity: 1, reservedQty: 0, verifiedQty: 0 }] });
      expect(checkTransition(none, 'ready_to_pack')).toMatchObject({ ok: false, guard: 'stock_reserved' });
    });

    it('passes once every line is reserved, verification not needed', () => {
      const reserved = ready('packing', { lines: [{ quantity: 3, reservedQty: 3, verifiedQty: 0 }], trackingNumber: null });
      expect(checkTransition(reserved, 'ready_to_pack')).toEqual({ ok: true });
    });
  });

  describe('guard lines_verified (→ packed)', () => {
    it('refuses packing → packed while a line is short of verified units', () => {
      const order = ready('packing', { lines: [{ quantity: 2, reservedQty: 2, verifiedQty: 2 }, { quantity: 2, reservedQty: 2, verifiedQty: 1 }] });
      expect(checkTransition(order, 'packed')).toEqual({ ok: false, code: 'GUARD_FAILED', guard: 'lines_verified', from: 'packing', to: 'packed' });
    });

    it('passes when every unit is verified, whatever the tracking number', () => {
      expect(checkTransition(ready('packing', { trackingNumber: null }), 'packed')).toEqual({ ok: true });
    });
  });

  describe('guard tracking_number (→ shipped)', () => {
    it.each(['packed', 'delivery_failed'] as const)('refuses %s → shipped without a tracking number', (from) => {
      for (const trackingNumber of [null, '']) {
        expect(checkTransition(ready(from, { trackingNumber }), 'shipped')).toEqual({ ok: false, code: 'GUARD_FAILED', guard: 'tracking_number', from, to: 'shipped' });
      }
    });
  });

  it('checks the edge before any guard', () => {
    const unreserved = ready('shipped', { lines: [{ quantity: 1, reservedQty: 0, verifiedQty: 0 }] });
    expect(checkTransition(unreserved, 'ready_to_pack')).toMatchObject({ code: 'TRANSITION_INVALID' });
  });

  it('guards only their own targets', () => {
    const bare = ready('ready_to_pack', { trackingNumber: null, lines: [{ quantity: 1, reservedQty: 1, verifiedQty: 0 }] });
    expect(checkTransition(bare, 'packing')).toEqual({ ok: true });
    expect(checkTransition({ ...bare, status: 'shipped', trackingNumber: 'X' }, 'delivered')).toEqual({ ok: true });
  });
});

describe('pathTo (carrier updates that skip statuses)', () => {
  it('walks every step, never through confirm or cancel edges', () => {
    expect(pathTo('ready_to_pack', 'delivered')).toEqual(['shipped', 'delivered']);
    expect(pathTo('packed', 'returned')).toEqual(['shipped', 'returning', 'returned']);
    expect(pathTo('delivery_failed', 'delivered')).toEqual(['shipped', 'delivered']);
    expect(pathTo('shipped', 'shipped')).toEqual([]);
  });

  it('has no way out of a final status or back before confirmation', () => {
    expect(pathTo('cancelled', 'shipped')).toBeNull();
    expect(pathTo('completed', 'returning')).toBeNull();
    expect(pathTo('new', 'shipped')).toBeNull();
    expect(pathTo('awaiting_stock', 'shipped')).toBeNull();
  });
});
