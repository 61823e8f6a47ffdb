import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, callError, makeCore, type TestCore } from '../../fixtures/core.js';
import { addVariant, addWarehouse } from '../../fixtures/builders.js';
import { ledgerProblems, storeChecksum } from '../../fixtures/store-checks.js';

describe('warehouses', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await makeCore();
  });
  afterAll(() => t.close());

  it('keeps codes unique without regard to case, and stores them upper-case', async () => {
    const w = await addWarehouse(t.admin, { code: 'hcm-1', contactPhone: '+84 903 123 456' });
    expect(w).toMatchObject({ code: 'HCM-1', contactPhone: '0903123456' });
    expect(await callError(t.admin, 'warehouses.create', { code: 'HCM-1', name: 'x' })).toMatchObject({ code: 'CODE_TAKEN', details: { field: 'code' } });
    const other = await addWarehouse(t.admin);
    expect((await callError(t.admin, 'warehouses.update', { id: other.id, code: 'Hcm-1' })).code).toBe('CODE_TAKEN');
  });

  it('refuses to switch negative stock off while a level is below zero, and allows it once counted', async () => {
    const w = await addWarehouse(t.admin, { allowNegative: true });
    const v = await addVariant(t.admin, w.id, 0);
    await call(t.admin, 'inventory.adjust', { warehouseId: w.id, variantId: v, delta: -5, reason: 'sold at the counter' });
    const before = storeChecksum(t.core.store.sqlite);
    expect(await callError(t.admin, 'warehouses.update', { id: w.id, allowNegative: false })).toMatchObject({ code: 'CONFLICT', details: { reason: 'negative_stock', count: 1 } });
    expect(storeChecksum(t.core.store.sqlite)).toBe(before);
    // Had it been switched off, this receipt (still −2 after it) could not be booked at all.
    await call(t.admin, 'inventory.receive', { warehouseId: w.id, lines: [{ variantId: v, quantity: 3 }] });
    await call(t.admin, 'inventory.adjust', { warehouseId: w.id, variantId: v, setOnHand: 0, reason: 'count' });
    expect((await call(t.admin, 'warehouses.update', { id: w.id, allowNegative: false })).allowNegative).toBe(false);
    expect(ledgerProblems(t.core.store.sqlite)).toEqual([]);
  });

  it('takes no orders or stock in an inactive warehouse', async () => {
    const w = await addWarehouse(t.admin);
    const v = await addVariant(t.admin, w.id, 2);
    await call(t.admin, 'warehouses.update', { id: w.id, active: false });
    expect((await call(t.admin, 'warehouses.list', {})).map((x) => x.id)).not.toContain(w.id);
    expect((await callError(t.admin, 'inventory.receive', { warehouseId: w.id, lines: [{ variantId: v, quantity: 1 }] })).code).toBe('WAREHOUSE_INACTIVE');
    const order = { warehouseId: w.id, buyer: { name: 'Lan' }, address: {}, lines: [{ variantId: v, quantity: 1 }] };
    expect((await callError(t.admin, 'orders.create', order)).code).toBe('WAREHOUSE_INACTIVE');
  });

  it('manages bins: taken codes, removal only when empty', async () => {
    const w = await addWarehouse(t.admin);
    const v = await addVariant(t.admin, w.id, 1);
    await call(t.admin, 'warehouses.addBin', { warehouseId: w.id, code: 'a-01' });
    expect((await callError(t.admin, 'warehouses.addBin', { warehouseId: w.id, code: 'A-01' })).code).toBe('CODE_TAKEN');
    await call(t.admin, 'inventory.setBin', { warehouseId: w.id, variantId: v, binCode: 'A-01' });
    expect(await call(t.admin, 'warehouses.bins', { warehouseId: w.id })).toEqual([{ code: 'A-01', variantCount: 1 }]);
    expect(await callError(t.admin, 'warehouses.removeBin', { warehouseId: w.id, code: 'a-01' })).toMatchObject({ code: 'CONFLICT', details: { reason: 'bin_in_use' } });
    await call(t.admin, 'inventory.setBin', { warehouseId: w.id, variantId: v, binCode: null });
    await call(t.admin, 'warehouses.removeBin', { warehouseId: w.id, code: 'a-01' });
    expect(await call(t.admin, 'warehouses.bins', { warehouseId: w.id })).toEqual([]);
  });
});
