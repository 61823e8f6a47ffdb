import { z } from 'zod';
import { command } from './contract.js';
import { id, orderStatus, text } from './common.js';

// The operator's actions on an exception about an order (issue 5 §2), besides resolving it with a note
// (exceptions.list / exceptions.resolve live with shipping). Each is one transaction, refused with a
// `reason` the renderer translates (exceptions:refusal.<reason>) when the order no longer allows it.

export const EXCEPTION_ACTION_NAMES = ['unpack_restock', 'ship_anyway', 'rearrange'] as const;

/** An action an exception offers, whether it is allowed now, and if not why (marketplace_cancelled, parcel_left, ...). */
export const exceptionAction = z.object({
  action: z.enum(EXCEPTION_ACTION_NAMES),
  allowed: z.boolean(),
  reason: z.string().nullable(),
});
export type ExceptionActionView = z.infer<typeof exceptionAction>;

const result = z.object({ exceptionId: id, orderId: id, orderStatus });

export const exceptionsContract = {
  /** A marketplace cancelled after packing: the order is cancelled, its stock back to available, label prints and bookings withdrawn. */
  'exceptions.unpackRestock': command({ role: 'packer', input: z.object({ id, note: text(300).default('') }).strict(), output: result }),
  /** Keep the packed order and ship it, where the channel allows it (never a cancelled marketplace order). */
  'exceptions.shipAnyway': command({ role: 'manager', input: z.object({ id, note: text(300).default('') }).strict(), output: result }),
  /** The marketplace's pickup failed (Shopee RETRY_SHIP): arrange it again with Shopee, through the outbox. */
  'exceptions.rearrange': command({ role: 'packer', input: z.object({ id }).strict(), output: result.extend({ shipmentId: id }) }),
};
