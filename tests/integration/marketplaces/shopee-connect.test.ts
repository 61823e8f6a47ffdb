import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, callError, makeCore, type TestCore } from '../../fixtures/core.js';
import { tempDir } from '../../fixtures/temp-dir.js';
import { getShopInfo } from '../../../main/connectors/marketplaces/shopee/shopee-shop-info.js';
import { shopeeShopFor } from '../../../main/domain/marketplaces/shopee/shopee-account.js';
import { startMiniShopee, type MiniShopee } from './mini-shopee.js';

// Connecting a Shopee shop and keeping its tokens alive, against a minimal Shopee written in the test from the spec.

function addShopeeAccount(t: TestCore, shopee: MiniShopee, name = 'Shopee Lan'): number {
  const now = Date.now();
  const r = t.core.store.prepare(`INSERT INTO connector_accounts (provider, name, environment, base_url, settings_json, secrets_sealed, created_at, updated_at)
    VALUES ('shopee', ?, 'custom', ?, ?, ?, ?, ?)`).run(name, shopee.url, JSON.stringify({ partnerId: shopee.partnerId }), t.core.secrets.seal(JSON.stringify({ partnerKey: shopee.partnerKey })), now, now);
  return Number(r.lastInsertRowid);
}

const expireAccess = (t: TestCore, accountId: number) =>
  t.core.store.prepare('UPDATE marketplace_authorizations SET access_expires_at = ? WHERE account_id = ?').run(Date.now() - 1000, accountId);

describe('Shopee shop connection', () => {
  let shopee: MiniShopee;
  let t: TestCore;
  const dir = tempDir();
  beforeAll(async () => {
    shopee = await startMiniShopee();
    t = await makeCore({ dir: dir.path });
  });
  afterAll(async () => {
    await t?.close();
    await shopee?.close();
    dir.remove();
  });

  it('connects through the loopback redirect listener', async () => {
    const accountId = addShopeeAccount(t, shopee);
    expect(await call(t.admin, 'marketplaces.shopee.status', { accountId })).toMatchObject({ connected: false, needsReconnect: false, settingsIssue: null });
    const link = await call(t.admin, 'marketplaces.shopee.authLink', { accountId });
    const url = new URL(link.url);
    expect(url.pathname).toBe('/api/v2/shop/auth_partner');
    expect([...url.searchParams.keys()].sort()).toEqual(['partner_id', 'redirect', 'sign', 'timestamp']);
    expect(url.searchParams.get('redirect')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/shopee\/callback\?state=[0-9a-f]{32}$/);
    expect((await call(t.admin, 'marketplaces.shopee.status', { accountId })).awaitingRedirect).toBe(true);

    const waiting = call(t.admin, 'marketplaces.shopee.awaitRedirect', { accountId });
    // The "browser": Shopee approves and redirects to the listener.
    const page = await fetch(link.url);
    expect(page.status).toBe(200);
    const status = await waiting;
    expect(status).toMatchObject({ connected: true, shopId: shopee.shopId, shopName: 'Tiệm Nhà Lan', needsReconnect: false, awaitingRedirect: false });
    expect(status.accessExpiresAt! - Date.now()).toBeGreaterThan(14_000_000);
    // Tokens never cross the boundary, and are sealed at rest.
    expect(JSON.stringify(status)).not.toMatch(/[0-9a-f]{32}/);
    const row = t.core.store.prepare('SELECT tokens_sealed FROM marketplace_authorizations WHERE account_id = ?').get(accountId) as { tokens_sealed: string };
    for (const token of shopee.validAccess) expect(row.tokens_sealed).not.toContain(token);
    // One-shot: the listener is gone.
    await expect(fetch(link.redirectUri)).rejects.toThrow();
  });

  it('connects from a pasted URL and explains a bad one', async () => {
    const accountId = addShopeeAccount(t, shopee, 'Shopee paste');
    expect(await callError(t.admin, 'marketplaces.shopee.completeAuth', { accountId, redirectedUrl: 'không phải địa chỉ' })).toMatchObject({ code: 'MARKETPLACE_REDIRECT_INVALID', details: { reason: 'not_url' } });
    expect(await callError(t.admin, 'marketplaces.shopee.completeAuth', { accountId, redirectedUrl: 'https://seller.shopee.vn/?shop_id=1' })).toMatchObject({ code: 'MARKETPLACE_REDIRECT_INVALID', details: { reason: 'no_code' } });
    const link = await call(t.admin, 'marketplaces.shopee.authLink', { accountId });
    const wrongState = `http://127.0.0.1:1/shopee/callback?state=${'0'.repeat(32)}&code=x&shop_id=${shopee.shopId}`;
    expect(await callError(t.admin, 'marketplaces.shopee.completeAuth', { accountId, redirectedUrl: wrongState })).toMatchObject({ details: { reason: 'state_mismatch' } });
    // The seller's browser could not reach the listener: the operator pastes the address it shows.
    const pasted = `${link.redirectUri}&code=${shopee.issueCode()}&shop_id=${shopee.shopId}`;
    expect(await call(t.admin, 'marketplaces.shopee.completeAuth', { accountId, redirectedUrl: pasted })).toMatchObject({ connected: true, shopId: shopee.shopId, awaitingRedirect: false });
    // A spent code is refused by Shopee: the error says so instead of "connected".
    expect(await callError(t.admin, 'marketplaces.shopee.completeAuth', { accountId, redirectedUrl: pasted.replace(/state=[^&]+&/, '') })).toMatchObject({ code: 'MARKETPLACE_AUTH_FAILED' });
    expect((await call(t.admin, 'marketplaces.list', {})).map((a) => a.name)).toEqual(expect.arrayContaining(['Shopee Lan', 'Shopee paste']));
  });

  it('refreshes once for 10 concurrent callers and everyone gets the new token', async () => {
    const accountId = addShopeeAccount(t, shopee, 'Shopee race');
    await call(t.admin, 'marketplaces.shopee.completeAuth', { accountId, redirectedUrl: `http://127.0.0.1/cb?code=${shopee.issueCode()}&shop_id=${shopee.shopId}` });
    expireAccess(t, accountId);
    const before = shopee.hits.get('/api/v2/auth/access_token/get') ?? 0;
    shopee.refreshDelayMs = 150;
    const shop = shopeeShopFor(t.core.store, t.core.secrets, accountId);
    const infos = await Promise.all(Array.from({ length: 10 }, () => getShopInfo(shop)));
    shopee.refreshDelayMs = 0;
    expect(infos.map((i) => i.shop_name)).toEqual(Array(10).fill('Tiệm Nhà Lan'));
    expect((shopee.hits.get('/api/v2/auth/access_token/get') ?? 0) - before).toBe(1);
    const status = await call(t.admin, 'marketplaces.shopee.status', { accountId });
    expect(status.accessExpiresAt!).toBeGreaterThan(Date.now() + 3_600_000);
  });

  it('retries a call Shopee refused for its token once, after one refresh', async () => {
    const accountId = addShopeeAccount(t, shopee, 'Shopee revoked token');
    await call(t.admin, 'marketplaces.shopee.completeAuth', { accountId, redirectedUrl: `http://127.0.0.1/cb?code=${shopee.issueCode()}&shop_id=${shopee.shopId}` });
    shopee.validAccess.clear(); // Shopee drops every access token although ours are not expired
    const before = shopee.hits.get('/api/v2/auth/access_token/get') ?? 0;
    const shop = shopeeShopFor(t.core.store, t.core.secrets, accountId);
    expect((await getShopInfo(shop)).shop_name).toBe('Tiệm Nhà Lan');
    expect((shopee.hits.get('/api/v2/auth/access_token/get') ?? 0) - before).toBe(1);
  });

  it('persists the new pair before using it: a crash right after the refresh loses nothing', async () => {
    const accountId = addShopeeAccount(t, shopee, 'Shopee crash');
    await call(t.admin, 'marketplaces.shopee.completeAuth', { accountId, redirectedUrl: `http://127.0.0.1/cb?code=${shopee.issueCode()}&shop_id=${shopee.shopId}` });
    expireAccess(t, accountId);
    const spent = shopee.spentRefresh.length;
    const dying = shopeeShopFor(t.core.store, t.core.secrets, accountId, { afterTokenSave: () => { throw new Error('killed'); } });
    await expect(getShopInfo(dying)).rejects.toThrow('killed');
    expect(shopee.spentRefresh.length).toBe(spent + 1);
    // "Restart": a new core on the same folder.
    await t.close();
    t = await makeCore({ dir: dir.path });
    const refreshes = shopee.hits.get('/api/v2/auth/access_token/get') ?? 0;
    expect((await getShopInfo(shopeeShopFor(t.core.store, t.core.secrets, accountId))).shop_name).toBe('Tiệm Nhà Lan');
    // It used the stored new access token: no second refresh (the old refresh token is spent anyway).
    expect(shopee.hits.get('/api/v2/auth/access_token/get') ?? 0).toBe(refreshes);
    expect(await call(t.admin, 'marketplaces.shopee.status', { accountId })).toMatchObject({ connected: true, needsReconnect: false });
  });

  it('marks the account "needs reconnect" when the authorization is gone, and surfaces it', async () => {
    const accountId = addShopeeAccount(t, shopee, 'Shopee expired');
    await call(t.admin, 'marketplaces.shopee.completeAuth', { accountId, redirectedUrl: `http://127.0.0.1/cb?code=${shopee.issueCode()}&shop_id=${shopee.shopId}` });
    expireAccess(t, accountId);
    shopee.revoke();
    const shop = shopeeShopFor(t.core.store, t.core.secrets, accountId);
    await expect(getShopInfo(shop)).rejects.toMatchObject({ kind: 'auth', code: 'SHOPEE_RECONNECT_NEEDED' });
    // No second refresh attempt with a dead token: it stays "needs reconnect" until the seller reconnects.
    const refreshes = shopee.hits.get('/api/v2/auth/access_token/get') ?? 0;
    await expect(getShopInfo(shop)).rejects.toMatchObject({ code: 'SHOPEE_RECONNECT_NEEDED' });
    expect(shopee.hits.get('/api/v2/auth/access_token/get')).toBe(refreshes);
    const status = await call(t.admin, 'marketplaces.shopee.status', { accountId });
    expect(status).toMatchObject({ needsReconnect: true, reconnectReason: expect.stringContaining('refresh_token') });
    expect((await call(t.admin, 'marketplaces.list', {})).find((a) => a.accountId === accountId)?.needsReconnect).toBe(true);
    const row = t.core.store.prepare('SELECT last_error FROM connector_accounts WHERE id = ?').get(accountId) as { last_error: string };
    expect(row.last_error).toMatch(/connect the shop again/);
  });
});
