import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../main/core/core.js';
import { call, callError, makeCore, type TestCore } from '../../fixtures/core.js';
import { addWarehouse } from '../../fixtures/builders.js';
import { csvFile, fileView } from '../../fixtures/catalog-files.js';
import { storeChecksum } from '../../fixtures/store-checks.js';

async function allProducts(s: Session) {
  const list = await call(s, 'catalog.list', { limit: 500 });
  return Promise.all(list.items.map((i) => call(s, 'catalog.get', { id: i.id })));
}

/** A catalogue with what a file must survive: Vietnamese text, separators and quotes, a single-variant
 *  product sharing its SKU, several attributes and barcodes, every VAT code, zero prices. */
async function fillCatalogue(s: Session, warehouseId: number) {
  await call(s, 'catalog.create', {
    name: 'Áo thun "basic", cổ tròn', sku: 'AO-THUN', category: 'Thời trang nam', brand: 'Coolmate', description: 'Dòng 1\nDòng 2; có dấu phẩy, và "ngoặc"',
    variants: [
      { sku: 'AO-THUN-DEN-M', attributes: [{ name: 'Màu', value: 'Đen' }, { name: 'Size', value: 'M' }], barcodes: ['4006381333931', 'INT/001'], price: 149_000, cost: 62_000, weightG: 220, lengthCm: 30, widthCm: 20, heightCm: 2, initialStock: [{ warehouseId, quantity: 5 }] },
      { sku: 'AO-THUN-TRANG-L', attributes: [{ name: 'Màu', value: 'Trắng' }, { name: 'Size', value: 'L' }], barcodes: [], price: 159_000, cost: 62_000, vatRate: '10', weightG: 230 },
    ],
  });
  await call(s, 'catalog.create', { name: 'Sách "Nhà giả kim"', sku: 'SACH-NGK', category: 'Sách', variants: [{ sku: 'SACH-NGK', price: 79_000, cost: 48_000, vatRate: 'KCT', weightG: 250, barcodes: ['9780306406157'] }] });
  await call(s, 'catalog.create', { name: 'Quà tặng', sku: 'GIFT', variants: [{ sku: 'GIFT-1', price: 0, vatRate: 'KKKNT', weightG: 0 }, { sku: 'GIFT-2', price: 0, vatRate: '0', weightG: 10 }] });
  await call(s, 'catalog.create', { name: 'Cà phê rang xay', sku: 'CF', category: 'Thực phẩm', brand: 'Trung Nguyên', variants: [{ sku: 'CF-500', price: 135_000, cost: 80_000, vatRate: '5', weightG: 520, barcodes: ['73513537'] }] });
}

describe('catalogue import and export', () => {
  let source: TestCore;
  beforeAll(async () => {
    source = await makeCore();
    await fillCatalogue(source.admin, (await addWarehouse(source.admin)).id);
  });
  afterAll(() => source.close());

  it.each(['csv', 'xlsx'] as const)('round-trips through %s into a fresh store', async (format) => {
    const exported = await call(source.admin, 'catalog.export', { format });
    expect(exported.fileName.endsWith(`.${format}`)).toBe(true);
    const target = await makeCore();
    try {
      const preview = await call(target.admin, 'catalog.importPreview', { format, contentBase64: exported.contentBase64 });
      expect(preview).toEqual({ rows: 6, validRows: 6, products: 4, variants: 6, issues: [] });
      expect(await call(target.admin, 'catalog.importCommit', { format, contentBase64: exported.contentBase64 })).toEqual({ createdProducts: 4, createdVariants: 6, skippedRows: 0 });
      expect(fileView(await allProducts(target.admin))).toEqual(fileView(await allProducts(source.admin)));
      // The single-variant product's shared SKU still names its variant after the trip.
      expect(await call(target.admin, 'catalog.lookup', { code: 'SACH-NGK' })).toMatchObject({ kind: 'variant_sku' });
    } finally {
      await target.close();
    }
  });

  it('refuses an import of the same file into the store it came from: every code is taken', async () => {
    const exported = await call(source.admin, 'catalog.export', { format: 'csv' });
    const preview = await call(source.admin, 'catalog.importPreview', { format: 'csv', contentBase64: exported.contentBase64 });
    expect(preview.validRows).toBe(0);
    expect(preview.issues.map((i) => i.code)).toEqual(['CODE_TAKEN', 'CODE_TAKEN', 'CODE_TAKEN', 'CODE_TAKEN']);
  });

  describe('a file with errors', () => {
    let t: TestCore;
    beforeAll(async () => { t = await makeCore(); });
    afterAll(() => t.close());

    const file = csvFile([
      { product_sku: 'OK1', product_name: 'Tốt 1', variant_sku: 'OK1-A', price: 1000 },
      { product_sku: 'BAD', product_name: 'Hỏng', variant_sku: 'BAD-A', price: 1000 },
      { product_sku: 'BAD', product_name: 'Hỏng', variant_sku: 'BAD-B', price: 'mười nghìn' },
      { product_sku: 'OK2', product_name: 'Tốt 2', variant_sku: 'OK2-A', price: 2000, barcodes: '4006381333931' },
      { product_sku: 'OK3', product_name: 'Tốt 3', variant_sku: 'OK3-A', price: 3000, barcodes: '4006381333930' },
      { product_sku: 'DUP', product_name: 'Trùng', variant_sku: 'OK1-A', price: 1000 },
    ]);

    it('previews the issues per row without writing', async () => {
      const before = storeChecksum(t.core.store.sqlite);
      const preview = await call(t.admin, 'catalog.importPreview', { format: 'csv', contentBase64: file });
      expect(preview.issues.map((i) => [i.row, i.field, i.code])).toEqual([[4, 'price', 'INPUT_INVALID'], [6, 'barcodes', 'BARCODE_INVALID'], [7, 'variant_sku', 'CODE_TAKEN']]);
      expect(preview).toMatchObject({ rows: 6, validRows: 2, products: 2 });
      expect(storeChecksum(t.core.store.sqlite)).toBe(before);
    });

    it('writes nothing without acceptValidRows', async () => {
      const before = storeChecksum(t.core.store.sqlite);
      const e = await callError(t.admin, 'catalog.importCommit', { format: 'csv', contentBase64: file });
      expect(e.code).toBe('IMPORT_HAS_ERRORS');
      expect(e.details?.count).toBe(3);
      expect(storeChecksum(t.core.store.sqlite)).toBe(before);
    });

    it('writes only the whole valid products with acceptValidRows', async () => {
      const result = await call(t.admin, 'catalog.importCommit', { format: 'csv', contentBase64: file, acceptValidRows: true });
      expect(result).toEqual({ createdProducts: 2, createdVariants: 2, skippedRows: 4 });
      expect((await call(t.admin, 'catalog.list', {})).items.map((i) => i.sku).sort()).toEqual(['OK1', 'OK2']);
      expect(await call(t.admin, 'catalog.lookup', { code: 'BAD-A' })).toBeNull();
    });
  });

  it.each([
    ['csv', 'not,a,product,file\n1,2,3,4'],
    ['csv', 'product_sku,product_name,variant_sku,price\n'],
    ['xlsx', 'this is not a zip'],
  ] as const)('refuses an unusable %s file with FILE_INVALID', async (format, text) => {
    const before = storeChecksum(source.core.store.sqlite);
    const e = await callError(source.admin, 'catalog.importCommit', { format, contentBase64: Buffer.from(text).toString('base64'), acceptValidRows: true });
    expect(e.code).toBe('FILE_INVALID');
    expect(storeChecksum(source.core.store.sqlite)).toBe(before);
  });
});
