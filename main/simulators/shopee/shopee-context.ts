// What the Shopee route modules share, and the wrappers that run the spec's checks before a handler.

import type { Clock } from '../shared/clock.js';
import type { Random } from '../shared/prng.js';
import type { SimHandler, SimReply, SimRequest } from '../shared/sim-server.js';
import type { Catalog } from './catalog.js';
import type { MediaStore } from './media-store.js';
import type { OrderStore } from './order-store.js';
import type { ShopContext, ShopeeAuth, ShopeePartner } from './shopee-auth.js';
import { parseShopeeJson } from './shopee-json.js';
import type { ShopeeReplies } from './shopee-replies.js';

export interface Timings {
  /** UNPAID → READY_TO_SHIP (buyer pays); default 10 min. */
  payAfterMs: number;
  /** ship_order → tracking number visible; default 30 s. */
  trackingAfterMs: number;
  /** create_shipping_document → READY; default 3 s. */
  documentAfterMs: number;
  /** Arranged → picked up (SHIPPED); default 2 h. */
  pickupAfterMs: number;
  /** SHIPPED → TO_CONFIRM_RECEIVE; default 1 day. */
  deliverAfterMs: number;
  /** TO_CONFIRM_RECEIVE → COMPLETED (or TO_RETURN); default 3 days. */
  completeAfterMs: number;
  /** READY_TO_SHIP → IN_CANCEL for orders whose buyer changes their mind; default 20 min. */
  buyerCancelAfterMs: number;
}

export const DEFAULT_TIMINGS: Timings = {
  payAfterMs: 10 * 60_000,
  trackingAfterMs: 30_000,
  documentAfterMs: 3_000,
  pickupAfterMs: 2 * 3600_000,
  deliverAfterMs: 86400_000,
  completeAfterMs: 3 * 86400_000,
  buyerCancelAfterMs: 20 * 60_000,
};

export interface ShopeeContext {
  clock: Clock;
  random: Random;
  replies: ShopeeReplies;
  auth: ShopeeAuth;
  catalog: Catalog;
  store: OrderStore;
  media: MediaStore;
  timings: Timings;
  settings: Settings;
}

/** Switches the control API flips at run time. */
export interface Settings {
  /** download_shipping_document's answer: one PDF (default), or a ZIP of one PDF per package as some thermal setups get. */
  awbFormat: 'pdf' | 'zip';
}

export const DEFAULT_SETTINGS: Settings = { awbFormat: 'pdf' };

export type Body = Record<string, unknown>;
export type ShopHandler = (req: SimRequest, shop: ShopContext, body: Body) => SimReply;
export type PublicHandler = (req: SimRequest, partner: ShopeePartner, body: Body) => SimReply;

/** The JSON body (bigint-safe), `{}` when empty; a reply when it is not a JSON object. [?] message */
export function decodeBody(ctx: ShopeeContext, req: SimRequest): Body | SimReply {
  if (req.rawBody.trim() === '') return {};
  let value: unknown;
  try {
    value = parseShopeeJson(req.rawBody);
  } catch {
    return ctx.replies.param('Invalid request body, it must be a JSON object.');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return ctx.replies.param('Invalid request body, it must be a JSON object.');
  return value as Body;
}

export const isReply = (v: unknown): v is SimReply => typeof v === 'object' && v !== null && 'status' in v && typeof (v as SimReply).status === 'number';

export function shopApi(ctx: ShopeeContext, handler: ShopHandler): SimHandler {
  return (req) => {
    const shop = ctx.auth.verifyShop(req);
    if (isReply(shop)) return shop;
    const body = decodeBody(ctx, req);
    return isReply(body) ? body : handler(req, shop, body);
  };
}

export function publicApi(ctx: ShopeeContext, handler: PublicHandler): SimHandler {
  return (req) => {
    const partner = ctx.auth.verifyPublic(req);
    if (isReply(partner)) return partner;
    const body = decodeBody(ctx, req);
    return isReply(body) ? body : handler(req, partner, body);
  };
}

export const API = '/api/v2';

/** Comma-joined list from the query (`a,b,c`), also accepting the param repeated. */
export function listParam(req: SimRequest, name: string): string[] {
  return req.query
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** A non-negative integer from the query; undefined when absent, NaN when not an integer. */
export function intParam(req: SimRequest, name: string): number | undefined {
  const raw = req.query.get(name);
  if (raw === null || raw === '') return undefined;
  return /^\d{1,12}$/.test(raw) ? Number(raw) : Number.NaN;
}
