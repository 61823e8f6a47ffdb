import { describe, expect, it } from 'vitest';
import { combinations, fillMissingSkus, missingCombinations, parseValues, skuPart, uniqueSkus, variantSku } from '../../renderer/screens/catalog/variant-grid.js';

describe('variant grid', () => {
  it('parses a typed list of values, dropping blanks and duplicates', () => {
    expect(parseValues(' Đỏ, Xanh ;đỏ,\n  Đen  trắng ,')).toEqual(['Đỏ', 'Xanh', 'Đen trắng']);
    expect(parseValues('')).toEqual([]);
  });

  it('crosses the axes with the first one slowest, keeping positions for empty axes', () => {
    expect(combinations([{ name: 'Màu', values: ['Đỏ', 'Xanh'] }, { name: 'Size', values: ['S', 'M'] }])).toEqual([
      ['Đỏ', 'S'], ['Đỏ', 'M'], ['Xanh', 'S'], ['Xanh', 'M'],
    ]);
    expect(combinations([{ name: 'Màu', values: ['Đỏ'] }, { name: 'Size', values: [] }, { name: 'Chất liệu', values: ['Cotton'] }])).toEqual([
      ['Đỏ', '', 'Cotton'],
    ]);
    expect(combinations([{ name: 'Màu', values: [] }])).toEqual([]);
  });

  it('folds Vietnamese values into SKU-safe segments', () => {
    expect(skuPart('Xanh dương')).toBe('XANHDUONG');
    expect(skuPart('Đỏ đô')).toBe('DODO');
    expect(skuPart('Size 3XL (rộng)')).toBe('SIZE3XLRONG');
    expect(variantSku('AT-01', ['Đỏ', 'M'])).toBe('AT-01-DO-M');
    expect(variantSku('AT-01', ['Đỏ', ''])).toBe('AT-01-DO');
    expect(variantSku('X'.repeat(70), ['A'])).toHaveLength(64);
  });

  it('suffixes clashing SKUs, also against those already in the form', () => {
    expect(uniqueSkus(['AT-DO', 'AT-DO', 'AT-XANH'], ['at-xanh'])).toEqual(['AT-DO', 'AT-DO-2', 'AT-XANH-2']);
  });

  it('proposes only combinations the form does not have yet', () => {
    const axes = [{ name: 'Màu', values: ['Đỏ', 'Xanh'] }, { name: 'Size', values: ['S', 'M'] }];
    expect(missingCombinations(axes, [['đỏ', 'S'], ['Xanh', 'M ']])).toEqual([['Đỏ', 'M'], ['Xanh', 'S']]);
  });

  it('fills only missing SKUs, avoiding the product SKU and SKUs already typed', () => {
    const variants = [
      { sku: '', values: ['Đỏ'] },
      { sku: 'AT-XANH', values: ['Xanh'] },
      { sku: ' ', values: ['Xanh'] },
      { sku: '', values: [] },
    ];
    expect(fillMissingSkus('AT', variants)).toEqual(['AT-DO', 'AT-XANH', 'AT-XANH-2', 'AT-2']);
  });
});
