import { describe, expect, it } from 'vitest';
import { draftIssues } from '../../renderer/screens/catalog/product-checks.js';
import { emptyProduct, emptyVariant, type ProductDraft } from '../../renderer/screens/catalog/product-draft.js';

function draft(patch: (d: ProductDraft) => void): ProductDraft {
  const d = emptyProduct();
  d.sku = 'AT';
  d.variants = [emptyVariant(), emptyVariant()];
  d.variants[0].sku = 'AT-1';
  d.variants[1].sku = 'AT-2';
  patch(d);
  return d;
}

describe('draftIssues', () => {
  it('is quiet for a clean draft', () => {
    expect(draftIssues(draft(() => undefined))).toEqual([]);
  });

  it('flags a wrong check digit with the expected one, and odd characters', () => {
    const issues = draftIssues(draft((d) => { d.variants[1].barcodes = ['8934563138165', '8934563138160', 'AB 1']; }));
    expect(issues).toEqual([
      { path: 'variants.1.barcodes.1', code: 'barcode_check_digit', params: { code: '8934563138160', expected: 5 } },
      { path: 'variants.1.barcodes.2', code: 'barcode_characters', params: { code: 'AB 1' } },
    ]);
  });

  it('flags codes used twice across SKUs and barcodes, ignoring case', () => {
    const issues = draftIssues(draft((d) => {
      d.variants[1].sku = 'at-1';
      d.variants[0].barcodes = ['AT'];
    }));
    expect(issues).toEqual([
      { path: 'variants.0.barcodes.0', code: 'code_duplicate', params: { code: 'AT', other: 'sku' } },
      { path: 'variants.1.sku', code: 'code_duplicate', params: { code: 'at-1', other: 'variants.0.sku' } },
    ]);
  });

  it('wants a name for every attribute column in use, and no name twice', () => {
    const issues = draftIssues(draft((d) => {
      d.attributeNames = ['Màu', '', 'màu'];
      d.variants[0].values = ['Đỏ', 'M', ''];
      d.variants[1].values = ['Xanh', '', ''];
    }));
    expect(issues).toEqual([
      { path: 'attributeNames.1', code: 'attribute_name_required' },
      { path: 'attributeNames.2', code: 'attribute_name_duplicate', params: { name: 'màu' } },
    ]);
  });

  it('flags two variants with the same attribute values', () => {
    const issues = draftIssues(draft((d) => {
      d.attributeNames = ['Màu', 'Size'];
      d.variants[0].values = ['Đỏ', 'M'];
      d.variants[1].values = ['đỏ ', 'm'];
    }));
    expect(issues).toEqual([{ path: 'variants.1.values', code: 'combination_duplicate', params: { other: 1 } }]);
  });
});
