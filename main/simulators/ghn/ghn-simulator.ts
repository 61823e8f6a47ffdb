// Giao Hàng Nhanh on loopback: the wire protocol of spec A1 (base /shiip/public-api, print pages at
// the root), fault injection, scripted status progress and the PascalCase webhook. Product code: the
// demo shop books real shipments against it, and integration tests point the real GHN client at it.

import type { Clock } from '../shared/clock.js';
import { FaultInjector, type FaultConfig, type FaultKind } from '../shared/fault-injector.js';
import { streamFor } from '../shared/prng.js';
import { RateWindow } from '../shared/rate-window.js';
import { RequestLog, type LoggedRequest } from '../shared/request-log.js';
import { startSimServer } from '../shared/sim-server.js';
import type { SimulatorHandle } from '../shared/sim-types.js';
import { nextOnPath, startTicker } from '../shared/status-ticker.js';
import { WebhookPusher, type WebhookDelivery, type WebhookQuirks } from '../shared/webhook-pusher.js';
import { computeFee, convertedWeight, totalOf } from './fees.js';
import { sameProvince } from './address-resolution.js';
import { GhnAuth } from './ghn-auth.js';
import type { GhnContext } from './ghn-context.js';
import { ghnNotFoundRoute, ghnRateLimited } from './ghn-replies.js';
import { labelRoutes } from './label-routes.js';
import { GHN_BASE, masterDataRoutes } from './master-data-routes.js';
import { GhnOrderStore, type GhnLogEntry, type GhnOrder } from './order-store.js';
import { orderRoutes } from './order-routes.js';
import { orderDetail } from './order-view.js';
import { pricingRoutes } from './pricing-routes.js';
import { GHN_FINAL, GHN_PATHS, isGhnStatus, type GhnPathName, type GhnStatus } from './statuses.js';
import { ghnWebhookPayload, type GhnWebhookType } from './webhook-payload.js';

export interface GhnWebhookOptions extends WebhookQuirks {
  url: string;
  /** GHN signs nothing; a shop may configure its own headers for auth. */
  headers?: Record<string, string>;
}

export interface GhnSimulatorOptions {
  /** 0 or absent: any free port. */
  port?: number;
  clock?: Clock;
  /** API tokens accepted in the `Token` header. */
  tokens: string[];
  /** Shop ids accepted in the `ShopId` header (any token may use any of them). */
  shops: number[];
  faults?: FaultConfig;
  /** Seeds faults, order codes and webhook quirks; default 1. */
  seed?: number;
  /** Move each live order one step along its path this often (simulator clock); 0 = only on command. */
  advanceEveryMs?: number;
  /** Per token; over it → HTTP 429 with Retry-After. Absent = unlimited. */
  rateLimitPerMinute?: number;
  /** insurance_value cap; validators say 5,000,000 and contracts differ. */
  insuranceCap?: number;
  /** Lifetime of a gen-token print token; default 30 minutes. */
  labelTokenTtlMs?: number;
  webhook?: GhnWebhookOptions;
  /** Status path for a new order; default "happy". The demo passes a mix. */
  pathFor?: (order: GhnOrderSnapshot) => GhnPathName;
  /** Where the shop's parcels are picked up when a create names no sender. */
  shopAddress?: { districtId: number; wardCode: string; name: string; phone: string; address: string };
}

export interface GhnOrderSnapshot {
  order_code: string;
  client_order_code: string | null;
  shop_id: number;
  status: GhnStatus;
  path: GhnPathName;
  log: GhnLogEntry[];
  cod_amount: number;
  total_fee: number;
  /** What /v2/shipping-order/detail would return. */
  detail: Record<string, unknown>;
  /** The create body as received. */
  request: Record<string, unknown>;
}

export interface GhnControl {
  orders(): GhnOrderSnapshot[];
  /** By order_code or client_order_code. */
  order(code: string): GhnOrderSnapshot | undefined;
  /** One step along the order's path, or straight to `toStatus` (switching path if needed). Throws at the end of a path. */
  advance(code: string, toStatus?: GhnStatus): GhnOrderSnapshot;
  setPath(code: string, path: GhnPathName): void;
  /** GHN re-weighs at the hub: new weight, new fee, `update_weight` and `update_fee` webhooks. */
  reweigh(code: string, weightGrams: number): GhnOrderSnapshot;
  /** Runs the auto-advance check now (after moving a manual clock). */
  tick(): void;
  setFaults(faults: FaultConfig): void;
  faults(): FaultConfig;
  /** The next `count` matching requests (or requests to `path`) fail as `kind`, whatever the rates. */
  failNext(kind: FaultKind, count?: number, path?: string): void;
  requests(): LoggedRequest[];
  webhookDeliveries(): WebhookDelivery[];
  /** Resolves when every queued webhook has been delivered or has given up. */
  webhooksIdle(): Promise<void>;
  configureWebhook(quirks: WebhookQuirks): void;
  /** Forgets orders, label tokens, the request and webhook logs, rate windows; faults back to the start options. */
  reset(): void;
}

export const GHN_BUSINESS_PATHS = [`${GHN_BASE}/v2/*`, '/a5/public-api/*'];

const DEFAULT_SHOP_ADDRESS = { districtId: 1442, wardCode: '20109', name: 'Shop Packdesk', phone: '0901234567', address: '45 Lê Thánh Tôn' };

export async function startGhnSimulator(options: GhnSimulatorOptions): Promise<SimulatorHandle<GhnControl>> {
  const clock = options.clock ?? Date.now;
  const seed = options.seed ?? 1;
  const faults = new FaultInjector(options.faults, GHN_BUSINESS_PATHS, seed);
  const log = new RequestLog();
  const store = new GhnOrderStore(streamFor(seed, 'ghn-ids'), clock);
  const auth = new GhnAuth(options.tokens, options.shops);
  const rate = options.rateLimitPerMinute ? new RateWindow(options.rateLimitPerMinute, clock) : undefined;
  const pusher = options.webhook
    ? new WebhookPusher({ ...options.webhook, random: streamFor(seed, 'ghn-webhook'), now: clock, defaultRetries: 10 })
    : undefined;

  const snapshot = (o: GhnOrder): GhnOrderSnapshot => ({
    order_code: o.orderCode,
    client_order_code: o.input.clientOrderCode,
    shop_id: o.shopId,
    status: o.status,
    path: o.pathName,
    log: o.log.map((l) => ({ ...l })),
    cod_amount: o.input.codAmount,
    total_fee: o.totalFee,
    detail: orderDetail(o),
    request: structuredClone(o.request),
  });

  const emit = (o: GhnOrder, type: GhnWebhookType) => pusher?.push(ghnWebhookPayload(o, type, clock()));

  const ctx: GhnContext = {
    clock,
    random: streamFor(seed, 'ghn-labels'),
    store,
    auth,
    insuranceCap: options.insuranceCap ?? 5_000_000,
    shopDefault: options.shopAddress ?? DEFAULT_SHOP_ADDRESS,
    labelTokenTtlMs: options.labelTokenTtlMs ?? 30 * 60_000,
    pathFor: (o) => options.pathFor?.(snapshot(o)) ?? 'happy',
    emit,
  };
  const labels = labelRoutes(ctx);

  const server = await startSimServer({
    port: options.port,
    routes: [...masterDataRoutes((h) => auth.withToken((req) => h(req))), ...pricingRoutes(ctx), ...orderRoutes(ctx), ...labels.routes],
    faults,
    log,
    clock,
    notFound: ghnNotFoundRoute,
    rateLimitReply: ghnRateLimited,
    gate: (req) => {
      const token = rate && auth.tokenOf(req);
      const wait = token ? rate.take(token) : undefined;
      return wait === undefined ? undefined : { ...ghnRateLimited(), headers: { 'retry-after': String(wait) } };
    },
  });

  const find = (code: string): GhnOrder => {
    const o = store.byCode(code) ?? store.byClientCode(code);
    if (!o) throw new Error(`GHN simulator: no order ${code}`);
    return o;
  };

  const step = (o: GhnOrder, to?: GhnStatus): void => {
    if (to !== undefined && !isGhnStatus(to)) throw new Error(`GHN simulator: unknown status ${String(to)}`);
    const next = to ?? nextOnPath<GhnStatus>(GHN_PATHS, o);
    if (next === undefined) throw new Error(`GHN simulator: order ${o.orderCode} has no next status after ${o.status} on path ${o.pathName}`);
    store.setStatus(o, next);
    emit(o, 'switch_status');
  };

  const everyMs = options.advanceEveryMs ?? 0;
  const ticker = startTicker({
    everyMs,
    clock,
    onTick: (now) => {
      if (everyMs <= 0) return;
      for (const o of store.list()) {
        if (GHN_FINAL.has(o.status) || now - o.lastChangeAt < everyMs) continue;
        if (nextOnPath<GhnStatus>(GHN_PATHS, o) !== undefined) step(o);
      }
    },
  });

  const control: GhnControl = {
    orders: () => store.list().map(snapshot),
    order: (code) => {
      const o = store.byCode(code) ?? store.byClientCode(code);
      return o && snapshot(o);
    },
    advance: (code, to) => {
      const o = find(code);
      step(o, to);
      return snapshot(o);
    },
    setPath: (code, path) => store.setPath(find(code), path),
    reweigh: (code, weight) => {
      const o = find(code);
      o.input = { ...o.input, weight };
      o.convertedWeight = convertedWeight(o.input);
      const i = o.input;
      o.fee = computeFee({ serviceTypeId: i.serviceTypeId, from: i.from.region, to: i.to.region, sameProvince: sameProvince(i.from, i.to), weight, length: i.length, width: i.width, height: i.height, insuranceValue: i.insuranceValue, codAmount: i.codAmount });
      o.totalFee = totalOf(o.fee);
      // Two callbacks that are not status changes: receivers must not treat them as one.
      emit(o, 'update_weight');
      emit(o, 'update_fee');
      return snapshot(o);
    },
    tick: () => ticker.tick(),
    setFaults: (f) => faults.set(f),
    faults: () => faults.get(),
    failNext: (kind, count, path) => faults.forceNext(kind, count, path),
    requests: () => log.list(),
    webhookDeliveries: () => pusher?.deliveries() ?? [],
    webhooksIdle: () => pusher?.idle() ?? Promise.resolve(),
    configureWebhook: (q) => pusher?.configure(q),
    reset: () => {
      store.reset();
      labels.reset();
      log.clear();
      rate?.clear();
      pusher?.clearLog();
      faults.clear();
      faults.set(options.faults ?? {});
    },
  };

  return {
    url: server.url,
    port: server.port,
    control,
    close: async () => {
      ticker.stop();
      pusher?.close();
      await server.close();
    },
  };
}
