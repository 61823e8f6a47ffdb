import { describe, expect, it } from 'vitest';
import { PRODUCT_COLUMNS } from '../../main/domain/catalog/catalog-file-format.js';
import { TEMPLATE_COLUMNS, base64ToBlob, importFormatOf, templateCsv } from '../../renderer/screens/catalog/catalog-files.js';

describe('catalogue files', () => {
  it('offers exactly the columns the core parses, in the same order', () => {
    expect([...TEMPLATE_COLUMNS]).toEqual([...PRODUCT_COLUMNS]);
  });

  it('builds a template that is only the header row, with a BOM for Excel', () => {
    const csv = templateCsv();
    expect(csv.startsWith('\uFEFFproduct_sku,product_name,category,')).toBe(true);
    expect(csv.endsWith('height_cm\r\n')).toBe(true);
    expect(csv.trim().split('\r\n')).toHaveLength(1);
  });

  it('recognises the import formats by extension', () => {
    expect(importFormatOf('san-pham.CSV')).toBe('csv');
    expect(importFormatOf('products.xlsx')).toBe('xlsx');
    expect(importFormatOf('products.xls')).toBeNull();
    expect(importFormatOf('products')).toBeNull();
  });

  it('round-trips bytes through base64', async () => {
    const text = 'Áo thun,150000\n';
    const base64 = Buffer.from(text, 'utf8').toString('base64');
    const blob = base64ToBlob(base64, 'text/csv');
    expect(Buffer.from(await blob.arrayBuffer()).toString('utf8')).toBe(text);
  });
});
