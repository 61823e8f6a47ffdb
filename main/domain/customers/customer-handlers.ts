import { fail } from '../../api/errors.js';
import type { customersContract } from '../../api/customers.js';
import type { HandlersFor } from '../../core/context.js';
import { foldText } from '../shared/text-fold.js';
import { cleanContact, createCustomer, getCustomer, insertAddress } from './customer-service.js';

export const customerHandlers: HandlersFor<typeof customersContract> = {
  'customers.list': (ctx, { query, limit, offset }) => {
    const q = query.trim();
    const digits = q.replace(/[\s.\-()+]/g, '');
    const where = !q ? '' : /^\d{3,}$/.test(digits) ? 'WHERE c.phone LIKE ?' : "WHERE (c.search_name LIKE ? OR c.search_name LIKE ?)";
    const params = !q ? [] : /^\d{3,}$/.test(digits) ? [`%${digits.replace(/^84/, '0')}%`] : [`${foldText(q)}%`, `% ${foldText(q)}%`];
    const items = ctx.store
      .prepare(`SELECT c.id, c.name, c.phone, c.email,
          (SELECT count(*) FROM orders o WHERE o.customer_id = c.id) AS orderCount,
          (SELECT max(created_at) FROM orders o WHERE o.customer_id = c.id) AS lastOrderAt
        FROM customers c ${where} ORDER BY c.search_name, c.id LIMIT ? OFFSET ?`)
      .all(...params, limit, offset) as { id: number; name: string; phone: string; email: string; orderCount: number; lastOrderAt: number | null }[];
    const total = (ctx.store.prepare(`SELECT count(*) AS n FROM customers c ${where}`).get(...params) as { n: number }).n;
    return { items, total };
  },

  'customers.get': (ctx, { id }) => getCustomer(ctx.store, id),

  'customers.create': (ctx, input) => {
    const id = createCustomer(ctx.store, input, ctx.now());
    ctx.emit('customers.changed', { ids: [id] });
    return getCustomer(ctx.store, id);
  },

  'customers.update': (ctx, input) => {
    const c = getCustomer(ctx.store, input.id);
    const { phone, email } = cleanContact(input);
    const name = input.name ?? c.name;
    ctx.store
      .prepare('UPDATE customers SET name = ?, phone = ?, email = ?, note = ?, search_name = ?, updated_at = ? WHERE id = ?')
      .run(name, phone ?? c.phone, email ?? c.email, input.note ?? c.note, foldText(name), ctx.now(), c.id);
    ctx.emit('customers.changed', { ids: [c.id] });
    return getCustomer(ctx.store, c.id);
  },

  'customers.addAddress': (ctx, { customerId, label, address, makeDefault }) => {
    const c = getCustomer(ctx.store, customerId);
    insertAddress(ctx.store, customerId, label, address, makeDefault || c.addresses.length === 0, ctx.now());
    ctx.emit('customers.changed', { ids: [customerId] });
    return getCustomer(ctx.store, customerId);
  },

  'customers.removeAddress': (ctx, { customerId, addressId }) => {
    const r = ctx.store.prepare('DELETE FROM customer_addresses WHERE id = ? AND customer_id = ?').run(addressId, customerId);
    if (r.changes === 0) fail('NOT_FOUND', 'Address not found', { entity: 'address', id: addressId });
    ctx.emit('customers.changed', { ids: [customerId] });
    return { ok: true as const };
  },
};
