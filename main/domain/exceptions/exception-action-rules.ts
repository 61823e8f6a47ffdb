import type { CHANNELS } from '../../api/common.js';
import type { OrderStatus } from '../orders/order-state-machine.js';

// Pure rules of the operator's actions on an exception (issue 5 §2): which actions a kind offers, and
// whether each is allowed for the order as it is now, with a reason code the renderer translates
// (exceptions:refusal.<reason>). No store: exception-actions.ts reads the facts and refuses with these.

export type Channel = (typeof CHANNELS)[number];
export type ExceptionAction = 'unpack_restock' | 'ship_anyway' | 'rearrange';
export type Refusal = 'marketplace_cancelled' | 'parcel_left' | 'already_cancelled' | 'not_retry' | 'not_marketplace_logistics';

export const EXCEPTION_ACTIONS: readonly ExceptionAction[] = ['unpack_restock', 'ship_anyway', 'rearrange'];

/** The actions each exception kind offers (besides "resolve" with a note, which every kind has). */
export const ACTIONS_BY_KIND: Readonly<Record<string, readonly ExceptionAction[]>> = {
  marketplace_cancel_after_pack: ['unpack_restock', 'ship_anyway'],
  marketplace_pickup_retry: ['rearrange'],
};

/**
 * Whether a channel still lets the shop ship an order whose cancellation reached it after packing. The
 * marketplaces own cancellation (DESIGN.md rule 7): a cancelled Shopee order cannot be arranged with
 * Shopee's logistics any more (ship_order is refused, Shopee pays nothing for it), and Lazada / TikTok
 * Shop are taken to behave the same [?]. The shop's own channels (manual, website) are the shop's call:
 * the parcel goes with the shop's carrier as booked.
 */
export const SHIP_AFTER_CANCEL: Readonly<Record<Channel, boolean>> = {
  shopee: false,
  lazada: false, // [?] no documented way to ship a canceled Lazada order
  tiktok: false, // [?] no documented way to ship a cancelled TikTok Shop order
  manual: true,
  website: true, // [?] the website's checkout does not own shipping; taken as the shop's call
};

/** Statuses in which the parcel is still on our shelf and can be unpacked. */
const UNPACKABLE: ReadonlySet<OrderStatus> = new Set(['packing', 'packed']);

export interface ActionFacts {
  channel: Channel;
  orderStatus: OrderStatus;
  /** The marketplace's status of the order ('' for the shop's own channels). */
  marketplaceStatus: string;
}

export type ActionCheck = { allowed: true; reason: null } | { allowed: false; reason: Refusal };

const allowed: ActionCheck = { allowed: true, reason: null };
const refuse = (reason: Refusal): ActionCheck => ({ allowed: false, reason });

/** Whether `action` may be taken now on the order the exception is about. */
export function checkAction(action: ExceptionAction, f: ActionFacts): ActionCheck {
  if (f.orderStatus === 'cancelled') return refuse('already_cancelled');
  switch (action) {
    case 'unpack_restock':
      return UNPACKABLE.has(f.orderStatus) ? allowed : refuse('parcel_left');
    case 'ship_anyway':
      return SHIP_AFTER_CANCEL[f.channel] ? allowed : refuse('marketplace_cancelled');
    case 'rearrange':
      // Only Shopee's own logistics is arranged from Packdesk (main/domain/shopee-logistics).
      if (f.channel !== 'shopee') return refuse('not_marketplace_logistics');
      return f.marketplaceStatus === 'RETRY_SHIP' ? allowed : refuse('not_retry');
  }
}

/** Every action the kind offers, each with whether it is allowed now and why not. */
export function actionsFor(kind: string, f: ActionFacts): { action: ExceptionAction; allowed: boolean; reason: Refusal | null }[] {
  return (ACTIONS_BY_KIND[kind] ?? []).map((action) => ({ action, ...checkAction(action, f) }));
}
