import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Session } from '../../../main/core/core.js';
import type { CallResult } from '../../../main/core/protocol.js';
import { makeCore, type TestCore } from '../../fixtures/core.js';
import { addVariant, addWarehouse, orderInput } from '../../fixtures/builders.js';
import { ledgerProblems } from '../../fixtures/store-checks.js';
import { ORDER_STATUSES } from '../../../main/api/common.js';

// Any sequence of stock and order operations keeps rule 6: levels equal the ledger, nothing negative
// where negative stock is not allowed, order lines hold exactly what the levels say is reserved, and
// an order holds its whole reservation exactly in the statuses that hold one.
const line = fc.tuple(fc.nat(3), fc.integer({ min: 1, max: 4 }));
const lines = fc.array(line, { minLength: 1, maxLength: 3 });
// An order by age, 0 = the newest; mostly the newest, so one order can be walked through several steps.
const orderRef = fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.nat(30) });
const op = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), wh: fc.nat(2), lines, confirm: fc.boolean() }),
  fc.record({ kind: fc.constant('confirm' as const), order: orderRef }),
  fc.record({ kind: fc.constant('cancel' as const), order: orderRef }),
  fc.record({ kind: fc.constant('edit' as const), order: orderRef, lines, stale: fc.boolean() }),
  fc.record({ kind: fc.constant('receive' as const), wh: fc.nat(2), variant: fc.nat(3), qty: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('adjust' as const), wh: fc.nat(2), variant: fc.nat(3), delta: fc.integer({ min: -6, max: 6 }).filter((d) => d !== 0) }),
  fc.record({ kind: fc.constant('count' as const), wh: fc.nat(2), variant: fc.nat(3), onHand: fc.nat(8) }),
  fc.record({ kind: fc.constant('verify' as const), order: orderRef }),
  fc.record({
    kind: fc.constant('transition' as const),
    order: orderRef,
    // Mostly the forward path, so orders get far enough to ship; sometimes anything at all.
    to: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('packing', 'packed', 'shipped', 'delivered', 'ready_to_pack') }, { weight: 1, arbitrary: fc.constantFrom(...ORDER_STATUSES) }),
    tracking: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('walk' as const), order: orderRef, to: fc.constantFrom('packed', 'shipped', 'delivered') }),
  fc.record({ kind: fc.constant('bulkConfirm' as const), orders: fc.array(orderRef, { minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant('bulkCancel' as const), orders: fc.array(orderRef, { minLength: 1, maxLength: 4 }) }),
);
// A fixed sample by default, so the run is the same every time; set PACKDESK_PROPERTY_SEED (and
// PACKDESK_PROPERTY_RUNS) to explore other sequences.
const SEED = Number(process.env.PACKDESK_PROPERTY_SEED ?? 20251127);
const RUNS = Number(process.env.PACKDESK_PROPERTY_RUNS ?? 50);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

describe('stock ledger under random operations', () => {
  let t: TestCore;
  let s: Session;
  let warehouses: number[];
  let variants: number[];
  const orders: number[] = [];
  const versions = new Map<number, number>();
  beforeAll(async () => {
    t = await makeCore();
    s = t.admin;
    warehouses = [(await addWarehouse(s)).id, (await addWarehouse(s)).id, (await addWarehouse(s, { allowNegative: true })).id];
    variants = [];
    for (let i = 0; i < 4; i++) variants.push(await addVariant(s, warehouses[0], i));
  });
  afterAll(() => t.close());

  const orderAt = (age: number) => (orders.length ? orders[orders.length - 1 - (age % orders.length)] : 987_654);

  async function run(o: Op): Promise<CallResult> {
    switch (o.kind) {
      case 'create': {
        const r = await s.call('orders.create', { ...orderInput(warehouses[o.wh], o.lines.map(([v, q]) => [variants[v], q])), confirm: o.confirm });
        if (r.ok) orders.push((r.value as { id: number }).id);
        return r;
      }
      case 'confirm': return s.call('orders.confirm', { id: orderAt(o.order) });
      case 'cancel': return s.call('orders.cancel', { id: orderAt(o.order), reason: 'property' });
      case 'edit': {
        const current = await s.call('orders.get', { id: orderAt(o.order) });
        if (!current.ok) return current;
        const order = current.value as { id: number; version: number; warehouseId: number; customerId: number | null };
        const version = o.stale ? Math.max(1, order.version - 1) : order.version;
        return s.call('orders.update', {
          id: order.id, version, warehouseId: order.warehouseId, customerId: order.customerId ?? undefined, address: { street: 'edited' },
          lines: o.lines.map(([v, q]) => ({ variantId: variants[v], quantity: q })),
        });
      }
      case 'receive': return s.call('inventory.receive', { warehouseId: warehouses[o.wh], lines: [{ variantId: variants[o.variant], quantity: o.qty }] });
      case 'adjust': return s.call('inventory.adjust', { warehouseId: warehouses[o.wh], variantId: variants[o.variant], delta: o.delta, reason: 'property' });
      case 'count': return s.call('inventory.adjust', { warehouseId: warehouses[o.wh], variantId: variants[o.variant], setOnHand: o.onHand, reason: 'count' });
      case 'verify':
        // The packing station's scans (not in the contract yet): every unit of the order verified.
        t.core.store.sqlite.prepare('UPDATE order_lines SET verified_qty = quantity WHERE order_id = ?').run(orderAt(o.order));
        return { ok: true, value: null };
      case 'transition':
        return s.call('orders.transition', { id: orderAt(o.order), to: o.to, ...(o.tracking ? { trackingNumber: `GY${o.order}VN` } : {}) });
      case 'walk': {
        // Packing station and carrier in one go: packing → (scans) → packed → shipped → delivered.
        const id = orderAt(o.order);
        const path = ['packing', 'packed', 'shipped', 'delivered'] as const;
        let r: CallResult = { ok: true, value: null };
        for (const to of path.slice(0, path.indexOf(o.to) + 1)) {
          if (to === 'packed') t.core.store.sqlite.prepare('UPDATE order_lines SET verified_qty = quantity WHERE order_id = ?').run(id);
          r = await s.call('orders.transition', { id, to, ...(to === 'shipped' ? { trackingNumber: `GY${id}VN` } : {}) });
          if (!r.ok) break;
        }
        return r;
      }
      case 'bulkConfirm': return s.call('orders.bulkConfirm', { ids: [...new Set(o.orders.map(orderAt))] });
      case 'bulkCancel': return s.call('orders.bulkCancel', { ids: [...new Set(o.orders.map(orderAt))], reason: 'property' });
    }
  }

  /** Orders of a warehouse without negative stock hold all of every line in the holding statuses, else nothing. */
  function reservationShapeProblems(): unknown[] {
    return t.core.store.sqlite
      .prepare(`SELECT o.id, o.status, l.quantity, l.reserved_qty FROM orders o JOIN order_lines l ON l.order_id = o.id
        WHERE CASE WHEN o.status IN ('ready_to_pack', 'packing', 'packed') THEN l.reserved_qty <> l.quantity ELSE l.reserved_qty <> 0 END`)
      .all();
  }

  const seen = new Set<string>();
  it('keeps levels equal to the ledger and to what order lines hold', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 30, size: 'medium' }), async (ops) => {
        for (const o of ops) {
          const r = await run(o);
          const status = r.ok ? (r.value as { status?: string } | null)?.status : undefined;
          if (status) seen.add(status);
          if (!r.ok) expect(['INTERNAL', 'OUTPUT_INVALID', 'INPUT_INVALID']).not.toContain(r.error.code);
          expect(ledgerProblems(t.core.store.sqlite), JSON.stringify(o)).toEqual([]);
          expect(reservationShapeProblems(), JSON.stringify(o)).toEqual([]);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // The runs did exercise the interesting paths, not only refusals (known for the default sample).
    if (process.env.PACKDESK_PROPERTY_SEED) return;
    expect([...seen]).toEqual(expect.arrayContaining(['ready_to_pack', 'awaiting_stock', 'cancelled', 'packing', 'shipped']));
    const kinds = t.core.store.sqlite.prepare('SELECT DISTINCT kind FROM stock_movements').pluck().all();
    expect(kinds).toEqual(expect.arrayContaining(['reserve', 'release', 'receipt', 'adjust', 'count_adjust', 'ship']));
  }, 120_000);
});
