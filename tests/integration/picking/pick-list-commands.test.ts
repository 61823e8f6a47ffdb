import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPickListByCode } from '../../../main/domain/picking/pick-list-scan.js';
import { formatPickListCode } from '../../../main/domain/picking/pick-list-code.js';
import { addOrder, addProduct, addWarehouse } from '../../fixtures/builders.js';
import { call, callError, makeCore, type TestCore } from '../../fixtures/core.js';
import { storeChecksum } from '../../fixtures/store-checks.js';

describe('pick list commands', () => {
  let t: TestCore;
  let w1: number;
  let w2: number;
  let v: number[]; // variants with bins, none, B-1 in w1
  const checksum = () => storeChecksum(t.core.store.sqlite);

  beforeAll(async () => {
    t = await makeCore();
    w1 = (await addWarehouse(t.admin)).id;
    w2 = (await addWarehouse(t.admin)).id;
    const p = await addProduct(t.admin, { variants: 4, stock: { [w1]: 100, [w2]: 100 }, name: 'Áo sơ mi lụa' });
    v = p.variants.map((x) => x.id);
    for (const code of ['A-10', 'A-2', 'B-1']) await call(t.admin, 'warehouses.addBin', { warehouseId: w1, code });
    await call(t.admin, 'inventory.setBin', { warehouseId: w1, variantId: v[0], binCode: 'A-10' });
    await call(t.admin, 'inventory.setBin', { warehouseId: w1, variantId: v[1], binCode: 'A-2' });
    await call(t.admin, 'inventory.setBin', { warehouseId: w1, variantId: v[3], binCode: 'B-1' });
  });
  afterAll(() => t.close());

  it('sums each SKU over the orders, sorted by bin in natural order with bin-less items last, and remembers packing order', async () => {
    const early = await addOrder(t.admin, w1, [[v[0], 2], [v[2], 1]], { shipBy: Date.now() + 3_600_000 });
    const late = await addOrder(t.admin, w1, [[v[0], 1], [v[1], 3], [v[3], 1]]);
    expect([early.status, late.status]).toEqual(['ready_to_pack', 'ready_to_pack']);
    const packer = await t.signedIn('packer');
    const p = await call(packer, 'picking.create', { orderIds: [late.id, early.id], note: 'Ca sáng' });
    expect(p.code).toMatch(/^PL\d{7}$/);
    expect(p.status).toBe('open');
    expect(p.createdBy).toBe('Test packer');
    expect(p.lines.map((l) => [l.bin, l.sku, l.quantity])).toEqual([
      ['A-2', expect.stringMatching(/-V2$/), 3],
      ['A-10', expect.stringMatching(/-V1$/), 3],
      ['B-1', expect.stringMatching(/-V4$/), 1],
      [null, expect.stringMatching(/-V3$/), 1],
    ]);
    expect(p.lines[1].orders).toEqual([
      { orderId: early.id, orderNumber: early.number, quantity: 2 },
      { orderId: late.id, orderNumber: late.number, quantity: 1 },
    ]);
    expect(p.lines[0].attributes).toEqual([{ name: 'Size', value: 'S2' }]);
    expect(p.totals).toEqual({ orders: 2, skus: 4, units: 8 });
    // The order with the ship-by deadline is packed first, whatever order the ids came in.
    expect(p.orders.map((o) => o.id)).toEqual([early.id, late.id]);
    expect(findPickListByCode(t.core.store, p.code)).toEqual({ id: p.id, code: p.code, orderIds: [early.id, late.id] });
    expect(await call(packer, 'picking.get', { id: p.id })).toEqual(p);
    const listed = await call(packer, 'picking.list', { statuses: ['open'] });
    expect(listed.items.find((i) => i.id === p.id)).toMatchObject({ code: p.code, orderCount: 2, note: 'Ca sáng' });
  });

  it('refuses a selection with an unknown id, an order not ready to pack, mixed warehouses or a held order, writing nothing', async () => {
    const ready = await addOrder(t.admin, w1, [[v[0], 1]]);
    const draft = await addOrder(t.admin, w1, [[v[0], 1]], { confirm: false });
    const other = await addOrder(t.admin, w2, [[v[0], 1]]);
    const held = await addOrder(t.admin, w1, [[v[1], 1]]);
    const first = await call(t.admin, 'picking.create', { orderIds: [held.id] });
    const before = checksum();
    const cases: [number[], string, Record<string, unknown>][] = [
      [[ready.id, 999_999], 'NOT_FOUND', { reason: 'pick_list_missing', ids: [999_999] }],
      [[ready.id, draft.id], 'CONFLICT', { reason: 'pick_list_status', number: draft.number, status: 'new' }],
      [[ready.id, other.id], 'CONFLICT', { reason: 'pick_list_warehouse' }],
      [[ready.id, held.id], 'CONFLICT', { reason: 'pick_list_taken', number: held.number, code: first.code }],
    ];
    for (const [orderIds, code, details] of cases) {
      const err = await callError(t.admin, 'picking.create', { orderIds });
      expect(err.code, JSON.stringify(orderIds)).toBe(code);
      expect(err.details).toMatchObject(details);
      expect((await callError(t.admin, 'picking.preview', { orderIds })).code).toBe(code);
    }
    expect((await callError(t.admin, 'picking.create', { orderIds: [] })).code).toBe('INPUT_INVALID');
    expect(checksum()).toBe(before);
    // Cancelling frees the order for another list; cancelling again changes nothing.
    await call(t.admin, 'picking.cancel', { id: first.id });
    const again = await call(t.admin, 'picking.cancel', { id: first.id });
    expect(again.status).toBe('cancelled');
    expect(findPickListByCode(t.core.store, first.code)).toBeNull();
    const second = await call(t.admin, 'picking.create', { orderIds: [held.id, ready.id] });
    expect(second.orders.map((o) => o.id)).toEqual([ready.id, held.id]);
    expect((await callError(t.admin, 'picking.cancel', { id: 999_999 })).code).toBe('NOT_FOUND');
    expect((await callError(t.admin, 'picking.get', { id: 999_999 })).code).toBe('NOT_FOUND');
  });

  it('lets only one of two pick lists created at once take the same order', async () => {
    const shared = await addOrder(t.admin, w1, [[v[0], 1]]);
    const a = await addOrder(t.admin, w1, [[v[1], 1]]);
    const b = await addOrder(t.admin, w1, [[v[3], 1]]);
    const [s1, s2] = [await t.signedIn('packer'), await t.signedIn('manager')];
    const results = await Promise.all([
      s1.call('picking.create', { orderIds: [a.id, shared.id] }),
      s2.call('picking.create', { orderIds: [b.id, shared.id] }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok);
    expect(refused && !refused.ok && refused.error.details).toMatchObject({ reason: 'pick_list_taken', number: shared.number });
    const holders = t.core.store.sqlite
      .prepare("SELECT count(*) FROM pick_list_orders plo JOIN pick_lists pl ON pl.id = plo.pick_list_id WHERE plo.order_id = ? AND pl.status = 'open'")
      .pluck().get(shared.id);
    expect(holders).toBe(1);
  });

  it('finds a pick list by its scanned code, in any case, and nothing for a wrong check digit or another type', async () => {
    const o = await addOrder(t.admin, w1, [[v[0], 1]]);
    const p = await call(t.admin, 'picking.create', { orderIds: [o.id] });
    expect(findPickListByCode(t.core.store, ` ${p.code.toLowerCase()} `)?.id).toBe(p.id);
    const wrongCheck = p.code.slice(0, -1) + String((Number(p.code.at(-1)) + 1) % 10);
    expect(findPickListByCode(t.core.store, wrongCheck)).toBeNull();
    expect(findPickListByCode(t.core.store, o.number)).toBeNull();
    expect(findPickListByCode(t.core.store, formatPickListCode(987_654))).toBeNull();
  });

  it('lists candidates by warehouse with the pick list already holding them', async () => {
    const o = await addOrder(t.admin, w2, [[v[2], 2]]);
    const all = await call(t.admin, 'picking.candidates', { warehouseId: w2 });
    expect(all.items.find((i) => i.id === o.id)).toMatchObject({ units: 2, pickListCode: null, carrier: null, channel: 'manual' });
    expect(all.items.every((i) => i.warehouseId === w2)).toBe(true);
    const p = await call(t.admin, 'picking.create', { orderIds: [o.id] });
    const after = await call(t.admin, 'picking.candidates', { warehouseId: w2 });
    expect(after.items.find((i) => i.id === o.id)?.pickListCode).toBe(p.code);
    const free = await call(t.admin, 'picking.candidates', { warehouseId: w2, freeOnly: true });
    expect(free.items.some((i) => i.id === o.id)).toBe(false);
    expect((await call(t.admin, 'picking.candidates', { warehouseId: w2, carrier: 'ghn' })).items).toEqual([]);
  });

  it('queues a thermal print of the pick list for the calling station, and refuses an unknown id', async () => {
    const o = await addOrder(t.admin, w1, [[v[1], 1]]);
    const p = await call(t.admin, 'picking.create', { orderIds: [o.id] });
    const { printJobId } = await call(t.admin, 'picking.print', { id: p.id });
    const job = t.core.store.sqlite.prepare('SELECT purpose, document_json FROM print_jobs WHERE id = ?').get(printJobId) as { purpose: string; document_json: string };
    expect(job.purpose).toBe('document');
    expect(JSON.parse(job.document_json)).toEqual({ kind: 'pick-list', pickListId: p.id });
    const before = checksum();
    expect((await callError(t.admin, 'picking.print', { id: 999_999 })).code).toBe('NOT_FOUND');
    expect(checksum()).toBe(before);
  });
});
