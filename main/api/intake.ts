import { z } from 'zod';
import { command } from './contract.js';
import { id, text, timestamp } from './common.js';

// Order intake from marketplaces (issue 5 §2): per-shop sync status, "sync now", the poll interval,
// and the "needs mapping" list of marketplace listings that match no variant (Cần ghép SKU).

export const intakeError = z.object({
  at: timestamp,
  code: z.string(),
  message: z.string(),
  /** The marketplace order it concerns (ids are text). */
  externalId: z.string().nullable(),
  /** The raw answer kept for diagnosis (cut at 16 kB). */
  raw: z.string(),
});

export const intakeStatus = z.object({
  accountId: id,
  name: z.string(),
  provider: z.string(),
  pollEveryMs: z.number().int(),
  warehouseId: id.nullable(),
  running: z.boolean(),
  /** Update-time watermark (ms): every order updated before it has been pulled. */
  syncedUntil: timestamp.nullable(),
  /** Seconds between the watermark and now. */
  lagSeconds: z.number().int().nullable(),
  /** Catching up after a long offline period: 15-day slices still to walk. */
  catchUpSlices: z.number().int(),
  lastSuccessAt: timestamp.nullable(),
  lastAttemptAt: timestamp.nullable(),
  pulledToday: z.number().int(),
  needsMapping: z.number().int(),
  failedOrders: z.number().int(),
  lastError: intakeError.nullable(),
  recentErrors: z.array(intakeError),
});
export type IntakeStatus = z.infer<typeof intakeStatus>;

export const unmappedListing = z.object({
  accountId: id,
  accountName: z.string(),
  itemId: z.string(),
  modelId: z.string(),
  sku: z.string(),
  name: z.string(),
  /** Orders waiting for this listing, and the units they hold. */
  orders: z.number().int(),
  units: z.number().int(),
  firstSeenAt: timestamp,
});
export type UnmappedListing = z.infer<typeof unmappedListing>;

const account = z.object({ accountId: id }).strict();
const listingId = z.string().trim().regex(/^\d{1,20}$/, 'digits only');

export const intakeContract = {
  'intake.status': command({ role: 'manager', readonly: true, input: account, output: intakeStatus }),
  'intake.list': command({ role: 'manager', readonly: true, input: z.object({}).strict(), output: z.array(intakeStatus) }),
  /** Pull now; `wait` returns after the pull (tests, CLI), otherwise at once with `running`. */
  'intake.syncNow': command({ role: 'manager', input: z.object({ accountId: id, wait: z.boolean().default(false) }).strict(), output: intakeStatus }),
  'intake.settings': command({
    role: 'admin',
    input: z.object({ accountId: id, pollEveryMs: z.number().int().min(5_000).max(24 * 3_600_000).optional(), warehouseId: id.optional() }).strict(),
    output: intakeStatus,
  }),
  'intake.unmapped': command({ role: 'manager', readonly: true, input: z.object({ accountId: id.optional(), search: text(100).optional() }).strict(), output: z.array(unmappedListing) }),
  'intake.mapListing': command({
    role: 'manager',
    input: z.object({ accountId: id, itemId: listingId, modelId: listingId, variantId: id }).strict(),
    output: z.object({ created: z.number().int(), stillWaiting: z.number().int() }),
  }),
};
