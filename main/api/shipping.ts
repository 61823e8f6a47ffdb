import { z } from 'zod';
import { command } from './contract.js';
import { id, money, ok, page, requiredText, text, timestamp } from './common.js';
import { ALL_LABEL_SIZES, PROVIDERS, type LabelSize } from './connections.js';
import { exceptionAction } from './exceptions.js';

export const SHIPMENT_STATES = ['booking', 'booked', 'booking_failed', 'cancelling', 'cancelled', 'picking', 'picked', 'in_transit',
  'delivering', 'delivered', 'delivery_failed', 'awaiting_decision', 'returning', 'returned', 'lost', 'damaged', 'exception'] as const;
export const carrier = z.enum(PROVIDERS);
const labelSize = z.enum(ALL_LABEL_SIZES as [LabelSize, ...LabelSize[]]);
const decision = z.enum(['return', 'redeliver']);
const place = z.object({ id: z.string(), name: z.string() });

export const carrierAddress = z.object({
  current: z.object({ province: place, ward: place }).optional(),
  legacy: z.object({ province: place, district: place, ward: place }).optional(),
});
export type CarrierAddressChoice = z.infer<typeof carrierAddress>;

export const addressResolution = z.object({
  carrier,
  ok: z.boolean(),
  matchKind: z.enum(['exact', 'mapped', 'picked']).nullable(),
  address: carrierAddress.nullable(),
  /** When not ok: which level failed and what the operator can pick from. */
  problem: z.object({
    scheme: z.enum(['new2', 'legacy3']).nullable(),
    level: z.enum(['address', 'province', 'district', 'ward', 'data']),
    reason: z.enum(['none', 'ambiguous', 'no_address', 'not_downloaded']),
    given: z.string(),
    candidates: z.array(place),
  }).nullable(),
});

export const serviceQuote = z.object({
  serviceCode: z.string(), name: z.string(), speed: z.enum(['fast', 'economy', 'standard']), feeVnd: z.number().int(), expectedDeliveryAt: z.number().nullable(),
});

export const bookingForm = z.object({
  orderId: id,
  accountId: id,
  serviceCode: requiredText(20),
  serviceName: text(100).default(''),
  quotedFee: money.optional(),
  codVnd: money,
  insuranceVnd: money.default(0),
  weightG: z.number().int().min(1).max(1_000_000),
  lengthCm: z.number().int().min(1).max(1000),
  widthCm: z.number().int().min(1).max(1000),
  heightCm: z.number().int().min(1).max(1000),
  payer: z.enum(['seller', 'buyer']),
  inspection: z.enum(['try', 'look', 'none']).default('look'),
  note: text(500).default(''),
});
export type BookingForm = z.infer<typeof bookingForm>;

export const shipmentEvent = z.object({ at: z.number(), carrierStatus: z.string(), description: z.string(), mapped: z.string(), source: z.string(), location: z.string().nullable() });

export const shipment = z.object({
  id, code: z.string(), orderId: id, orderNumber: z.string(), accountId: id, accountName: z.string(), carrier,
  state: z.enum(SHIPMENT_STATES), carrierStatus: z.string().nullable(), trackingNumber: z.string().nullable(),
  serviceCode: z.string(), serviceName: z.string(), payer: z.enum(['seller', 'buyer']), inspection: z.enum(['try', 'look', 'none']),
  codAmount: z.number().int(), insuranceValue: z.number().int(), weightG: z.number().int(), lengthCm: z.number().int(), widthCm: z.number().int(), heightCm: z.number().int(),
  note: z.string(), quotedFee: z.number().int().nullable(), fee: z.number().int().nullable(), expectedDeliveryAt: z.number().nullable(),
  sortCode: z.string().nullable(), hasLabel: z.boolean(), codCollected: z.number().int(), payoutId: id.nullable(),
  /** The carrier label size in use, and every size kept on disk (each reprints offline). */
  labelSize: z.string().nullable(), labelSizes: z.array(z.string()),
  /** `hint`: what the operator can do about it (English; the renderer translates by code). */
  error: z.object({ code: z.string(), message: z.string(), hint: z.string() }).nullable(),
  /** Cancellable at the carrier, or withdrawable locally while its booking has not been sent. */
  cancellable: z.boolean(),
  /** The carrier waits for the shop's answer to a failed delivery, and none is on its way. */
  decidable: z.boolean(),
  createdAt: z.number(), updatedAt: z.number(),
  events: z.array(shipmentEvent),
});
export type Shipment = z.infer<typeof shipment>;

export const exceptionItem = z.object({
  id, kind: z.string(), orderId: id.nullable(), orderNumber: z.string().nullable(), shipmentId: id.nullable(), trackingNumber: z.string().nullable(),
  carrier: carrier.nullable(), message: z.string(), details: z.record(z.string(), z.unknown()), status: z.enum(['open', 'resolved']),
  resolution: z.string(), createdAt: z.number(), resolvedAt: z.number().nullable(),
  /** The shipment waits for the shop's answer to a failed delivery (shipping.decideDelivery). */
  decidable: z.boolean(),
  /** The kind's own actions (main/api/exceptions.ts), each allowed now or not and why. */
  actions: z.array(exceptionAction),
});

/** Hard limits block a booking; `insuranceWarnAbove` only warns (the carrier's contract decides, G2.9). null = no local cap. */
const carrierLimits = z.object({
  maxCod: z.number(), maxWeightG: z.number(), maxSideCm: z.number(), maxInsurance: z.number().nullable(), insuranceWarnAbove: z.number().nullable(),
});

const bookingDefaults = z.object({
  accountId: id.nullable(),
  codVnd: z.number().int(), payer: z.enum(['seller', 'buyer']), weightG: z.number().int(), lengthCm: z.number().int(), widthCm: z.number().int(), heightCm: z.number().int(),
  insuranceVnd: z.number().int(), limits: carrierLimits,
  /** The limits of every active carrier account, for a form that switches account. */
  accountLimits: z.array(z.object({ accountId: id, carrier, limits: carrierLimits })),
});

export const bulkBookingResult = z.object({
  orderId: id, orderNumber: z.string(), ok: z.boolean(), shipmentId: id.nullable(),
  error: z.object({ code: z.string(), message: z.string(), hint: z.string().nullable(), details: z.record(z.string(), z.unknown()) }).nullable(),
});

export const shippingContract = {
  'shipping.forOrder': command({
    role: 'packer', readonly: true, input: z.object({ orderId: id }),
    output: z.object({ shipments: z.array(shipment), defaults: bookingDefaults }),
  }),
  'shipping.get': command({ role: 'packer', readonly: true, input: z.object({ id }), output: shipment }),
  'shipping.list': command({
    role: 'packer', readonly: true,
    input: z.object({ states: z.array(z.enum(SHIPMENT_STATES)).default([]), carrier: carrier.optional(), accountId: id.optional(), query: text(64).default(''), ...page }),
    output: z.object({ items: z.array(shipment.omit({ events: true })), total: z.number().int() }),
  }),
  /** Matches the order's address to the carrier's units (downloading them if needed and online). */
  'shipping.resolveAddress': command({ role: 'packer', input: z.object({ orderId: id, accountId: id }), output: addressResolution }),
  'shipping.places': command({
    role: 'packer', input: z.object({ accountId: id, scheme: z.enum(['new2', 'legacy3']), level: z.enum(['province', 'district', 'ward']), parentId: z.string().max(40).default(''), query: text(60).default('') }),
    output: z.array(place.extend({ active: z.boolean() })),
  }),
  'shipping.confirmAddress': command({ role: 'packer', input: z.object({ orderId: id, accountId: id, address: carrierAddress }), output: addressResolution }),
  'shipping.quote': command({ role: 'packer', input: bookingForm.omit({ serviceCode: true, serviceName: true, quotedFee: true }), output: z.array(serviceQuote) }),
  'shipping.book': command({ role: 'packer', input: bookingForm, output: shipment }),
  'shipping.bookMany': command({
    role: 'packer',
    input: z.object({
      orderIds: z.array(id).min(1).max(500), accountId: id, serviceCode: requiredText(20), serviceName: text(100).default(''),
      payer: z.enum(['seller', 'buyer']).default('seller'), inspection: z.enum(['try', 'look', 'none']).default('look'),
    }),
    output: z.array(bulkBookingResult),
  }),
  'shipping.cancel': command({ role: 'packer', input: z.object({ id, reason: requiredText(300) }), output: shipment }),
  'shipping.trackNow': command({ role: 'packer', input: z.object({ id: id.optional() }), output: z.object({ queued: z.number().int() }) }),
  /** The label file kept in the data folder; reprints never need the network. */
  'shipping.label': command({ role: 'packer', readonly: true, input: z.object({ id, size: labelSize.optional() }), output: z.object({ contentType: z.string(), contentBase64: z.string(), fileName: z.string() }) }),
  /** The carrier's label in another size: taken from disk when fetched before, else downloaded by the outbox. */
  'shipping.relabel': command({ role: 'packer', input: z.object({ id, size: labelSize }), output: z.object({ shipment, source: z.enum(['stored', 'queued']) }) }),
  /** The shop's answer to a failed delivery (GHN switch-status storing / return, VTP UpdateOrder 3 / 2), sent by the outbox. */
  'shipping.decideDelivery': command({ role: 'manager', input: z.object({ id, decision }), output: shipment }),
  /** Our own label layout from the shipment data (100×150 mm by default), as a PDF. */
  'shipping.ownLabel': command({
    role: 'packer', readonly: true,
    input: z.object({ id, media: z.enum(['100x150', '100x100', '80mm', '58mm', 'a5', 'a6']).default('100x150') }),
    output: z.object({ contentType: z.string(), contentBase64: z.string(), fileName: z.string() }),
  }),
  /** A manual tracking number, for a booking the carrier accepted but we never heard back about (VTP has no lookup). */
  'shipping.setTracking': command({ role: 'manager', input: z.object({ id, trackingNumber: requiredText(40) }), output: shipment }),
  'shipping.importStatuses': command({
    role: 'manager', input: z.object({ accountId: id, fileName: text(200).default(''), contentBase64: z.string().min(1).max(20_000_000) }),
    output: z.object({ rows: z.number().int(), applied: z.number().int(), duplicates: z.number().int(), unknown: z.array(z.string()) }),
  }),
  'exceptions.list': command({
    role: 'packer', readonly: true, input: z.object({ status: z.enum(['open', 'resolved']).default('open'), kind: text(40).optional(), ...page }),
    output: z.object({ items: z.array(exceptionItem), total: z.number().int() }),
  }),
  'exceptions.resolve': command({ role: 'packer', input: z.object({ id, resolution: requiredText(300) }), output: ok }),
  'cod.summary': command({
    role: 'manager', readonly: true, input: z.object({ accountId: id }),
    output: z.object({
      outstandingVnd: z.number().int(), outstandingCount: z.number().int(),
      deliveredUnpaidVnd: z.number().int(), deliveredUnpaid: z.array(shipment.omit({ events: true })),
      payouts: z.array(z.object({ id, amount: z.number().int(), expected: z.number().int(), paidAt: z.number(), reference: z.string(), note: z.string(), shipmentCount: z.number().int(), mismatch: z.boolean() })),
    }),
  }),
  'cod.recordPayout': command({
    role: 'manager',
    input: z.object({ accountId: id, amount: money, paidAt: timestamp, reference: text(100).default(''), note: text(300).default(''), shipmentIds: z.array(id).min(1).max(5000) }),
    output: z.object({ id, expected: z.number().int(), amount: z.number().int(), mismatch: z.boolean() }),
  }),
};
