import { z } from 'zod';
import { command } from './contract.js';
import { addressInput, id, ok, page, requiredText, storedAddress, text } from './common.js';

export const customerAddress = z.object({ id, label: z.string(), isDefault: z.boolean(), address: storedAddress });

export const customer = z.object({
  id,
  name: z.string(),
  phone: z.string(),
  email: z.string(),
  note: z.string(),
  createdAt: z.number(),
  addresses: z.array(customerAddress),
  orderCount: z.number().int(),
  totalSpent: z.number().int(),
});
export type Customer = z.infer<typeof customer>;

const customerFields = z.object({
  name: requiredText(120),
  phone: text(30),
  email: text(200),
  note: text(1000),
});

export const customersContract = {
  'customers.list': command({
    role: 'packer',
    readonly: true,
    input: z.object({ query: text(100).default(''), ...page }),
    output: z.object({
      items: z.array(z.object({ id, name: z.string(), phone: z.string(), email: z.string(), orderCount: z.number().int(), lastOrderAt: z.number().nullable() })),
      total: z.number().int(),
    }),
  }),
  'customers.get': command({ role: 'packer', readonly: true, input: z.object({ id }), output: customer }),
  'customers.create': command({
    role: 'packer',
    input: customerFields.extend({
      phone: text(30).default(''),
      email: text(200).default(''),
      note: text(1000).default(''),
      addresses: z.array(addressInput.extend({ label: text(60).default('') })).max(20).default([]),
    }),
    output: customer,
  }),
  'customers.update': command({ role: 'packer', input: customerFields.partial().extend({ id }), output: customer }),
  'customers.addAddress': command({
    role: 'packer',
    input: z.object({ customerId: id, label: text(60).default(''), address: addressInput, makeDefault: z.boolean().default(false) }),
    output: customer,
  }),
  'customers.removeAddress': command({ role: 'packer', input: z.object({ customerId: id, addressId: id }), output: ok }),
};
