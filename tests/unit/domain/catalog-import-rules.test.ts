import { describe, expect, it } from 'vitest';
import { planImport } from '../../../main/domain/catalog/catalog-import-rules.js';
import type { RawRow } from '../../../main/domain/catalog/catalog-file-format.js';

const row = (over: RawRow = {}): RawRow => ({
  product_sku: 'AO01', product_name: 'Áo thun', variant_sku: 'AO01-M', price: '149000', ...over,
});

describe('planImport', () => {
  it('groups rows by product SKU, case-insensitively, keeping file row numbers (header = row 1)', () => {
    const { groups, issues } = planImport([
      row({ variant_sku: 'AO01-S', attribute1_name: 'Size', attribute1_value: 'S' }),
      row({ product_sku: 'QU01', product_name: 'Quần', variant_sku: 'QU01-30' }),
      row({ product_sku: 'ao01', variant_sku: 'AO01-M', attribute1_name: 'Size', attribute1_value: 'M' }),
    ]);
    expect(issues).toEqual([]);
    expect(groups.map((g) => [g.product.sku, g.rows])).toEqual([['AO01', [2, 4]], ['QU01', [3]]]);
    expect(groups[0].product.variants.map((v) => [v.sku, v.attributes])).toEqual([
      ['AO01-S', [{ name: 'Size', value: 'S' }]],
      ['AO01-M', [{ name: 'Size', value: 'M' }]],
    ]);
  });

  it('reads Vietnamese-formatted numbers, VAT with a % sign, and several barcodes', () => {
    const { groups, issues } = planImport([row({ price: '149.000 ₫', cost: '62,000', vat_rate: '10%', weight_g: ' 220 ', barcodes: '4006381333931 | 73513537' })]);
    expect(issues).toEqual([]);
    expect(groups[0].product.variants[0]).toMatchObject({ price: 149_000, cost: 62_000, vatRate: '10', weightG: 220, barcodes: ['4006381333931', '73513537'] });
  });

  it.each([
    ['149000', 149_000], ['149.000', 149_000], ['1.250.000', 1_250_000], ['1,250,000', 1_250_000], ['149 000', 149_000],
    ['149\u00a0000 ₫', 149_000], ['0', 0],
  ])('reads the price %j as %i', (price, value) => {
    const { groups, issues } = planImport([row({ price })]);
    expect(issues).toEqual([]);
    expect(groups[0].product.variants[0].price).toBe(value);
  });

  it.each(['12.5', '0,5', '149.00', '1.2345', '62000.50', '1.000,5'])('refuses %j instead of reading it as another number', (cell) => {
    const { groups, issues } = planImport([row({ length_cm: cell })]);
    expect(issues).toEqual([expect.objectContaining({ row: 2, field: 'length_cm', message: 'length_cm must be a whole number' })]);
    expect(groups).toEqual([]);
  });

  it('defaults VAT to 8 and missing numbers to 0', () => {
    const v = planImport([row()]).groups[0].product.variants[0];
    expect(v).toMatchObject({ vatRate: '8', cost: 0, weightG: 0, lengthCm: 0 });
  });

  it.each([
    [{ price: '' }, 'price', 'INPUT_INVALID'],
    [{ price: 'abc' }, 'price', 'INPUT_INVALID'],
    [{ price: '-5' }, 'price', 'INPUT_INVALID'],
    [{ cost: '1e3' }, 'cost', 'INPUT_INVALID'],
    [{ vat_rate: '7' }, 'vat_rate', 'INPUT_INVALID'],
    [{ barcodes: '4006381333932' }, 'barcodes', 'BARCODE_INVALID'],
    [{ variant_sku: '' }, 'variant_sku', 'INPUT_INVALID'],
    [{ variant_sku: 'has space' }, 'variant_sku', 'INPUT_INVALID'],
    [{ product_name: '' }, 'product_name', 'INPUT_INVALID'],
    [{ product_sku: '' }, 'product_sku', 'INPUT_INVALID'],
  ] as const)('reports %j on its row and field', (over, field, code) => {
    const { groups, issues } = planImport([row({ product_sku: 'OK1', variant_sku: 'OK1-A' }), row(over)]);
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) expect(issue).toMatchObject({ row: 3, field, code });
    expect(groups.map((g) => g.product.sku)).toEqual(['OK1']);
  });

  it('leaves a product out whole when one of its rows is bad, and keeps the others', () => {
    const { groups, issues } = planImport([
      row({ variant_sku: 'AO01-S' }),
      row({ product_sku: 'QU01', variant_sku: 'QU01-30' }),
      row({ variant_sku: 'AO01-M', price: 'free' }),
      row({ variant_sku: 'AO01-L' }),
    ]);
    expect(groups.map((g) => g.product.sku)).toEqual(['QU01']);
    expect(issues).toEqual([expect.objectContaining({ row: 4, field: 'price' })]);
  });

  it('reports a bad VAT rate once, under its file column', () => {
    expect(planImport([row({ vat_rate: '7' })]).issues).toEqual([expect.objectContaining({ row: 2, field: 'vat_rate' })]);
  });

  it('names the attribute column of a bad attribute, even after a blank pair', () => {
    const { issues } = planImport([row({ attribute2_name: 'Màu', attribute2_value: '', attribute3_name: '', attribute3_value: 'Đỏ' })]);
    expect(issues.map((i) => i.field).sort()).toEqual(['attribute2_value', 'attribute3_name']);
  });

  it('reports every bad row, sorted by row', () => {
    const { issues } = planImport([row({ price: 'x' }), row({ product_sku: '' }), row({ variant_sku: 'B', vat_rate: '3', barcodes: '12345678' })]);
    expect(issues.map((i) => [i.row, i.field])).toEqual([[2, 'price'], [3, 'product_sku'], [4, 'vat_rate'], [4, 'barcodes']]);
  });

  it('points a schema problem of a later variant at that variant\u2019s row', () => {
    const { issues } = planImport([row({ variant_sku: 'AO01-S' }), row({ variant_sku: 'AO01-M', attribute1_name: 'Size', attribute1_value: '' })]);
    expect(issues).toHaveLength(1);
    expect(issues[0].row).toBe(3);
  });

  it('is empty for no rows', () => {
    expect(planImport([])).toEqual({ groups: [], issues: [] });
  });
});
