import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { CarrierConnector } from '../../main/connectors/carriers/carrier-connector.js';
import { createGhnConnector } from '../../main/connectors/carriers/ghn/connector.js';
import { createViettelPostConnector } from '../../main/connectors/carriers/viettelpost/connector.js';
import { JobError } from '../../main/sync/job-error.js';
import { account, booking } from './carrier-fixtures.js';

// Each connector against a tiny ad-hoc HTTP stub on 127.0.0.1 answering canned replies taken from the spec
// (not the simulators, DESIGN rule 13): headers, envelopes, provider quirks and the error classes.

interface Seen { method: string; path: string; query: URLSearchParams; headers: IncomingHttpHeaders; body: Record<string, unknown> | undefined }
interface Reply { status?: number; headers?: Record<string, string>; body?: unknown; delayMs?: number }
type Handler = (req: Seen) => Reply | Promise<Reply>;

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((resolve) => { s.closeAllConnections(); s.close(() => resolve()); })));
});

async function stub(handler: Handler): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://stub');
    const s: Seen = { method: req.method ?? '', path: url.pathname, query: url.searchParams, headers: req.headers, body: text ? JSON.parse(text) : undefined };
    seen.push(s);
    const r = await handler(s);
    if (r.delayMs) await new Promise((done) => setTimeout(done, r.delayMs));
    const body = r.body === undefined ? '' : typeof r.body === 'string' || Buffer.isBuffer(r.body) ? r.body : JSON.stringify(r.body);
    res.writeHead(r.status ?? 200, { 'content-type': 'application/json', ...r.headers });
    res.end(body);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

/** A port nobody listens on: connection refused. */
async function deadUrl(): Promise<string> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

async function rejection(p: Promise<unknown>): Promise<JobError> {
  try {
    await p;
  } catch (error) {
    expect(error).toBeInstanceOf(JobError);
    return error as JobError;
  }
  throw new Error('expected a rejection');
}

const ghnOk = (data: unknown): Reply => ({ body: { code: 200, message: 'Success', data } });
const vtpOk = (data: unknown, message = 'OK'): Reply => ({ body: { status: 200, error: false, message, data } });
const GHN = '/shiip/public-api';

describe('GHN client', () => {
  const ghn = (url: string) => createGhnConnector(account('ghn', url));

  it('books with Token + ShopId headers and client_order_code, wherever the custom base points', async () => {
    for (const suffix of ['', GHN, `${GHN}/`]) {
      const { url, seen } = await stub(() => ghnOk({ order_code: 'LNKC89', sort_code: '190-G', total_fee: 33000, expected_delivery_time: '2025-08-02T16:59:59Z' }));
      const result = await ghn(url + suffix).book(booking());
      expect(result).toMatchObject({ trackingNumber: 'LNKC89', feeVnd: 33000, sortCode: '190-G' });
      expect(seen[0]).toMatchObject({ method: 'POST', path: `${GHN}/v2/shipping-order/create`, body: { client_order_code: 'PD-000123' } });
      expect(seen[0].headers).toMatchObject({ token: 'ghn-token', shopid: '885', 'content-type': 'application/json' });
    }
  });

  it('quotes each available service type with its fee', async () => {
    const { url, seen } = await stub((r) => r.path.endsWith('available-services')
      ? ghnOk([{ service_id: 53320, short_name: 'Hàng nhẹ', service_type_id: 2 }, { service_id: 100039, short_name: 'Hàng nặng', service_type_id: 5 }])
      : ghnOk({ total: r.body?.service_type_id === 2 ? 33000 : 120000, service_fee: 30000 }));
    expect(await ghn(url).quote(booking())).toEqual([
      { serviceCode: '2', name: 'Hàng nhẹ', speed: 'standard', feeVnd: 33000, expectedDeliveryAt: null },
      { serviceCode: '5', name: 'Hàng nặng', speed: 'economy', feeVnd: 120000, expectedDeliveryAt: null },
    ]);
    expect(seen[0].body).toEqual({ shop_id: 885, from_district: 1442, to_district: 1489 });
    expect(seen.slice(1).map((s) => [s.path, s.body?.service_type_id, s.headers.shopid])).toEqual([[`${GHN}/v2/shipping-order/fee`, 2, '885'], [`${GHN}/v2/shipping-order/fee`, 5, '885']]);
  });

  it('turns the empty 200 of available-services into "shop id does not belong to this token" (G2.5)', async () => {
    const { url } = await stub(() => ({ status: 200, body: '' }));
    const e = await rejection(ghn(url).quote(booking()));
    expect(e).toMatchObject({ kind: 'auth', code: 'GHN_SHOP_MISMATCH' });
    expect(e.message).toMatch(/shop id 885 does not belong to this GHN token/);
  });

  describe('testConnection', () => {
    const happy: Handler = (r) => {
      if (r.path.endsWith('/master-data/province')) return ghnOk([{ ProvinceID: 202, ProvinceName: 'Hồ Chí Minh' }]);
      if (r.path.endsWith('/master-data/district')) return ghnOk([{ DistrictID: 1442, ProvinceID: 202, DistrictName: 'Quận 1' }]);
      return ghnOk([]);
    };

    it('lists provinces with the token only, then checks the shop', async () => {
      const { url, seen } = await stub(happy);
      expect(await ghn(url).testConnection()).toMatchObject({ ok: true, message: expect.stringMatching(/shop 885/) });
      expect(seen[0]).toMatchObject({ method: 'GET', path: `${GHN}/master-data/province` });
      expect(seen[0].headers.shopid).toBeUndefined();
      expect(seen[2].body).toEqual({ shop_id: 885, from_district: 1442, to_district: 1442 });
    });

    it('says the token belongs to another environment', async () => {
      const { url } = await stub(() => ({ status: 401, body: { code: 401, message: 'Token is not valid', data: null } }));
      const r = await ghn(url).testConnection();
      expect(r).toMatchObject({ ok: false, code: 'GHN_TOKEN_INVALID' });
      expect(r.message).toMatch(/sandbox token fails on production/);
    });

    it.each([
      ['an empty body', { status: 200, body: '' }],
      ['SHOP_NOT_FOUND', { status: 400, body: { code: 400, message: 'Shop not found', data: null, code_message: 'SHOP_NOT_FOUND' } }],
    ])('says the shop id is wrong on %s', async (_name, reply) => {
      const { url } = await stub((r) => (r.path.endsWith('available-services') ? reply : happy(r)));
      expect(await ghn(url).testConnection()).toMatchObject({ ok: false, code: 'GHN_SHOP_MISMATCH', message: expect.stringMatching(/does not belong/) });
    });

    it('says the host cannot be reached', async () => {
      expect(await ghn(await deadUrl()).testConnection()).toMatchObject({ ok: false, code: 'NETWORK_UNREACHABLE', message: expect.stringMatching(/Cannot reach 127\.0\.0\.1/) });
    });
  });

  it('finds by our code, or null on "Đơn hàng không tồn tại"', async () => {
    const { url, seen } = await stub((r) => (r.body?.client_order_code === 'PD-1'
      ? ghnOk({ order_code: 'LNKC89', status: 'picking', cod_amount: 480000, total_fee: 33000 })
      : { status: 400, body: { code: 400, message: 'Đơn hàng không tồn tại', data: null, code_message: 'USER_ERR_COMMON' } }));
    expect(await ghn(url).findByCode('PD-1')).toMatchObject({ trackingNumber: 'LNKC89', state: 'picking' });
    expect(await ghn(url).findByCode('PD-2')).toBeNull();
    expect(seen[0].path).toBe(`${GHN}/v2/shipping-order/detail-by-client-code`);
  });

  it('does not read a 404 from something that is not GHN as "no such order"', async () => {
    const { url } = await stub(() => ({ status: 404, body: { message: 'Not Found' } }));
    expect(await rejection(ghn(url).findByCode('PD-1'))).toMatchObject({ kind: 'permanent', code: 'CARRIER_REJECTED' });
  });

  it('reads the per-order cancel result inside a 200 (G2.7)', async () => {
    const { url, seen } = await stub(() => ghnOk([{ order_code: 'LNKC89', result: false, message: 'Đơn hàng đã lấy' }]));
    expect(await ghn(url).cancel('LNKC89')).toEqual({ cancelled: false, message: 'Đơn hàng đã lấy' });
    expect(seen[0]).toMatchObject({ path: `${GHN}/v2/switch-status/cancel`, body: { order_codes: ['LNKC89'] } });
  });

  it('prints through gen-token and the print page at the host root', async () => {
    const { url, seen } = await stub((r) => (r.path.endsWith('gen-token')
      ? ghnOk({ token: 'tok-123' })
      : { headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<html>Nhãn LNKC89</html>' }));
    const label = await ghn(`${url}${GHN}`).label(['LNKC89'], { size: '80x80' });
    expect(label.body.toString('utf8')).toBe('<html>Nhãn LNKC89</html>');
    expect(label.contentType).toMatch(/text\/html/);
    expect(seen[1]).toMatchObject({ method: 'GET', path: '/a5/public-api/print80x80' });
    expect(seen[1].query.get('token')).toBe('tok-123');
    expect(await rejection(ghn(url).label(['LNKC89'], { size: 'a6' }))).toMatchObject({ code: 'LABEL_SIZE_UNSUPPORTED' });
  });

  it('tracks from the detail log and lists v3 provinces by page', async () => {
    const { url, seen } = await stub((r) => (r.path.endsWith('/detail')
      ? ghnOk({ order_code: 'LNKC89', status: 'picked', log: [{ status: 'ready_to_pick', updated_date: '2025-08-01T01:00:00Z' }, { status: 'picked', updated_date: '2025-08-01T05:00:00Z' }] })
      : ghnOk([{ _id: 1000000, name: 'Hà Nội', status: 1 }])));
    expect((await ghn(url).track('LNKC89')).map((e) => e.mapped)).toEqual(['booked', 'picked']);
    expect(await ghn(url).provinces('new2')).toEqual([{ id: '1000000', name: 'Hà Nội', aliases: [], parentId: null, scheme: 'new2', level: 'province', active: true }]);
    expect(seen[1]).toMatchObject({ method: 'GET', path: `${GHN}/v3/master-data/province/all` });
    expect(seen[1].query.get('limit')).toBe('200');
  });

  it('shows a GHN refusal as permanent with its message', async () => {
    const { url } = await stub(() => ({ status: 400, body: { code: 400, message: 'Số điện thoại không hợp lệ', data: null, code_message: 'USER_ERR_COMMON' } }));
    expect(await rejection(ghn(url).book(booking()))).toMatchObject({ kind: 'permanent', code: 'CARRIER_REJECTED', message: expect.stringMatching(/Số điện thoại không hợp lệ \(USER_ERR_COMMON\)/) });
  });
});

describe('Viettel Post client', () => {
  const vtp = (url: string, extra: Parameters<typeof createViettelPostConnector>[1] = {}, over = {}) => createViettelPostConnector(account('viettelpost', url, over), extra);

  it('books with the stored token, CHECK_UNIQUE and our ORDER_NUMBER', async () => {
    const { url, seen } = await stub(() => vtpOk({ ORDER_NUMBER: '1823456789012', MONEY_COLLECTION: 480000, MONEY_TOTAL: 41250 }));
    expect(await vtp(url).book(booking({ serviceCode: 'LCOD' }))).toMatchObject({ trackingNumber: '1823456789012', feeVnd: 41250 });
    expect(seen[0]).toMatchObject({ path: '/v2/order/createOrder', body: { ORDER_NUMBER: 'PD-000123', CHECK_UNIQUE: true, ORDER_PAYMENT: 3 } });
    expect(seen[0].headers.token).toBe('old-long-token');
  });

  it('reads errors sent as HTTP 200 with error: true (G3.1)', async () => {
    const { url } = await stub(() => ({ body: { status: 204, error: true, message: 'Price does not apply to this itinerary!', data: null } }));
    expect(await rejection(vtp(url).book(booking({ serviceCode: 'VCN' })))).toMatchObject({ kind: 'permanent', code: 'VTP_ROUTE_NOT_SERVED' });
  });

  it('turns a duplicate ORDER_NUMBER refusal into ALREADY_BOOKED', async () => {
    const { url } = await stub(() => ({ body: { status: 205, error: true, message: 'ORDER_NUMBER đã tồn tại trong hệ thống', data: null } }));
    const e = await rejection(vtp(url).book(booking({ serviceCode: 'VCN' })));
    expect(e).toMatchObject({ kind: 'permanent', code: 'ALREADY_BOOKED', message: expect.stringMatching(/PD-000123/) });
    expect(await vtp(url).findByCode('PD-000123')).toBeNull();
  });

  it('reads the bare array of getPriceAll (G3.2)', async () => {
    const { url, seen } = await stub(() => ({ body: [{ MA_DV_CHINH: 'VCN', TEN_DICHVU: 'Nhanh', GIA_CUOC: 38500, THOI_GIAN: '' }] }));
    expect(await vtp(url).quote(booking())).toEqual([{ serviceCode: 'VCN', name: 'Nhanh', speed: 'fast', feeVnd: 38500, expectedDeliveryAt: null }]);
    expect(seen[0]).toMatchObject({ path: '/v2/order/getPriceAll', body: { TYPE: 1, PRODUCT_TYPE: 'HH' } });
  });

  it('logs in once for many concurrent calls on an expired token, and retries each with the new token', async () => {
    const refreshed: string[] = [];
    const { url, seen } = await stub((r) => {
      if (r.path === '/v2/user/Login') return { ...vtpOk({ token: 'short-token' }), delayMs: 50 };
      if (r.path === '/v2/user/ownerconnect') return r.headers.token === 'short-token' ? vtpOk({ token: 'new-long-token' }) : { body: { status: 202, error: true, message: 'Token invalid' } };
      return r.headers.token === 'new-long-token' ? { body: [{ MA_DV_CHINH: 'VCN', GIA_CUOC: 1 }] } : { body: { status: 202, error: true, message: 'Token invalid or expired' } };
    });
    const connector = vtp(url, { onTokenRefreshed: (t) => { refreshed.push(t); } });
    const results = await Promise.all(Array.from({ length: 5 }, () => connector.quote(booking())));
    expect(results.every((r) => r[0].serviceCode === 'VCN')).toBe(true);
    expect(seen.filter((s) => s.path === '/v2/user/Login')).toHaveLength(1);
    expect(seen.find((s) => s.path === '/v2/user/Login')!.body).toEqual({ USERNAME: '0912345678', PASSWORD: 'secret-pw' });
    expect(seen.filter((s) => s.path === '/v2/user/ownerconnect')).toHaveLength(1);
    expect(refreshed).toEqual(['new-long-token']);
    expect(seen.filter((s) => s.path === '/v2/order/getPriceAll' && s.headers.token === 'new-long-token')).toHaveLength(5);
  });

  it('stops after one re-login when the new token is refused too', async () => {
    const { url, seen } = await stub((r) => (r.path.startsWith('/v2/user/') ? vtpOk({ token: 'x' }) : { body: { status: 202, error: true, message: 'Token invalid or expired' } }));
    expect(await rejection(vtp(url).quote(booking()))).toMatchObject({ kind: 'auth', code: 'VTP_TOKEN_REFUSED' });
    expect(seen.filter((s) => s.path === '/v2/user/Login')).toHaveLength(1);
  });

  it('does not try to log in without a password', async () => {
    const { url, seen } = await stub(() => ({ body: { status: 202, error: true, message: 'Token invalid or expired' } }));
    const e = await rejection(vtp(url, {}, { secrets: { token: 'old' } }).quote(booking()));
    expect(e).toMatchObject({ kind: 'auth', code: 'VTP_TOKEN_INVALID' });
    expect(seen).toHaveLength(1);
  });

  it('testConnection names a wrong password and checks the sender store', async () => {
    const { url: bad } = await stub(() => ({ body: { status: 200, error: true, message: 'Invalid owner account or password!' } }));
    expect(await vtp(bad).testConnection()).toMatchObject({ ok: false, code: 'VTP_LOGIN_REFUSED', message: expect.stringMatching(/password/) });
    const { url: good } = await stub((r) => (r.path === '/v2/user/listInventory' ? vtpOk([{ GROUPADDRESS_ID: 111, CUS_ID: 7 }]) : vtpOk({ token: 't' })));
    expect(await vtp(good, {}, { settings: { username: 'u', groupAddressId: 111 } }).testConnection()).toMatchObject({ ok: true });
    expect(await vtp(good, {}, { settings: { username: 'u', groupAddressId: 222 } }).testConnection()).toMatchObject({ ok: false, code: 'VTP_SENDER_STORE_INVALID' });
  });

  it('cancels with UpdateOrder TYPE 4 and reports a refusal as not cancelled', async () => {
    const { url, seen } = await stub(() => ({ body: { status: 200, error: true, message: 'Order status does not allow cancel' } }));
    expect(await vtp(url).cancel('1823456789012')).toMatchObject({ cancelled: false, message: expect.stringMatching(/does not allow/) });
    expect(seen[0]).toMatchObject({ path: '/v2/order/UpdateOrder', body: { TYPE: 4, ORDER_NUMBER: '1823456789012' } });
  });

  it('prints: token from printing-code `message`, PDF bytes from report.do intact', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3, 0x00, 0xff]), Buffer.from('\n%%EOF')]);
    const { url, seen } = await stub((r) => (r.path === '/v2/order/printing-code' ? vtpOk(null, 'print-tok-9') : { headers: { 'content-type': 'application/pdf' }, body: pdf }));
    const label = await vtp(url).label(['1823456789012'], { size: 'a6' });
    expect(label).toEqual({ contentType: 'application/pdf', body: pdf });
    expect(seen[0].body).toMatchObject({ ORDER_ARRAY: ['1823456789012'], EXPIRY_TIME: expect.any(Number) });
    expect(seen[1].path).toBe('/DigitalizePrint/report.do');
    expect(Object.fromEntries(seen[1].query)).toEqual({ type: '2', bill: 'print-tok-9', showPostage: '0' });
  });

  it('refuses text over 150 bytes before any request, and has no tracking pull', async () => {
    const { url, seen } = await stub(() => vtpOk({}));
    const to = { ...booking().to, name: 'Nguyễn Thị Phương Thảo '.repeat(5) };
    expect(await rejection(vtp(url).book(booking({ to, serviceCode: 'VCN' })))).toMatchObject({ code: 'TEXT_TOO_LONG', message: expect.stringMatching(/RECEIVER_FULLNAME/) });
    expect(await rejection(vtp(url).track('1823456789012'))).toMatchObject({ kind: 'permanent', code: 'NOT_SUPPORTED' });
    expect(seen).toHaveLength(0);
  });

  it('lists 2025 wards by province', async () => {
    const { url, seen } = await stub(() => vtpOk([{ WARDS_ID: 11235, WARDS_NAME: 'Phường Cửa Nam', DISTRICT_ID: 0 }]));
    expect(await vtp(url).wards('1', 'new2')).toMatchObject([{ id: '11235', parentId: '1', scheme: 'new2', level: 'ward' }]);
    expect(seen[0]).toMatchObject({ method: 'GET', path: '/v3/categories/listWardsNew' });
    expect(seen[0].query.get('provinceId')).toBe('1');
  });
});

describe.each([
  ['GHN', (url: string): CarrierConnector => createGhnConnector(account('ghn', url))],
  ['Viettel Post', (url: string): CarrierConnector => createViettelPostConnector(account('viettelpost', url))],
])('%s transport failures', (_name, make) => {
  const call = (c: CarrierConnector) => c.book(booking({ serviceCode: c.carrier === 'ghn' ? '2' : 'VCN' }));

  it('429 with Retry-After → rate_limited after that delay', async () => {
    const { url } = await stub(() => ({ status: 429, headers: { 'retry-after': '7' }, body: { message: 'Too many requests' } }));
    expect(await rejection(call(make(url)))).toMatchObject({ kind: 'rate_limited', code: 'RATE_LIMITED', retryAfterMs: 7000 });
  });

  it('5xx → transient', async () => {
    const { url } = await stub(() => ({ status: 503, headers: { 'content-type': 'text/html' }, body: '<html>Bảo trì</html>' }));
    expect(await rejection(call(make(url)))).toMatchObject({ kind: 'transient', code: 'PROVIDER_UNAVAILABLE' });
  });

  it('connection refused → offline', async () => {
    expect(await rejection(call(make(await deadUrl())))).toMatchObject({ kind: 'offline', code: 'NETWORK_UNREACHABLE' });
  });

  it('malformed JSON → transient with the raw text kept', async () => {
    const { url } = await stub(() => ({ status: 200, body: '{"code":200,"data":{"order_code":' }));
    const e = await rejection(call(make(url)));
    expect(e).toMatchObject({ kind: 'transient', code: 'RESPONSE_MALFORMED' });
    expect(e.raw).toBe('{"code":200,"data":{"order_code":');
  });
});
