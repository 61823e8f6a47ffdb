// The GHN simulator over plain HTTP: auth, master data, the create rules and idempotency, cancel,
// labels, scripted statuses and the webhook. Faults are in ghn-simulator-faults.test.ts.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../../main/simulators/shared/clock.js';
import { startGhnSimulator, type GhnControl } from '../../../main/simulators/ghn/ghn-simulator.js';
import { send, startReceiver, type Receiver } from './sim-http.js';

const TOKEN = 'test-token-1';
const SHOP = 885;
const clock = createManualClock();
let sim: Awaited<ReturnType<typeof startGhnSimulator>>;
let control: GhnControl;
let hooks: Receiver;

const api = (path: string, body?: unknown, headers: Record<string, string> = { Token: TOKEN, ShopId: String(SHOP) }) =>
  send(`${sim.url}/shiip/public-api${path}`, { body, headers });

/** A valid create body to the leading-zero ward (Phường Gia Viên, Hải Phòng). */
const order = (extra: Record<string, unknown> = {}) => ({
  payment_type_id: 2,
  required_note: 'CHOXEMHANGKHONGTHU',
  service_type_id: 2,
  to_name: 'Nguyễn Thị Lan',
  to_phone: '0912345678',
  to_address: '9 Lạch Tray',
  to_ward_code: '030712',
  to_district_id: 1588,
  weight: 800,
  length: 20,
  width: 15,
  height: 10,
  cod_amount: 350_000,
  content: 'Áo thun x2',
  ...extra,
});

beforeAll(async () => {
  hooks = await startReceiver();
  sim = await startGhnSimulator({ tokens: [TOKEN], shops: [SHOP], clock: clock.now, webhook: { url: hooks.url, retryDelayMs: 10 } });
  control = sim.control;
});
afterAll(async () => {
  await sim.close();
  await hooks.close();
});
afterEach(async () => {
  await control.webhooksIdle();
  control.reset();
  hooks.received.length = 0;
});

describe('auth', () => {
  it('refuses a missing or unknown token with 401 "Token is not valid"', async () => {
    for (const headers of [{}, { Token: 'nope' }] as Record<string, string>[]) {
      const r = await api('/master-data/province', undefined, headers);
      expect(r.status).toBe(401);
      expect(r.json).toEqual({ code: 401, message: 'Token is not valid', data: null });
    }
  });

  it('reads the Token header case-insensitively', async () => {
    expect((await api('/master-data/province', undefined, { token: TOKEN })).status).toBe(200);
  });

  it('refuses an unknown or missing ShopId with 400 SHOP_NOT_FOUND', async () => {
    for (const headers of [{ Token: TOKEN, ShopId: '999' }, { Token: TOKEN }, { Token: TOKEN, shop_id: String(SHOP) }] as Record<string, string>[]) {
      const r = await api('/v2/shipping-order/create', order(), headers);
      expect(r.status).toBe(400);
      expect(r.json).toMatchObject({ code: 400, data: null, code_message: 'SHOP_NOT_FOUND' });
    }
    expect(control.orders()).toHaveLength(0);
  });

  it('answers available-services with a wrong shop_id by HTTP 200 and an empty body', async () => {
    const bad = await api('/v2/shipping-order/available-services', { shop_id: 999, from_district: 1442, to_district: 1588 });
    expect(bad.status).toBe(200);
    expect(bad.text).toBe('');
    expect(() => JSON.parse(bad.text)).toThrow();
    const good = await api('/v2/shipping-order/available-services', { shop_id: SHOP, from_district: 1442, to_district: 1588 });
    expect(good.json.data.map((s: { service_type_id: number }) => s.service_type_id)).toEqual([2, 5]);
  });
});

describe('master data', () => {
  it('serves legacy units in PascalCase, WardCode as a string with a leading zero, and a locked ward', async () => {
    const provinces = (await api('/master-data/province')).json.data;
    expect(provinces.map((p: { ProvinceID: number }) => p.ProvinceID)).toEqual(expect.arrayContaining([201, 202]));
    const viaGet = await send(`${sim.url}/shiip/public-api/master-data/district?province_id=202`, { headers: { Token: TOKEN } });
    expect(viaGet.json.data.find((d: { DistrictID: number }) => d.DistrictID === 1442)).toMatchObject({ DistrictName: 'Quận 1', SupportType: 3 });
    const wards = (await api('/master-data/ward', { district_id: 1588 })).json.data;
    expect(wards.find((w: { WardName: string }) => w.WardName === 'Phường Gia Viên').WardCode).toBe('030712');
    const q1 = (await send(`${sim.url}/shiip/public-api/master-data/ward?district_id=1442`, { headers: { Token: TOKEN } })).json.data;
    expect(q1.find((w: { WardCode: string }) => w.WardCode === '20109').WardName).toBe('Phường Bến Thành');
    expect(q1.some((w: { Status: number }) => w.Status === 2)).toBe(true);
    expect((await api('/master-data/district', { province_id: '202' })).status).toBe(400);
    expect((await api('/master-data/district', { province_id: 9999 })).json.code).toBe(404);
  });

  it('serves v3 provinces and wards with 7-digit ids and caps limit at 200', async () => {
    const provinces = await send(`${sim.url}/shiip/public-api/v3/master-data/province/all?offset=0&limit=200`, { headers: { Token: TOKEN } });
    expect(provinces.json.data.slice(0, 2)).toMatchObject([
      { _id: 1000000, name: 'Hà Nội' },
      { _id: 1000001, name: 'Hồ Chí Minh' },
    ]);
    expect((await send(`${sim.url}/shiip/public-api/v3/master-data/province/all?limit=201`, { headers: { Token: TOKEN } })).status).toBe(400);
    const wards = await send(`${sim.url}/shiip/public-api/v3/master-data/ward/all-by-province-id?province_id=1000001`, { headers: { Token: TOKEN } });
    const benThanh = wards.json.data.find((w: { name: string }) => w.name === 'Phường Bến Thành');
    expect(Object.keys(benThanh).sort()).toEqual(['_id', 'extension_names', 'name', 'parent_id', 'status']);
    expect(benThanh).toMatchObject({ parent_id: 1000001, status: 1 });
  });
});

describe('create', () => {
  const rejected: [string, Record<string, unknown>][] = [
    ['payment_type_id 3', { payment_type_id: 3 }],
    ['an unknown required_note', { required_note: 'CHO_THU' }],
    ['retired service_type_id 1', { service_type_id: 1 }],
    ['retired service_type_id 3', { service_type_id: 3 }],
    ['weight 0', { weight: 0 }],
    ['weight 50,001 g', { weight: 50_001 }],
    ['a side of 201 cm', { height: 201 }],
    ['cod_amount 50,000,001', { cod_amount: 50_000_001 }],
    ['insurance_value 5,000,001', { insurance_value: 5_000_001 }],
    ['content of 2001 characters', { content: 'ă'.repeat(2001) }],
    ['client_order_code of 51 characters', { client_order_code: 'X'.repeat(51) }],
    ['service 5 without items', { service_type_id: 5 }],
    ['no to_name', { to_name: '' }],
    ['no to_phone', { to_phone: undefined }],
    ['an invalid to_phone', { to_phone: '09335656565' }],
    ['no to_address', { to_address: ' ' }],
    ['a numeric to_ward_code', { to_ward_code: 30712 }],
    ['the leading zero dropped', { to_ward_code: '30712' }],
    ['weight as a string', { weight: '800' }],
  ];
  it.each(rejected)('refuses %s with a GHN error body', async (_name, change) => {
    const r = await api('/v2/shipping-order/create', order(change));
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ code: 400, data: null, code_message: 'USER_ERR_COMMON' });
    expect(typeof r.json.message).toBe('string');
    expect(control.orders()).toHaveLength(0);
  });

  it('accepts every limit at its edge', async () => {
    const edge = { weight: 50_000, length: 200, width: 200, height: 200, cod_amount: 50_000_000, insurance_value: 5_000_000, content: 'ư'.repeat(2000), client_order_code: 'C'.repeat(50) };
    const r = await api('/v2/shipping-order/create', order(edge));
    expect(r.status).toBe(200);
    expect(r.json.data.order_code).toMatch(/^[A-Z0-9]{6,8}$/);
  });

  it('names an unknown receiver ward in Vietnamese', async () => {
    const r = await api('/v2/shipping-order/create', order({ to_ward_code: '999999' }));
    expect(r.status).toBe(400);
    expect(r.json.message).toContain('Phường/Xã nhận hàng không tồn tại');
    const byName = await api('/v2/shipping-order/create', order({ to_ward_code: undefined, to_district_id: undefined, is_new_to_address: true, to_ward_name: 'Phường Không Có', to_province_name: 'Hồ Chí Minh' }));
    expect(byName.json.message).toContain('không tồn tại');
  });

  it('needs items for service 5 and accepts them', async () => {
    const r = await api('/v2/shipping-order/create', order({ service_type_id: 5, weight: 25_000, items: [{ name: 'Thùng sơn', quantity: 2 }] }));
    expect(r.status).toBe(200);
  });

  it('accepts a new two-level address by names with is_new_to_address', async () => {
    const r = await api('/v2/shipping-order/create', order({ to_ward_code: undefined, to_district_id: undefined, is_new_to_address: true, to_ward_name: 'Phường Bến Thành', to_district_name: '', to_province_name: 'TP. Hồ Chí Minh' }));
    expect(r.status).toBe(200);
    const detail = (await api('/v2/shipping-order/detail', { order_code: r.json.data.order_code })).json.data;
    expect(detail).toMatchObject({ is_new_to_address: true, to_ward_id_v2: 1003573, to_province_name: 'Hồ Chí Minh' });
  });

  it('makes the configured insurance cap the limit', async () => {
    const generous = await startGhnSimulator({ tokens: [TOKEN], shops: [SHOP], insuranceCap: 10_000_000 });
    try {
      const r = await send(`${generous.url}/shiip/public-api/v2/shipping-order/create`, { body: order({ insurance_value: 10_000_000 }), headers: { Token: TOKEN, ShopId: String(SHOP) } });
      expect(r.status).toBe(200);
      expect(r.json.data.fee.insurance).toBeGreaterThan(0);
    } finally {
      await generous.close();
    }
  });

  it('returns the same order_code for a repeated client_order_code', async () => {
    const first = await api('/v2/shipping-order/create', order({ client_order_code: 'PD-1001' }));
    const again = await api('/v2/shipping-order/create', order({ client_order_code: 'PD-1001' }));
    const other = await api('/v2/shipping-order/create', order({ client_order_code: 'PD-1002' }));
    expect(first.json.data).toMatchObject({ order_code: expect.any(String), sort_code: expect.any(String), total_fee: expect.any(Number) });
    expect(Date.parse(first.json.data.expected_delivery_time)).toBeGreaterThan(clock.now());
    expect(again.json.data.order_code).toBe(first.json.data.order_code);
    expect(other.json.data.order_code).not.toBe(first.json.data.order_code);
    expect(control.orders()).toHaveLength(2);
    const notes = control.requests().filter((r) => r.path.endsWith('/create')).map((r) => r.note);
    expect(notes).toEqual(['created', 'replayed', 'created']);
  });

  it('makes one order when the same client_order_code arrives several times at once', async () => {
    const replies = await Promise.all([1, 2, 3, 4, 5].map(() => api('/v2/shipping-order/create', order({ client_order_code: 'PD-RACE' }))));
    expect(new Set(replies.map((r) => r.json.data.order_code)).size).toBe(1);
    expect(control.orders()).toHaveLength(1);
  });

  it('previews with the same body without creating anything', async () => {
    const r = await api('/v2/shipping-order/preview', order({ client_order_code: 'PD-P' }));
    expect(r.status).toBe(200);
    expect(r.json.data.total_fee).toBeGreaterThan(0);
    expect(control.orders()).toHaveLength(0);
  });

  it('quotes fees for legacy ids and for a v3 ward, and a lead time', async () => {
    const legacy = await api('/v2/shipping-order/fee', { service_type_id: 2, to_district_id: 1442, to_ward_code: '20109', weight: 500 });
    const v3 = await api('/v2/shipping-order/fee', { service_type_id: 2, to_ward_id_v2: 1003573, is_new_to_address: true, weight: 500 });
    expect(legacy.json.data.total).toBe(v3.json.data.total);
    expect(legacy.json.data).toMatchObject({ service_fee: expect.any(Number), insurance_fee: 0, cod_fee: 0 });
    const far = await api('/v2/shipping-order/fee', { service_type_id: 2, to_district_id: 1485, to_ward_code: '1A0807', weight: 500 });
    expect(far.json.data.total).toBeGreaterThan(legacy.json.data.total);
    const lead = await api('/v2/shipping-order/leadtime', { to_district_id: 1485, to_ward_code: '1A0807', service_id: 53320 });
    expect(lead.json.data.leadtime).toBeGreaterThan(Math.floor(clock.now() / 1000));
  });
});

describe('order calls', () => {
  it('finds an order by code and by client code, and says "Đơn hàng không tồn tại" otherwise', async () => {
    const code = (await api('/v2/shipping-order/create', order({ client_order_code: 'PD-D' }))).json.data.order_code;
    const byCode = await api('/v2/shipping-order/detail', { order_code: code });
    expect(byCode.json.data).toMatchObject({ order_code: code, status: 'ready_to_pick', cod_amount: 350_000, client_order_code: 'PD-D', to_ward_code: '030712' });
    expect(byCode.json.data.log).toEqual([{ status: 'ready_to_pick', updated_date: expect.any(String) }]);
    expect((await api('/v2/shipping-order/detail-by-client-code', { client_order_code: 'PD-D' })).json.data.order_code).toBe(code);
    const missing = await api('/v2/shipping-order/detail', { order_code: 'NOPE42' });
    expect(missing.status).toBe(400);
    expect(missing.json.message).toContain('Đơn hàng không tồn tại');
  });

  it('cancels per order, with HTTP 200 even when some are refused after pickup', async () => {
    const a = (await api('/v2/shipping-order/create', order({ client_order_code: 'PD-C1' }))).json.data.order_code;
    const b = (await api('/v2/shipping-order/create', order({ client_order_code: 'PD-C2' }))).json.data.order_code;
    control.advance(b, 'picked');
    const r = await api('/v2/switch-status/cancel', { order_codes: [a, b, 'NOPE42'] });
    expect(r.status).toBe(200);
    expect(r.json.data).toEqual([
      { order_code: a, result: true, message: 'OK' },
      { order_code: b, result: false, message: expect.stringContaining('picked') },
      { order_code: 'NOPE42', result: false, message: 'Đơn hàng không tồn tại' },
    ]);
    expect(control.order(a)?.status).toBe('cancel');
    expect(control.order(b)?.status).toBe('picked');
  });

  it('updates COD before delivery and refuses it after', async () => {
    const code = (await api('/v2/shipping-order/create', order())).json.data.order_code;
    expect((await api('/v2/shipping-order/updateCOD', { order_code: code, cod_amount: 400_000 })).status).toBe(200);
    expect(control.order(code)?.cod_amount).toBe(400_000);
    control.advance(code, 'delivering');
    expect((await api('/v2/shipping-order/updateCOD', { order_code: code, cod_amount: 1 })).status).toBe(400);
  });
});

describe('labels', () => {
  it('turns gen-token into HTML pages in three sizes, and expires the token after 30 minutes', async () => {
    const code = (await api('/v2/shipping-order/create', order())).json.data.order_code;
    const token = (await api('/v2/a5/gen-token', { order_codes: [code] })).json.data.token;
    const sortCode = control.order(code)!.detail.sort_code as string;
    for (const [format, size] of [['printA5', '148mm 210mm'], ['print80x80', '80mm 80mm'], ['print52x70', '52mm 70mm']]) {
      const page = await send(`${sim.url}/a5/public-api/${format}?token=${token}`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.text).toContain(code);
      expect(page.text).toContain(sortCode);
      expect(page.text).toContain('Nguyễn Thị Lan');
      expect(page.text).toContain('350.000');
      expect(page.text).toContain(size);
    }
    expect((await send(`${sim.url}/shiip/public-api/a5/public-api/printA5?token=${token}`)).status).toBe(404);
    clock.advance(31 * 60_000);
    expect((await send(`${sim.url}/a5/public-api/printA5?token=${token}`)).status).toBe(400);
    expect((await api('/v2/a5/gen-token', { order_codes: ['NOPE42'] })).status).toBe(400);
  });
});

describe('statuses and webhook', () => {
  it('walks the happy path on command and pushes PascalCase callbacks', async () => {
    const code = (await api('/v2/shipping-order/create', order({ client_order_code: 'PD-W' }))).json.data.order_code;
    const seen = ['ready_to_pick'];
    for (let i = 0; i < 7; i++) seen.push(control.advance(code).status);
    expect(seen).toEqual(['ready_to_pick', 'picking', 'picked', 'storing', 'transporting', 'sorting', 'delivering', 'delivered']);
    expect(() => control.advance(code)).toThrow(/no next status/);
    await control.webhooksIdle();
    const bodies = hooks.received.map((h) => h.body);
    expect(bodies.map((b) => b.Status)).toEqual(seen);
    expect(bodies[0]).toMatchObject({ Type: 'create', OrderCode: code, ClientOrderCode: 'PD-W', ShopID: SHOP, CODAmount: 350_000 });
    expect(bodies[7]).toMatchObject({ Type: 'switch_status', Status: 'delivered', Fee: { MainService: expect.any(Number), Total: expect.any(Number) } });
    expect(Number.isNaN(Date.parse(bodies[7].Time))).toBe(false);
    const log = (await api('/v2/shipping-order/detail', { order_code: code })).json.data.log;
    expect(log.map((l: { status: string }) => l.status)).toEqual(seen);
  });

  it('follows the return path, jumps to a given status, and reports a re-weigh', async () => {
    const code = (await api('/v2/shipping-order/create', order())).json.data.order_code;
    control.setPath(code, 'return');
    control.advance(code, 'delivering');
    const rest = [1, 2, 3, 4, 5, 6, 7].map(() => control.advance(code).status);
    expect(rest).toEqual(['delivery_fail', 'waiting_to_return', 'return', 'return_transporting', 'return_sorting', 'returning', 'returned']);
    const other = (await api('/v2/shipping-order/create', order())).json.data.order_code;
    expect(control.advance(other, 'lost').status).toBe('lost');
    control.reweigh(other, 1500);
    await control.webhooksIdle();
    expect(hooks.received.slice(-2).map((h) => [h.body.Type, h.body.Status, h.body.Weight])).toEqual([
      ['update_weight', 'lost', 1500],
      ['update_fee', 'lost', 1500],
    ]);
  });

  it('advances by itself every advanceEveryMs on the simulator clock', async () => {
    const own = createManualClock();
    const auto = await startGhnSimulator({ tokens: [TOKEN], shops: [SHOP], clock: own.now, advanceEveryMs: 60_000 });
    try {
      const r = await send(`${auto.url}/shiip/public-api/v2/shipping-order/create`, { body: order(), headers: { Token: TOKEN, ShopId: String(SHOP) } });
      const code = r.json.data.order_code;
      auto.control.tick();
      expect(auto.control.order(code)?.status).toBe('ready_to_pick');
      own.advance(60_000);
      auto.control.tick();
      expect(auto.control.order(code)?.status).toBe('picking');
    } finally {
      await auto.close();
    }
  });

  it('retries a callback the receiver refused, and can send duplicates', async () => {
    hooks.failWith([500, 503]);
    const code = (await api('/v2/shipping-order/create', order())).json.data.order_code;
    await control.webhooksIdle();
    expect(hooks.received.map((h) => h.body.OrderCode)).toEqual([code, code, code]);
    expect(control.webhookDeliveries().map((d) => d.status)).toEqual([500, 503, 200]);
    hooks.received.length = 0;
    control.configureWebhook({ duplicateRate: 1 });
    control.advance(code);
    await control.webhooksIdle();
    control.configureWebhook({ duplicateRate: 0 });
    expect(hooks.received.map((h) => h.body.Status)).toEqual(['picking', 'picking']);
  });
});
