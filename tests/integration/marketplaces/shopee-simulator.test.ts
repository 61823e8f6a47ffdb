import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeCore, type TestCore } from '../../fixtures/core.js';
import { DEMO_SHOPEE_PARTNER, DEMO_SHOPEE_SHOPS, DEMO_SHOPEE_SHOP_IDS, startShopeeSimulator, type ShopeeSimulatorHandle } from '../../../main/simulators/shopee/index.js';
import { getOrderDetail, walkOrderList } from '../../../main/connectors/marketplaces/shopee/shopee-orders.js';
import { getItemBaseInfo, getItemList, getModelList, updatePrice, updateStock } from '../../../main/connectors/marketplaces/shopee/shopee-products.js';
import { createShippingDocument, downloadShippingDocument, getShippingDocumentResult, getShippingParameter, getTrackingNumber, shipOrder } from '../../../main/connectors/marketplaces/shopee/shopee-logistics.js';
import { getShopInfo } from '../../../main/connectors/marketplaces/shopee/shopee-shop-info.js';
import { shopeeShopFor } from '../../../main/domain/marketplaces/shopee/shopee-account.js';

// The client (written from the spec) against the Shopee simulator (written apart from the same spec): the
// shop is connected through the loopback redirect listener, then a few calls and the token lifecycle.

describe('Shopee client against the simulator', () => {
  let sim: ShopeeSimulatorHandle;
  let t: TestCore;
  let accountId: number;
  beforeAll(async () => {
    sim = await startShopeeSimulator({ partners: [DEMO_SHOPEE_PARTNER], shops: DEMO_SHOPEE_SHOPS, tickEveryMs: 0, seed: 11 });
    t = await makeCore();
    const now = Date.now();
    accountId = Number(t.core.store.prepare(`INSERT INTO connector_accounts (provider, name, environment, base_url, settings_json, secrets_sealed, created_at, updated_at)
      VALUES ('shopee', 'Shopee sim', 'custom', ?, ?, ?, ?, ?)`).run(sim.url, JSON.stringify({ partnerId: String(sim.partnerId) }), t.core.secrets.seal(JSON.stringify({ partnerKey: sim.partnerKey })), now, now).lastInsertRowid);
  });
  afterAll(async () => {
    await t?.close();
    await sim?.close();
  });

  it('connects through the loopback redirect listener', async () => {
    const link = await call(t.admin, 'marketplaces.shopee.authLink', { accountId });
    const waiting = call(t.admin, 'marketplaces.shopee.awaitRedirect', { accountId });
    // The "browser" opens the link; the seller picks the shop and approves; Shopee redirects to the listener.
    const page = await fetch(link.url);
    const html = await page.text();
    expect(page.status, html).toBe(200);
    const approve = /href="([^"]*authorize[^"]*)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
    expect(approve, html).toBeTruthy();
    const back = await fetch(new URL(approve!, sim.url));
    expect(back.status, await back.clone().text()).toBe(200);
    const status = await waiting;
    expect(status).toMatchObject({ connected: true, needsReconnect: false });
    expect(Object.values(DEMO_SHOPEE_SHOP_IDS).map(String)).toContain(status.shopId);
  });

  it('reads the shop, orders (int64 ids as strings) and products', async () => {
    const shop = shopeeShopFor(t.core.store, t.core.secrets, accountId);
    // get_shop_info answers with its fields beside `error` (no `response` wrapper).
    expect(await getShopInfo(shop)).toMatchObject({ region: 'VN', status: 'NORMAL' });
    expect((await getShopInfo(shop)).shop_name).not.toBe('');
    sim.control.generateOrders(3, Number(shop.shopId));
    const to = Math.floor(sim.control.now() / 1000) + 60;
    const sns: string[] = [];
    for await (const page of walkOrderList(shop, { timeRangeField: 'update_time', timeFrom: to - 86_400, timeTo: to, pageSize: 2 })) sns.push(...page.order_list.map((o) => o.order_sn));
    expect(sns.length).toBeGreaterThanOrEqual(3);
    const details = await getOrderDetail(shop, sns);
    expect(details.length).toBe(new Set(sns).size);
    for (const d of details) for (const line of d.item_list ?? []) expect(typeof line.item_id).toBe('string');
    const items = await getItemList(shop, { pageSize: 10 });
    expect(items.item.length).toBeGreaterThan(0);
    const base = await getItemBaseInfo(shop, items.item.map((i) => i.item_id));
    expect(base.length).toBe(items.item.length);
    const withModels = base.find((b) => b.has_model);
    if (withModels) expect((await getModelList(shop, withModels.item_id)).model.length).toBeGreaterThan(0);
  });

  it('refreshes after Shopee expires the access token, and asks to reconnect when the refresh token is dead', async () => {
    const shop = shopeeShopFor(t.core.store, t.core.secrets, accountId);
    sim.control.expireAccessTokens();
    const infos = await Promise.all(Array.from({ length: 10 }, () => getItemList(shop, { pageSize: 1 })));
    expect(infos).toHaveLength(10);
    sim.control.expireAccessTokens();
    sim.control.expireRefreshTokens();
    await expect(getItemList(shop, { pageSize: 1 })).rejects.toMatchObject({ code: 'SHOPEE_RECONNECT_NEEDED' });
    expect(await call(t.admin, 'marketplaces.shopee.status', { accountId })).toMatchObject({ needsReconnect: true });
  });
});

describe('Shopee logistics and stock calls against the simulator', () => {
  let sim: ShopeeSimulatorHandle;
  let t: TestCore;
  let shop: ReturnType<typeof shopeeShopFor>;
  beforeAll(async () => {
    sim = await startShopeeSimulator({ partners: [DEMO_SHOPEE_PARTNER], shops: DEMO_SHOPEE_SHOPS, tickEveryMs: 0, seed: 5 });
    t = await makeCore();
    const now = Date.now();
    const accountId = Number(t.core.store.prepare(`INSERT INTO connector_accounts (provider, name, environment, base_url, settings_json, secrets_sealed, created_at, updated_at)
      VALUES ('shopee', 'Shopee sim 2', 'custom', ?, ?, ?, ?, ?)`).run(sim.url, JSON.stringify({ partnerId: String(sim.partnerId) }), t.core.secrets.seal(JSON.stringify({ partnerKey: sim.partnerKey })), now, now).lastInsertRowid);
    const shopId = DEMO_SHOPEE_SHOP_IDS.main;
    await call(t.admin, 'marketplaces.shopee.completeAuth', { accountId, redirectedUrl: `http://127.0.0.1/cb?code=${sim.control.issueAuthCode(shopId)}&shop_id=${shopId}` });
    shop = shopeeShopFor(t.core.store, t.core.secrets, accountId);
  });
  afterAll(async () => {
    await t?.close();
    await sim?.close();
  });

  it('arranges a shipment, reads its tracking number and downloads the AWB', async () => {
    const order = sim.control.createOrder({ shopId: DEMO_SHOPEE_SHOP_IDS.main });
    const [detail] = await getOrderDetail(shop, [order.order_sn]);
    const ref = { orderSn: detail!.order_sn, packageNumber: detail!.package_list?.[0]?.package_number };
    const params = await getShippingParameter(shop, ref);
    const address = params.pickup?.address_list[0];
    const method = address
      ? { pickup: { address_id: Number(address.address_id), pickup_time_id: address.time_slot_list[0]?.pickup_time_id } }
      : { dropoff: {} };
    await shipOrder(shop, ref, method);
    await expect(shipOrder(shop, ref, method)).rejects.toMatchObject({ kind: 'permanent', message: expect.stringContaining('package_already_shipped') });
    let tracking = '';
    for (let i = 0; i < 10 && !tracking; i++) {
      tracking = (await getTrackingNumber(shop, ref)).tracking_number;
      if (!tracking) sim.control.jumpClock(60_000);
    }
    expect(tracking).not.toBe('');
    const refs = [{ ...ref, trackingNumber: tracking }];
    await createShippingDocument(shop, refs);
    let status = '';
    for (let i = 0; i < 10 && status !== 'READY' && status !== 'FAILED'; i++) {
      status = (await getShippingDocumentResult(shop, refs)).result_list[0]?.status ?? '';
      if (status !== 'READY') {
        sim.control.jumpClock(5_000);
      }
    }
    expect(status).toBe('READY');
    const doc = await downloadShippingDocument(shop, refs);
    expect(doc.body.subarray(0, 4).toString('latin1')).toMatch(/%PDF|PK/);
  });

  it('updates stock and price and reports per-model failures', async () => {
    const items = await getItemList(shop, { pageSize: 5 });
    const [base] = await getItemBaseInfo(shop, [items.item[0]!.item_id]);
    const modelId = base!.has_model ? (await getModelList(shop, base!.item_id)).model[0]!.model_id : '0';
    const stock = await updateStock(shop, base!.item_id, [{ modelId, stock: 7 }]);
    expect(stock.failure_list).toEqual([]);
    expect(stock.success_list.length).toBe(1);
    const price = await updatePrice(shop, base!.item_id, [{ modelId, originalPrice: 123_000 }]);
    expect(price.failure_list).toEqual([]);
  });
});
