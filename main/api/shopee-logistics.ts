import { z } from 'zod';
import { command } from './contract.js';
import { id } from './common.js';

// Shopee logistics (issue 5 §5): orders shipped by Shopee's own logistics. Shipping parameters (pickup
// addresses and time slots, or drop-off branches), arrange shipment (one order or many), and the status:
// packages and their tracking numbers, the logistics channel, and the AWB kept in the data folder.

const shopeeId = z.string().trim().regex(/^\d{1,20}$/, 'digits only');
const pickupTimeId = z.string().trim().min(1).max(100);

export const shopeeParameters = z.object({
  orderId: id,
  orderSn: z.string(),
  packageNumber: z.string(),
  /** The fields Shopee asks for per method (`info_needed`); a method absent from it is not offered. */
  infoNeeded: z.object({ pickup: z.array(z.string()).optional(), dropoff: z.array(z.string()).optional(), non_integrated: z.array(z.string()).optional() }),
  pickup: z.array(z.object({
    addressId: z.string(), address: z.string(),
    timeSlots: z.array(z.object({ date: z.number(), pickupTimeId: z.string(), text: z.string() })),
  })).nullable(),
  dropoff: z.array(z.object({ branchId: z.string(), address: z.string() })).nullable(),
});
export type ShopeeParameters = z.infer<typeof shopeeParameters>;

const method = z.object({
  /** `auto`: drop-off when Shopee needs nothing for it, else the first pickup address and time slot. */
  method: z.enum(['pickup', 'dropoff', 'auto']),
  addressId: shopeeId.optional(),
  pickupTimeId: pickupTimeId.optional(),
  branchId: shopeeId.optional(),
});

export const shopeeLogisticsStatus = z.object({
  orderId: id,
  orderNumber: z.string(),
  orderSn: z.string().nullable(),
  marketplaceStatus: z.string().nullable(),
  /** Whether arrange can be asked now, and if not, why (not_shopee, order_cancelled, in_cancel, unpaid, already_shipped, already_arranged, not_ready). */
  arrangeable: z.boolean(),
  blockedBy: z.string().nullable(),
  shipment: z.object({
    id, code: z.string(),
    state: z.string(),
    method: z.string(),
    /** Shopee's logistics channel (shipping carrier) of the packages. */
    channel: z.string(),
    trackingNumber: z.string().nullable(),
    packages: z.array(z.object({ packageNumber: z.string(), trackingNumber: z.string().nullable(), logisticsStatus: z.string() })),
    /** pending: still on its way; stored: in the data folder (reprints offline); failed: see error. */
    awb: z.enum(['pending', 'stored', 'failed', 'none']),
    awbFile: z.string().nullable(),
    error: z.object({ code: z.string(), message: z.string(), hint: z.string() }).nullable(),
    /** What the jobs are doing now (arranging, waiting for a tracking number, making the AWB). */
    step: z.enum(['arranging', 'tracking', 'awb', 'done', 'failed']),
  }).nullable(),
});
export type ShopeeLogisticsStatus = z.infer<typeof shopeeLogisticsStatus>;

export const shopeeArrangeResult = z.object({
  orderId: id, orderNumber: z.string(), ok: z.boolean(), shipmentId: id.nullable(),
  error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()) }).nullable(),
});

export const shopeeLogisticsContract = {
  /** Asks Shopee (online) what the order's package may be shipped with. */
  'shopeeLogistics.parameters': command({ role: 'packer', readonly: true, input: z.object({ orderId: id }).strict(), output: shopeeParameters }),
  /** Records the arrangement; the outbox arranges with Shopee, polls the tracking number and stores the AWB. */
  'shopeeLogistics.arrange': command({ role: 'packer', input: method.extend({ orderId: id }).strict(), output: shopeeLogisticsStatus }),
  /** The same for many orders, each on its own: one refused order does not stop the others. */
  'shopeeLogistics.arrangeMany': command({
    role: 'packer',
    input: method.extend({ orderIds: z.array(id).min(1).max(500), method: method.shape.method.default('auto') }).strict(),
    output: z.array(shopeeArrangeResult),
  }),
  'shopeeLogistics.status': command({ role: 'packer', readonly: true, input: z.object({ orderId: id }).strict(), output: shopeeLogisticsStatus }),
};
