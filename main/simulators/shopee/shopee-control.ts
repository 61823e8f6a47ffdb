// The in-process control of the Shopee simulator (the HTTP one under /__control calls the same
// functions): make orders happen, move them, set stock, expire tokens, move time, toggle faults.

import type { FaultConfig, FaultInjector, FaultKind } from '../shared/fault-injector.js';
import type { LoggedRequest, RequestLog } from '../shared/request-log.js';
import type { Item, Model } from './catalog.js';
import type { FlashSaleOptions, GenerationOptions, OrderGenerator } from './order-generator.js';
import { demoRecipient } from './order-generator.js';
import type { Order } from './order-store.js';
import type { TokenErrorStyle } from './shopee-auth.js';
import type { Settings, ShopeeContext } from './shopee-context.js';
import { toId } from './shopee-json.js';
import { itemSnapshot, orderSnapshot, type ItemSnapshot, type OrderSnapshot } from './snapshots.js';
import { HAPPY_PATH, isOrderStatus, type LogisticsStatus, type OrderStatus } from './statuses.js';

type Id = bigint | number | string;

export interface CreateOrderRequest {
  shopId: number;
  /** Default: one unit of the shop's first model that has stock. */
  lines?: { itemId: Id; modelId?: Id; qty?: number }[];
  /** Default true (starts READY_TO_SHIP); false starts UNPAID. */
  cod?: boolean;
  /** Two packages (needs two lines or more). */
  split?: boolean;
  /** Place it even without stock (an oversell the marketplace let through). */
  ignoreStock?: boolean;
}

export interface ShopeeControl {
  now(): number;
  /** Moves the simulator clock forward (ms) and runs a tick. */
  jumpClock(ms: number): number;
  /** Places due orders and moves due statuses now. */
  tick(): { placed: string[]; moved: string[] };
  issueAuthCode(shopId: number, partnerId?: number): string;
  expireAccessTokens(shopId?: number): number;
  expireRefreshTokens(shopId?: number): number;
  /** Which error an invalid access token gets (`error_auth` default, or Shopee's misspelt `invalid_acceess_token`). */
  setTokenErrorStyle(style: TokenErrorStyle): void;
  items(shopId?: number): ItemSnapshot[];
  setStock(shopId: number, itemId: Id, modelId: Id, stock: number): void;
  setReserved(shopId: number, itemId: Id, modelId: Id, reserved: number): void;
  setPromotion(shopId: number, itemId: Id, on: boolean): void;
  orders(shopId?: number): OrderSnapshot[];
  order(orderSn: string): OrderSnapshot | undefined;
  /** Throws when a line has not enough stock (unless ignoreStock). */
  createOrder(req: CreateOrderRequest): OrderSnapshot;
  /** `count` random orders now (fewer when stock runs out). */
  generateOrders(count: number, shopId?: number): OrderSnapshot[];
  cancel(orderSn: string, opts?: { by?: string; reason?: string; packageStatus?: LogisticsStatus }): OrderSnapshot;
  /** The buyer asks to cancel: IN_CANCEL until handle_buyer_cancellation. */
  requestCancel(orderSn: string, reason?: string): OrderSnapshot;
  /** One step on UNPAID → READY_TO_SHIP → PROCESSED → SHIPPED → TO_CONFIRM_RECEIVE → COMPLETED, or straight to `to`. */
  advance(orderSn: string, to?: OrderStatus, opts?: { packageStatus?: LogisticsStatus }): OrderSnapshot;
  setGeneration(options: Partial<GenerationOptions>): void;
  /** Flash sale on (optionally with its rate and hot SKUs) or off. */
  setFlashSale(on: boolean | FlashSaleOptions): void;
  hotSkus(): string[];
  /** download_shipping_document answers one PDF ('pdf', default) or a ZIP of one PDF per package ('zip'). */
  setAwbFormat(format: Settings['awbFormat']): void;
  setFaults(faults: FaultConfig): void;
  faults(): FaultConfig;
  failNext(kind: FaultKind, count?: number, path?: string): void;
  requests(): LoggedRequest[];
  clearRequests(): void;
  /** Back to the seed catalog, no orders, no tokens, empty log, faults and generation as started. */
  reset(): void;
}

export interface ControlDeps {
  ctx: ShopeeContext;
  generator: OrderGenerator;
  faults: FaultInjector;
  log: RequestLog;
  jump(ms: number): void;
  tick(): { placed: Order[]; moved: Order[] };
  reset(): void;
}

export function createControl(d: ControlDeps): ShopeeControl {
  const { ctx, generator, faults, log } = d;
  const { store, catalog, auth, clock } = ctx;
  const snap = (o: Order) => orderSnapshot(o, clock(), store.totalAmount(o));
  const find = (sn: string): Order => {
    const o = store.get(sn);
    if (!o) throw new Error(`Shopee simulator: no order ${sn}`);
    return o;
  };
  const findModel = (shopId: number, itemId: Id, modelId: Id = 0): { item: Item; model: Model } => {
    const item = catalog.item(shopId, toId(itemId) ?? -1n);
    const model = item && catalog.model(item, toId(modelId) ?? -1n);
    if (!item || !model) throw new Error(`Shopee simulator: no model ${String(itemId)}/${String(modelId)} in shop ${shopId}`);
    return { item, model };
  };

  const step = (o: Order, to: OrderStatus | undefined, packageStatus?: LogisticsStatus): void => {
    const next = to ?? HAPPY_PATH[HAPPY_PATH.indexOf(o.status) + 1];
    if (!next || !isOrderStatus(next)) throw new Error(`Shopee simulator: order ${o.orderSn} has no next status after ${o.status}`);
    if (next === 'PROCESSED') {
      for (const p of o.packages) {
        p.arrangedAt ??= clock();
        p.method ??= 'dropoff';
        p.trackingNumber ??= store.newTrackingNumber();
        p.trackingAt ??= clock();
      }
    }
    if (next === 'IN_CANCEL') o.buyerCancelReason ??= 'Change of mind';
    store.setStatus(o, next, packageStatus ? { packageStatus } : undefined);
  };

  return {
    now: () => clock(),
    jumpClock: (ms) => {
      d.jump(ms);
      d.tick();
      return clock();
    },
    tick: () => {
      const r = d.tick();
      return { placed: r.placed.map((o) => o.orderSn), moved: r.moved.map((o) => o.orderSn) };
    },
    issueAuthCode: (shopId, partnerId) => {
      if (!catalog.hasShop(shopId)) throw new Error(`Shopee simulator: no shop ${shopId}`);
      return auth.issueCode(partnerId ?? auth.firstPartner().partnerId, shopId);
    },
    expireAccessTokens: (shopId) => auth.expireAccessTokens(shopId),
    expireRefreshTokens: (shopId) => auth.expireRefreshTokens(shopId),
    setTokenErrorStyle: (style) => {
      auth.tokenErrorStyle = style;
    },
    items: (shopId) => (shopId === undefined ? catalog.allItems() : catalog.items(shopId)).map((i) => itemSnapshot(catalog, i)),
    setStock: (shopId, itemId, modelId, stock) => {
      const { item, model } = findModel(shopId, itemId, modelId);
      model.stock = stock;
      catalog.touch(item);
    },
    setReserved: (shopId, itemId, modelId, reserved) => {
      const { item, model } = findModel(shopId, itemId, modelId);
      model.reserved = reserved;
      catalog.touch(item);
    },
    setPromotion: (shopId, itemId, on) => {
      const item = catalog.item(shopId, toId(itemId) ?? -1n);
      if (!item) throw new Error(`Shopee simulator: no item ${String(itemId)} in shop ${shopId}`);
      item.inPromotion = on;
    },
    orders: (shopId) => store.list(shopId).map(snap),
    order: (sn) => {
      const o = store.get(sn);
      return o && snap(o);
    },
    createOrder: (req) => {
      const lines = req.lines
        ? req.lines.map((l) => ({ ...findModel(req.shopId, l.itemId, l.modelId ?? 0), qty: l.qty ?? 1 }))
        : catalog.sellable(req.shopId).filter((c) => c.model.stock > 0).slice(0, 1).map((c) => ({ ...c, qty: 1 }));
      if (lines.length === 0) throw new Error(`Shopee simulator: shop ${req.shopId} has nothing in stock`);
      const o = store.create({
        shopId: req.shopId,
        lines,
        cod: req.cod ?? true,
        split: req.split,
        ignoreStock: req.ignoreStock,
        recipient: demoRecipient(store.list().length),
        buyerUsername: `buyer_${store.list().length + 1}`,
      });
      if (!o) throw new Error('Shopee simulator: not enough stock for this order');
      return snap(o);
    },
    generateOrders: (count, shopId) => {
      const out: Order[] = [];
      for (let i = 0; i < count; i++) {
        const o = generator.regularOrder(shopId);
        if (o) out.push(o);
      }
      return out.map(snap);
    },
    cancel: (sn, opts) => {
      const o = find(sn);
      store.setStatus(o, 'CANCELLED', { cancelBy: opts?.by ?? 'buyer', cancelReason: opts?.reason ?? 'Change of mind', packageStatus: opts?.packageStatus });
      return snap(o);
    },
    requestCancel: (sn, reason) => {
      const o = find(sn);
      o.buyerCancelReason = reason ?? 'Change of mind';
      store.setStatus(o, 'IN_CANCEL');
      return snap(o);
    },
    advance: (sn, to, opts) => {
      const o = find(sn);
      step(o, to, opts?.packageStatus);
      return snap(o);
    },
    setGeneration: (options) => generator.set(options),
    setFlashSale: (on) => generator.set({ flashSale: on === true ? {} : on === false ? false : on }),
    hotSkus: () => generator.hotSkus(),
    setAwbFormat: (format) => {
      if (format !== 'pdf' && format !== 'zip') throw new Error(`Shopee simulator: awbFormat must be 'pdf' or 'zip', not ${String(format)}`);
      ctx.settings.awbFormat = format;
    },
    setFaults: (f) => faults.set(f),
    faults: () => faults.get(),
    failNext: (kind, count, path) => faults.forceNext(kind, count, path),
    requests: () => log.list(),
    clearRequests: () => log.clear(),
    reset: () => d.reset(),
  };
}
