import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { call, makeCore, type TestCore } from '../../fixtures/core.js';
import { addVariant, addWarehouse, orderInput } from '../../fixtures/builders.js';
import { ledgerProblems } from '../../fixtures/store-checks.js';
import { ingestOrders, type IngestOrder } from '../../../main/domain/orders/order-ingest.js';
import { toStoredAddress } from '../../../main/domain/shared/address.js';

// The same orders through the bulk path and one by one through orders.create must leave the same
// statuses, reservations, stock and numbering.
interface Spec { wh: number; lines: [number, number][]; fee: number; discount: number }

const specs: Spec[] = fc.sample(
  fc.record({
    wh: fc.nat(2),
    lines: fc.array(fc.tuple(fc.nat(4), fc.integer({ min: 1, max: 3 })), { minLength: 1, maxLength: 3 }),
    fee: fc.constantFrom(0, 20_000, 30_000),
    discount: fc.constantFrom(0, 0, 10_000),
  }),
  { numRuns: 60, seed: 20251127 },
);
const STOCK = [[3, 0, 5], [1, 2, 0], [4, 4, 4], [0, 0, 0], [2, 1, 0]]; // variant × warehouse

async function shop(): Promise<{ t: TestCore; warehouses: number[]; variants: number[] }> {
  const t = await makeCore();
  const warehouses = [(await addWarehouse(t.admin)).id, (await addWarehouse(t.admin)).id, (await addWarehouse(t.admin, { allowNegative: true })).id];
  const variants: number[] = [];
  for (const perWarehouse of STOCK) {
    const v = await addVariant(t.admin, warehouses[0], perWarehouse[0]);
    for (const w of [1, 2]) if (perWarehouse[w]) await call(t.admin, 'inventory.receive', { warehouseId: warehouses[w], lines: [{ variantId: v, quantity: perWarehouse[w] }] });
    variants.push(v);
  }
  return { t, warehouses, variants };
}

/** What both paths must agree on, per order and per stock level. */
function outcome(t: TestCore) {
  const db = t.core.store.sqlite;
  return {
    orders: db.prepare(`SELECT o.number, o.status, o.subtotal, o.total, o.warehouse_id,
        json_group_array(json_array(l.variant_id, l.quantity, l.reserved_qty, l.unit_price)) AS lines
      FROM orders o JOIN order_lines l ON l.order_id = o.id GROUP BY o.id ORDER BY o.id`).all(),
    levels: db.prepare('SELECT variant_id, warehouse_id, on_hand, reserved FROM stock_levels ORDER BY 1, 2').all(),
    reserveMovements: db.prepare("SELECT variant_id, warehouse_id, order_id, reserved_delta FROM stock_movements WHERE kind = 'reserve' ORDER BY order_id, variant_id, reserved_delta").all(),
  };
}

describe('bulk order ingest', () => {
  let oneByOne: Awaited<ReturnType<typeof shop>>;
  let bulk: Awaited<ReturnType<typeof shop>>;
  beforeAll(async () => {
    [oneByOne, bulk] = [await shop(), await shop()];
    for (const s of specs) {
      await call(oneByOne.t.admin, 'orders.create', orderInput(oneByOne.warehouses[s.wh], s.lines.map(([v, q]) => [oneByOne.variants[v], q]), { shippingFee: s.fee, discount: s.discount }));
    }
    const address = toStoredAddress({ street: '12 Lê Lợi', provinceName: 'TP. Hồ Chí Minh', wardName: 'Phường Bến Thành' });
    const orders: IngestOrder[] = specs.map((s, i) => ({
      channel: 'manual', warehouseId: bulk.warehouses[s.wh], buyerName: 'Nguyễn Thị Lan', buyerPhone: '0912345678', address,
      paymentMethod: 'cod', shippingFee: s.fee, discount: s.discount, createdAt: Date.now() + i,
      lines: s.lines.map(([v, q]) => ({ variantId: bulk.variants[v], sku: `V${v}`, name: `V${v}`, quantity: q, unitPrice: 150_000 })),
    }));
    ingestOrders(bulk.t.core.store, orders, null);
  }, 60_000);
  afterAll(async () => {
    await oneByOne.t.close();
    await bulk.t.close();
  });

  it('covers orders that fit, that wait and that go negative', () => {
    const statuses = outcome(bulk.t).orders.map((o) => (o as { status: string }).status);
    expect(new Set(statuses)).toEqual(new Set(['ready_to_pack', 'awaiting_stock']));
    expect(outcome(bulk.t).levels.some((l) => (l as { on_hand: number; reserved: number }).reserved > (l as { on_hand: number }).on_hand)).toBe(true);
  });

  it('gives every order the same status, amounts and line reservations', () => {
    expect(outcome(bulk.t).orders).toEqual(outcome(oneByOne.t).orders);
  });

  it('leaves the same stock levels and reserve movements', () => {
    const [a, b] = [outcome(bulk.t), outcome(oneByOne.t)];
    expect(a.levels).toEqual(b.levels);
    expect(a.reserveMovements).toEqual(b.reserveMovements);
  });

  it('keeps the ledger rules', () => {
    expect(ledgerProblems(bulk.t.core.store.sqlite)).toEqual([]);
    expect(ledgerProblems(oneByOne.t.core.store.sqlite)).toEqual([]);
  });

  it('continues the order numbers after a batch, and finds the ingested orders', async () => {
    const next = await call(bulk.t.admin, 'orders.create', orderInput(bulk.warehouses[2], [[bulk.variants[0], 1]]));
    expect(next.number).toBe(`PD${String(specs.length + 1).padStart(6, '0')}`);
    const found = await call(bulk.t.admin, 'orders.list', { query: 'nguyen lan', limit: 500 });
    expect(found.items).toHaveLength(specs.length + 1);
  });

  it('promotes an ingested waiting order when stock arrives, as any other', async () => {
    const waiting = await call(bulk.t.admin, 'orders.list', { statuses: ['awaiting_stock'], sort: 'created_asc', limit: 1 });
    const order = await call(bulk.t.admin, 'orders.get', { id: waiting.items[0].id });
    const r = await call(bulk.t.admin, 'inventory.receive', { warehouseId: order.warehouseId, lines: order.lines.map((l) => ({ variantId: l.variantId, quantity: 50 })) });
    expect(r.promotedOrderIds).toContain(order.id);
    expect(ledgerProblems(bulk.t.core.store.sqlite)).toEqual([]);
  });
});
