import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, callError, makeCore, type TestCore } from '../../fixtures/core.js';
import { addProduct, addWarehouse, productInput, uniqueCode } from '../../fixtures/builders.js';
import { ledgerProblems, storeChecksum } from '../../fixtures/store-checks.js';

describe('catalogue: products and variants', () => {
  let t: TestCore;
  let hcm: number;
  let hn: number;
  beforeAll(async () => {
    t = await makeCore();
    hcm = (await addWarehouse(t.admin)).id;
    hn = (await addWarehouse(t.admin)).id;
  });
  afterAll(() => t.close());

  const checksum = () => storeChecksum(t.core.store.sqlite);

  it('creates a product with variants, barcodes and initial stock recorded as "initial" movements', async () => {
    const input = productInput({ variants: 2, stock: { [hcm]: 7, [hn]: 3 } });
    input.variants[0].barcodes = ['4006381333931'];
    input.variants[1].barcodes = ['73513537', 'INT-0001'];
    const p = await call(t.admin, 'catalog.create', input);
    expect(p.variants.map((v) => [v.sku, v.barcodes])).toEqual([[input.variants[0].sku, ['4006381333931']], [input.variants[1].sku, ['73513537', 'INT-0001']]]);
    for (const v of p.variants) {
      expect(v.stock.map((s) => [s.warehouseId, s.onHand, s.reserved, s.available]).sort()).toEqual([[hcm, 7, 0, 7], [hn, 3, 0, 3]].sort());
      const moves = await call(t.admin, 'inventory.movements', { variantId: v.id });
      expect(moves.items.map((m) => [m.kind, m.warehouseId, m.onHandDelta, m.reservedDelta]).sort()).toEqual([['initial', hcm, 7, 0], ['initial', hn, 3, 0]].sort());
    }
    expect(ledgerProblems(t.core.store.sqlite)).toEqual([]);
  });

  it('writes no movement for an initial quantity of 0', async () => {
    const p = await addProduct(t.admin, { stock: { [hcm]: 0 } });
    expect((await call(t.admin, 'inventory.movements', { variantId: p.variants[0].id })).total).toBe(0);
  });

  it('resolves every code with one lookup, case-insensitively', async () => {
    const input = productInput();
    input.variants[0].barcodes = ['5901234123457'];
    const p = await call(t.admin, 'catalog.create', input);
    const v = p.variants[0].id;
    expect(await call(t.admin, 'catalog.lookup', { code: input.sku.toLowerCase() })).toEqual({ kind: 'product_sku', productId: p.id, variantId: null });
    expect(await call(t.admin, 'catalog.lookup', { code: input.variants[0].sku })).toEqual({ kind: 'variant_sku', productId: p.id, variantId: v });
    expect(await call(t.admin, 'catalog.lookup', { code: '5901234123457' })).toEqual({ kind: 'barcode', productId: p.id, variantId: v });
    expect(await call(t.admin, 'catalog.lookup', { code: 'NO-SUCH-CODE' })).toBeNull();
  });

  it('lets a single-variant product share its SKU with its variant', async () => {
    const sku = uniqueCode('ONE');
    const p = await call(t.admin, 'catalog.create', { name: 'Cáp sạc USB-C', sku, variants: [{ sku, price: 149_000, weightG: 50 }] });
    expect(await call(t.admin, 'catalog.lookup', { code: sku })).toEqual({ kind: 'variant_sku', productId: p.id, variantId: p.variants[0].id });
  });

  describe('codes are unique across the catalogue', () => {
    let taken: Awaited<ReturnType<typeof addProduct>>;
    beforeAll(async () => {
      const input = productInput();
      input.variants[0].barcodes = ['9780306406157'];
      taken = await call(t.admin, 'catalog.create', input);
    });

    const attempts: [string, (i: ReturnType<typeof productInput>) => void, string][] = [
      ['product SKU = another product SKU', (i) => { i.sku = taken.sku; }, 'sku'],
      ['product SKU = another variant SKU', (i) => { i.sku = taken.variants[0].sku; }, 'sku'],
      ['variant SKU = another product SKU (other case)', (i) => { i.variants[0].sku = taken.sku.toLowerCase(); }, 'variants.0.sku'],
      ['variant SKU = another barcode', (i) => { i.variants[0].sku = '9780306406157'; }, 'variants.0.sku'],
      ['barcode = another variant SKU', (i) => { i.variants[0].barcodes = [taken.variants[0].sku]; }, 'variants.0.barcodes.0'],
      ['barcode = another barcode', (i) => { i.variants[0].barcodes = ['9780306406157']; }, 'variants.0.barcodes.0'],
      ['two variants with one SKU', (i) => { i.variants[1].sku = i.variants[0].sku.toLowerCase(); }, 'variants.1.sku'],
      ['one barcode on two variants', (i) => { const code = uniqueCode('BC'); i.variants[0].barcodes = [code]; i.variants[1].barcodes = [code]; }, 'variants.1.barcodes.0'],
    ];

    it.each(attempts)('refuses %s with CODE_TAKEN on the field, writing nothing', async (_name, change, field) => {
      const input = productInput({ variants: 2, stock: { [hcm]: 4 } });
      change(input);
      const before = checksum();
      const e = await callError(t.admin, 'catalog.create', input);
      expect(e.code).toBe('CODE_TAKEN');
      expect(e.details?.field).toBe(field);
      expect(checksum()).toBe(before);
    });

    it('refuses an update that takes another product\u2019s code, and keeps the product as it was', async () => {
      const mine = await addProduct(t.admin, { variants: 1 });
      const before = checksum();
      const e = await callError(t.admin, 'catalog.update', { id: mine.id, variants: [{ id: mine.variants[0].id, sku: mine.variants[0].sku, price: 1, weightG: 1, barcodes: ['9780306406157'] }] });
      expect(e).toMatchObject({ code: 'CODE_TAKEN', details: { field: 'variants.0.barcodes.0' } });
      expect(checksum()).toBe(before);
    });
  });

  it.each([
    ['EAN-13', '4006381333932', 1],
    ['UPC-A', '036000291453', 2],
    ['EAN-8', '73513536', 7],
  ])('refuses a %s with a wrong check digit, naming the field and the right digit', async (_kind, code, expected) => {
    const input = productInput({ variants: 2, stock: { [hcm]: 1 } });
    input.variants[1].barcodes = ['INTERNAL-7', code];
    const before = checksum();
    const e = await callError(t.admin, 'catalog.create', input);
    expect(e).toMatchObject({ code: 'BARCODE_INVALID', details: { field: 'variants.1.barcodes.1', value: code, expected } });
    expect(checksum()).toBe(before);
  });

  it('refuses initial stock in an inactive or unknown warehouse, writing nothing', async () => {
    const closed = await addWarehouse(t.admin, { active: false });
    let before = checksum();
    expect((await callError(t.admin, 'catalog.create', productInput({ stock: { [closed.id]: 5 } }))).code).toBe('WAREHOUSE_INACTIVE');
    expect(checksum()).toBe(before);
    before = checksum();
    expect((await callError(t.admin, 'catalog.create', productInput({ stock: { 987654: 5 } }))).code).toBe('NOT_FOUND');
    expect(checksum()).toBe(before);
  });

  it('updates a variant in place, adds a new one and keeps the others with their codes', async () => {
    const input = productInput({ variants: 2 });
    input.variants[1].barcodes = ['96385074'];
    const p = await call(t.admin, 'catalog.create', input);
    const newSku = uniqueCode('NEW');
    const updated = await call(t.admin, 'catalog.update', {
      id: p.id, name: 'Áo polo pique',
      variants: [{ id: p.variants[0].id, sku: p.variants[0].sku, price: 199_000, weightG: 250 }, { sku: newSku, price: 210_000, weightG: 260 }],
    });
    expect(updated.name).toBe('Áo polo pique');
    expect(updated.variants.map((v) => [v.sku, v.price, v.barcodes])).toEqual([
      [p.variants[0].sku, 199_000, []], [p.variants[1].sku, 150_000, ['96385074']], [newSku, 210_000, []],
    ]);
    expect(await call(t.admin, 'catalog.lookup', { code: '96385074' })).toMatchObject({ variantId: p.variants[1].id });
    expect(await call(t.admin, 'catalog.lookup', { code: newSku })).toMatchObject({ variantId: updated.variants[2].id });
    expect((await call(t.admin, 'catalog.list', { query: 'polo' })).items.map((i) => i.id)).toContain(p.id);
  });

  it('finds products by folded name, SKU and barcode', async () => {
    const input = productInput({ name: 'Giày búp bê da mềm' });
    input.variants[0].barcodes = ['012345678905'];
    const p = await call(t.admin, 'catalog.create', input);
    for (const query of ['giay bup be', 'Giày búp', input.sku, '012345678905']) {
      expect((await call(t.admin, 'catalog.list', { query })).items.map((i) => i.id), query).toContain(p.id);
    }
    expect((await call(t.admin, 'catalog.searchVariants', { query: '012345678905', warehouseId: hcm })).map((v) => v.variantId)).toEqual([p.variants[0].id]);
  });
});
