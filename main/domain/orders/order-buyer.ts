import { fail } from '../../api/errors.js';
import type { AddressInput } from '../../api/common.js';
import type { Store } from '../../store/store.js';
import { checkPhone } from '../shared/phone.js';
import { createCustomer } from '../customers/customer-service.js';

interface BuyerInput {
  customerId?: number;
  buyer?: { name: string; phone: string; email: string };
  address: AddressInput;
}

export function validPhoneOrEmpty(phone: string, field: string): string {
  if (!phone.trim()) return '';
  const check = checkPhone(phone);
  return check.ok ? check.phone : fail('PHONE_INVALID', 'Not a Vietnamese phone number', { field, value: phone });
}

/**
 * The order's buyer: an existing customer by id, else the customer with the same phone, else a new
 * customer created from the buyer fields and the order's address.
 */
export function resolveBuyer(store: Store, input: BuyerInput, now: number): { customerId: number | null; name: string; phone: string } {
  if (input.customerId !== undefined) {
    const c = store.prepare('SELECT id, name, phone FROM customers WHERE id = ?').get(input.customerId) as { id: number; name: string; phone: string } | undefined;
    if (!c) fail('NOT_FOUND', 'Customer not found', { entity: 'customer', id: input.customerId, field: 'customerId' });
    const phone = input.buyer?.phone ? validPhoneOrEmpty(input.buyer.phone, 'buyer.phone') : c!.phone;
    return { customerId: c!.id, name: input.buyer?.name || c!.name, phone };
  }
  if (!input.buyer) fail('INPUT_INVALID', 'Choose a customer or enter the buyer', { issues: [{ path: 'buyer.name', message: 'required' }] });
  const phone = validPhoneOrEmpty(input.buyer!.phone, 'buyer.phone');
  if (phone) {
    const existing = store.prepare('SELECT id FROM customers WHERE phone = ? ORDER BY id LIMIT 1').get(phone) as { id: number } | undefined;
    if (existing) return { customerId: existing.id, name: input.buyer!.name, phone };
  }
  const id = createCustomer(store, { name: input.buyer!.name, phone, email: input.buyer!.email, note: '', addresses: [{ ...input.address, label: '' }] }, now);
  return { customerId: id, name: input.buyer!.name, phone };
}
