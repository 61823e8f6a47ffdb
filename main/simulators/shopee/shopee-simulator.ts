// Shopee Open Platform v2 on loopback (spec §1, §5): signed requests checked with the partner key,
// timestamps, tokens that expire and refresh tokens that work once, the 15-day order window and cursor
// paging, int64 ids above 2^53 as bare JSON numbers, stock per model, orders generated over time (and in
// flash sales), statuses that move, air waybill PDFs (or ZIPs), listing products with uploaded images
// and variants, rate limits and injected faults. Product code: the
// demo shop runs against it, and tests point the real Shopee client at it.

import type { Clock } from '../shared/clock.js';
import { FaultInjector, type FaultConfig } from '../shared/fault-injector.js';
import { streamFor } from '../shared/prng.js';
import { RateWindow } from '../shared/rate-window.js';
import { RequestLog } from '../shared/request-log.js';
import { startSimServer } from '../shared/sim-server.js';
import type { SimulatorHandle } from '../shared/sim-types.js';
import { startTicker } from '../shared/status-ticker.js';
import { authRoutes } from './auth-routes.js';
import { Catalog, type ShopSeed } from './catalog.js';
import { CONTROL_PREFIX, controlRoutes } from './control-routes.js';
import { documentRoutes } from './document-routes.js';
import { OrderGenerator, type GenerationOptions } from './order-generator.js';
import { orderRoutes } from './order-routes.js';
import { OrderStore } from './order-store.js';
import { listingRoutes } from './listing-routes.js';
import { FILE_PREFIX, MAX_IMAGE_BYTES, MediaStore } from './media-store.js';
import { mediaRoutes } from './media-routes.js';
import { productRoutes } from './product-routes.js';
import { shopRoutes } from './shop-routes.js';
import { shippingRoutes } from './shipping-routes.js';
import { advanceDue } from './status-advance.js';
import { ShopeeAuth, type ShopeePartner, type TokenLifetimes } from './shopee-auth.js';
import { createControl, type ShopeeControl } from './shopee-control.js';
import { DEFAULT_SETTINGS, DEFAULT_TIMINGS, type ShopeeContext, type Timings } from './shopee-context.js';
import { ShopeeReplies } from './shopee-replies.js';

export interface ShopeeRateLimits {
  /** Calls per minute per partner + shop (or partner alone on public calls); over it → error_rate_limit. */
  perMinute?: number;
  /** Calls per day per partner → error_limit (the daily quota). */
  perDay?: number;
}

export interface ShopeeSimulatorOptions {
  port?: number;
  /** Default: Date.now. The control's jumpClock adds an offset on top of it. */
  clock?: Clock;
  partners: ShopeePartner[];
  shops: ShopSeed[];
  tokens?: TokenLifetimes;
  timings?: Partial<Timings>;
  /** Seeds ids, tokens, generated orders and faults; default 1. */
  seed?: number;
  generation?: GenerationOptions;
  faults?: FaultConfig;
  rateLimits?: ShopeeRateLimits;
  /** How often the background timer looks for due work (ms of real time); 0 = only on tick(). Default 1000. */
  tickEveryMs?: number;
}

export interface ShopeeSimulatorHandle extends SimulatorHandle<ShopeeControl> {
  partnerId: number;
  partnerKey: string;
}

/** The business calls faults apply to by default (not the auth pages, token calls or the control API). */
export const SHOPEE_BUSINESS_PATHS = ['/api/v2/order/*', '/api/v2/product/*', '/api/v2/logistics/*', '/api/v2/shop/*', '/api/v2/media_space/*'];

export async function startShopeeSimulator(options: ShopeeSimulatorOptions): Promise<ShopeeSimulatorHandle> {
  const base = options.clock ?? Date.now;
  let offset = 0;
  const clock: Clock = () => base() + offset;
  const seed = options.seed ?? 1;
  const replies = new ShopeeReplies(streamFor(seed, 'shopee-request-ids'));
  const catalog = new Catalog(clock, options.shops);
  const store = new OrderStore(clock, streamFor(seed, 'shopee-orders'), catalog);
  const auth = new ShopeeAuth(options.partners, (id) => catalog.hasShop(id), options.tokens ?? {}, clock, streamFor(seed, 'shopee-tokens'), replies);
  const timings: Timings = { ...DEFAULT_TIMINGS, ...(options.timings ?? {}) };
  const media = new MediaStore(streamFor(seed, 'shopee-media'));
  const ctx: ShopeeContext = { clock, random: streamFor(seed, 'shopee-misc'), replies, auth, catalog, store, media, timings, settings: { ...DEFAULT_SETTINGS } };
  const generator = new OrderGenerator(options.generation ?? {}, catalog, store, streamFor(seed, 'shopee-buyers'), clock());
  const faults = new FaultInjector(options.faults, SHOPEE_BUSINESS_PATHS, seed);
  const log = new RequestLog();
  const minute = options.rateLimits?.perMinute ? new RateWindow(options.rateLimits.perMinute, clock) : undefined;
  const daily = new Map<string, number>();
  const auths = authRoutes(ctx);

  const tick = () => {
    const now = clock();
    const placed = generator.tick(now);
    const moved = advanceDue(store, timings, now);
    return { placed, moved };
  };

  const control = createControl({
    ctx,
    generator,
    faults,
    log,
    jump: (ms) => {
      offset += ms;
    },
    tick,
    reset: () => {
      catalog.reset(options.shops);
      store.reset();
      media.reset();
      Object.assign(ctx.settings, DEFAULT_SETTINGS);
      auth.reset();
      auths.reset();
      log.clear();
      minute?.clear();
      daily.clear();
      faults.clear();
      faults.set(options.faults ?? {});
      generator.set({ ...(options.generation ?? {}), flashSale: options.generation?.flashSale ?? false });
      generator.reset(clock());
    },
  });

  /** Per partner+shop minute window and per partner daily quota (days in UTC+8, as Shopee resets them). */
  const gate = (req: { path: string; query: URLSearchParams }) => {
    // The control API is ours, and /file/ stands for Shopee's image CDN: neither counts against the partner.
    if (req.path.startsWith(CONTROL_PREFIX) || req.path.startsWith(FILE_PREFIX)) return undefined;
    const partner = req.query.get('partner_id') ?? '';
    const key = `${partner}:${req.query.get('shop_id') ?? ''}`;
    const perDay = options.rateLimits?.perDay;
    if (perDay) {
      const day = `${partner}:${Math.floor((clock() + 8 * 3600_000) / 86400_000)}`;
      const used = (daily.get(day) ?? 0) + 1;
      daily.set(day, used);
      if (used > perDay) return replies.error('error_limit', 'Reached the daily call limit of this partner.'); // [?] text
    }
    const wait = minute?.take(key);
    return wait === undefined ? undefined : { ...replies.rateLimited(), headers: { 'retry-after': String(wait) } };
  };

  const server = await startSimServer({
    port: options.port,
    routes: [
      ...auths.routes, ...orderRoutes(ctx), ...productRoutes(ctx), ...listingRoutes(ctx), ...shopRoutes(ctx), ...mediaRoutes(ctx),
      ...shippingRoutes(ctx), ...documentRoutes(ctx), ...controlRoutes(control),
    ],
    // Room for images well over the 10 MB limit, so those get Shopee's error_param naming `image`
    // rather than a bare 413; the multipart framing around them is small.
    maxBodyBytes: 3 * MAX_IMAGE_BYTES,
    faults,
    log,
    clock,
    notFound: (req, status) => replies.notFound(req, status),
    rateLimitReply: () => replies.rateLimited(),
    gate,
  });

  media.baseUrl = server.url;
  const ticker = startTicker({ everyMs: options.tickEveryMs ?? 1000, clock, onTick: () => void tick() });
  const first = auth.firstPartner();

  return {
    url: server.url,
    port: server.port,
    partnerId: first.partnerId,
    partnerKey: first.partnerKey,
    control,
    close: async () => {
      ticker.stop();
      await server.close();
    },
  };
}
