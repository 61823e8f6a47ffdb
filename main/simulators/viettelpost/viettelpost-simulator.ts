// Viettel Post on loopback: the partner API of spec A2 (/v2/..., /v3/categories/..., the print page
// at the root), fault injection, scripted status progress pushed to the webhook — the only status
// channel, since VTP has no status-pull API for partners — and a portal-style CSV export.

import type { Clock } from '../shared/clock.js';
import { FaultInjector, type FaultConfig, type FaultKind } from '../shared/fault-injector.js';
import { streamFor } from '../shared/prng.js';
import { RequestLog, type LoggedRequest } from '../shared/request-log.js';
import { startSimServer } from '../shared/sim-server.js';
import type { SimulatorHandle } from '../shared/sim-types.js';
import { nextOnPath, startTicker } from '../shared/status-ticker.js';
import { WebhookPusher, type WebhookDelivery, type WebhookQuirks } from '../shared/webhook-pusher.js';
import { labelRoutes } from './label-routes.js';
import { masterDataRoutes, type VtpStore } from './master-data-routes.js';
import { VtpOrderStore, type VtpHistoryEntry, type VtpOrder } from './order-store.js';
import { orderRoutes } from './order-routes.js';
import type { VtpPrice } from './pricing.js';
import { priceRoutes } from './price-routes.js';
import { exportStatusesCsv, type VtpExportOptions } from './status-export.js';
import { isVtpStatus, VTP_PATHS, VTP_STATUS_NAMES, type VtpPathName } from './statuses.js';
import { VtpAuth, type VtpAccount, type VtpUser } from './vtp-auth.js';
import type { VtpContext } from './vtp-context.js';
import { vtpNotFoundRoute, vtpRateLimited } from './vtp-replies.js';
import { vtpWebhookBody } from './webhook-payload.js';

export interface VtpWebhookOptions extends WebhookQuirks {
  url: string;
  /** Sent as the `Authorization` header and as `TOKEN` in the body. */
  secret: string;
}

export interface VtpSimulatorOptions {
  /** 0 or absent: any free port. */
  port?: number;
  clock?: Clock;
  users: VtpUser[];
  faults?: FaultConfig;
  /** Seeds faults, waybills, tokens and webhook quirks; default 1. */
  seed?: number;
  webhook?: VtpWebhookOptions;
  /** Move each live order one step along its path this often (simulator clock); 0 = only on command. */
  advanceEveryMs?: number;
  /** MONEY_COLLECTION cap; default 50,000,000. */
  codCap?: number;
  /** Login (short) token lifetime; default 10 minutes. */
  shortTokenTtlMs?: number;
  /** ownerconnect (long) token lifetime; default 365 days. */
  longTokenTtlMs?: number;
  /** Status path for a new order; default "happy". */
  pathFor?: (order: VtpOrderSnapshot) => VtpPathName;
  /** Sender stores per account; default one store in Quận 1, HCM (old-scheme ids). */
  stores?: (account: { username: string; cusId: number }) => VtpStore[];
}

export interface VtpOrderSnapshot {
  waybill: string;
  /** The partner ORDER_NUMBER the order was created with. */
  reference: string;
  cusId: number;
  status: number;
  statusName: string;
  path: VtpPathName;
  history: VtpHistoryEntry[];
  moneyCollection: number;
  price: VtpPrice;
  deleted: boolean;
  request: Record<string, unknown>;
}

export interface VtpControl {
  orders(): VtpOrderSnapshot[];
  /** By waybill, or by partner ORDER_NUMBER (the latest such order). */
  order(code: string): VtpOrderSnapshot | undefined;
  /** One step along the order's path, or straight to `toStatus`. Throws at the end of a path (505 waits for UpdateOrder). */
  advance(code: string, toStatus?: number): VtpOrderSnapshot;
  setPath(code: string, path: VtpPathName): void;
  tick(): void;
  setFaults(faults: FaultConfig): void;
  faults(): FaultConfig;
  failNext(kind: FaultKind, count?: number, path?: string): void;
  requests(): LoggedRequest[];
  webhookDeliveries(): WebhookDelivery[];
  webhooksIdle(): Promise<void>;
  configureWebhook(quirks: WebhookQuirks): void;
  /** Re-sends the webhook for an order's latest status (the "catch up" a relay may ask VTP for). */
  resendWebhook(code: string): void;
  exportCsv(options?: VtpExportOptions): string;
  /** Every issued token stops working ("Token invalid or expired"), as when a long token lapses. */
  expireTokens(): void;
  /** Forgets orders, print tokens, logs; faults back to the start options. Login tokens stay valid. */
  reset(): void;
}

export const VTP_BUSINESS_PATHS = ['/v2/order/*', '/DigitalizePrint/*'];

function defaultStores(account: { username: string; cusId: number }): VtpStore[] {
  return [
    {
      GROUPADDRESS_ID: 5_818_800 + (account.cusId % 1000),
      CUS_ID: account.cusId,
      NAME: 'Kho Packdesk Quận 1',
      PHONE: account.username,
      ADDRESS: '45 Lê Thánh Tôn, Phường Bến Thành, Quận 1, Hồ Chí Minh',
      PROVINCE_ID: 2,
      DISTRICT_ID: 43,
      WARDS_ID: 590,
    },
  ];
}

export async function startViettelPostSimulator(options: VtpSimulatorOptions): Promise<SimulatorHandle<VtpControl>> {
  const clock = options.clock ?? Date.now;
  const seed = options.seed ?? 1;
  const faults = new FaultInjector(options.faults, VTP_BUSINESS_PATHS, seed);
  const log = new RequestLog();
  const store = new VtpOrderStore(streamFor(seed, 'vtp-ids'), clock);
  const auth = new VtpAuth(options.users, clock, streamFor(seed, 'vtp-tokens'), options.shortTokenTtlMs ?? 10 * 60_000, options.longTokenTtlMs ?? 365 * 86_400_000);
  const storesOf = (cusId: number) => {
    const account = auth.accounts.find((a: VtpAccount) => a.cusId === cusId);
    return account ? (options.stores ?? defaultStores)({ username: account.username, cusId }) : [];
  };
  const webhook = options.webhook;
  const pusher = webhook
    ? new WebhookPusher({ ...webhook, headers: { authorization: webhook.secret }, random: streamFor(seed, 'vtp-webhook'), now: clock, defaultRetries: 5 })
    : undefined;

  const snapshot = (o: VtpOrder): VtpOrderSnapshot => ({
    waybill: o.waybill,
    reference: o.input.reference,
    cusId: o.cusId,
    status: o.status,
    statusName: VTP_STATUS_NAMES[o.status] ?? '',
    path: o.pathName,
    history: o.history.map((h) => ({ ...h })),
    moneyCollection: o.input.moneyCollection,
    price: { ...o.price },
    deleted: o.deleted,
    request: structuredClone(o.request),
  });

  const emit = (o: VtpOrder) => {
    if (webhook && pusher) pusher.push(vtpWebhookBody(o, o.history[o.history.length - 1], webhook.secret));
  };

  const ctx: VtpContext = {
    clock,
    random: streamFor(seed, 'vtp-misc'),
    auth,
    store,
    codCap: options.codCap ?? 50_000_000,
    storesOf,
    pathFor: (o) => options.pathFor?.(snapshot(o)) ?? 'happy',
    emit,
  };
  const labels = labelRoutes(ctx, streamFor(seed, 'vtp-labels'));

  const server = await startSimServer({
    port: options.port,
    routes: [...auth.routes(), ...masterDataRoutes(auth, storesOf), ...priceRoutes(ctx), ...orderRoutes(ctx), ...labels.routes],
    faults,
    log,
    clock,
    notFound: vtpNotFoundRoute,
    rateLimitReply: vtpRateLimited,
  });

  const find = (code: string): VtpOrder => {
    const o = store.byWaybill(code) ?? store.list().filter((x) => x.input.reference === code).pop();
    if (!o) throw new Error(`Viettel Post simulator: no order ${code}`);
    return o;
  };

  const step = (o: VtpOrder, to?: number): void => {
    if (to !== undefined && !isVtpStatus(to)) throw new Error(`Viettel Post simulator: unknown status ${to}`);
    const next = to ?? nextOnPath<number>(VTP_PATHS, o);
    if (next === undefined) {
      const hint = o.status === 505 ? ' (505 waits for UpdateOrder TYPE 2 or 3, or an explicit status)' : '';
      throw new Error(`Viettel Post simulator: order ${o.waybill} has no next status after ${o.status} on path ${o.pathName}${hint}`);
    }
    store.setStatus(o, next);
    emit(o);
  };

  const everyMs = options.advanceEveryMs ?? 0;
  const ticker = startTicker({
    everyMs,
    clock,
    onTick: (now) => {
      if (everyMs <= 0) return;
      for (const o of store.list()) {
        if (o.deleted || store.isFinal(o) || now - o.lastChangeAt < everyMs) continue;
        if (nextOnPath<number>(VTP_PATHS, o) !== undefined) step(o);
      }
    },
  });

  const control: VtpControl = {
    orders: () => store.list().map(snapshot),
    order: (code) => {
      const o = store.byWaybill(code) ?? store.list().filter((x) => x.input.reference === code).pop();
      return o && snapshot(o);
    },
    advance: (code, to) => {
      const o = find(code);
      step(o, to);
      return snapshot(o);
    },
    setPath: (code, path) => store.setPath(find(code), path),
    tick: () => ticker.tick(),
    setFaults: (f) => faults.set(f),
    faults: () => faults.get(),
    failNext: (kind, count, path) => faults.forceNext(kind, count, path),
    requests: () => log.list(),
    webhookDeliveries: () => pusher?.deliveries() ?? [],
    webhooksIdle: () => pusher?.idle() ?? Promise.resolve(),
    configureWebhook: (q) => pusher?.configure(q),
    resendWebhook: (code) => emit(find(code)),
    exportCsv: (opts) => exportStatusesCsv(store.list(), opts),
    expireTokens: () => auth.expireAll(),
    reset: () => {
      store.reset();
      labels.reset();
      log.clear();
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
