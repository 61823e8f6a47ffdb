import { z } from 'zod';
import { command } from './contract.js';
import { addressInput, id, ok, requiredText, storedAddress, text, WAREHOUSE_TYPES } from './common.js';

// Without defaults: `update` takes any subset; `create` adds the defaults below.
const warehouseFields = z.object({
  code: z.string().trim().min(1).max(20).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only'),
  name: requiredText(120),
  address: text(300),
  contactName: text(120),
  contactPhone: text(30),
  type: z.enum(WAREHOUSE_TYPES),
  active: z.boolean(),
  allowNegative: z.boolean(),
  /** The structured address carriers pick up from (street, ward, province; the old form too if known). */
  senderAddress: addressInput,
});

export const warehouse = z.object({
  id,
  code: z.string(),
  name: z.string(),
  address: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  type: z.enum(WAREHOUSE_TYPES),
  active: z.boolean(),
  allowNegative: z.boolean(),
  senderAddress: storedAddress.nullable(),
  binCount: z.number().int(),
  createdAt: z.number(),
});
export type Warehouse = z.infer<typeof warehouse>;

const binCode = z.string().trim().min(1).max(30).regex(/^[A-Za-z0-9._/-]+$/, 'letters, digits and - . / _ only');

export const warehousesContract = {
  'warehouses.list': command({
    role: 'packer',
    readonly: true,
    input: z.object({ includeInactive: z.boolean().default(false) }),
    output: z.array(warehouse),
  }),
  'warehouses.get': command({ role: 'packer', readonly: true, input: z.object({ id }), output: warehouse }),
  'warehouses.create': command({
    role: 'manager',
    input: warehouseFields.extend({
      address: text(300).default(''),
      contactName: text(120).default(''),
      contactPhone: text(30).default(''),
      type: z.enum(WAREHOUSE_TYPES).default('main'),
      active: z.boolean().default(true),
      allowNegative: z.boolean().default(false),
      senderAddress: addressInput.optional(),
    }),
    output: warehouse,
  }),
  'warehouses.update': command({
    role: 'manager',
    input: warehouseFields.partial().extend({ id }),
    output: warehouse,
  }),
  'warehouses.bins': command({
    role: 'packer',
    readonly: true,
    input: z.object({ warehouseId: id }),
    output: z.array(z.object({ code: z.string(), variantCount: z.number().int() })),
  }),
  'warehouses.addBin': command({ role: 'manager', input: z.object({ warehouseId: id, code: binCode }), output: ok }),
  'warehouses.removeBin': command({ role: 'manager', input: z.object({ warehouseId: id, code: binCode }), output: ok }),
};
export { binCode };
