import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShopeeClient } from '../../../main/connectors/marketplaces/shopee/shopee-client.js';
import { getOrderDetail, getOrderList } from '../../../main/connectors/marketplaces/shopee/shopee-orders.js';
import { updateStock } from '../../../main/connectors/marketplaces/shopee/shopee-products.js';
import { ShopeeShop } from '../../../main/connectors/marketplaces/shopee/shopee-shop.js';
import { shopeeSign } from '../../../main/connectors/marketplaces/shopee/shopee-sign.js';

// The client's wire handling on canned answers: where the common params go, and what malformed,
// truncated, throttled and failing answers become.

interface Seen { method: string; path: string; query: URLSearchParams; body: string }

describe('Shopee client wire and faults', () => {
  let server: Server;
  let url = '';
  const seen: Seen[] = [];
  let answer: (req: IncomingMessage, res: ServerResponse) => void = (_q, res) => res.end('{}');
  const shop = () => new ShopeeShop(new ShopeeClient({ environment: 'custom', baseUrl: url, partnerId: '2001887', partnerKey: 'k', timeoutMs: 500 }), {
    shopId: '14701711', accessToken: async () => 'tok', afterRejection: async () => 'tok2',
  });
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const u = new URL(req.url!, 'http://x');
        seen.push({ method: req.method!, path: u.pathname, query: u.searchParams, body });
        answer(req, res);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }));

  const json = (status: number, text: string, headers: Record<string, string> = {}) => (_q: IncomingMessage, res: ServerResponse) =>
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(text);

  it('puts the common params in the query also for POST, signs shop calls, and writes int64 ids as bare numbers', async () => {
    answer = json(200, '{"error":"","message":"","request_id":"r","response":{"success_list":[{"model_id":9007199254740993}],"failure_list":[]}}');
    seen.length = 0;
    const res = await updateStock(shop(), '9007199254740993', [{ modelId: '9007199254740995', stock: 3 }]);
    expect(res.success_list[0]!.model_id).toBe('9007199254740993');
    const s = seen[0]!;
    expect(s.method).toBe('POST');
    expect(['partner_id', 'timestamp', 'access_token', 'shop_id', 'sign'].every((k) => s.query.has(k))).toBe(true);
    expect(s.query.get('sign')).toBe(shopeeSign('k', { partnerId: '2001887', path: '/api/v2/product/update_stock', timestamp: Number(s.query.get('timestamp')), scope: { kind: 'shop', accessToken: 'tok', shopId: '14701711' } }));
    expect(s.body).toBe('{"item_id":9007199254740993,"stock_list":[{"model_id":9007199254740995,"seller_stock":[{"stock":3}]}]}');
  });

  it('asks for details 50 at a time with the optional fields', async () => {
    answer = json(200, '{"error":"","message":"","response":{"order_list":[]}}');
    seen.length = 0;
    await getOrderDetail(shop(), Array.from({ length: 120 }, (_, i) => `SN${i}`));
    expect(seen.map((s) => s.query.get('order_sn_list')!.split(',').length)).toEqual([50, 50, 20]);
    expect(seen[0]!.query.get('response_optional_fields')).toContain('item_list');
  });

  const q = { timeRangeField: 'update_time' as const, timeFrom: 1_700_000_000, timeTo: 1_700_086_400 };

  it.each([
    ['truncated JSON', json(200, '{"error":"","response":{"more":fal'), 'transient', 'RESPONSE_MALFORMED'],
    ['HTML error page from a proxy', (_q: IncomingMessage, res: ServerResponse) => res.writeHead(502, { 'content-type': 'text/html' }).end('<html>Bad gateway</html>'), 'transient', 'SHOPEE_UNAVAILABLE'],
    ['429 with Retry-After', json(429, '{"error":"error_rate_limit","message":"too many"}', { 'retry-after': '7' }), 'rate_limited', 'SHOPEE_RATE_LIMITED'],
    ['15-day window refusal', json(200, '{"error":"order.order_list_invalid_time","message":"Start time must be earlier than end time and diff in 15days."}'), 'permanent', 'SHOPEE_REJECTED'],
    ['a shape we cannot use', json(200, '{"error":"","message":"","response":{"order_list":"nope"}}'), 'permanent', 'SHOPEE_RESPONSE_UNEXPECTED'],
  ])('%s → %s', async (_name, handler, kind, code) => {
    answer = handler;
    const error = await getOrderList(shop(), q).catch((e) => e);
    expect(error).toMatchObject({ kind, code });
    expect(typeof error.raw === 'string' ? error.raw.length : 1).toBeGreaterThan(0);
    if (code === 'SHOPEE_RATE_LIMITED') expect(error.retryAfterMs).toBe(7000);
  });

  it('times out as transient and finds nobody listening as offline', async () => {
    answer = () => {};
    await expect(getOrderList(shop(), q)).rejects.toMatchObject({ kind: 'transient', code: 'TIMEOUT' });
    // A port nobody listens on (port 1 is one fetch refuses outright).
    const spare = createServer();
    await new Promise<void>((r) => spare.listen(0, '127.0.0.1', () => r()));
    const port = (spare.address() as AddressInfo).port;
    await new Promise<void>((r) => spare.close(() => r()));
    const closed = new ShopeeShop(new ShopeeClient({ environment: 'custom', baseUrl: `http://127.0.0.1:${port}`, partnerId: '1', partnerKey: 'k' }), { shopId: '1', accessToken: async () => 't', afterRejection: async () => 't' });
    await expect(getOrderList(closed, q)).rejects.toMatchObject({ kind: 'offline' });
  });

  it('retries once with a fresh token after error_auth, and surfaces a second refusal', async () => {
    let n = 0;
    answer = (req, res) => {
      n++;
      const ok = new URL(req.url!, 'http://x').searchParams.get('access_token') === 'tok2';
      res.writeHead(ok ? 200 : 403, { 'content-type': 'application/json' }).end(ok ? '{"error":"","response":{"more":false,"next_cursor":"","order_list":[]}}' : '{"error":"error_auth","message":"Invalid access_token."}');
    };
    expect((await getOrderList(shop(), q)).more).toBe(false);
    expect(n).toBe(2);
    const stuck = new ShopeeShop(shop().client, { shopId: '14701711', accessToken: async () => 'tok', afterRejection: async () => 'tok3' });
    await expect(getOrderList(stuck, q)).rejects.toMatchObject({ kind: 'auth', code: 'SHOPEE_TOKEN_INVALID' });
  });
});
