import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, callError, makeCore, type TestCore } from '../../fixtures/core.js';
import { tempDir } from '../../fixtures/temp-dir.js';
import { DEMO_SHOPEE_PARTNER, DEMO_SHOPEE_SHOPS, DEMO_SHOPEE_SHOP_IDS, startShopeeSimulator, type ShopeeSimulatorHandle } from '../../../main/simulators/shopee/index.js';

// Shopee accounts created and edited through marketplaces.create / update, and the connection test's
// verdicts (wrong key, skewed clock, expired authorization), against the Shopee simulator.

describe('Shopee accounts: create, update, test', () => {
  let sim: ShopeeSimulatorHandle;
  let t: TestCore;
  let skewMs = 0;
  const dir = tempDir();
  beforeAll(async () => {
    sim = await startShopeeSimulator({ partners: [DEMO_SHOPEE_PARTNER], shops: DEMO_SHOPEE_SHOPS, tickEveryMs: 0, seed: 5, clock: () => Date.now() + skewMs });
    t = await makeCore({ dir: dir.path, core: { runJobs: false } });
  });
  afterAll(async () => {
    await t?.close();
    await sim?.close();
    dir.remove();
  });

  const input = (over: Record<string, unknown> = {}) => ({
    name: 'Shopee Lan', environment: 'custom', baseUrl: sim.url, settings: { partnerId: String(DEMO_SHOPEE_PARTNER.partnerId) },
    partnerKey: DEMO_SHOPEE_PARTNER.partnerKey, ...over,
  });
  const rowOf = (id: number) => t.core.store.prepare('SELECT * FROM connector_accounts WHERE id = ?').get(id) as Record<string, unknown>;

  it('creates a Shopee account with its key sealed and never returned', async () => {
    const created = await call(t.admin, 'marketplaces.create', input() as never);
    expect(created).toMatchObject({ provider: 'shopee', name: 'Shopee Lan', environment: 'custom', baseUrl: sim.url, partnerId: String(DEMO_SHOPEE_PARTNER.partnerId), partnerKeySet: true, ratePerMinute: 120, active: true, connected: false, settingsIssue: null });
    expect(JSON.stringify(created)).not.toContain(DEMO_SHOPEE_PARTNER.partnerKey);
    expect(JSON.stringify(await call(t.admin, 'marketplaces.list', {}))).not.toContain(DEMO_SHOPEE_PARTNER.partnerKey);
    const row = rowOf(created.accountId);
    expect(row.provider).toBe('shopee');
    expect(String(row.secrets_sealed)).not.toContain(DEMO_SHOPEE_PARTNER.partnerKey);
    // Carriers' list is not polluted by it.
    expect((await call(t.admin, 'connections.carriers', {})).map((c) => c.id)).not.toContain(created.accountId);
  });

  it('refuses a bad partner id or key with a field error and writes nothing', async () => {
    const before = (t.core.store.prepare('SELECT count(*) AS n FROM connector_accounts').get() as { n: number }).n;
    for (const bad of [{ settings: { partnerId: 'abc' } }, { settings: { partnerId: '99999999999' } }, { partnerKey: '' }, { partnerKey: 'có dấu cách' }, { environment: 'custom', baseUrl: '' }]) {
      const err = await callError(t.admin, 'marketplaces.create', input(bad) as never);
      expect(err.code).toBe('INPUT_INVALID');
    }
    expect((t.core.store.prepare('SELECT count(*) AS n FROM connector_accounts').get() as { n: number }).n).toBe(before);

    const { accountId } = await call(t.admin, 'marketplaces.create', input({ name: 'Shopee edit' }) as never);
    const row = rowOf(accountId);
    const err = await callError(t.admin, 'marketplaces.update', { accountId, name: 'Renamed', settings: { partnerId: '-5' } } as never);
    expect(err.code).toBe('INPUT_INVALID');
    expect(JSON.stringify(err.details)).toContain('partnerId');
    expect(await callError(t.admin, 'marketplaces.update', { accountId, environment: 'custom', baseUrl: '' })).toMatchObject({ code: 'INPUT_INVALID' });
    expect(rowOf(accountId)).toEqual(row);
  });

  it('updates name, rate and key; keeps the key when none is given', async () => {
    const { accountId } = await call(t.admin, 'marketplaces.create', input({ name: 'Shopee update' }) as never);
    const sealed = rowOf(accountId).secrets_sealed;
    const updated = await call(t.admin, 'marketplaces.update', { accountId, name: 'Shopee Outlet', ratePerMinute: 30, active: false });
    expect(updated).toMatchObject({ name: 'Shopee Outlet', ratePerMinute: 30, active: false, partnerKeySet: true });
    expect(rowOf(accountId).secrets_sealed).toBe(sealed);
    await call(t.admin, 'marketplaces.update', { accountId, partnerKey: 'another-key' });
    expect(rowOf(accountId).secrets_sealed).not.toBe(sealed);
    // A GHN account is not a Shopee account.
    const ghn = await call(t.admin, 'connections.create', { provider: 'ghn', name: 'GHN x', environment: 'sandbox' } as never);
    expect(await callError(t.admin, 'marketplaces.update', { accountId: ghn.id, name: 'x' })).toMatchObject({ code: 'CONFLICT', details: { reason: 'not_shopee' } });
  });

  it('tests the partner key before and after connecting, and names what is wrong', async () => {
    const { accountId } = await call(t.admin, 'marketplaces.create', input({ name: 'Shopee test' }) as never);
    expect(await call(t.admin, 'marketplaces.test', { accountId })).toMatchObject({ ok: false, code: 'SHOPEE_NOT_CONNECTED', hint: 'connect', credentialsOk: true });

    // Connected through the real client path: a code from the simulator's seller page, exchanged for tokens.
    const code = sim.control.issueAuthCode(DEMO_SHOPEE_SHOP_IDS.main);
    await call(t.admin, 'marketplaces.shopee.completeAuth', { accountId, redirectedUrl: `http://127.0.0.1/cb?code=${code}&shop_id=${DEMO_SHOPEE_SHOP_IDS.main}` });
    const good = await call(t.admin, 'marketplaces.test', { accountId });
    expect(good).toMatchObject({ ok: true, code: null, credentialsOk: true, shopOk: true });
    expect(rowOf(accountId).last_error).toBeNull();

    // Clock skew: Shopee (here, the simulator) is 10 minutes ahead of this computer.
    skewMs = 10 * 60_000;
    try {
      expect(await call(t.admin, 'marketplaces.test', { accountId })).toMatchObject({ ok: false, code: 'SHOPEE_CLOCK', hint: 'clock' });
    } finally {
      skewMs = 0;
    }

    // Wrong key: the signature is refused.
    await call(t.admin, 'marketplaces.update', { accountId, partnerKey: 'wrong-partner-key' });
    const wrongKey = await call(t.admin, 'marketplaces.test', { accountId });
    expect(wrongKey).toMatchObject({ ok: false, code: 'SHOPEE_SIGN_INVALID', hint: 'partner_key', credentialsOk: false });
    expect(rowOf(accountId).last_error).toMatch(/signature/i);
    expect(JSON.stringify(wrongKey)).not.toContain('wrong-partner-key');

    // Unknown partner id.
    await call(t.admin, 'marketplaces.update', { accountId, partnerKey: DEMO_SHOPEE_PARTNER.partnerKey, settings: { partnerId: '123456' } });
    expect((await call(t.admin, 'marketplaces.shopee.status', { accountId })).needsReconnect).toBe(true);
    expect(await call(t.admin, 'marketplaces.test', { accountId })).toMatchObject({ ok: false, hint: expect.stringMatching(/partner_id|partner_key/) });
  });

  it('says "reconnect" when the authorization has expired', async () => {
    const { accountId } = await call(t.admin, 'marketplaces.create', input({ name: 'Shopee expired' }) as never);
    const code = sim.control.issueAuthCode(DEMO_SHOPEE_SHOP_IDS.outlet);
    await call(t.admin, 'marketplaces.shopee.completeAuth', { accountId, redirectedUrl: `http://127.0.0.1/cb?code=${code}&shop_id=${DEMO_SHOPEE_SHOP_IDS.outlet}` });
    sim.control.expireAccessTokens(DEMO_SHOPEE_SHOP_IDS.outlet);
    sim.control.expireRefreshTokens(DEMO_SHOPEE_SHOP_IDS.outlet);
    expect(await call(t.admin, 'marketplaces.test', { accountId })).toMatchObject({ ok: false, hint: 'reconnect', shopOk: false });
    expect((await call(t.admin, 'marketplaces.shopee.status', { accountId })).needsReconnect).toBe(true);
    const health = await call(t.admin, 'marketplaces.health', { accountId });
    expect(health).toEqual([expect.objectContaining({ accountId, queued: 0, failed: 0, lastErrorHint: 'reconnect' })]);
  });

  it('keeps Shopee shops out of the carriers\' connections screen and its commands', async () => {
    const { accountId } = await call(t.admin, 'marketplaces.create', input({ name: 'Shopee not a carrier' }) as never);
    const listed = await call(t.admin, 'connections.list', {});
    expect(listed.every((c) => c.provider === 'ghn' || c.provider === 'viettelpost')).toBe(true);
    expect(await callError(t.admin, 'connections.update', { id: accountId, name: 'x' })).toMatchObject({ code: 'CONFLICT', details: { reason: 'not_carrier' } });
    expect(await callError(t.admin, 'connections.test', { id: accountId })).toMatchObject({ code: 'CONFLICT', details: { reason: 'not_carrier' } });
  });

  it('only admins create and edit; managers may test', async () => {
    const manager = await t.signedIn('manager');
    expect(await callError(manager, 'marketplaces.create', input({ name: 'x' }) as never)).toMatchObject({ code: 'FORBIDDEN' });
    const [first] = await call(manager, 'marketplaces.list', {});
    expect(await callError(manager, 'marketplaces.update', { accountId: first.accountId, name: 'x' })).toMatchObject({ code: 'FORBIDDEN' });
  });
});
