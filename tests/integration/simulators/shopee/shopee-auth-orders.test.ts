// The Shopee simulator over plain HTTP: the authorization flow through a loopback redirect listener,
// signature / timestamp / token checks, and the order APIs (15-day window, cursor paging, detail
// batches and optional fields, ids above 2^53 on the wire).

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../../../main/simulators/shared/clock.js';
import { DEMO_SHOPEE_PARTNER, DEMO_SHOPEE_SHOPS, DEMO_SHOPEE_SHOP_IDS, startShopeeSimulator, type ShopeeSimulatorHandle } from '../../../../main/simulators/shopee/index.js';
import { call, publicCall, rawNumbers, shopCall, signedUrl, type Creds, type ShopCreds } from './shopee-http.js';

const SHOP = DEMO_SHOPEE_SHOP_IDS.main;
const OUTLET = DEMO_SHOPEE_SHOP_IDS.outlet;
const clock = createManualClock(Date.UTC(2025, 6, 1, 1, 0, 0));
let sim: ShopeeSimulatorHandle;
let c: Creds;

async function tokensFor(shopId: number): Promise<{ shop: ShopCreds; refresh: string }> {
  const code = sim.control.issueAuthCode(shopId);
  const r = await publicCall(c, '/auth/token/get', { code, partner_id: c.partnerId, shop_id: shopId });
  expect(r.json.error).toBe('');
  return { shop: { accessToken: r.json.access_token, shopId }, refresh: r.json.refresh_token };
}

beforeAll(async () => {
  sim = await startShopeeSimulator({ clock: clock.now, partners: [DEMO_SHOPEE_PARTNER], shops: DEMO_SHOPEE_SHOPS, tickEveryMs: 0, seed: 7 });
  c = { url: sim.url, partnerId: sim.partnerId, partnerKey: sim.partnerKey, now: () => Math.floor(sim.control.now() / 1000) };
});
afterAll(() => sim.close());
afterEach(() => sim.control.reset());

describe('authorization', () => {
  it('auth link → page → authorize → loopback redirect with code and shop_id → token pair → refresh once', async () => {
    const seen: URL[] = [];
    const listener: Server = createServer((req, res) => {
      seen.push(new URL(req.url ?? '/', 'http://127.0.0.1'));
      res.end('ok');
    });
    await new Promise<void>((r) => listener.listen(0, '127.0.0.1', () => r()));
    const redirect = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/shopee/callback`;
    try {
      const page = await call(signedUrl(c, '/api/v2/shop/auth_partner', { redirect }));
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      const href = /id="authorize-14701711" href="([^"]+)"/.exec(page.text)![1].replace(/&amp;/g, '&');
      const approve = await call(new URL(href, sim.url).toString());
      expect(approve.status).toBe(302);
      await fetch(approve.headers.get('location')!);
      const got = seen[0];
      expect(got.pathname).toBe('/shopee/callback');
      expect(got.searchParams.get('shop_id')).toBe(String(SHOP));
      const code = got.searchParams.get('code')!;

      const tokens = await publicCall(c, '/auth/token/get', { code, partner_id: c.partnerId, shop_id: SHOP });
      expect(tokens.json).toMatchObject({ error: '', message: '', expire_in: 14400 });
      expect(tokens.json.response).toBeUndefined();
      expect(typeof tokens.json.request_id).toBe('string');
      const again = await publicCall(c, '/auth/token/get', { code, partner_id: c.partnerId, shop_id: SHOP });
      expect(again.json.error).toBe('error_auth');

      const refreshed = await publicCall(c, '/auth/access_token/get', { refresh_token: tokens.json.refresh_token, partner_id: c.partnerId, shop_id: SHOP });
      expect(refreshed.json).toMatchObject({ error: '', partner_id: c.partnerId, shop_id: SHOP, expire_in: 14400 });
      expect(refreshed.json.refresh_token).not.toBe(tokens.json.refresh_token);
      const reused = await publicCall(c, '/auth/access_token/get', { refresh_token: tokens.json.refresh_token, partner_id: c.partnerId, shop_id: SHOP });
      expect(reused.status).toBe(403);
      expect(reused.json.error).toBe('error_auth');

      const list = await shopCall(c, { accessToken: refreshed.json.access_token, shopId: SHOP }, '/product/get_item_list', { offset: 0, page_size: 10 });
      expect(list.json.error).toBe('');
    } finally {
      await new Promise<void>((r) => listener.close(() => r()));
    }
  });

  it('refuses a redirect-less or stale auth link', async () => {
    expect((await call(signedUrl(c, '/api/v2/shop/auth_partner'))).json.error).toBe('error_param');
    const stale = await call(signedUrl(c, '/api/v2/shop/auth_partner', { redirect: 'http://127.0.0.1:1/cb' }, undefined, { timestamp: c.now() - 301 }));
    expect(stale.json).toMatchObject({ error: 'error_param', message: 'Timestamp is expired.' });
  });
});

describe('request checks', () => {
  it('wrong sign, missing params, old timestamp, public sign on a shop call', async () => {
    const { shop } = await tokensFor(SHOP);
    const path = '/api/v2/product/get_item_list';
    const bad = await call(signedUrl(c, path, { page_size: 10 }, shop, { sign: 'ab'.repeat(32) }));
    expect(bad.status).toBe(403);
    expect(bad.json).toMatchObject({ error: 'error_sign', message: 'Wrong sign.' });
    const upper = new URL(signedUrl(c, path, { page_size: 10 }, shop));
    upper.searchParams.set('sign', upper.searchParams.get('sign')!.toUpperCase());
    expect((await call(upper.toString())).json.error).toBe('error_sign');
    const noToken = new URL(signedUrl(c, path, { page_size: 10 }, shop));
    noToken.searchParams.delete('access_token');
    expect((await call(noToken.toString())).json).toMatchObject({ error: 'error_param', message: 'There is no access_token in query.' });
    const old = await call(signedUrl(c, path, { page_size: 10 }, shop, { timestamp: c.now() - 301 }));
    expect(old.json).toMatchObject({ error: 'error_param', message: 'Timestamp is expired.' });
    expect((await call(signedUrl(c, path, { page_size: 10 }, shop, { timestamp: c.now() - 299 }))).json.error).toBe('');
    // Signed as a public call (no token, no shop), sent with them.
    const publicSigned = new URL(signedUrl(c, path, { page_size: 10 }));
    publicSigned.searchParams.set('access_token', shop.accessToken);
    publicSigned.searchParams.set('shop_id', String(SHOP));
    expect((await call(publicSigned.toString())).json.error).toBe('error_sign');
  });

  it('expired token, token of another shop, unknown shop, unknown partner', async () => {
    const { shop } = await tokensFor(SHOP);
    const { shop: outlet } = await tokensFor(OUTLET);
    const list = (s: ShopCreds) => shopCall(c, s, '/product/get_item_list', { page_size: 10 });
    expect((await list({ accessToken: outlet.accessToken, shopId: SHOP })).json).toMatchObject({ error: 'error_auth', message: 'Invalid access_token.' });
    expect((await list({ accessToken: shop.accessToken, shopId: 999 })).json).toMatchObject({ error: 'error_shop', message: 'shopid is invalid' });
    expect((await call(signedUrl({ ...c, partnerId: 42 }, '/api/v2/product/get_item_list', { page_size: 10 }, shop))).json.error).toBe('error_param');
    sim.control.jumpClock(4 * 3600_000);
    expect((await list(shop)).json).toMatchObject({ error: 'error_auth', message: 'Invalid access_token.' });
    sim.control.setTokenErrorStyle('invalid_acceess_token');
    expect((await list(outlet)).json.error).toBe('invalid_acceess_token');
  });
});

describe('orders', () => {
  const window = () => ({ time_range_field: 'create_time', time_from: c.now() - 86400, time_to: c.now() });

  it('refuses a window over 15 days or reversed, and page_size over 100', async () => {
    const { shop } = await tokensFor(SHOP);
    const now = c.now();
    const over = await shopCall(c, shop, '/order/get_order_list', { time_range_field: 'update_time', time_from: now - 15 * 86400 - 1, time_to: now, page_size: 10 });
    expect(over.json).toMatchObject({ error: 'order.order_list_invalid_time', message: 'Start time must be earlier than end time and diff in 15days.' });
    expect((await shopCall(c, shop, '/order/get_order_list', { time_range_field: 'update_time', time_from: now - 15 * 86400, time_to: now, page_size: 10 })).json.error).toBe('');
    expect((await shopCall(c, shop, '/order/get_order_list', { time_range_field: 'update_time', time_from: now, time_to: now - 10, page_size: 10 })).json.error).toBe('order.order_list_invalid_time');
    const big = await shopCall(c, shop, '/order/get_order_list', { ...window(), page_size: 101 });
    expect(big.json.error).toBe('error_param');
    expect(big.json.message).toMatch(/page_size must be 100 or less\.$/);
  });

  it('walks the cursor with a fixed window: every order once, more/next_cursor, status filter', async () => {
    const { shop } = await tokensFor(SHOP);
    const made = sim.control.generateOrders(25, SHOP).map((o) => o.order_sn);
    expect(made.length).toBe(25);
    const w = window();
    const seen: string[] = [];
    let cursor = '';
    let pages = 0;
    for (;;) {
      const r = await shopCall(c, shop, '/order/get_order_list', { ...w, page_size: 10, cursor, response_optional_fields: 'order_status' });
      expect(r.json.error).toBe('');
      pages++;
      seen.push(...r.json.response.order_list.map((o: { order_sn: string; order_status: string }) => o.order_sn));
      expect(r.json.response.order_list.every((o: { order_status?: string }) => typeof o.order_status === 'string')).toBe(true);
      if (!r.json.response.more) {
        expect(r.json.response.next_cursor).toBe('');
        break;
      }
      cursor = r.json.response.next_cursor;
    }
    expect(pages).toBe(3);
    expect(new Set(seen)).toEqual(new Set(made));
    const unpaid = sim.control.orders(SHOP).filter((o) => o.status === 'UNPAID').length;
    const filtered = await shopCall(c, shop, '/order/get_order_list', { ...w, page_size: 100, order_status: 'UNPAID' });
    expect(filtered.json.response.order_list).toHaveLength(unpaid);
    expect(filtered.json.response.order_list[0]?.order_status).toBeUndefined();
  });

  it('detail: 1–50 order_sn, optional fields only when asked, int64 ids exact on the wire', async () => {
    const { shop } = await tokensFor(SHOP);
    const tee = sim.control.items(SHOP).find((i) => i.item_sku === 'AT-BASIC')!;
    const o = sim.control.createOrder({ shopId: SHOP, lines: [{ itemId: tee.item_id, modelId: tee.models[0].model_id, qty: 2 }] });
    const bare = await shopCall(c, shop, '/order/get_order_detail', { order_sn_list: o.order_sn });
    const row = bare.json.response.order_list[0];
    expect(row).toMatchObject({ order_sn: o.order_sn, order_status: 'READY_TO_SHIP', currency: 'VND', cod: true });
    expect(row.item_list).toBeUndefined();
    expect(row.recipient_address).toBeUndefined();
    const full = await shopCall(c, shop, '/order/get_order_detail', {
      order_sn_list: o.order_sn,
      response_optional_fields: 'buyer_user_id,recipient_address,item_list,package_list,payment_method,total_amount,pay_time,cancel_reason',
    });
    const d = full.json.response.order_list[0];
    expect(d.item_list[0]).toMatchObject({ model_quantity_purchased: 2, model_sku: 'AT-BASIC-TRANG-M', model_discounted_price: 129000 });
    expect(d.total_amount).toBe(2 * 129000 + 16500);
    expect(d.payment_method).toBe('Cash on Delivery');
    expect(d.package_list[0].logistics_status).toBe('LOGISTICS_READY');
    expect(rawNumbers(full.text, 'item_id')).toContain('9007199254740993');
    expect(rawNumbers(full.text, 'model_id')).toContain(tee.models[0].model_id);
    expect(d.item_list[0].item_id).toBe(9007199254740992); // what JSON.parse makes of it: the pitfall
    const tooMany = Array.from({ length: 51 }, (_, i) => `X${i}`).join(',');
    expect((await shopCall(c, shop, '/order/get_order_detail', { order_sn_list: tooMany })).json.error).toBe('error_param');
  });

  it('shipment list, seller cancel gives stock back, buyer cancel request answered', async () => {
    const { shop } = await tokensFor(SHOP);
    const before = sim.control.items(SHOP).find((i) => i.item_sku === 'CF-ROB-500')!;
    const coffee = () => sim.control.items(SHOP).find((i) => i.item_sku === 'CF-ROB-500')!.models[0].stock;
    const stock0 = coffee();
    const a = sim.control.createOrder({ shopId: SHOP, lines: [{ itemId: before.item_id, qty: 4 }] });
    const b = sim.control.createOrder({ shopId: SHOP, lines: [{ itemId: before.item_id, qty: 1 }] });
    expect(coffee()).toBe(stock0 - 5);
    const list = await shopCall(c, shop, '/order/get_shipment_list', { page_size: 100 });
    expect(list.json.response.order_list.map((r: { order_sn: string }) => r.order_sn).sort()).toEqual([a.order_sn, b.order_sn].sort());
    const cancel = await shopCall(c, shop, '/order/cancel_order', {}, { order_sn: a.order_sn, cancel_reason: 'OUT_OF_STOCK', item_list: [{ item_id: 23000000101, model_id: 0 }] });
    expect(cancel.json.error).toBe('');
    expect(sim.control.order(a.order_sn)!.status).toBe('CANCELLED');
    expect(coffee()).toBe(stock0 - 1);
    sim.control.requestCancel(b.order_sn);
    const reject = await shopCall(c, shop, '/order/handle_buyer_cancellation', {}, { order_sn: b.order_sn, operation: 'REJECT' });
    expect(reject.json.error).toBe('');
    expect(sim.control.order(b.order_sn)!.status).toBe('READY_TO_SHIP');
  });
});
