// The Viettel Post simulator's status channel (webhook with retries, duplicates, out-of-order),
// the portal CSV export, and every fault kind.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../../main/simulators/shared/clock.js';
import { startViettelPostSimulator, type VtpControl } from '../../../main/simulators/viettelpost/viettelpost-simulator.js';
import { send, startReceiver, transportError, type Receiver } from './sim-http.js';

const USER = { username: '0912000222', password: 'pw-events' };
const SECRET = 'hook-secret-123';
const clock = createManualClock(Date.UTC(2025, 6, 15, 2, 30, 0));
let sim: Awaited<ReturnType<typeof startViettelPostSimulator>>;
let control: VtpControl;
let hooks: Receiver;
let token: string;

const order = (ORDER_NUMBER: string, extra: Record<string, unknown> = {}) => ({
  ORDER_NUMBER,
  GROUPADDRESS_ID: 0,
  SENDER_FULLNAME: 'Shop Packdesk',
  SENDER_ADDRESS: '45 Lê Thánh Tôn',
  SENDER_PHONE: '0901234567',
  SENDER_PROVINCE: 2,
  SENDER_DISTRICT: 43,
  SENDER_WARD: 590,
  RECEIVER_FULLNAME: 'Lê Văn Hùng',
  RECEIVER_ADDRESS: '74 Bạch Đằng',
  RECEIVER_PHONE: '0935123456',
  RECEIVER_PROVINCE: 4,
  RECEIVER_DISTRICT: 88,
  RECEIVER_WARD: 1620,
  PRODUCT_NAME: 'Giày',
  PRODUCT_WEIGHT: 900,
  PRODUCT_TYPE: 'HH',
  ORDER_PAYMENT: 3,
  ORDER_SERVICE: 'VCN',
  MONEY_COLLECTION: 620_000,
  CHECK_UNIQUE: true,
  ...extra,
});
const create = (ref: string, extra?: Record<string, unknown>, timeoutMs?: number) =>
  send(`${sim.url}/v2/order/createOrder`, { body: order(ref, extra), headers: { Token: token }, timeoutMs });

beforeAll(async () => {
  hooks = await startReceiver();
  sim = await startViettelPostSimulator({ users: [USER], clock: clock.now, webhook: { url: hooks.url, secret: SECRET, retryDelayMs: 5 }, faults: { timeoutHoldMs: 150 } });
  control = sim.control;
  const creds = { USERNAME: USER.username, PASSWORD: USER.password };
  const short = (await send(`${sim.url}/v2/user/Login`, { body: creds })).json.data.token;
  // The long token: these tests move the clock by hours, past the short token's 10 minutes.
  token = (await send(`${sim.url}/v2/user/ownerconnect`, { body: creds, headers: { Token: short } })).json.data.token;
});
afterAll(async () => {
  await sim.close();
  await hooks.close();
});
afterEach(async () => {
  await control.webhooksIdle();
  control.configureWebhook({ duplicateRate: 0, outOfOrderRate: 0 });
  control.reset();
  hooks.received.length = 0;
});

describe('webhook', () => {
  it('pushes each status as {DATA, TOKEN} with Authorization, Vietnam-time dates and both location keys', async () => {
    const waybill = (await create('EV-1')).json.data.ORDER_NUMBER;
    clock.advance(3_600_000);
    control.advance(waybill);
    await control.webhooksIdle();
    expect(hooks.received).toHaveLength(2);
    const [created, next] = hooks.received;
    expect(created.headers.authorization).toBe(SECRET);
    expect(created.body.TOKEN).toBe(SECRET);
    expect(created.body.DATA).toMatchObject({ ORDER_NUMBER: waybill, ORDER_REFERENCE: 'EV-1', ORDER_STATUS: 100, ORDER_STATUSDATE: '15/07/2025 09:30:00', MONEY_COLLECTION: 620_000 });
    expect(next.body.DATA).toMatchObject({ ORDER_STATUS: 102, ORDER_STATUSDATE: '15/07/2025 10:30:00', STATUS_NAME: expect.any(String) });
    expect(next.body.DATA.LOCALION_CURRENTLY).toBe(next.body.DATA.LOCATION_CURRENTLY);
    expect(next.body.DATA.EMPLOYEE_PHONE).toMatch(/^84\d{9}$/);
    for (const key of ['MONEY_FEECOD', 'MONEY_TOTALFEE', 'MONEY_TOTAL', 'MONEY_TOTALVAT', 'PRODUCT_WEIGHT', 'ORDER_SERVICE', 'ORDER_PAYMENT', 'EXPECTED_DELIVERY_DATE', 'IS_RETURNING', 'REASON_CODE', 'RECEIVER_FULLNAME']) {
      expect(next.body.DATA).toHaveProperty(key);
    }
  });

  it('sends a reason code with a failed delivery and marks the way back as returning', async () => {
    const waybill = (await create('EV-2')).json.data.ORDER_NUMBER;
    control.setPath(waybill, 'failThenDecision');
    while (control.order(waybill)!.status !== 505) control.advance(waybill);
    await send(`${sim.url}/v2/order/UpdateOrder`, { body: { TYPE: 2, ORDER_NUMBER: waybill, NOTE: 'hoàn' }, headers: { Token: token } });
    control.advance(waybill);
    await control.webhooksIdle();
    const data = hooks.received.map((h) => h.body.DATA);
    expect(data.map((d) => d.ORDER_STATUS).slice(-6)).toEqual([500, 506, 500, 505, 515, 502]);
    expect(['35', '36', '37']).toContain(data.find((d) => d.ORDER_STATUS === 506).REASON_CODE);
    expect(data.at(-1).IS_RETURNING).toBe(true);
  });

  it('retries a refused callback up to 5 times, then gives up', async () => {
    hooks.failWith([500, 502]);
    await create('EV-3');
    await control.webhooksIdle();
    expect(control.webhookDeliveries().map((d) => d.status)).toEqual([500, 502, 200]);
    control.reset();
    hooks.failWith([500, 500, 500, 500, 500, 500, 500]);
    await create('EV-4');
    await control.webhooksIdle();
    expect(control.webhookDeliveries().map((d) => d.attempt)).toEqual([1, 2, 3, 4, 5, 6]);
    hooks.failWith([]);
  });

  it('can deliver duplicates and out of order, and resend the latest on demand', async () => {
    const waybill = (await create('EV-5')).json.data.ORDER_NUMBER;
    await control.webhooksIdle();
    hooks.received.length = 0;
    control.configureWebhook({ outOfOrderRate: 1 });
    control.advance(waybill);
    control.advance(waybill);
    await control.webhooksIdle();
    expect(hooks.received.map((h) => h.body.DATA.ORDER_STATUS)).toEqual([103, 102]);
    hooks.received.length = 0;
    control.configureWebhook({ outOfOrderRate: 0, duplicateRate: 1 });
    control.advance(waybill);
    await control.webhooksIdle();
    expect(hooks.received.map((h) => h.body.DATA.ORDER_STATUS)).toEqual([104, 104]);
    hooks.received.length = 0;
    control.configureWebhook({ duplicateRate: 0 });
    control.resendWebhook(waybill);
    await control.webhooksIdle();
    expect(hooks.received.map((h) => h.body.DATA.ORDER_STATUS)).toEqual([104]);
  });

  it('advances by itself on the simulator clock', async () => {
    const own = createManualClock();
    const auto = await startViettelPostSimulator({ users: [USER], clock: own.now, advanceEveryMs: 3_600_000 });
    try {
      const t = (await send(`${auto.url}/v2/user/Login`, { body: { USERNAME: USER.username, PASSWORD: USER.password } })).json.data.token;
      const w = (await send(`${auto.url}/v2/order/createOrder`, { body: order('AUTO-1'), headers: { Token: t } })).json.data.ORDER_NUMBER;
      for (let i = 0; i < 12; i++) {
        own.advance(3_600_000);
        auto.control.tick();
      }
      expect(auto.control.order(w)?.history.map((h) => h.status)).toEqual([100, 102, 103, 104, 105, 200, 300, 400, 500, 501]);
    } finally {
      await auto.close();
    }
  });
});

describe('status export', () => {
  it('looks like a portal export: BOM, Vietnamese headers, one row per waybill or per change', async () => {
    const a = (await create('CSV-1')).json.data.ORDER_NUMBER;
    await create('CSV-2, "quoted"');
    control.advance(a);
    const csv = control.exportCsv();
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Mã vận đơn,Mã đơn hàng,Mã trạng thái,Tên trạng thái,Ngày trạng thái,Tiền thu hộ');
    expect(lines[1]).toMatch(new RegExp(`^${a},CSV-1,102,[^,]+,\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2},620000$`));
    expect(lines[2]).toContain('"CSV-2, ""quoted"""');
    expect(control.exportCsv({ history: true, bom: false }).trimEnd().split('\r\n')).toHaveLength(4);
  });
});

describe('faults', () => {
  it('429 with Retry-After and 5xx, creating nothing', async () => {
    control.failNext('rateLimit');
    const limited = await create('F-1');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    control.failNext('serverError', 2);
    expect([(await create('F-1')).status, (await create('F-1')).status].every((s) => s === 502 || s === 503)).toBe(true);
    expect(control.orders()).toHaveLength(0);
  });

  it('timeout: holds, then drops, creating nothing', async () => {
    control.failNext('timeout');
    expect((await transportError(create('F-2', undefined, 100)))?.name).toBe('TimeoutError');
    control.failNext('timeout');
    expect(await transportError(create('F-2', undefined, 3_000))).toBeInstanceOf(TypeError);
    expect(control.orders()).toHaveLength(0);
  });

  it('drop after commit: the waybill exists; a CHECK_UNIQUE retry is refused, a plain retry doubles it', async () => {
    control.failNext('dropAfterCommit');
    expect(await transportError(create('F-3'))).toBeInstanceOf(TypeError);
    expect(control.orders().map((o) => o.reference)).toEqual(['F-3']);
    expect((await create('F-3')).json.message).toMatch(/already exists/);
    expect((await create('F-3', { CHECK_UNIQUE: false })).json.error).toBe(false);
    expect(control.orders()).toHaveLength(2);
  });

  it('malformed: a truncated envelope, the waybill made', async () => {
    control.failNext('malformed');
    const r = await create('F-4');
    expect(r.status).toBe(200);
    expect(r.json).toBeUndefined();
    expect(r.text.startsWith('{"status":200,"error":false')).toBe(true);
    expect(control.orders()).toHaveLength(1);
  });

  it('leaves login and categories alone by default', async () => {
    control.setFaults({ serverErrorRate: 1 });
    expect((await send(`${sim.url}/v2/user/Login`, { body: { USERNAME: USER.username, PASSWORD: USER.password } })).json.error).toBe(false);
    expect((await send(`${sim.url}/v3/categories/listProvinceNew`)).status).toBe(200);
    expect((await create('F-5')).status).toBeGreaterThanOrEqual(502);
  });

  it('answers an unreadable request body with HTTP 400, and keeps serving', async () => {
    const r = await send(`${sim.url}/v2/order/createOrder`, { raw: '{"ORDER_NUMBER": "x", ', headers: { Token: token } });
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ status: 400, error: 'Bad Request' });
    expect((await create('F-6')).json.error).toBe(false);
  });
});
