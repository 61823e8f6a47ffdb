import { z } from 'zod';
import { command } from './contract.js';
import { channel, id, orderStatus, text } from './common.js';

export const PICK_LIST_STATUSES = ['open', 'picked', 'done', 'cancelled'] as const;
export const pickListStatus = z.enum(PICK_LIST_STATUSES);

const attribute = z.object({ name: z.string(), value: z.string() });

/** One SKU to pick: the sum over the list's orders, with the bin to take it from. */
export const pickLine = z.object({
  variantId: id,
  sku: z.string(),
  productName: z.string(),
  attributes: z.array(attribute),
  bin: z.string().nullable(),
  quantity: z.number().int(),
  orders: z.array(z.object({ orderId: id, orderNumber: z.string(), quantity: z.number().int() })),
});
export type PickLineOut = z.infer<typeof pickLine>;

const totals = z.object({ orders: z.number().int(), skus: z.number().int(), units: z.number().int() });

export const pickListSummary = z.object({
  id,
  code: z.string(),
  warehouseId: id,
  warehouseCode: z.string(),
  warehouseName: z.string(),
  status: pickListStatus,
  note: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.number(),
  orderCount: z.number().int(),
  /** Orders packed or further along (shipped, delivered…): the list's progress is packed / orderCount. */
  packedCount: z.number().int(),
  cancelledCount: z.number().int(),
});
export type PickListSummary = z.infer<typeof pickListSummary>;

export const pickListOrder = z.object({
  id,
  number: z.string(),
  status: orderStatus,
  channel,
  buyerName: z.string(),
  shipBy: z.number().nullable(),
  units: z.number().int(),
});

export const pickList = pickListSummary.extend({
  orders: z.array(pickListOrder),
  lines: z.array(pickLine),
  totals,
});
export type PickList = z.infer<typeof pickList>;

/** A ready_to_pack order one could put on a pick list, with the list that already holds it. */
export const pickCandidate = z.object({
  id,
  number: z.string(),
  channel,
  warehouseId: id,
  warehouseCode: z.string(),
  buyerName: z.string(),
  carrier: z.string().nullable(),
  shipBy: z.number().nullable(),
  createdAt: z.number(),
  units: z.number().int(),
  pickListCode: z.string().nullable(),
});
export type PickCandidate = z.infer<typeof pickCandidate>;

const orderIds = z.array(id).min(1).max(500);

export const pickingContract = {
  /** ready_to_pack orders by warehouse, channel and carrier (at most 2,000, oldest deadline first). */
  'picking.candidates': command({
    role: 'packer',
    readonly: true,
    input: z.object({
      warehouseId: id.optional(),
      channels: z.array(channel).max(5).default([]),
      carrier: z.enum(['ghn', 'viettelpost', 'none']).optional(),
      /** Leave out orders already on an open pick list. */
      freeOnly: z.boolean().default(false),
    }).strict(),
    output: z.object({ items: z.array(pickCandidate) }),
  }),
  /** What a pick list of these orders would hold, checked by the same rules as create; nothing is written. */
  'picking.preview': command({
    role: 'packer',
    readonly: true,
    input: z.object({ orderIds }).strict(),
    output: z.object({ warehouseId: id, orders: z.array(pickListOrder), lines: z.array(pickLine), totals }),
  }),
  'picking.create': command({
    role: 'packer',
    input: z.object({ orderIds, note: text(300).default('') }).strict(),
    output: pickList,
  }),
  'picking.list': command({
    role: 'packer',
    readonly: true,
    input: z.object({
      statuses: z.array(pickListStatus).max(4).default([]),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
    }).strict(),
    output: z.object({ items: z.array(pickListSummary) }),
  }),
  'picking.get': command({ role: 'packer', readonly: true, input: z.object({ id }).strict(), output: pickList }),
  /** The picker has walked the list (open → picked); it turns done by itself once every order is packed or cancelled. */
  'picking.markPicked': command({ role: 'packer', input: z.object({ id }).strict(), output: pickList }),
  /** Frees the orders for another pick list; a done or cancelled list stays as it is. */
  'picking.cancel': command({ role: 'packer', input: z.object({ id }).strict(), output: pickList }),
  /** The A4 pick list as a PDF (base64) for preview, download or an OS printer. */
  'picking.pdf': command({
    role: 'packer',
    readonly: true,
    input: z.object({ id }).strict(),
    output: z.object({ fileName: z.string(), base64: z.string(), pages: z.number().int() }),
  }),
  /** Queues the pick list on this station's document printer (thermal roll or label, see printing). */
  'picking.print': command({ role: 'packer', input: z.object({ id }).strict(), output: z.object({ printJobId: id }) }),
};
