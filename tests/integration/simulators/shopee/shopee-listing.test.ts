// Listing a product on the Shopee simulator over plain HTTP, from the wire contract: the shop's info
// and channels, an image uploaded as multipart, add_item's field checks, init_tier_variation, and the
// listed product's models coming back through the product calls and as a buyer's order.

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../../../main/simulators/shared/clock.js';
import { DEMO_SHOPEE_PARTNER, DEMO_SHOPEE_SHOPS, DEMO_SHOPEE_SHOP_IDS, startShopeeSimulator, type ShopeeSimulatorHandle } from '../../../../main/simulators/shopee/index.js';
import { call, JPEG_HEAD, PNG_1PX, publicCall, rawNumbers, shopCall, signedUrl, uploadImage, type Creds, type ShopCreds } from './shopee-http.js';

const SHOP = DEMO_SHOPEE_SHOP_IDS.main;
const OUTLET = DEMO_SHOPEE_SHOP_IDS.outlet;
const START = Date.UTC(2025, 6, 1, 1, 0, 0);
const clock = createManualClock(START);
let sim: ShopeeSimulatorHandle;
let c: Creds;
let shop: ShopCreds;

async function connect(shopId: number): Promise<ShopCreds> {
  const code = sim.control.issueAuthCode(shopId);
  const r = await publicCall(c, '/auth/token/get', { code, partner_id: c.partnerId, shop_id: shopId });
  return { accessToken: r.json.access_token, shopId };
}

beforeAll(async () => {
  sim = await startShopeeSimulator({ clock: clock.now, partners: [DEMO_SHOPEE_PARTNER], shops: DEMO_SHOPEE_SHOPS, tickEveryMs: 0, seed: 5 });
  c = { url: sim.url, partnerId: sim.partnerId, partnerKey: sim.partnerKey, now: () => Math.floor(sim.control.now() / 1000) };
});
afterAll(() => sim.close());
beforeEach(async () => {
  shop = await connect(SHOP);
});
afterEach(() => sim.control.reset());

const imageOf = async (bytes: Uint8Array = PNG_1PX) => (await uploadImage(c, shop, bytes)).json.response.image_info.image_id as string;

/** A coffee listing valid in every field but the ones a test changes. */
const coffee = (imageId: string, over: Record<string, unknown> = {}) => ({
  item_name: 'Cà phê hạt Arabica Cầu Đất 250g', description: 'Rang mộc, xay theo yêu cầu', original_price: 120000, weight: 0.3, item_status: 'NORMAL',
  category_id: 100780, image: { image_id_list: [imageId] }, logistic_info: [{ logistic_id: 50021, enabled: true }], seller_stock: [{ stock: 20 }],
  attribute_list: [{ attribute_id: 100037, attribute_value_list: [{ value_id: 0 }] }, { attribute_id: 100999, attribute_value_list: [{ value_id: 0, original_value_name: '12', value_unit: 'tháng' }] }],
  ...over,
});

describe('shop info and channels', () => {
  it('get_shop_info answers the authorised shop at the top level; a bad sign or another shop token is refused', async () => {
    clock.advance(60_000);
    const info = await shopCall(c, shop, '/shop/get_shop_info');
    expect(info.status).toBe(200);
    expect(info.json).toMatchObject({ error: '', shop_name: 'Packdesk Home Official', region: 'VN', status: 'NORMAL', is_cb: false, auth_time: START / 1000 });
    expect(info.json.response).toBeUndefined();
    expect(info.json.expire_time).toBeGreaterThan(info.json.auth_time + 300 * 86400);
    const outlet = await connect(OUTLET);
    expect((await shopCall(c, outlet, '/shop/get_shop_info')).json.shop_name).toBe('Packdesk Outlet');

    const badSign = await call(signedUrl(c, '/api/v2/shop/get_shop_info', {}, shop, { sign: 'f'.repeat(64) }));
    expect(badSign.json.error).toBe('error_sign');
    const wrongShop = await call(signedUrl(c, '/api/v2/shop/get_shop_info', {}, { ...shop, shopId: OUTLET }));
    expect(wrongShop.json.error).toBe('error_auth');
  });

  it('get_channel_list: enabled and disabled channels with weight limits and sizes', async () => {
    const r = await shopCall(c, shop, '/logistics/get_channel_list');
    const list = r.json.response.logistics_channel_list as { logistics_channel_id: number; logistics_channel_name: string; enabled: boolean; weight_limit: { item_max_weight: number }; item_max_dimension: { unit: string } }[];
    expect(list.map((l) => l.logistics_channel_name)).toEqual(expect.arrayContaining(['SPX Express', 'Giao Hàng Nhanh', 'Viettel Post', 'J&T Express', 'Hỏa Tốc']));
    expect(list.some((l) => l.enabled) && list.some((l) => !l.enabled)).toBe(true);
    expect(list.find((l) => l.logistics_channel_id === 50021)).toMatchObject({ enabled: true, cod_enabled: true, weight_limit: { item_max_weight: 30 }, item_max_dimension: { unit: 'cm' } });
  });
});

describe('upload_image', () => {
  it('stores a PNG or JPEG per shop and serves it back at its URL', async () => {
    const r = await uploadImage(c, shop, PNG_1PX, { scene: 'normal' });
    expect(r.json.error).toBe('');
    const info = r.json.response.image_info;
    expect(info.image_id).toMatch(/^vn-11134207-[0-9a-f]+$/);
    expect(info.image_url_list[0].image_url_region).toBe('VN');
    const served = await fetch(info.image_url_list[0].image_url);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG_1PX)).toBe(true);
    const jpeg = await uploadImage(c, shop, JPEG_HEAD, { type: 'application/octet-stream' });
    expect((await fetch(jpeg.json.response.image_info.image_url_list[0].image_url)).headers.get('content-type')).toBe('image/jpeg');
    expect((await fetch(`${sim.url}/file/vn-11134207-nope`)).status).toBe(404);
  });

  it('refuses a bad sign, a non-image, an image over 10 MB, a missing part and a body that is not multipart', async () => {
    expect((await uploadImage(c, shop, PNG_1PX, { sign: '0'.repeat(64) })).json.error).toBe('error_sign');
    const text = await uploadImage(c, shop, Buffer.from('GIF89a not a product photo'), { type: 'image/png' });
    expect(text.json).toMatchObject({ error: 'error_param' });
    expect(text.json.message).toMatch(/\bimage\b/);
    const big = Buffer.concat([PNG_1PX, Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await uploadImage(c, shop, big);
    expect(tooBig.json.error).toBe('error_param');
    expect(tooBig.json.message).toContain('image is too large');
    // The request log keeps the upload's size, not megabytes of binary.
    const logged = sim.control.requests().filter((r) => r.path === '/api/v2/media_space/upload_image').map((r) => r.body);
    expect(logged.at(-1)).toMatch(/^<multipart\/form-data, 1048\d{4} bytes>$/);
    const wrongField = await uploadImage(c, shop, PNG_1PX, { field: 'file' });
    expect(wrongField.json.message).toBe('Wrong parameters, detail: image is required.');
    const json = await shopCall(c, shop, '/media_space/upload_image', {}, { image: 'aGVsbG8=' });
    expect(json.json.error).toBe('error_param');
    expect(json.json.message).toMatch(/\bimage\b/);
    expect((await uploadImage(c, shop, PNG_1PX, { scene: 'banner' })).json.message).toContain('scene');
  });

  it('the injected faults reach the upload too', async () => {
    sim.control.failNext('serverError', 1, '/api/v2/media_space/upload_image');
    expect((await uploadImage(c, shop, PNG_1PX)).status).toBeGreaterThanOrEqual(500);
    sim.control.failNext('rateLimit', 1, '/api/v2/shop/get_shop_info');
    expect((await shopCall(c, shop, '/shop/get_shop_info')).status).toBe(429);
    expect((await uploadImage(c, shop, PNG_1PX)).json.error).toBe('');
  });
});

describe('add_item', () => {
  it('names the wrong field: image, logistic_info, weight, attributes by input type', async () => {
    const img = await imageOf();
    const add = (over: Record<string, unknown>) => shopCall(c, shop, '/product/add_item', {}, coffee(img, over));
    const msg = async (over: Record<string, unknown>) => (await add(over)).json.message as string;

    const unknown = await add({ image: { image_id_list: [img, 'vn-11134207-unknown'] } });
    expect(unknown.json.error).toBe('error_param');
    expect(unknown.json.message).toContain('image image_id vn-11134207-unknown');
    // Another shop's upload is not this shop's image.
    const outlet = await connect(OUTLET);
    const foreign = (await uploadImage(c, outlet, PNG_1PX)).json.response.image_info.image_id;
    expect(await msg({ image: { image_id_list: [foreign] } })).toContain(`image_id ${foreign}`);

    expect(await msg({ logistic_info: [{ logistic_id: 50010, enabled: true }] })).toBe('Wrong parameters, detail: logistic_info logistic_id 50010 is not enabled for this shop.');
    expect(await msg({ logistic_info: [{ logistic_id: 99999, enabled: true }] })).toContain('logistic_info');
    expect(await msg({ logistic_info: [{ logistic_id: 50021, enabled: false }] })).toContain('logistic_info');
    expect(await msg({ weight: 18, logistic_info: [{ logistic_id: 50021, enabled: true }, { logistic_id: 50018, enabled: true }] })).toMatch(/^Wrong parameters, detail: weight 18 kg .*J&T Express/);
    expect(await msg({ dimension: { package_height: 90, package_width: 10, package_length: 10 }, logistic_info: [{ logistic_id: 50011, enabled: true }] })).toContain('dimension');
    expect(await msg({ original_price: 120000.5 })).toContain('original_price');
    expect(await msg({ item_name: 'x'.repeat(121) })).toContain('item_name');

    const tee = (attrs: unknown[]) => msg({ category_id: 100351, attribute_list: [{ attribute_id: 100037, attribute_value_list: [{ value_id: 1146 }] }, { attribute_id: 100134, attribute_value_list: [{ value_id: 2210 }] }, ...attrs] });
    expect(await tee([{ attribute_id: 100064, attribute_value_list: [{ value_id: 9 }] }])).toBe('Attribute [Phong cách] (attribute_id 100064) value is invalid.');
    expect(await tee([{ attribute_id: 100088, attribute_value_list: [{ value_id: 4401 }, { value_id: 4401 }] }])).toContain('attribute_id 100088');
    expect(await tee([{ attribute_id: 100010, attribute_value_list: [{ value_id: 0, original_value_name: ' ' }] }])).toContain('attribute_id 100010');
    expect(await tee([{ attribute_id: 100123, attribute_value_list: [{ value_id: 1 }] }])).toContain('attribute_id 100123');
    const dropDownTwice = await shopCall(c, shop, '/product/add_item', {}, coffee(img, { category_id: 100351, attribute_list: [{ attribute_id: 100037, attribute_value_list: [{ value_id: 0 }, { value_id: 1146 }] }] }));
    expect(dropDownTwice.json.message).toBe('Attribute [Thương hiệu] (attribute_id 100037) accepts only one value.');
    const mandatory = await shopCall(c, shop, '/product/add_item', {}, coffee(img, { category_id: 100351, attribute_list: [{ attribute_id: 100037, attribute_value_list: [{ value_id: 0 }] }] }));
    expect(mandatory.json).toMatchObject({ error: 'product.error_attribute_mandatory', message: 'Attribute [Chất liệu] (attribute_id 100134) is mandatory.' });
    expect(sim.control.items(SHOP)).toHaveLength(4);

    const ok = await shopCall(c, shop, '/product/add_item', {}, coffee(img, {
      category_id: 100351, weight: 0.25, logistic_info: [{ logistic_id: 50021, enabled: true }, { logistic_id: 50011, enabled: true, is_free: true }],
      attribute_list: [
        { attribute_id: 100037, attribute_value_list: [{ value_id: 1146 }] },
        { attribute_id: 100134, attribute_value_list: [{ value_id: 2210 }] },
        { attribute_id: 100064, attribute_value_list: [{ value_id: 0, original_value_name: 'Tối giản' }] },
        { attribute_id: 100088, attribute_value_list: [{ value_id: 4401 }, { value_id: 4403 }] },
      ],
    }));
    expect(ok.json.error).toBe('');
    const [itemId] = rawNumbers(ok.text, 'item_id');
    const info = (await shopCall(c, shop, '/product/get_item_base_info', { item_id_list: itemId })).json.response.item_list[0];
    expect(info.image.image_id_list).toEqual([img]);
    expect(info.logistic_info.map((l: { logistic_id: number; is_free: boolean }) => [l.logistic_id, l.is_free])).toEqual([[50021, false], [50011, true]]);
    const byId = (id: number) => info.attribute_list.find((a: { attribute_id: number }) => a.attribute_id === id).attribute_value_list;
    expect(byId(100064)).toEqual([{ value_id: 0, original_value_name: 'Tối giản', value_unit: '' }]);
    expect(byId(100088).map((v: { value_id: number }) => v.value_id)).toEqual([4401, 4403]);
  });
});

describe('init_tier_variation', () => {
  const tiers = [
    { name: 'Màu', option_list: [{ option: 'Đỏ' }, { option: 'Xanh' }] },
    { name: 'Size', option_list: [{ option: 'M' }, { option: 'L' }] },
  ];
  const models = (price = (i: number, j: number) => 150000 + 10000 * i + 5000 * j) =>
    [0, 1].flatMap((i) => [0, 1].map((j) => ({ tier_index: [i, j], original_price: price(i, j), model_sku: `AT-${i}${j}`, seller_stock: [{ stock: 3 + i + j }] })));

  async function listTee(): Promise<string> {
    const img = await imageOf();
    const r = await shopCall(c, shop, '/product/add_item', {}, coffee(img, {
      item_name: 'Áo thun linen cổ tròn', category_id: 100351, item_sku: 'AT-LINEN',
      attribute_list: [{ attribute_id: 100037, attribute_value_list: [{ value_id: 1146 }] }, { attribute_id: 100134, attribute_value_list: [{ value_id: 2211 }] }],
    }));
    expect(r.json.error).toBe('');
    return rawNumbers(r.text, 'item_id')[0];
  }
  /** Sent as raw JSON: the item id may be above 2^53. */
  const init = (itemId: string, body: Record<string, unknown>) =>
    call(signedUrl(c, '/api/v2/product/init_tier_variation', {}, shop), undefined, `{"item_id":${itemId},${JSON.stringify(body).slice(1)}`);

  it('refuses duplicate options, missing or repeated combinations, a price spread over 5× and bad stock, changing nothing', async () => {
    const itemId = await listTee();
    const dup = await init(itemId, { tier_variation: [{ name: 'Màu', option_list: [{ option: 'Đỏ' }, { option: 'đỏ ' }] }], model: [] });
    expect(dup.json).toMatchObject({ error: 'error_param' });
    expect(dup.json.message).toContain('tier_variation[0].option_list option "đỏ" is duplicated');
    expect((await init(itemId, { tier_variation: [{ name: 'Màu', option_list: [{ option: '' }] }], model: [] })).json.message).toContain('tier_variation');
    expect((await init(itemId, { tier_variation: [...tiers, tiers[0]], model: models() })).json.message).toContain('tier_variation should contain 1-2 tiers');
    const missing = await init(itemId, { tier_variation: tiers, model: models().slice(0, 3) });
    expect(missing.json.message).toBe('Wrong parameters, detail: model tier_index [1,1] is missing, every combination of tier options needs one model.');
    expect((await init(itemId, { tier_variation: tiers, model: [...models(), models()[0]] })).json.message).toContain('model tier_index [0,0] is duplicated');
    expect((await init(itemId, { tier_variation: tiers, model: [...models().slice(0, 3), { ...models()[3], tier_index: [1, 2] }] })).json.message).toContain('model tier_index [1,2] is invalid');
    const ratio = await init(itemId, { tier_variation: tiers, model: models((i, j) => (i + j === 2 ? 600000 : 100000)) });
    expect(ratio.json.message).toMatch(/^Wrong parameters, detail: model price ratio .* 6\.00, it cannot exceed 5\.$/);
    expect((await init(itemId, { tier_variation: tiers, model: models((i) => 100000 + i * 0.5) })).json.message).toContain('original_price');
    expect((await init(itemId, { tier_variation: tiers, model: models().map((m) => ({ ...m, seller_stock: [{ stock: -1 }] })) })).json.message).toContain('seller_stock');
    expect((await init(itemId, { tier_variation: [{ name: 'Màu', option_list: [{ option: 'Đỏ', image: { image_id: 'vn-11134207-x' } }] }], model: [{ tier_index: [0], original_price: 1000, seller_stock: [{ stock: 1 }] }] })).json.message).toContain('image_id vn-11134207-x');
    expect((await init('1', { tier_variation: tiers, model: models() })).json.error).toBe('error_item_not_found');
    const item = sim.control.items(SHOP).find((i) => i.item_id === itemId)!;
    expect(item.has_model).toBe(false);
    expect(item.models.map((m) => m.model_id)).toEqual(['0']);
  });

  it('creates int64 models the product calls, stock and price updates and buyers all see', async () => {
    const itemId = await listTee();
    const swatch = await imageOf(JPEG_HEAD);
    const withImage = [{ ...tiers[0], option_list: [{ option: 'Đỏ', image: { image_id: swatch } }, { option: 'Xanh' }] }, tiers[1]];
    const r = await init(itemId, { tier_variation: withImage, model: models() });
    expect(r.json.error).toBe('');
    const ids = rawNumbers(r.text, 'model_id');
    expect(ids).toHaveLength(4);
    expect(ids.some((id) => BigInt(id) > 2n ** 53n)).toBe(true);
    expect(r.json.response.model.map((m: { tier_index: number[]; model_sku: string }) => [m.tier_index, m.model_sku])).toEqual([[[0, 0], 'AT-00'], [[0, 1], 'AT-01'], [[1, 0], 'AT-10'], [[1, 1], 'AT-11']]);
    expect((await init(itemId, { tier_variation: tiers, model: models() })).json.message).toContain('tier_variation already exists');

    const list = await shopCall(c, shop, '/product/get_model_list', { item_id: itemId });
    expect(rawNumbers(list.text, 'model_id')).toEqual(ids);
    expect(list.json.response.tier_variation[0].option_list[0]).toMatchObject({ option: 'Đỏ', image: { image_id: swatch } });
    expect(list.json.response.model.map((m: { model_name: string }) => m.model_name)).toEqual(['Đỏ,M', 'Đỏ,L', 'Xanh,M', 'Xanh,L']);
    const base = (await shopCall(c, shop, '/product/get_item_base_info', { item_id_list: itemId })).json.response.item_list[0];
    expect(base).toMatchObject({ has_model: true });
    expect(base.price_info).toBeUndefined();

    const stock = await call(signedUrl(c, '/api/v2/product/update_stock', {}, shop), undefined, `{"item_id":${itemId},"stock_list":[{"model_id":${ids[3]},"seller_stock":[{"stock":9}]}]}`);
    expect(stock.json.response.failure_list).toEqual([]);
    const price = await call(signedUrl(c, '/api/v2/product/update_price', {}, shop), undefined, `{"item_id":${itemId},"price_list":[{"model_id":${ids[0]},"original_price":149000}]}`);
    expect(price.json.response.failure_list).toEqual([]);
    const after = sim.control.items(SHOP).find((i) => i.item_id === itemId)!;
    expect(after.models.map((m) => [m.model_id, m.stock, m.price])).toEqual([[ids[0], 3, 149000], [ids[1], 4, 155000], [ids[2], 4, 160000], [ids[3], 9, 165000]]);

    // Only the new item has stock left: the order generator can only sell it.
    for (const i of sim.control.items(SHOP)) for (const m of i.models) if (i.item_id !== itemId) sim.control.setStock(SHOP, i.item_id, m.model_id, 0);
    const [order] = sim.control.generateOrders(1, SHOP);
    expect(order.lines.every((l) => l.item_id === itemId && ids.includes(l.model_id))).toBe(true);
    const detail = await shopCall(c, shop, '/order/get_order_detail', { order_sn_list: order.order_sn, response_optional_fields: 'item_list' });
    expect(rawNumbers(detail.text, 'item_id')).toContain(itemId);
    expect(rawNumbers(detail.text, 'model_id').every((id) => ids.includes(id))).toBe(true);
  });
});
