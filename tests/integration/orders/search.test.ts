import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addVariant, addWarehouse, orderInput } from '../../fixtures/builders.js';
import { call, makeCore, type TestCore } from '../../fixtures/core.js';

// Order search as a shop uses it: phones typed any way, names with or without diacritics, given
// names alone, order numbers and SKUs; and the list's filters.
let t: TestCore;
let numbers: Record<string, string> = {};
let sku = '';

beforeAll(async () => {
  t = await makeCore();
  const w = await addWarehouse(t.admin);
  const v = await addVariant(t.admin, w.id, 100);
  sku = (await call(t.admin, 'catalog.searchVariants', { query: '' })).find((x) => x.variantId === v)!.sku;
  const buyers = [['Nguyễn Thị Lan', '0912345678'], ['Trần Văn Hùng', '0983456789'], ['Đặng Thu Trang', '0356789012'], ['Nguyễn Lành', '0708123456']] as const;
  for (const [name, phone] of buyers) {
    const o = await call(t.admin, 'orders.create', orderInput(w.id, [[v, 1]], { buyer: { name, phone }, address: { recipientName: name, phone, street: '1 Lê Lợi', provinceName: 'Hà Nội', wardName: 'Phường Cầu Giấy' } }));
    numbers[name] = o.number;
  }
});
afterAll(() => t.close());

const found = async (query: string) => (await call(t.admin, 'orders.list', { query, limit: 50 })).items.map((o) => o.buyerName).sort();

describe('order search', () => {
  it('finds a phone however it is written', async () => {
    for (const q of ['0912345678', '0912 345 678', '+84 912 345 678', '84912345678', '0912.345.678', '091234']) {
      expect(await found(q), q).toEqual(['Nguyễn Thị Lan']);
    }
  });

  it('finds names with or without diacritics, by any word, by prefix', async () => {
    expect(await found('nguyen')).toEqual(['Nguyễn Lành', 'Nguyễn Thị Lan']);
    expect(await found('Nguyễn Thị')).toEqual(['Nguyễn Thị Lan']);
    expect(await found('lan')).toEqual(['Nguyễn Lành', 'Nguyễn Thị Lan']);
    expect(await found('dang thu')).toEqual(['Đặng Thu Trang']);
    expect(await found('hun')).toEqual(['Trần Văn Hùng']);
    // A long word typed half still finds by prefix, once the whole word finds nothing.
    expect(await found('nguye lan')).toEqual(['Nguyễn Lành', 'Nguyễn Thị Lan']);
  });

  it('finds an order number and a SKU', async () => {
    expect(await found(numbers['Trần Văn Hùng'])).toEqual(['Trần Văn Hùng']);
    expect(await found(sku)).toHaveLength(4);
  });

  it('finds nothing for punctuation only, and counts what the list shows', async () => {
    expect(await found('---')).toEqual([]);
    const count = await call(t.admin, 'orders.count', { query: 'nguyen' });
    expect(count).toMatchObject({ total: 2, capped: false });
    expect(count.byStatus.ready_to_pack).toBe(2);
  });
});
