import { describe, expect, it } from 'vitest';
import { productInput } from '../../main/api/catalog.js';
import {
  draftFromProduct, emptyProduct, emptyVariant, toCreateInput, toUpdateInput,
} from '../../renderer/screens/catalog/product-draft.js';

const saved = {
  id: 7, name: 'Áo thun', sku: 'AT', category: 'Áo', brand: '', description: '', specs: [{ key: 'Chất liệu', value: 'Cotton' }],
  images: ['https://example.test/a.jpg'], videoUrl: '', active: true, createdAt: 0, updatedAt: 0,
  variants: [
    {
      id: 11, productId: 7, sku: 'AT-DO-M', attributes: [{ name: 'Màu', value: 'Đỏ' }, { name: 'Size', value: 'M' }],
      barcodes: ['8934563138165'], price: 150000, cost: 80000, vatRate: '8' as const, weightG: 200, lengthCm: 0, widthCm: 0,
      heightCm: 0, active: true, margin: { amount: 58889, percent: 42.4 }, stock: [],
    },
    {
      id: 12, productId: 7, sku: 'AT-FREE', attributes: [{ name: 'Size', value: 'Free' }],
      barcodes: [], price: 120000, cost: 0, vatRate: 'KCT' as const, weightG: 150, lengthCm: 30, widthCm: 20, heightCm: 2,
      active: false, margin: { amount: 120000, percent: 100 }, stock: [],
    },
  ],
};

describe('product draft', () => {
  it('lines attribute values up under shared names and round-trips a saved product', () => {
    const draft = draftFromProduct(saved);
    expect(draft.attributeNames).toEqual(['Màu', 'Size']);
    expect(draft.variants.map((v) => v.values)).toEqual([['Đỏ', 'M'], ['', 'Free']]);
    const input = toUpdateInput({ ...draft, id: 7 });
    expect(input.id).toBe(7);
    expect(input.variants?.[0]).toMatchObject({ id: 11, attributes: saved.variants[0].attributes, price: 150000, weightG: 200 });
    expect(input.variants?.[1]).toMatchObject({ id: 12, attributes: [{ name: 'Size', value: 'Free' }], active: false, lengthCm: 30 });
    expect(input.variants?.[0]).not.toHaveProperty('initialStock');
  });

  it('sends initial stock only for cells the user filled', () => {
    const draft = emptyProduct();
    Object.assign(draft, { name: 'Mũ', sku: 'MU' });
    Object.assign(draft.variants[0], {
      sku: 'MU-1', price: 99_000, weightG: 100,
      initialStock: { 1: { quantity: 12, binCode: 'A-03-2' }, 2: { quantity: null, binCode: '' }, 3: { quantity: 5, binCode: ' ' } },
    });
    const input = toCreateInput(draft);
    expect(input.variants[0].initialStock).toEqual([
      { warehouseId: 1, quantity: 12, binCode: 'A-03-2' },
      { warehouseId: 3, quantity: 5 },
    ]);
    expect(input.variants[0].cost).toBe(0);
    expect(productInput.safeParse(input).success).toBe(true);
  });

  it('lets the contract schema flag missing required numbers on their own path', () => {
    const draft = emptyProduct();
    Object.assign(draft, { name: 'Mũ', sku: 'MU' });
    draft.variants[0].sku = 'MU-1';
    const result = productInput.safeParse(toCreateInput(draft));
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['variants.0.price', 'variants.0.weightG']));
  });

  it('copies shared fields from a template variant but not its identity', () => {
    const template = draftFromProduct(saved).variants[0];
    const copy = emptyVariant(template);
    expect(copy).toMatchObject({ sku: '', barcodes: [], price: 150_000, vatRate: '8', values: ['', ''] });
    expect(copy.id).toBeUndefined();
    expect(copy.key).not.toBe(template.key);
  });
});
