import { z } from 'zod';
import { command } from './contract.js';
import { id, movementKind, page, quantity, requiredText, text, timestamp } from './common.js';
import { binCode } from './warehouses.js';

export const stockLevel = z.object({
  variantId: id,
  productId: id,
  warehouseId: id,
  sku: z.string(),
  productName: z.string(),
  attributes: z.array(z.object({ name: z.string(), value: z.string() })),
  binCode: z.string().nullable(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  available: z.number().int(),
  updatedAt: z.number().nullable(),
});
export type StockLevel = z.infer<typeof stockLevel>;

export const stockMovement = z.object({
  id,
  variantId: id,
  sku: z.string(),
  productName: z.string(),
  warehouseId: id,
  warehouseCode: z.string(),
  kind: movementKind,
  onHandDelta: z.number().int(),
  reservedDelta: z.number().int(),
  orderId: id.nullable(),
  orderNumber: z.string().nullable(),
  reason: z.string(),
  operatorName: z.string().nullable(),
  createdAt: z.number(),
});
export type StockMovement = z.infer<typeof stockMovement>;

export const inventoryContract = {
  'inventory.levels': command({
    role: 'packer',
    readonly: true,
    input: z.object({
      warehouseId: id,
      query: text(100).default(''),
      lowStock: z.boolean().default(false),
      /** Available at or below this counts as low. */
      lowStockThreshold: z.number().int().min(0).max(100_000).default(5),
      ...page,
    }),
    output: z.object({ items: z.array(stockLevel), total: z.number().int() }),
  }),
  'inventory.movements': command({
    role: 'packer',
    readonly: true,
    input: z.object({
      warehouseId: id.optional(),
      variantId: id.optional(),
      orderId: id.optional(),
      kind: movementKind.optional(),
      from: timestamp.optional(),
      to: timestamp.optional(),
      ...page,
    }),
    output: z.object({ items: z.array(stockMovement), total: z.number().int() }),
  }),
  'inventory.adjust': command({
    role: 'manager',
    input: z
      .object({
        warehouseId: id,
        variantId: id,
        /** Either a signed change or the counted quantity on hand. */
        delta: z.number().int().min(-1_000_000).max(1_000_000).refine((n) => n !== 0, 'must not be 0').optional(),
        setOnHand: z.number().int().min(0).max(1_000_000).optional(),
        reason: requiredText(300),
      })
      .refine((v) => (v.delta === undefined) !== (v.setOnHand === undefined), { message: 'give either delta or setOnHand', path: ['delta'] }),
    output: stockLevel,
  }),
  'inventory.receive': command({
    role: 'manager',
    input: z.object({
      warehouseId: id,
      lines: z.array(z.object({ variantId: id, quantity })).min(1).max(1000),
      reason: text(300).default(''),
    }),
    output: z.object({ levels: z.array(stockLevel), promotedOrderIds: z.array(id) }),
  }),
  'inventory.setBin': command({
    role: 'manager',
    input: z.object({ warehouseId: id, variantId: id, binCode: binCode.nullable() }),
    output: stockLevel,
  }),
};
