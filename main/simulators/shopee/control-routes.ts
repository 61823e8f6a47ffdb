// The control API over HTTP, for a test or a demo panel in another process: POST /__control/<name>
// with a JSON body of named arguments; GET for the read-only ones. Never fault-injected or rate-limited.

import type { FaultConfig, FaultKind } from '../shared/fault-injector.js';
import type { Route, SimReply } from '../shared/sim-server.js';
import type { FlashSaleOptions, GenerationOptions } from './order-generator.js';
import type { CreateOrderRequest, ShopeeControl } from './shopee-control.js';
import type { TokenErrorStyle } from './shopee-auth.js';
import { parseShopeeJson, toShopeeJson } from './shopee-json.js';
import type { LogisticsStatus, OrderStatus } from './statuses.js';

export const CONTROL_PREFIX = '/__control';

type Args = Record<string, any>;

export function controlRoutes(control: ShopeeControl): Route[] {
  const ops: Record<string, (a: Args) => unknown> = {
    now: () => ({ now: control.now() }),
    jump_clock: (a) => ({ now: control.jumpClock(Number(a.ms)) }),
    tick: () => control.tick(),
    auth_code: (a) => ({ code: control.issueAuthCode(Number(a.shop_id), a.partner_id === undefined ? undefined : Number(a.partner_id)), shop_id: Number(a.shop_id) }),
    expire_access_tokens: (a) => ({ expired: control.expireAccessTokens(a.shop_id === undefined ? undefined : Number(a.shop_id)) }),
    expire_refresh_tokens: (a) => ({ expired: control.expireRefreshTokens(a.shop_id === undefined ? undefined : Number(a.shop_id)) }),
    token_error_style: (a) => control.setTokenErrorStyle(a.style as TokenErrorStyle),
    items: (a) => ({ items: control.items(a.shop_id === undefined ? undefined : Number(a.shop_id)) }),
    set_stock: (a) => control.setStock(Number(a.shop_id), a.item_id, a.model_id ?? 0, Number(a.stock)),
    set_reserved: (a) => control.setReserved(Number(a.shop_id), a.item_id, a.model_id ?? 0, Number(a.reserved)),
    set_promotion: (a) => control.setPromotion(Number(a.shop_id), a.item_id, Boolean(a.on)),
    orders: (a) => ({ orders: control.orders(a.shop_id === undefined ? undefined : Number(a.shop_id)) }),
    order: (a) => ({ order: control.order(String(a.order_sn)) ?? null }),
    create_order: (a) =>
      control.createOrder({
        shopId: Number(a.shop_id),
        lines: Array.isArray(a.lines) ? a.lines.map((l: Args) => ({ itemId: l.item_id, modelId: l.model_id, qty: l.qty })) : undefined,
        cod: a.cod,
        split: a.split,
        ignoreStock: a.ignore_stock,
      } satisfies CreateOrderRequest),
    generate_orders: (a) => ({ orders: control.generateOrders(Number(a.count ?? 1), a.shop_id === undefined ? undefined : Number(a.shop_id)) }),
    cancel: (a) => control.cancel(String(a.order_sn), { by: a.by, reason: a.reason, packageStatus: a.package_status as LogisticsStatus | undefined }),
    request_cancel: (a) => control.requestCancel(String(a.order_sn), a.reason),
    advance: (a) => control.advance(String(a.order_sn), a.to as OrderStatus | undefined, { packageStatus: a.package_status as LogisticsStatus | undefined }),
    generation: (a) => control.setGeneration(a as Partial<GenerationOptions>),
    flash_sale: (a) => control.setFlashSale(a.on === false ? false : ((a.options ?? true) as FlashSaleOptions | true)),
    awb_format: (a) => control.setAwbFormat(a.format),
    faults: (a) => control.setFaults(a as FaultConfig),
    fail_next: (a) => control.failNext(a.kind as FaultKind, a.count, a.path),
    requests: () => ({ requests: control.requests() }),
    clear_requests: () => control.clearRequests(),
    reset: () => control.reset(),
  };

  const reply = (status: number, value: unknown): SimReply => ({ status, text: toShopeeJson(value ?? { ok: true }), contentType: 'application/json; charset=utf-8', note: 'control' });

  return Object.entries(ops).map(([name, op]) => ({
    methods: ['GET', 'POST'],
    path: `${CONTROL_PREFIX}/${name}`,
    handler: (req) => {
      try {
        // Parsed like the API bodies, so an id above 2^53 sent as a bare number stays exact.
        const body = req.rawBody.trim() === '' ? {} : parseShopeeJson(req.rawBody);
        const args: Args = { ...Object.fromEntries(req.query), ...(body !== null && typeof body === 'object' ? body : {}) };
        return reply(200, op(args));
      } catch (e) {
        return reply(400, { error: e instanceof Error ? e.message : String(e) });
      }
    },
  }));
}
