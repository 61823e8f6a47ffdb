// The Shopee simulator over plain HTTP: products and stock, arranging shipment, tracking numbers that
// come later, air waybills, and the faults and rate limits a client must survive.

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../../../main/simulators/shared/clock.js';
import { DEMO_SHOPEE_PARTNER, DEMO_SHOPEE_SHOPS, DEMO_SHOPEE_SHOP_IDS, startShopeeSimulator, type ShopeeSimulatorHandle } from '../../../../main/simulators/shopee/index.js';
import { call, PNG_1PX, publicCall, rawNumbers, shopCall, signedUrl, uploadImage, type Creds, type ShopCreds } from './shopee-http.js';

const SHOP = DEMO_SHOPEE_SHOP_IDS.main;
const clock = createManualClock(Date.UTC(2025, 6, 1, 1, 0, 0));
let sim: ShopeeSimulatorHandle;
let c: Creds;
let shop: ShopCreds;

beforeAll(async () => {
  sim = await startShopeeSimulator({
    clock: clock.now, partners: [DEMO_SHOPEE_PARTNER], shops: DEMO_SHOPEE_SHOPS, tickEveryMs: 0, seed: 11,
    timings: { trackingAfterMs: 60_000, documentAfterMs: 5_000, pickupAfterMs: 3600_000 },
    rateLimits: { perMinute: 1000 },
  });
  c = { url: sim.url, partnerId: sim.partnerId, partnerKey: sim.partnerKey, now: () => Math.floor(sim.control.now() / 1000) };
});
afterAll(() => sim.close());
beforeEach(async () => {
  const code = sim.control.issueAuthCode(SHOP);
  const r = await publicCall(c, '/auth/token/get', { code, partner_id: c.partnerId, shop_id: SHOP });
  shop = { accessToken: r.json.access_token, shopId: SHOP };
});
afterEach(() => sim.control.reset());


const teeOf = () => sim.control.items(SHOP).find((i) => i.item_sku === 'AT-BASIC')!;

describe('products', () => {
  it('lists items with offset paging, base info and models with exact int64 ids', async () => {
    const p1 = await shopCall(c, shop, '/product/get_item_list', { offset: 0, page_size: 3, item_status: ['NORMAL'] });
    expect(p1.json.response).toMatchObject({ total_count: 4, has_next_page: true, next_offset: 3 });
    const p2 = await shopCall(c, shop, '/product/get_item_list', { offset: 3, page_size: 3, item_status: ['NORMAL'] });
    expect(p2.json.response).toMatchObject({ has_next_page: false });
    expect(rawNumbers(p1.text, 'item_id')).toContain('9007199254740993');
    const ids = [...rawNumbers(p1.text, 'item_id'), ...rawNumbers(p2.text, 'item_id')];
    const info = await shopCall(c, shop, '/product/get_item_base_info', { item_id_list: ids.join(',') });
    const coffee = info.json.response.item_list.find((i: { item_sku: string }) => i.item_sku === 'CF-ROB-500');
    expect(coffee.has_model).toBe(false);
    expect(coffee.price_info[0]).toMatchObject({ currency: 'VND', original_price: 165000 });
    const tee = info.json.response.item_list.find((i: { item_sku: string }) => i.item_sku === 'AT-BASIC');
    expect(tee.has_model).toBe(true);
    expect(tee.price_info).toBeUndefined();
    const models = await shopCall(c, shop, '/product/get_model_list', { item_id: '9007199254740993' });
    expect(models.json.response.tier_variation[0].name).toBe('Màu');
    expect(rawNumbers(models.text, 'model_id')).toEqual(teeOf().models.map((m) => m.model_id));
    const tooMany = Array.from({ length: 51 }, (_, i) => String(i + 1)).join(',');
    expect((await shopCall(c, shop, '/product/get_item_base_info', { item_id_list: tooMany })).json.error).toBe('error_param');
  });

  it('update_stock per model: absolute, not below reserved stock, success and failure lists', async () => {
    const tee = teeOf();
    const reservedModel = tee.models.find((m) => m.reserved > 0)!;
    // Sent as raw JSON so the ids above 2^53 reach the simulator intact.
    const raw = `{"item_id":${tee.item_id},"stock_list":[{"model_id":${tee.models[0].model_id},"seller_stock":[{"stock":7}]},{"model_id":${reservedModel.model_id},"seller_stock":[{"stock":2}]},{"model_id":123,"seller_stock":[{"stock":1}]}]}`;
    const r = await call(signedUrl(c, '/api/v2/product/update_stock', {}, shop), undefined, raw);
    expect(r.json.error).toBe('');
    expect(rawNumbers(r.text, 'model_id')[0]).toBe(tee.models[0].model_id);
    expect(r.json.response.failure_list.map((f: { failed_reason: string }) => f.failed_reason)).toEqual(['Stock should be larger than reserved stock', 'Model not found.']);
    const after = teeOf();
    expect(after.models[0].stock).toBe(7);
    expect(after.models.find((m) => m.model_id === reservedModel.model_id)!.stock).toBe(reservedModel.stock);
  });

  it('update_price is refused during a promotion; add_item checks mandatory attributes', async () => {
    const coffeeId = sim.control.items(SHOP).find((i) => i.item_sku === 'CF-ROB-500')!.item_id;
    const ok = await shopCall(c, shop, '/product/update_price', {}, { item_id: Number(coffeeId), price_list: [{ model_id: 0, original_price: 170000 }] });
    expect(ok.json.response.success_list).toEqual([{ model_id: 0, original_price: 170000 }]);
    sim.control.setPromotion(SHOP, coffeeId, true);
    const blocked = await shopCall(c, shop, '/product/update_price', {}, { item_id: Number(coffeeId), price_list: [{ model_id: 0, original_price: 1 }] });
    expect(blocked.json.error).toBe('error_cannot_update_price_in_promotion');

    const attrs = await shopCall(c, shop, '/product/get_attributes', { category_id: 100780 });
    const mandatory = attrs.json.response.attribute_list.filter((a: { is_mandatory: boolean }) => a.is_mandatory).map((a: { attribute_id: number }) => a.attribute_id);
    expect(mandatory).toEqual([100037, 100999]);
    const imageId = (await uploadImage(c, shop, PNG_1PX)).json.response.image_info.image_id;
    const item = {
      item_name: 'Cà phê hạt Arabica Cầu Đất 250g', description: 'Rang mộc, xay theo yêu cầu', original_price: 120000, weight: 0.3, category_id: 100780,
      image: { image_id_list: [imageId] }, logistic_info: [{ logistic_id: 50021, enabled: true }], seller_stock: [{ stock: 20 }],
      attribute_list: [{ attribute_id: 100037, attribute_value_list: [{ value_id: 0 }] }],
    };
    const missing = await shopCall(c, shop, '/product/add_item', {}, item);
    expect(missing.json.message).toContain('attribute_id 100999');
    const noName = await shopCall(c, shop, '/product/add_item', {}, { ...item, item_name: '' });
    expect(noName.json).toMatchObject({ error: 'error_param' });
    expect(noName.json.message).toContain('item_name');
    const added = await shopCall(c, shop, '/product/add_item', {}, { ...item, attribute_list: [...item.attribute_list, { attribute_id: 100999, attribute_value_list: [{ original_value_name: '12 tháng' }] }] });
    expect(added.json.error).toBe('');
    expect(sim.control.items(SHOP)).toHaveLength(5);
  });
});

describe('logistics', () => {
  it('parameters → ship_order → tracking number after a delay → AWB PDF → refused after pickup', async () => {
    const o = sim.control.createOrder({ shopId: SHOP });
    const params = await shopCall(c, shop, '/logistics/get_shipping_parameter', { order_sn: o.order_sn });
    const address = params.json.response.pickup.address_list[0];
    expect(params.json.response.info_needed.pickup).toEqual(['address_id', 'pickup_time_id']);
    const slot = address.time_slot_list[0].pickup_time_id;
    const ship = await shopCall(c, shop, '/logistics/ship_order', {}, { order_sn: o.order_sn, pickup: { address_id: address.address_id, pickup_time_id: slot } });
    expect(ship.json.error).toBe('');
    expect(sim.control.order(o.order_sn)!.status).toBe('PROCESSED');
    const twice = await shopCall(c, shop, '/logistics/ship_order', {}, { order_sn: o.order_sn, dropoff: {} });
    expect(twice.json.error).toBe('logistics.package_already_shipped');

    expect((await shopCall(c, shop, '/logistics/get_tracking_number', { order_sn: o.order_sn })).json.response.tracking_number).toBe('');
    const early = await shopCall(c, shop, '/logistics/create_shipping_document', {}, { order_list: [{ order_sn: o.order_sn }] });
    expect(early.json.response.result_list[0].fail_error).toBe('logistics.tracking_number_not_ready');
    sim.control.jumpClock(60_000);
    const tracking = (await shopCall(c, shop, '/logistics/get_tracking_number', { order_sn: o.order_sn })).json.response.tracking_number;
    expect(tracking).toMatch(/^SPXVN0\d{11}$/);

    const create = await shopCall(c, shop, '/logistics/create_shipping_document', {}, { order_list: [{ order_sn: o.order_sn, tracking_number: tracking, shipping_document_type: 'THERMAL_AIR_WAYBILL' }] });
    expect(create.json.response.result_list[0].fail_error).toBeUndefined();
    const result = () => shopCall(c, shop, '/logistics/get_shipping_document_result', {}, { order_list: [{ order_sn: o.order_sn }] });
    expect((await result()).json.response.result_list[0].status).toBe('PROCESSING');
    const notYet = await shopCall(c, shop, '/logistics/download_shipping_document', {}, { order_list: [{ order_sn: o.order_sn }] });
    expect(notYet.json.error).toBe('logistics.shipping_document_not_ready');
    sim.control.jumpClock(5_000);
    expect((await result()).json.response.result_list[0].status).toBe('READY');
    const res = await fetch(signedUrl(c, '/api/v2/logistics/download_shipping_document', {}, shop), { method: 'POST', body: JSON.stringify({ order_list: [{ order_sn: o.order_sn }] }) });
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer()).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf).toContain(tracking);

    sim.control.jumpClock(3600_000);
    expect(sim.control.order(o.order_sn)!.status).toBe('SHIPPED');
    const after = await shopCall(c, shop, '/logistics/download_shipping_document', {}, { order_list: [{ order_sn: o.order_sn }] });
    expect(after.json.error).toBe('logistics.package_can_not_print');
  });

  it('split orders need package_number; batch and mass ship report per order/package', async () => {
    const [a, b] = sim.control.items(SHOP).filter((i) => i.models[0].stock > 0);
    const split = sim.control.createOrder({ shopId: SHOP, lines: [{ itemId: a.item_id, modelId: a.models[0].model_id }, { itemId: b.item_id, modelId: b.models[0].model_id }], split: true });
    const single = sim.control.createOrder({ shopId: SHOP });
    expect(split.packages).toHaveLength(2);
    expect((await shopCall(c, shop, '/logistics/ship_order', {}, { order_sn: split.order_sn, dropoff: {} })).json.error).toBe('logistics.package_number_required');
    const batch = await shopCall(c, shop, '/logistics/batch_ship_order', {}, { order_list: [{ order_sn: split.order_sn, package_number: split.packages[0].package_number }, { order_sn: single.order_sn }, { order_sn: 'NOPE' }], dropoff: {} });
    expect(batch.json.response.result_list.map((r: { fail_error: string }) => r.fail_error)).toEqual(['', '', 'logistics.order_not_found']);
    expect(sim.control.order(split.order_sn)!.status).toBe('READY_TO_SHIP');
    const mass = await shopCall(c, shop, '/logistics/mass_ship_order', {}, { package_list: [{ package_number: split.packages[1].package_number }], dropoff: {} });
    expect(mass.json.response.success_list).toHaveLength(1);
    expect(sim.control.order(split.order_sn)!.status).toBe('PROCESSED');
    const detail = await shopCall(c, shop, '/order/get_order_detail', { order_sn_list: split.order_sn, response_optional_fields: 'package_list,item_list' });
    expect(detail.json.response.order_list[0].package_list.map((p: { logistics_status: string }) => p.logistics_status)).toEqual(['LOGISTICS_REQUEST_CREATED', 'LOGISTICS_REQUEST_CREATED']);
    expect(rawNumbers(detail.text, 'promotion_group_id')[0]).toBe('1051400341536827267');
  });
});

describe('faults and rate limits', () => {
  it('drops the connection after ship_order was applied (unknown outcome)', async () => {
    const o = sim.control.createOrder({ shopId: SHOP });
    sim.control.failNext('dropAfterCommit', 1, '/api/v2/logistics/ship_order');
    await expect(shopCall(c, shop, '/logistics/ship_order', {}, { order_sn: o.order_sn, dropoff: {} })).rejects.toThrow();
    expect(sim.control.order(o.order_sn)!.status).toBe('PROCESSED');
    expect((await shopCall(c, shop, '/logistics/ship_order', {}, { order_sn: o.order_sn, dropoff: {} })).json.error).toBe('logistics.package_already_shipped');
  });

  it('a lost refresh answer spends the refresh token', async () => {
    const code = sim.control.issueAuthCode(SHOP);
    const pair = (await publicCall(c, '/auth/token/get', { code, partner_id: c.partnerId, shop_id: SHOP })).json;
    sim.control.failNext('dropAfterCommit', 1, '/api/v2/auth/access_token/get');
    await expect(publicCall(c, '/auth/access_token/get', { refresh_token: pair.refresh_token, partner_id: c.partnerId, shop_id: SHOP })).rejects.toThrow();
    expect((await publicCall(c, '/auth/access_token/get', { refresh_token: pair.refresh_token, partner_id: c.partnerId, shop_id: SHOP })).json.error).toBe('error_auth');
  });

  it('injected 5xx, truncated JSON, error_rate_limit with Retry-After, and the per-minute limit', async () => {
    sim.control.failNext('serverError', 1);
    expect((await shopCall(c, shop, '/product/get_item_list', { page_size: 10 })).status).toBeGreaterThanOrEqual(500);
    sim.control.failNext('malformed', 1);
    const cut = await shopCall(c, shop, '/product/get_item_list', { page_size: 10 });
    expect(cut.status).toBe(200);
    expect(cut.json).toBeUndefined();
    sim.control.failNext('rateLimit', 1);
    const limited = await shopCall(c, shop, '/product/get_item_list', { page_size: 10 });
    expect(limited.status).toBe(429);
    expect(limited.json.error).toBe('error_rate_limit');
    expect(limited.headers.get('retry-after')).toBe('2');
    sim.control.setFaults({ latencyMs: 30 });
    const t0 = Date.now();
    await shopCall(c, shop, '/product/get_item_list', { page_size: 10 });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(25);
  });

  it('control over HTTP: create an order, jump the clock, read the request log', async () => {
    const created = await call(`${sim.url}/__control/create_order`, { shop_id: SHOP, cod: false });
    expect(created.json.status).toBe('UNPAID');
    await call(`${sim.url}/__control/jump_clock`, { ms: 10 * 60_000 });
    const got = await call(`${sim.url}/__control/order`, { order_sn: created.json.order_sn });
    expect(got.json.order.status).toBe('READY_TO_SHIP');
    const log = await call(`${sim.url}/__control/requests`);
    expect(log.json.requests.some((r: { path: string }) => r.path === '/api/v2/auth/token/get')).toBe(true);
    const bad = await call(`${sim.url}/__control/advance`, { order_sn: 'NOPE' });
    expect(bad.status).toBe(400);
  });
});
