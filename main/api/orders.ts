import { z } from 'zod';
import { command } from './contract.js';
import {
  addressInput, channel, id, money, orderSource, orderStatus, paymentMethod, quantity, requiredText,
  storedAddress, text, timestamp,
} from './common.js';

export const orderLineInput = z.object({
  variantId: id,
  quantity,
  /** Defaults to the variant's price. */
  unitPrice: money.optional(),
});

const orderFields = {
  source: orderSource.default('other'),
  warehouseId: id,
  customerId: id.optional(),
  /** A new customer is created (or an existing one with the same phone reused) when no id is given. */
  buyer: z.object({ name: requiredText(120), phone: text(30).default(''), email: text(200).default('') }).optional(),
  address: addressInput,
  lines: z.array(orderLineInput).min(1).max(200),
  shippingFee: money.default(0),
  discount: money.default(0),
  paymentMethod: paymentMethod.default('cod'),
  note: text(1000).default(''),
  shipBy: timestamp.optional(),
};

export const orderLine = z.object({
  id,
  variantId: id,
  productId: id,
  sku: z.string(),
  name: z.string(),
  attributes: z.array(z.object({ name: z.string(), value: z.string() })),
  quantity: z.number().int(),
  unitPrice: z.number().int(),
  reservedQty: z.number().int(),
  verifiedQty: z.number().int(),
  /** Stock of the variant in the order's warehouse, now. */
  stock: z.object({ onHand: z.number().int(), reserved: z.number().int(), available: z.number().int() }),
});

export const orderEvent = z.object({
  id,
  at: z.number(),
  kind: z.string(),
  fromStatus: orderStatus.nullable(),
  toStatus: orderStatus.nullable(),
  reason: z.string(),
  operatorName: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});

export const orderSummary = z.object({
  id,
  number: z.string(),
  customerId: id.nullable(),
  channel,
  source: z.string(),
  externalId: z.string().nullable(),
  status: orderStatus,
  warehouseId: id,
  warehouseCode: z.string(),
  buyerName: z.string(),
  buyerPhone: z.string(),
  paymentMethod,
  total: z.number().int(),
  itemCount: z.number().int(),
  trackingNumber: z.string().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type OrderSummary = z.infer<typeof orderSummary>;

export const order = orderSummary.extend({
  address: storedAddress,
  subtotal: z.number().int(),
  shippingFee: z.number().int(),
  discount: z.number().int(),
  note: z.string(),
  shipBy: z.number().nullable(),
  version: z.number().int(),
  editable: z.boolean(),
  canConfirm: z.boolean(),
  canCancel: z.boolean(),
  nextStatuses: z.array(orderStatus),
  lines: z.array(orderLine),
  events: z.array(orderEvent),
});
export type Order = z.infer<typeof order>;

export const ORDER_SORTS = ['created_desc', 'created_asc', 'total_desc', 'total_asc'] as const;

export const orderFilter = z.object({
  statuses: z.array(orderStatus).max(12).default([]),
  channels: z.array(channel).max(5).default([]),
  warehouseId: id.optional(),
  customerId: id.optional(),
  paymentMethod: paymentMethod.optional(),
  from: timestamp.optional(),
  to: timestamp.optional(),
  /** Order number, phone, buyer name (with or without diacritics) or SKU. */
  query: text(100).default(''),
});
export type OrderFilter = z.infer<typeof orderFilter>;

const bulkResult = z.array(z.object({ id, ok: z.boolean(), status: orderStatus.nullable(), error: z.object({ code: z.string(), message: z.string() }).nullable() }));

export const ordersContract = {
  'orders.list': command({
    role: 'packer',
    readonly: true,
    input: orderFilter.extend({
      sort: z.enum(ORDER_SORTS).default('created_desc'),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).max(10_000_000).default(0),
    }),
    output: z.object({ items: z.array(orderSummary) }),
  }),
  'orders.count': command({
    role: 'packer',
    readonly: true,
    input: orderFilter,
    output: z.object({ total: z.number().int(), byStatus: z.record(z.string(), z.number().int()), capped: z.boolean().default(false) }),
  }),
  'orders.get': command({ role: 'packer', readonly: true, input: z.object({ id }), output: order }),
  'orders.findByNumber': command({
    role: 'packer',
    readonly: true,
    input: z.object({ number: requiredText(64) }),
    output: z.object({ id }).nullable(),
  }),
  'orders.create': command({
    role: 'packer',
    input: z.object({ ...orderFields, confirm: z.boolean().default(true) }),
    output: order,
  }),
  'orders.update': command({
    role: 'packer',
    input: z.object({ id, version: z.number().int().positive(), ...orderFields }),
    output: order,
  }),
  'orders.confirm': command({ role: 'packer', input: z.object({ id }), output: order }),
  'orders.cancel': command({ role: 'packer', input: z.object({ id, reason: requiredText(300) }), output: order }),
  'orders.transition': command({
    role: 'packer',
    input: z.object({ id, to: orderStatus, reason: text(300).default(''), trackingNumber: text(64).optional() }),
    output: order,
  }),
  'orders.bulkConfirm': command({ role: 'packer', input: z.object({ ids: z.array(id).min(1).max(1000) }), output: bulkResult }),
  'orders.bulkCancel': command({
    role: 'manager',
    input: z.object({ ids: z.array(id).min(1).max(1000), reason: requiredText(300) }),
    output: bulkResult,
  }),
};
