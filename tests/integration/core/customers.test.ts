import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, callError, makeCore, type TestCore } from '../../fixtures/core.js';
import { addOrder, addVariant, addWarehouse } from '../../fixtures/builders.js';

describe('customers', () => {
  let t: TestCore;
  let w: number;
  let v: number;
  beforeAll(async () => {
    t = await makeCore();
    w = (await addWarehouse(t.admin)).id;
    v = await addVariant(t.admin, w, 50);
  });
  afterAll(() => t.close());

  it('keeps phones in local form and the first address as the default', async () => {
    const c = await call(t.admin, 'customers.create', {
      name: 'Đặng Thị Hồng Nhung', phone: '+84 389 012 345', email: 'nhung@example.com',
      addresses: [{ street: '77 Lê Duẩn', provinceName: 'Huế', wardName: 'Phường Thuận Hóa', phone: '84389012345' }, { street: '1 Hùng Vương', label: 'Công ty' }],
    });
    expect(c.phone).toBe('0389012345');
    expect(c.addresses.map((a) => [a.isDefault, a.address.streetLine, a.address.phone])).toEqual([[true, '77 Lê Duẩn', '0389012345'], [false, '1 Hùng Vương', '']]);
    const moved = await call(t.admin, 'customers.addAddress', { customerId: c.id, address: { street: '9 Trần Phú' }, makeDefault: true });
    expect(moved.addresses.filter((a) => a.isDefault).map((a) => a.address.streetLine)).toEqual(['9 Trần Phú']);
  });

  it('finds customers by folded name and by phone in any written form', async () => {
    const c = await call(t.admin, 'customers.create', { name: 'Võ Đức Thắng', phone: '0938765432' });
    for (const query of ['vo duc', 'Thắng', 'duc thang', '0938 765 432', '+84938765432', '938765']) {
      expect((await call(t.admin, 'customers.list', { query })).items.map((i) => i.id), query).toContain(c.id);
    }
  });

  it('reuses the customer with the same phone for a new order, and counts their spending without cancellations', async () => {
    const c = await call(t.admin, 'customers.create', { name: 'Ngô Thanh Tâm', phone: '0967891234' });
    const o1 = await addOrder(t.admin, w, [[v, 2]], { buyer: { name: 'Tâm', phone: '+84 967 891 234' } });
    const o2 = await addOrder(t.admin, w, [[v, 1]], { buyer: { name: 'Tâm', phone: '0967.891.234' } });
    expect([o1.customerId, o2.customerId]).toEqual([c.id, c.id]);
    await call(t.admin, 'orders.cancel', { id: o2.id, reason: 'đổi ý' });
    const after = await call(t.admin, 'customers.get', { id: c.id });
    expect(after).toMatchObject({ orderCount: 2, totalSpent: o1.total });
  });

  it('refuses a bad phone or e-mail on update, keeping the customer as it was', async () => {
    const c = await call(t.admin, 'customers.create', { name: 'Bùi Quang Huy', phone: '0776543210' });
    expect((await callError(t.admin, 'customers.update', { id: c.id, phone: '0776' })).code).toBe('PHONE_INVALID');
    expect((await callError(t.admin, 'customers.update', { id: c.id, email: 'huy@' })).code).toBe('EMAIL_INVALID');
    expect(await call(t.admin, 'customers.get', { id: c.id })).toMatchObject({ phone: '0776543210', email: '' });
    expect((await call(t.admin, 'customers.update', { id: c.id, phone: '' })).phone).toBe('');
  });

  it('removes an address only of its own customer', async () => {
    const a = await call(t.admin, 'customers.create', { name: 'A', addresses: [{ street: '1 A' }] });
    const b = await call(t.admin, 'customers.create', { name: 'B' });
    expect((await callError(t.admin, 'customers.removeAddress', { customerId: b.id, addressId: a.addresses[0].id })).code).toBe('NOT_FOUND');
    await call(t.admin, 'customers.removeAddress', { customerId: a.id, addressId: a.addresses[0].id });
    expect((await call(t.admin, 'customers.get', { id: a.id })).addresses).toEqual([]);
  });
});
