import { fail } from '../../api/errors.js';
import type { AddressInput, StoredAddress } from '../../api/common.js';
import type { Customer } from '../../api/customers.js';
import type { Store } from '../../store/store.js';
import { toStoredAddress } from '../shared/address.js';
import { checkPhone } from '../shared/phone.js';
import { foldText } from '../shared/text-fold.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function cleanContact(input: { phone?: string; email?: string }) {
  let phone = input.phone;
  if (phone) {
    const c = checkPhone(phone);
    phone = c.ok ? c.phone : fail('PHONE_INVALID', 'Not a Vietnamese phone number', { field: 'phone', value: phone });
  }
  if (input.email && !EMAIL.test(input.email)) fail('EMAIL_INVALID', 'Not an e-mail address', { field: 'email', value: input.email });
  return { phone, email: input.email };
}

function validateAddressPhone(address: AddressInput, field: string): AddressInput {
  if (!address.phone) return address;
  const c = checkPhone(address.phone);
  return c.ok ? { ...address, phone: c.phone } : fail('PHONE_INVALID', 'Not a Vietnamese phone number', { field, value: address.phone });
}

export function insertAddress(store: Store, customerId: number, label: string, address: AddressInput, isDefault: boolean, now: number): void {
  if (isDefault) store.prepare('UPDATE customer_addresses SET is_default = 0 WHERE customer_id = ?').run(customerId);
  store
    .prepare('INSERT INTO customer_addresses (customer_id, label, address_json, is_default, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(customerId, label, JSON.stringify(toStoredAddress(validateAddressPhone(address, 'address.phone'))), Number(isDefault), now);
}

export function createCustomer(
  store: Store,
  input: { name: string; phone: string; email: string; note: string; addresses: (AddressInput & { label?: string })[] },
  now: number,
): number {
  const { phone, email } = cleanContact(input);
  const r = store
    .prepare('INSERT INTO customers (name, phone, email, note, search_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(input.name, phone ?? '', email ?? '', input.note, foldText(input.name), now, now);
  const id = Number(r.lastInsertRowid);
  input.addresses.forEach((a, i) => {
    const hasContent = a.street || a.provinceName || a.wardName || a.legacy || a.rawText;
    if (hasContent) insertAddress(store, id, a.label ?? '', a, i === 0, now);
  });
  return id;
}

export function getCustomer(store: Store, id: number): Customer {
  const c = store.prepare('SELECT * FROM customers WHERE id = ?').get(id) as
    | { id: number; name: string; phone: string; email: string; note: string; created_at: number }
    | undefined;
  if (!c) fail('NOT_FOUND', 'Customer not found', { entity: 'customer', id });
  const addresses = store
    .prepare('SELECT id, label, is_default, address_json FROM customer_addresses WHERE customer_id = ? ORDER BY is_default DESC, id')
    .all(id) as { id: number; label: string; is_default: number; address_json: string }[];
  const stats = store
    .prepare("SELECT count(*) AS n, coalesce(sum(CASE WHEN status NOT IN ('cancelled', 'returned') THEN total END), 0) AS spent FROM orders WHERE customer_id = ?")
    .get(id) as { n: number; spent: number };
  return {
    id: c!.id, name: c!.name, phone: c!.phone, email: c!.email, note: c!.note, createdAt: c!.created_at,
    addresses: addresses.map((a) => ({ id: a.id, label: a.label, isDefault: a.is_default === 1, address: JSON.parse(a.address_json) as StoredAddress })),
    orderCount: stats.n,
    totalSpent: stats.spent,
  };
}
