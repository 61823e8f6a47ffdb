import { z } from 'zod';
import { command } from './contract.js';
import { channel, id, orderStatus, paymentMethod, requiredText, text, timestamp } from './common.js';

// The packing station (issue 4 §2–3): routing a scan, the pack queue, pack sessions with scan-by-scan
// verification, completion (booking + label + packed in one transaction), pause and station metrics.

export const SCAN_RESULTS = ['ok', 'wrong_item', 'extra_unit', 'order_cancelled', 'unknown'] as const;
export const scanResult = z.enum(SCAN_RESULTS);
export type ScanResult = z.infer<typeof scanResult>;

export const PAUSE_REASONS = ['missing_item', 'damaged', 'other'] as const;
export const SESSION_STATUSES = ['open', 'packed', 'paused', 'released', 'cancelled'] as const;

const code = z.string().trim().min(1).max(128);

/** What a scanned code is, found in the routing order (main/domain/packing/scan-router.ts). */
export const scanMatch = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pick_list'), pickListId: id, code: z.string(), orderIds: z.array(id) }),
  z.object({ kind: z.literal('order'), orderId: id, number: z.string(), status: orderStatus, via: z.enum(['number', 'external_id', 'tracking']) }),
  z.object({ kind: z.literal('product'), variantId: id, sku: z.string(), name: z.string(), inOrder: z.boolean().nullable() }),
  z.object({ kind: z.literal('bin'), warehouseId: id, code: z.string() }),
  z.object({ kind: z.literal('unknown'), code: z.string() }),
]);
export type ScanMatch = z.infer<typeof scanMatch>;

/**
 * What the pack screen does with it. `count` goes to packing.scan (which also logs wrong items and
 * unknown codes scanned on an open order); `confirm_switch` asks before leaving an order with scans.
 */
export const SCAN_ACTIONS = ['count', 'open_order', 'confirm_switch', 'open_pick_list', 'same_order', 'info', 'unknown'] as const;
export const scanAction = z.enum(SCAN_ACTIONS);

export const queueOrder = z.object({
  id,
  number: z.string(),
  channel,
  externalId: z.string().nullable(),
  buyerName: z.string(),
  itemCount: z.number().int(),
  lineCount: z.number().int(),
  shipBy: z.number().nullable(),
  createdAt: z.number(),
  /** The live shipment's carrier, else the carrier the station books with (null: no carrier account). */
  carrier: z.string().nullable(),
  trackingNumber: z.string().nullable(),
});
export type QueueOrder = z.infer<typeof queueOrder>;

export const packLine = z.object({
  id,
  variantId: id,
  sku: z.string(),
  name: z.string(),
  attributes: z.array(z.object({ name: z.string(), value: z.string() })),
  imageUrl: z.string().nullable(),
  barcodes: z.array(z.string()),
  binCode: z.string().nullable(),
  quantity: z.number().int(),
  verifiedQty: z.number().int(),
});

export const packScan = z.object({
  id,
  code: z.string(),
  lineId: z.number().int().nullable(),
  quantity: z.number().int(),
  result: scanResult,
  typed: z.boolean(),
  at: z.number(),
});

export const packSession = z.object({
  id,
  status: z.enum(SESSION_STATUSES),
  station: z.string(),
  operatorName: z.string().nullable(),
  startedAt: z.number(),
  order: z.object({
    id, number: z.string(), channel, externalId: z.string().nullable(), status: orderStatus, buyerName: z.string(),
    note: z.string(), paymentMethod, total: z.number().int(), shipBy: z.number().nullable(),
  }),
  lines: z.array(packLine),
  totalUnits: z.number().int(),
  verifiedUnits: z.number().int(),
  /** Units counted in this session and not undone: leaving the order would lose them. */
  scannedUnits: z.number().int(),
  allVerified: z.boolean(),
  /** The latest scans of the session (newest first), errors included; undone scans are left out. */
  recentScans: z.array(packScan),
  override: z.object({ by: z.string().nullable(), reason: z.string(), at: z.number() }).nullable(),
  shipment: z.object({ id, code: z.string(), carrier: z.string(), state: z.string(), trackingNumber: z.string().nullable() }).nullable(),
});
export type PackSession = z.infer<typeof packSession>;

const metricRow = z.object({
  day: z.string(),
  operatorId: id.nullable(),
  operatorName: z.string().nullable(),
  station: z.string(),
  packed: z.number().int(),
  /** Hours between the first order opened and the last packed that day (at least a minute). */
  activeHours: z.number(),
  ordersPerHour: z.number(),
  scans: z.number().int(),
  scanErrors: z.number().int(),
  errorsByResult: z.record(z.string(), z.number().int()),
});
export type MetricRow = z.infer<typeof metricRow>;

/** What packing.scan did with one scan (refusals included), and the session as it now is. */
const scanOutcome = z.object({
  result: scanResult,
  lineId: z.number().int().nullable(),
  sku: z.string().nullable(),
  name: z.string().nullable(),
  verifiedQty: z.number().int(),
  quantity: z.number().int(),
  session: packSession,
});

export const packingContract = {
  /** What a scanned code is, in the routing order, and what the pack screen should do with it. */
  'packing.resolveScan': command({
    role: 'packer',
    readonly: true,
    input: z.object({ code, context: z.object({ sessionId: id.optional() }).default({}) }),
    output: z.object({ match: scanMatch, action: scanAction }),
  }),
  /**
   * A scan at the pack screen, routed and acted on in one command, so the packer's feedback waits on
   * one round trip: `count` is counted (`scan`: packing.scan's answer), `open_order` opens the order
   * (`opened`: packing.open's answer; a refusal fails the command as packing.open does). Other actions
   * (pick lists, confirmations, info) are left to the screen, with both null.
   */
  'packing.handleScan': command({
    role: 'packer',
    input: z.object({ code, sessionId: id.optional() }),
    output: z.object({ match: scanMatch, action: scanAction, scan: scanOutcome.nullable(), opened: packSession.nullable() }),
  }),
  /** ready_to_pack orders of the station's warehouse, by ship-by deadline (none last), then age. */
  'packing.queue': command({
    role: 'packer',
    readonly: true,
    input: z.object({ channel: channel.optional(), carrier: text(20).optional(), limit: z.number().int().min(1).max(500).default(200) }),
    output: z.object({
      station: z.string(),
      warehouseId: id.nullable(),
      warehouseName: z.string().nullable(),
      orders: z.array(queueOrder),
      total: z.number().int(),
      byChannel: z.record(z.string(), z.number().int()),
      byCarrier: z.record(z.string(), z.number().int()),
    }),
  }),
  /** The station's open pack session, so a reload (or a crash) comes back to the same order. */
  'packing.current': command({ role: 'packer', readonly: true, input: z.object({}).strict(), output: packSession.nullable() }),
  'packing.session': command({ role: 'packer', readonly: true, input: z.object({ sessionId: id }), output: packSession }),
  /** ready_to_pack → packing at this station; the same station opening it again gets its session back. */
  'packing.open': command({ role: 'packer', input: z.object({ orderId: id }), output: packSession }),
  /**
   * One unit per scan. `quantity` (a typed count of that line, in total) only where the station allows
   * it and right after a scan of the same line. Refusals are results, not errors: they are logged.
   */
  'packing.scan': command({
    role: 'packer',
    input: z.object({ sessionId: id, code, quantity: z.number().int().min(1).max(100_000).optional() }),
    output: scanOutcome,
  }),
  'packing.undoLastScan': command({ role: 'packer', input: z.object({ sessionId: id }), output: packSession }),
  /** Leaves the order unfinished (the packer switches orders): back to ready_to_pack, counts cleared. */
  'packing.release': command({ role: 'packer', input: z.object({ sessionId: id }), output: z.object({ orderId: id }) }),
  /**
   * A manager lets the order be packed with lines not fully verified; audited as an order event with
   * the packer as the actor and the manager as the approver. The manager is the signed-in operator, or
   * one who types their PIN at the packer's desk (`managerId` + `pin`; wrong PINs are rate-limited).
   */
  'packing.override': command({
    role: 'packer',
    input: z.object({ sessionId: id, reason: requiredText(300), managerId: id.optional(), pin: z.string().regex(/^\d{4,8}$/).optional() }),
    output: packSession,
  }),
  /**
   * Books the shipment (unless one is live), queues the label (and a packing slip) and marks the order
   * packed, in one transaction. Weight in grams from the scale or typed.
   */
  'packing.complete': command({
    role: 'packer',
    input: z.object({ sessionId: id, weightGrams: z.number().int().min(1).max(1_000_000).nullable().default(null) }),
    output: z.object({
      orderId: id,
      shipmentId: id,
      booked: z.boolean(),
      printJobIds: z.array(id),
      /** The first order now waiting in the station's queue. */
      nextOrderId: id.nullable(),
    }),
  }),
  'packing.pause': command({
    role: 'packer',
    input: z.object({ sessionId: id, reason: z.enum(PAUSE_REASONS), note: text(500).default('') }),
    output: z.object({ orderId: id, exceptionId: id.nullable() }),
  }),
  'packing.reprintLabel': command({ role: 'packer', input: z.object({ orderId: id }), output: z.object({ printJobId: id }) }),
  /** Orders per hour and scan errors per packer, station and day (Asia/Ho_Chi_Minh days). */
  'packing.metrics': command({
    role: 'manager',
    readonly: true,
    input: z.object({ from: timestamp, to: timestamp }),
    output: z.object({ rows: z.array(metricRow) }),
  }),
  /** This station and packer since the start of the day: what the pack screen shows. */
  'packing.shift': command({
    role: 'packer',
    readonly: true,
    input: z.object({}).strict(),
    output: z.object({ packed: z.number().int(), ordersPerHour: z.number(), scans: z.number().int(), scanErrors: z.number().int() }),
  }),
};
