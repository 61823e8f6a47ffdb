// Shop authorization (spec §1.2): the signed auth link opens a small page where the "seller" picks a
// shop and approves; the browser is then sent to `redirect?code=…&shop_id=…`, which is how a desktop
// app's loopback redirect listener gets exercised end to end. Then code → token pair, and refresh.

import type { Route, SimReply } from '../shared/sim-server.js';
import { HEX, randomString } from '../shared/prng.js';
import { API, publicApi, type Body, type ShopeeContext } from './shopee-context.js';
import { toId } from './shopee-json.js';
import { MESSAGES } from './shopee-replies.js';

export const AUTH_PARTNER_PATH = `${API}/shop/auth_partner`;
/** Ours, not Shopee's: where the page's "Authorize" link goes. */
export const AUTHORIZE_PATH = `${API}/shop/auth_partner/authorize`;

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

interface PendingGrant {
  partnerId: number;
  redirect: string;
  expiresAt: number;
}

export function authRoutes(ctx: ShopeeContext): { routes: Route[]; reset(): void } {
  const { replies, auth, catalog, clock } = ctx;
  const grants = new Map<string, PendingGrant>();

  const page = (html: string, status = 200): SimReply => ({ status, text: html, contentType: 'text/html; charset=utf-8', note: 'page' });

  const authPartner = publicApi(ctx, (req, partner) => {
    const redirect = req.query.get('redirect');
    if (!redirect) return replies.param(MESSAGES.noParam('redirect'));
    let target: URL;
    try {
      target = new URL(redirect);
    } catch {
      return replies.param('Wrong parameters, redirect is not a valid url.');
    }
    const grant = randomString(ctx.random, HEX, 24);
    // The link dies with its timestamp (5 min).
    grants.set(grant, { partnerId: partner.partnerId, redirect: target.toString(), expiresAt: Number(req.query.get('timestamp')) * 1000 + auth.windowS * 1000 });
    const shops = catalog
      .shopIds()
      .map((id) => `<li><a id="authorize-${id}" href="${AUTHORIZE_PATH}?grant=${grant}&amp;shop_id=${id}">Authorize ${esc(catalog.shopName(id))} (shop_id ${id})</a></li>`)
      .join('');
    return page(
      `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Shopee Open Platform – Authorization</title></head>` +
        `<body><h1>Ủy quyền cho ứng dụng (partner_id ${partner.partnerId})</h1><p>Chọn shop để cấp quyền:</p><ul>${shops}</ul>` +
        `<form method="get" action="${AUTHORIZE_PATH}"><input type="hidden" name="grant" value="${grant}">` +
        `<select name="shop_id">${catalog.shopIds().map((id) => `<option value="${id}">${esc(catalog.shopName(id))}</option>`).join('')}</select>` +
        `<button type="submit" id="authorize">Authorize</button></form></body></html>`,
    );
  });

  const authorize = (req: { query: URLSearchParams }): SimReply => {
    const grant = grants.get(req.query.get('grant') ?? '');
    const shopId = Number(req.query.get('shop_id'));
    if (!grant || grant.expiresAt < clock()) return page('<!doctype html><p>Link expired. Please open the authorization link again.</p>', 400);
    if (!catalog.hasShop(shopId)) return page('<!doctype html><p>Unknown shop.</p>', 400);
    grants.delete(req.query.get('grant') ?? '');
    const code = auth.issueCode(grant.partnerId, shopId);
    const target = new URL(grant.redirect);
    target.searchParams.set('code', code);
    target.searchParams.set('shop_id', String(shopId));
    return { status: 302, headers: { location: target.toString() }, text: '', contentType: 'text/plain', note: 'authorized' };
  };

  const shopOf = (body: Body): number | undefined => {
    const id = toId(body.shop_id);
    return id !== undefined && id <= 4294967295n ? Number(id) : undefined;
  };

  const tokenGet = publicApi(ctx, (_req, partner, body) => {
    if (typeof body.code !== 'string' || body.code === '') return replies.param('There is no code in body.'); // [?]
    const shopId = shopOf(body);
    if (shopId === undefined) return replies.param('There is no shop_id in body.'); // [?] (main_account_id not simulated)
    if (toId(body.partner_id) !== BigInt(partner.partnerId)) return replies.param(MESSAGES.invalidPartner);
    const pair = auth.exchangeCode(partner.partnerId, shopId, body.code);
    if ('status' in pair) return pair;
    return replies.topLevel({ access_token: pair.accessToken, refresh_token: pair.refreshToken, expire_in: pair.expireInS }, 'token-issued');
  });

  const refresh = publicApi(ctx, (_req, partner, body) => {
    if (typeof body.refresh_token !== 'string' || body.refresh_token === '') return replies.param('There is no refresh_token in body.'); // [?]
    const shopId = shopOf(body);
    if (shopId === undefined) return replies.param('There is no shop_id in body.');
    if (toId(body.partner_id) !== BigInt(partner.partnerId)) return replies.param(MESSAGES.invalidPartner);
    const pair = auth.refreshPair(partner.partnerId, shopId, body.refresh_token);
    if ('status' in pair) return pair;
    return replies.topLevel(
      { partner_id: partner.partnerId, shop_id: shopId, access_token: pair.accessToken, refresh_token: pair.refreshToken, expire_in: pair.expireInS },
      'token-refreshed',
    );
  });

  return {
    routes: [
      { methods: ['GET'], path: AUTH_PARTNER_PATH, handler: authPartner },
      { methods: ['GET', 'POST'], path: AUTHORIZE_PATH, handler: authorize },
      { methods: ['POST'], path: `${API}/auth/token/get`, handler: tokenGet },
      { methods: ['POST'], path: `${API}/auth/access_token/get`, handler: refresh },
    ],
    reset: () => grants.clear(),
  };
}
