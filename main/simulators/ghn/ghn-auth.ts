// Token and ShopId checks, in GHN's order: the token first (401), then the shop (400 SHOP_NOT_FOUND).
// Also decodes the JSON body once for the handlers, answering bad JSON the way GHN's Go backend does.

import { bodyObject } from '../shared/json-body.js';
import type { SimReply, SimRequest } from '../shared/sim-server.js';
import { ghnBadRequest, ghnShopNotFound, ghnTokenInvalid } from './ghn-replies.js';

export type GhnHandler = (req: SimRequest, body: Record<string, unknown>) => SimReply;
export type GhnShopHandler = (req: SimRequest, body: Record<string, unknown>, shopId: number) => SimReply;

export type Decoded = { ok: true; body: Record<string, unknown> } | { ok: false; reply: SimReply };

export function decodeBody(req: SimRequest): Decoded {
  if (req.body.kind === 'empty') return { ok: true, body: {} };
  if (req.body.kind === 'invalid') return { ok: false, reply: ghnBadRequest(`invalid character in JSON body: ${req.body.error}`) };
  const obj = bodyObject(req.body);
  if (obj) return { ok: true, body: obj };
  const kind = Array.isArray(req.body.value) ? 'array' : typeof req.body.value;
  return { ok: false, reply: ghnBadRequest(`json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`) };
}

export class GhnAuth {
  private tokens: Set<string>;
  private shops: Set<number>;

  constructor(tokens: readonly string[], shops: readonly number[]) {
    this.tokens = new Set(tokens);
    this.shops = new Set(shops);
  }

  tokenOf(req: SimRequest): string | undefined {
    const token = req.header('token')?.trim();
    return token && this.tokens.has(token) ? token : undefined;
  }

  knowsShop(id: number): boolean {
    return this.shops.has(id);
  }

  withToken(handler: GhnHandler): (req: SimRequest) => SimReply {
    return (req) => {
      if (!this.tokenOf(req)) return ghnTokenInvalid();
      const decoded = decodeBody(req);
      return decoded.ok ? handler(req, decoded.body) : decoded.reply;
    };
  }

  /** Shop-scoped calls need a `ShopId` header naming one of the token's shops (no `shop_id` alias). */
  withShop(handler: GhnShopHandler): (req: SimRequest) => SimReply {
    return this.withToken((req, body) => {
      const raw = req.header('shopid')?.trim();
      if (!raw) return ghnShopNotFound('Thiếu header ShopId');
      if (!/^\d+$/.test(raw) || !this.shops.has(Number(raw))) return ghnShopNotFound();
      return handler(req, body, Number(raw));
    });
  }
}
