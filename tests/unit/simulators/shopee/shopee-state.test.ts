// Pure state of the Shopee simulator: token rotation, order statuses and stock, time-driven moves,
// order generation and flash sales.

import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../../main/simulators/shared/clock.js';
import { seededRandom } from '../../../../main/simulators/shared/prng.js';
import { Catalog } from '../../../../main/simulators/shopee/catalog.js';
import { DEMO_SHOPEE_SHOPS, DEMO_SHOPEE_SHOP_IDS } from '../../../../main/simulators/shopee/demo-defaults.js';
import { OrderGenerator, demoRecipient } from '../../../../main/simulators/shopee/order-generator.js';
import { OrderStore } from '../../../../main/simulators/shopee/order-store.js';
import { ShopeeAuth } from '../../../../main/simulators/shopee/shopee-auth.js';
import { DEFAULT_TIMINGS } from '../../../../main/simulators/shopee/shopee-context.js';
import { ShopeeReplies } from '../../../../main/simulators/shopee/shopee-replies.js';
import { advanceDue } from '../../../../main/simulators/shopee/status-advance.js';

const SHOP = DEMO_SHOPEE_SHOP_IDS.main;

function setup() {
  const clock = createManualClock();
  const catalog = new Catalog(clock.now, DEMO_SHOPEE_SHOPS);
  const store = new OrderStore(clock.now, seededRandom(3), catalog);
  const generator = new OrderGenerator({ ordersPerMinute: 0 }, catalog, store, seededRandom(4), clock.now());
  return { clock, catalog, store, generator };
}

const errorOf = (r: unknown) => (typeof r === 'object' && r !== null && 'text' in r ? JSON.parse(String((r as { text: string }).text)).error : undefined);

describe('token rotation', () => {
  const make = (lifetimes = {}) => {
    const clock = createManualClock();
    const auth = new ShopeeAuth([{ partnerId: 1, partnerKey: 'k' }], (id) => id === 7, lifetimes, clock.now, seededRandom(1), new ShopeeReplies(seededRandom(2)));
    return { clock, auth };
  };

  it('spends a code once and only within its 10 minutes', () => {
    const { clock, auth } = make();
    const code = auth.issueCode(1, 7);
    const pair = auth.exchangeCode(1, 7, code);
    expect('accessToken' in pair && pair.expireInS).toBe(14400);
    expect(errorOf(auth.exchangeCode(1, 7, code))).toBe('error_auth');
    const late = auth.issueCode(1, 7);
    clock.advance(10 * 60_000);
    expect(errorOf(auth.exchangeCode(1, 7, late))).toBe('error_auth');
  });

  it('refresh tokens work once and return a new pair; they die after 30 days', () => {
    const { clock, auth } = make();
    const first = auth.exchangeCode(1, 7, auth.issueCode(1, 7));
    if (!('refreshToken' in first)) throw new Error('no pair');
    const second = auth.refreshPair(1, 7, first.refreshToken);
    if (!('refreshToken' in second)) throw new Error('no pair');
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(errorOf(auth.refreshPair(1, 7, first.refreshToken))).toBe('error_auth');
    clock.advance(30 * 86400_000);
    expect(errorOf(auth.refreshPair(1, 7, second.refreshToken))).toBe('error_auth');
  });

  it('honours short lifetimes for tests', () => {
    const { auth } = make({ accessMs: 5_000 });
    const pair = auth.exchangeCode(1, 7, auth.issueCode(1, 7));
    expect('expireInS' in pair && pair.expireInS).toBe(5);
  });
});

describe('orders, statuses and stock', () => {
  it('takes stock on create, refuses without stock, gives it back on cancel before pickup', () => {
    const { catalog, store } = setup();
    const coffee = catalog.items(SHOP).find((i) => i.sku === 'CF-ROB-500')!;
    const model = coffee.models[0];
    const before = model.stock;
    const o = store.create({ shopId: SHOP, lines: [{ item: coffee, model, qty: 3 }], cod: true, recipient: demoRecipient(), buyerUsername: 'b' })!;
    expect(model.stock).toBe(before - 3);
    expect(o.status).toBe('READY_TO_SHIP');
    expect(o.packages[0].status).toBe('LOGISTICS_READY');
    const hat = catalog.items(SHOP).find((i) => i.sku === 'NL-HUE')!;
    expect(store.create({ shopId: SHOP, lines: [{ item: hat, model: hat.models[0], qty: 1 }], cod: true, recipient: demoRecipient(), buyerUsername: 'b' })).toBeUndefined();
    store.setStatus(o, 'CANCELLED', { cancelBy: 'seller', cancelReason: 'Out of Stock' });
    expect(model.stock).toBe(before);
    expect(o.packages[0].status).toBe('LOGISTICS_REQUEST_CANCELED');
  });

  it('moves with time: pay, pickup of arranged packages, delivery, completion', () => {
    const { clock, catalog, store } = setup();
    const coffee = catalog.items(SHOP).find((i) => i.sku === 'CF-ROB-500')!;
    const o = store.create({ shopId: SHOP, lines: [{ item: coffee, model: coffee.models[0], qty: 1 }], cod: false, recipient: demoRecipient(), buyerUsername: 'b' })!;
    expect(o.status).toBe('UNPAID');
    clock.advance(DEFAULT_TIMINGS.payAfterMs);
    advanceDue(store, DEFAULT_TIMINGS, clock.now());
    expect(o.status).toBe('READY_TO_SHIP');
    expect(o.payTime).toBe(clock.now());
    o.packages[0].arrangedAt = clock.now();
    o.packages[0].status = 'LOGISTICS_REQUEST_CREATED';
    store.settleFromPackages(o);
    expect(o.status).toBe('PROCESSED');
    clock.advance(DEFAULT_TIMINGS.pickupAfterMs);
    advanceDue(store, DEFAULT_TIMINGS, clock.now());
    expect(o.status).toBe('SHIPPED');
    expect(o.packages[0].status).toBe('LOGISTICS_PICKUP_DONE');
    clock.advance(DEFAULT_TIMINGS.deliverAfterMs);
    advanceDue(store, DEFAULT_TIMINGS, clock.now());
    expect(o.status).toBe('TO_CONFIRM_RECEIVE');
    clock.advance(DEFAULT_TIMINGS.completeAfterMs);
    advanceDue(store, DEFAULT_TIMINGS, clock.now());
    expect(o.status).toBe('COMPLETED');
  });

  it('a split order is PROCESSED only when every package is arranged', () => {
    const { catalog, store } = setup();
    const [a, b] = catalog.sellable(SHOP).filter((c) => c.model.stock > 1);
    const o = store.create({ shopId: SHOP, lines: [{ ...a, qty: 1 }, { ...b, qty: 1 }], cod: true, split: true, recipient: demoRecipient(), buyerUsername: 'b' })!;
    expect(o.packages).toHaveLength(2);
    expect(o.lines[0].promotionGroupId > 2n ** 53n).toBe(true);
    o.packages[0].status = 'LOGISTICS_REQUEST_CREATED';
    store.settleFromPackages(o);
    expect(o.status).toBe('READY_TO_SHIP');
    o.packages[1].status = 'LOGISTICS_REQUEST_CREATED';
    store.settleFromPackages(o);
    expect(o.status).toBe('PROCESSED');
  });

  it('IN_CANCEL remembers where to go back to', () => {
    const { catalog, store } = setup();
    const c = catalog.sellable(SHOP).find((x) => x.model.stock > 0)!;
    const o = store.create({ shopId: SHOP, lines: [{ ...c, qty: 1 }], cod: true, recipient: demoRecipient(), buyerUsername: 'b' })!;
    store.setStatus(o, 'IN_CANCEL');
    expect(o.beforeCancel).toBe('READY_TO_SHIP');
  });
});

describe('order generation', () => {
  it('places orders at the configured rate on the simulated clock, only for models with stock', () => {
    const { clock, catalog, store, generator } = setup();
    generator.set({ ordersPerMinute: 6 });
    clock.advance(10 * 60_000);
    const placed = generator.tick(clock.now());
    expect(placed.length).toBeGreaterThan(50);
    expect(placed.length).toBeLessThanOrEqual(60);
    for (const i of catalog.allItems()) for (const m of i.models) expect(m.stock).toBeGreaterThanOrEqual(0);
    expect(store.list().every((o) => o.lines.every((l) => l.modelSku !== 'NL-HUE'))).toBe(true);
  });

  it('a flash sale sends one-unit orders for the hot SKUs to every shop that lists them, until stock runs out', () => {
    const { clock, catalog, generator } = setup();
    const hot = generator.hotSkus();
    // By default the SKUs sold by the most shops: here the T-shirt models both shops list.
    expect(hot).toEqual(['AT-BASIC-TRANG-M', 'AT-BASIC-TRANG-L', 'AT-BASIC-DEN-M']);
    generator.set({ flashSale: { ordersPerMinute: 600, skus: ['CF-ROB-500'] } });
    clock.advance(60_000);
    const placed = generator.tick(clock.now());
    expect(placed.length).toBe(120);
    expect(new Set(placed.map((o) => o.shopId))).toEqual(new Set([DEMO_SHOPEE_SHOP_IDS.main, DEMO_SHOPEE_SHOP_IDS.outlet]));
    expect(placed.every((o) => o.flashSale && o.lines.length === 1 && o.lines[0].qty === 1)).toBe(true);
    const stock = catalog.allItems().filter((i) => i.sku === 'CF-ROB-500').map((i) => i.models[0].stock);
    expect(stock).toEqual([0, 0]);
  });
});
