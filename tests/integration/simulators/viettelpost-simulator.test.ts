// The Viettel Post simulator over plain HTTP: login and tokens, master data, prices, createOrder
// rules (150 bytes, CHECK_UNIQUE), UpdateOrder, labels. Webhook, export and faults are in
// viettelpost-simulator-events.test.ts.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../../main/simulators/shared/clock.js';
import { startViettelPostSimulator, type VtpControl } from '../../../main/simulators/viettelpost/viettelpost-simulator.js';
import { send } from './sim-http.js';

const USER = { username: '0912000111', password: 'secret-pw' };
const clock = createManualClock();
let sim: Awaited<ReturnType<typeof startViettelPostSimulator>>;
let control: VtpControl;
let token: string;

/** `tok` null: no Token header at all. */
const call = (path: string, body?: unknown, tok: string | null = token) =>
  send(`${sim.url}${path}`, { body, headers: tok ? { Token: tok } : {} });

const login = async (user = USER) => (await call('/v2/user/Login', { USERNAME: user.username, PASSWORD: user.password }, null)).json;

/** Receiver in the new scheme (Phường Cầu Giấy, Hà Nội: RECEIVER_DISTRICT 0), sender = the account's store. */
const order = (extra: Record<string, unknown> = {}) => ({
  ORDER_NUMBER: 'PD-2001',
  GROUPADDRESS_ID: 0,
  SENDER_FULLNAME: 'Shop Packdesk',
  SENDER_ADDRESS: '45 Lê Thánh Tôn',
  SENDER_PHONE: '0901234567',
  SENDER_PROVINCE: 2,
  SENDER_DISTRICT: 43,
  SENDER_WARD: 590,
  RECEIVER_FULLNAME: 'Phạm Thu Hà',
  RECEIVER_ADDRESS: '25 Nguyễn Khánh Toàn',
  RECEIVER_PHONE: '0987654321',
  RECEIVER_PROVINCE: 101,
  RECEIVER_DISTRICT: 0,
  RECEIVER_WARD: 100110,
  PRODUCT_NAME: 'Áo khoác',
  PRODUCT_QUANTITY: 1,
  PRODUCT_PRICE: 450_000,
  PRODUCT_WEIGHT: 600,
  PRODUCT_TYPE: 'HH',
  ORDER_PAYMENT: 3,
  ORDER_SERVICE: 'LCOD',
  ORDER_SERVICE_ADD: '',
  MONEY_COLLECTION: 450_000,
  CHECK_UNIQUE: true,
  ...extra,
});
const create = (extra?: Record<string, unknown>) => call('/v2/order/createOrder', order(extra));

beforeAll(async () => {
  sim = await startViettelPostSimulator({ users: [USER, { username: 'other', password: 'x' }], clock: clock.now });
  control = sim.control;
  const short = (await login()).data.token;
  token = (await call('/v2/user/ownerconnect', { USERNAME: USER.username, PASSWORD: USER.password }, short)).json.data.token;
});
afterAll(() => sim.close());
afterEach(() => control.reset());

describe('login and tokens', () => {
  it('refuses wrong credentials with HTTP 200 and error: true', async () => {
    const r = await call('/v2/user/Login', { USERNAME: USER.username, PASSWORD: 'wrong' }, null);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ error: true, message: 'Invalid owner account or password!', data: null });
  });

  it('issues a short token that expires after 10 minutes; ownerconnect turns it into a long one', async () => {
    const short = (await login()).data.token as string;
    expect(short.length).toBeGreaterThan(40);
    expect((await call('/v2/user/listInventory', undefined, short)).json.error).toBe(false);
    const long = (await call('/v2/user/ownerconnect', { USERNAME: USER.username, PASSWORD: USER.password }, short)).json.data;
    expect(long.expired).toBeGreaterThan(clock.now() + 300 * 86_400_000);
    clock.advance(11 * 60_000);
    expect((await call('/v2/user/listInventory', undefined, short)).json).toEqual({ status: 202, error: true, message: 'Token invalid or expired', data: null });
    expect((await call('/v2/user/listInventory', undefined, long.token)).json.error).toBe(false);
    expect((await call('/v2/user/ownerconnect', { USERNAME: USER.username, PASSWORD: USER.password }, short)).json.message).toBe('Token invalid or expired');
  });

  it('needs the Token header on business calls', async () => {
    const r = await call('/v2/order/createOrder', order(), null);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ error: true, message: 'Header Token is required' });
    expect((await call('/v2/order/createOrder', order(), 'made-up')).json).toMatchObject({ status: 202, error: true, message: 'Token invalid or expired' });
    expect(control.orders()).toHaveLength(0);
  });
});

describe('master data', () => {
  it('serves both schemes with VTP ids and the sender stores', async () => {
    const provinces = (await call('/v2/categories/listProvinceById?provinceId=-1')).json.data;
    expect(provinces).toContainEqual({ PROVINCE_ID: 2, PROVINCE_CODE: 'HCM', PROVINCE_NAME: 'HỒ CHÍ MINH' });
    const districts = (await call('/v2/categories/listDistrict?provinceId=2')).json.data;
    expect(districts).toContainEqual({ DISTRICT_ID: 43, DISTRICT_VALUE: '760', DISTRICT_NAME: 'QUẬN 1', PROVINCE_ID: 2 });
    expect((await call('/v2/categories/listWards?districtId=43')).json.data).toContainEqual({ WARDS_ID: 590, WARDS_NAME: 'PHƯỜNG BẾN THÀNH', DISTRICT_ID: 43 });
    expect((await call('/v3/categories/listProvinceNew')).json.data).toHaveLength(10);
    const allNew = (await call('/v3/categories/listWardsNew?provinceId=-1')).json.data;
    expect(allNew.some((w: { DISTRICT_ID: number }) => w.DISTRICT_ID === 0)).toBe(true);
    expect((await call('/v3/categories/listWardsNew?provinceId=102')).json.data.map((w: { WARDS_NAME: string }) => w.WARDS_NAME)).toContain('Phường Xuân Hòa');
    const stores = (await call('/v2/user/listInventory')).json.data;
    expect(stores[0]).toMatchObject({ GROUPADDRESS_ID: expect.any(Number), CUS_ID: expect.any(Number), PROVINCE_ID: 2 });
  });
});

describe('prices', () => {
  const quote = { SENDER_PROVINCE: 2, SENDER_DISTRICT: 43, RECEIVER_PROVINCE: 1, RECEIVER_DISTRICT: 5, PRODUCT_WEIGHT: 800, PRODUCT_PRICE: 300_000, MONEY_COLLECTION: 300_000, PRODUCT_TYPE: 'HH', TYPE: 1 };

  it('getPriceAll answers a bare array with VCN, VTK and LCOD', async () => {
    const r = await call('/v2/order/getPriceAll', quote);
    expect(Array.isArray(r.json)).toBe(true);
    expect(r.json.map((s: { MA_DV_CHINH: string }) => s.MA_DV_CHINH)).toEqual(['VCN', 'VTK', 'LCOD']);
    expect(r.json[0]).toMatchObject({ TEN_DICHVU: expect.any(String), GIA_CUOC: expect.any(Number), THOI_GIAN: expect.any(String), EXCHANGE_WEIGHT: 800 });
    expect(r.json[0].EXTRA_SERVICE.map((e: { SERVICE_CODE: string }) => e.SERVICE_CODE)).toContain('GBP');
    const intra = await call('/v2/order/getPriceAll', { ...quote, RECEIVER_PROVINCE: 102, RECEIVER_DISTRICT: 0, RECEIVER_WARD: 100652 });
    expect(intra.json.map((s: { MA_DV_CHINH: string }) => s.MA_DV_CHINH)).toContain('PHS');
  });

  it('getPrice answers the envelope with the fee lines', async () => {
    const r = await call('/v2/order/getPrice', { ...quote, ORDER_SERVICE: 'VCN', ORDER_SERVICE_ADD: 'GBP', NATIONAL_TYPE: 1 });
    expect(r.json.error).toBe(false);
    const p = r.json.data;
    expect(p.MONEY_TOTAL).toBe(p.MONEY_TOTAL_FEE + p.MONEY_FEE + p.MONEY_COLLECTION_FEE + p.MONEY_OTHER_FEE + p.MONEY_VAS + p.MONEY_VAT);
    expect(p).toMatchObject({ MONEY_VAS: 3000, KPI_HT: expect.any(Number) });
    expect((await call('/v2/order/getPrice', { ...quote, ORDER_SERVICE: 'ZZZ' })).json.message).toBe('Incorrect data: ORDER_SERVICE');
    expect((await call('/v2/order/getPriceAll', { ...quote, RECEIVER_PROVINCE: 999 })).json).toMatchObject({ error: true, message: 'Price does not apply to this itinerary!' });
  });
});

describe('createOrder', () => {
  it('creates a waybill of 12–13 digits with fees, in the new scheme with RECEIVER_DISTRICT 0 or null', async () => {
    const r = await create({ ENABLE_SORT_CODE: true });
    expect(r.json).toMatchObject({ status: 200, error: false });
    expect(r.json.data.ORDER_NUMBER).toMatch(/^\d{12,13}$/);
    expect(r.json.data).toMatchObject({ MONEY_COLLECTION: 450_000, RECEIVER_PROVINCE: 101, RECEIVER_DISTRICT: 0, RECEIVER_WARD: 100110, KPI_HT: expect.any(Number), SORT_CODE: expect.any(String) });
    expect((await create({ ORDER_NUMBER: 'PD-2002', RECEIVER_DISTRICT: null })).json.error).toBe(false);
    const old = await create({ ORDER_NUMBER: 'PD-2003', RECEIVER_PROVINCE: 1, RECEIVER_DISTRICT: 5, RECEIVER_WARD: 110 });
    expect(old.json.data.RECEIVER_DISTRICT).toBe(5);
  });

  const rejected: [string, Record<string, unknown>, string][] = [
    ['ORDER_PAYMENT 5', { ORDER_PAYMENT: 5 }, 'Incorrect data: ORDER_PAYMENT'],
    ['PRODUCT_TYPE XX', { PRODUCT_TYPE: 'XX' }, 'Incorrect data: PRODUCT_TYPE'],
    ['an unknown ORDER_SERVICE', { ORDER_SERVICE: 'V999' }, 'Incorrect data: ORDER_SERVICE'],
    ['an unknown extra service', { ORDER_SERVICE_ADD: 'GBP,ZZZ' }, 'Incorrect data: ORDER_SERVICE_ADD'],
    ['a bad DELIVERY_DATE', { DELIVERY_DATE: '2025-07-01 08:00' }, 'Incorrect data: DELIVERY_DATE'],
    ['a new ward under the wrong province', { RECEIVER_PROVINCE: 102 }, 'Invalid [RECEIVER_WARD] with address new'],
    ['an old ward id with district 0', { RECEIVER_PROVINCE: 1, RECEIVER_WARD: 110 }, 'Invalid [RECEIVER_PROVINCE] with address new'],
    ['an old district not in the province', { RECEIVER_PROVINCE: 1, RECEIVER_DISTRICT: 43, RECEIVER_WARD: 590 }, 'Invalid [RECEIVER_DISTRICT] with address old'],
    ['a new ward id in the old scheme', { RECEIVER_PROVINCE: 1, RECEIVER_DISTRICT: 5, RECEIVER_WARD: 100110 }, 'Invalid [RECEIVER_WARD] with address old'],
    ['PRODUCT_WEIGHT 0', { PRODUCT_WEIGHT: 0 }, 'Invalid [PRODUCT_WEIGHT]'],
    ['a negative MONEY_COLLECTION', { MONEY_COLLECTION: -1 }, 'Invalid [MONEY_COLLECTION]'],
    ['MONEY_COLLECTION over 50,000,000', { MONEY_COLLECTION: 50_000_001 }, 'Invalid [MONEY_COLLECTION]'],
    ['COD with ORDER_PAYMENT 1', { ORDER_PAYMENT: 1 }, 'Invalid [MONEY_COLLECTION]'],
    ['no receiver phone', { RECEIVER_PHONE: '' }, 'Incorrect data: RECEIVER_PHONE'],
    ['a dotted 11-digit phone', { RECEIVER_PHONE: '0933.565.6565' }, 'Incorrect data: RECEIVER_PHONE'],
    ['an unknown store', { GROUPADDRESS_ID: 12345 }, 'Groupaddress is invalid'],
    ['PHS between provinces', { ORDER_SERVICE: 'PHS' }, 'Price does not apply to this itinerary!'],
  ];
  it.each(rejected)('refuses %s with HTTP 200 and the VTP message', async (_name, change, message) => {
    const r = await create(change);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ error: true, message, data: null });
    expect(control.orders()).toHaveLength(0);
  });

  it('takes MONEY_COLLECTION up to the configured cap, and numeric strings as numbers', async () => {
    expect((await create({ MONEY_COLLECTION: 50_000_000 })).json.error).toBe(false);
    expect((await create({ ORDER_NUMBER: 'PD-S', MONEY_COLLECTION: '120000', PRODUCT_WEIGHT: '500', ORDER_PAYMENT: '3' })).json.error).toBe(false);
    const capped = await startViettelPostSimulator({ users: [USER], codCap: 10_000_000 });
    try {
      const t = (await send(`${capped.url}/v2/user/Login`, { body: { USERNAME: USER.username, PASSWORD: USER.password } })).json.data.token;
      const r = await send(`${capped.url}/v2/order/createOrder`, { body: order({ MONEY_COLLECTION: 10_000_001 }), headers: { Token: t } });
      expect(r.json.message).toBe('Invalid [MONEY_COLLECTION]');
    } finally {
      await capped.close();
    }
  });

  it('counts the 150-byte limit in UTF-8 bytes, not characters', async () => {
    const address = 'Số 12 hẻm 91 đường Nguyễn Văn Cừ nối dài, khu dân cư Hồng Phát, phường An Khánh (quận Ninh Kiều cũ), thành phố Cần Thơ, gần chợ Xuân Khánh';
    expect(address.length).toBeLessThan(150);
    expect(Buffer.byteLength(address)).toBeGreaterThan(150);
    expect((await create({ RECEIVER_ADDRESS: address })).json.message).toBe('Invalid [RECEIVER_ADDRESS]');
    expect((await create({ RECEIVER_FULLNAME: 'ệ'.repeat(51) })).json.message).toBe('Invalid [RECEIVER_FULLNAME]');
    expect((await create({ RECEIVER_FULLNAME: 'ệ'.repeat(50) })).json.error).toBe(false);
    // The same text decomposed (NFD) takes more bytes than composed (NFC).
    expect((await create({ ORDER_NUMBER: 'PD-NFD', RECEIVER_FULLNAME: 'ệ'.repeat(50).normalize('NFD') })).json.message).toBe('Invalid [RECEIVER_FULLNAME]');
    expect((await create({ ORDER_NUMBER: 'PD-LI', LIST_ITEM: [{ PRODUCT_NAME: 'ư'.repeat(76), PRODUCT_QUANTITY: 1 }] })).json.message).toBe('Invalid [LIST_ITEM.PRODUCT_NAME]');
  });

  it('refuses a repeated ORDER_NUMBER with CHECK_UNIQUE, and makes a second waybill without it', async () => {
    const first = await create();
    const again = await create();
    expect(again.json).toMatchObject({ error: true, data: null });
    expect(again.json.message).toMatch(/already exists/);
    expect(again.json.message).toContain('PD-2001');
    expect(control.orders()).toHaveLength(1);
    const unchecked = await create({ CHECK_UNIQUE: false });
    expect(unchecked.json.error).toBe(false);
    expect(unchecked.json.data.ORDER_NUMBER).not.toBe(first.json.data.ORDER_NUMBER);
    expect(control.orders().map((o) => o.reference)).toEqual(['PD-2001', 'PD-2001']);
  });

  it('uses the store of GROUPADDRESS_ID as sender', async () => {
    const store = (await call('/v2/user/listInventory')).json.data[0];
    const r = await create({ GROUPADDRESS_ID: store.GROUPADDRESS_ID, CUS_ID: store.CUS_ID, SENDER_FULLNAME: '', SENDER_PHONE: '' });
    expect(r.json.error).toBe(false);
  });
});

describe('UpdateOrder', () => {
  const update = (TYPE: number, ORDER_NUMBER: string) => call('/v2/order/UpdateOrder', { TYPE, ORDER_NUMBER, NOTE: 'test' });

  it('cancels (TYPE 4) only before 200 and not at 105', async () => {
    const a = (await create({ ORDER_NUMBER: 'U-1' })).json.data.ORDER_NUMBER;
    expect((await update(4, a)).json).toMatchObject({ error: false });
    expect(control.order(a)?.status).toBe(107);
    expect((await update(4, a)).json.error).toBe(true);
    const b = (await create({ ORDER_NUMBER: 'U-2' })).json.data.ORDER_NUMBER;
    control.advance(b, 105);
    expect((await update(4, b)).json.error).toBe(true);
    control.advance(b, 200);
    expect((await update(4, b)).json.error).toBe(true);
    expect(control.order(b)?.status).toBe(200);
    expect((await update(4, '999999999999')).json.message).toBe('Order does not exist');
    expect((await update(11, a)).json.error).toBe(false);
    expect((await update(4, a)).json.message).toBe('Order does not exist');
  });

  it('waits at 505 for the shop: TYPE 2 returns, TYPE 3 re-delivers', async () => {
    const a = (await create({ ORDER_NUMBER: 'U-505a' })).json.data.ORDER_NUMBER;
    const b = (await create({ ORDER_NUMBER: 'U-505b' })).json.data.ORDER_NUMBER;
    for (const w of [a, b]) {
      control.setPath(w, 'failThenDecision');
      expect((await update(2, w)).json.error).toBe(true);
      while (control.order(w)!.status !== 505) control.advance(w);
      expect(() => control.advance(w)).toThrow(/505 waits/);
    }
    expect(control.order(a)!.history.map((h) => h.status).slice(-4)).toEqual([500, 506, 500, 505]);
    await update(2, a);
    expect([control.order(a)!.status, control.advance(a).status, control.advance(a).status]).toEqual([515, 502, 504]);
    await update(3, b);
    expect([control.order(b)!.status, control.advance(b).status, control.advance(b).status]).toEqual([550, 500, 501]);
  });
});

describe('labels', () => {
  it('returns the print token in message, and a PDF sized by type', async () => {
    const w = (await create()).json.data.ORDER_NUMBER;
    const r = await call('/v2/order/printing-code', { EXPIRY_TIME: clock.now() + 3_600_000, ORDER_ARRAY: [w] });
    expect(r.json).toMatchObject({ error: false, data: null });
    const bill = r.json.message;
    expect(bill).not.toBe(w);
    for (const [type, box] of [['1', '420 595'], ['2', '298 420'], ['100', '210 298']]) {
      const res = await fetch(`${sim.url}/DigitalizePrint/report.do?type=${type}&bill=${bill}&showPostage=1`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      const pdf = Buffer.from(await res.arrayBuffer()).toString('latin1');
      expect(pdf.startsWith('%PDF-1.4')).toBe(true);
      expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
      expect(pdf).toContain(`/MediaBox [0 0 ${box}]`);
      expect(pdf).toContain(w);
    }
    expect((await fetch(`${sim.url}/DigitalizePrint/report.do?type=1&bill=${w}`)).status).toBe(404);
    expect((await call('/v2/order/printing-code', { EXPIRY_TIME: clock.now() - 1, ORDER_ARRAY: [w] })).json.message).toBe('Invalid [EXPIRY_TIME]');
    clock.advance(3_600_001);
    expect((await fetch(`${sim.url}/DigitalizePrint/report.do?type=1&bill=${bill}`)).status).toBe(404);
  });
});
