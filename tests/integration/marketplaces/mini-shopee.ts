import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// A minimal Shopee written inside the tests from specs/marketplaces.md §1.2–§1.4 (not the real
// simulator): auth link, code → tokens, single-use refresh, one Shop API call. Its own signing check.

export interface MiniShopee {
  url: string;
  partnerId: string;
  partnerKey: string;
  shopId: string;
  /** Requests by path. */
  hits: Map<string, number>;
  /** Refresh tokens in the order they were spent. */
  spentRefresh: string[];
  /** Access tokens Shopee currently accepts. */
  validAccess: Set<string>;
  /** The code the next approval hands out. */
  issueCode(): string;
  /** Delay of the refresh answer (widens the race window). */
  refreshDelayMs: number;
  /** Seller revoked the app: every refresh token stops working. */
  revoke(): void;
  close(): Promise<void>;
}

const hmac = (key: string, s: string) => createHmac('sha256', key).update(s).digest('hex');

export async function startMiniShopee(opts: { partnerId?: string; partnerKey?: string; shopId?: string } = {}): Promise<MiniShopee> {
  const partnerId = opts.partnerId ?? '2001887';
  const partnerKey = opts.partnerKey ?? 'test-partner-key-' + randomBytes(4).toString('hex');
  const shopId = opts.shopId ?? '14701711';
  const codes = new Set<string>();
  const refreshTokens = new Set<string>();
  let revoked = false;
  const state: MiniShopee = {
    url: '', partnerId, partnerKey, shopId, hits: new Map(), spentRefresh: [], validAccess: new Set(), refreshDelayMs: 0,
    issueCode() {
      const c = randomBytes(8).toString('hex');
      codes.add(c);
      return c;
    },
    revoke() {
      revoked = true;
      refreshTokens.clear();
      state.validAccess.clear();
    },
    close: async () => {},
  };
  const pair = () => {
    const access = randomBytes(16).toString('hex');
    const refresh = randomBytes(16).toString('hex');
    state.validAccess.add(access);
    refreshTokens.add(refresh);
    return { access_token: access, refresh_token: refresh, expire_in: 14400 };
  };
  const send = (res: import('node:http').ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(typeof body === 'string' ? body : JSON.stringify(body));
  };
  const readBody = (req: IncomingMessage) => new Promise<string>((resolve) => {
    let s = '';
    req.on('data', (c) => (s += c));
    req.on('end', () => resolve(s));
  });

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    state.hits.set(path, (state.hits.get(path) ?? 0) + 1);
    const q = url.searchParams;
    const err = (error: string, message: string, status = 200) => send(res, status, { request_id: 'rq', error, message });
    const ts = Number(q.get('timestamp'));
    if (q.get('partner_id') !== partnerId) return err('error_param', 'no partner_id');
    if (!Number.isInteger(ts) || Math.abs(Date.now() / 1000 - ts) > 300) return err('error_param', 'Timestamp is expired.');
    const isShop = q.has('access_token');
    const base = `${partnerId}${path}${ts}${isShop ? `${q.get('access_token')}${q.get('shop_id')}` : ''}`;
    if (q.get('sign') !== hmac(partnerKey, base)) return err('error_sign', 'Wrong sign.', 403);

    if (path === '/api/v2/shop/auth_partner') {
      // The seller approves at once: the browser is sent to redirect + code + shop_id.
      const redirect = q.get('redirect') ?? '';
      const sep = redirect.includes('?') ? '&' : '?';
      res.writeHead(302, { location: `${redirect}${sep}code=${state.issueCode()}&shop_id=${shopId}` }).end();
      return;
    }
    const body = req.method === 'POST' ? JSON.parse((await readBody(req)) || '{}') : {};
    if (path === '/api/v2/auth/token/get') {
      if (!codes.delete(body.code) || String(body.shop_id) !== shopId || String(body.partner_id) !== partnerId) return err('error_auth', 'Invalid code.');
      return send(res, 200, { request_id: 'rq', error: '', message: '', ...pair() });
    }
    if (path === '/api/v2/auth/access_token/get') {
      if (state.refreshDelayMs) await new Promise((r) => setTimeout(r, state.refreshDelayMs));
      if (revoked || !refreshTokens.delete(body.refresh_token)) return err('error_auth', 'Invalid refresh_token.');
      state.spentRefresh.push(body.refresh_token);
      return send(res, 200, { request_id: 'rq', error: '', message: '', shop_id: Number(shopId), partner_id: Number(partnerId), ...pair() });
    }
    if (!isShop || q.get('shop_id') !== shopId) return err('error_param', 'There is no access_token in query.');
    if (!state.validAccess.has(q.get('access_token')!)) return err('error_auth', 'Invalid access_token.', 403);
    if (path === '/api/v2/shop/get_shop_info') {
      // 2^53 + 1 in a field we do not read, as a bare number.
      return send(res, 200, `{"request_id":"rq","error":"","message":"","response":{"shop_name":"Tiệm Nhà Lan","region":"VN","status":"NORMAL","some_id":9007199254740993}}`);
    }
    return err('error_not_found', 'Wrong path');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); });
  return state;
}
