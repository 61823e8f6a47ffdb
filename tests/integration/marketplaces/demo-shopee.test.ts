import { afterAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../main/core/core.js';
import { startCore, type Core } from '../../../main/core/core.js';
import { call } from '../../fixtures/core.js';
import { tempDir } from '../../fixtures/temp-dir.js';
import { DEMO_SHOPEE_SHOP_IDS, DEMO_SHOPEE_SHOPS } from '../../../main/simulators/shopee/index.js';

// The demo shop starts the Shopee simulator and connects "Shopee (demo)" to its main shop through the
// real client (code → tokens), again at every launch (the simulator forgets its tokens when it stops).

describe('the demo Shopee shop', () => {
  const dir = tempDir();
  let core: Core | null = null;
  afterAll(async () => {
    await core?.close();
    dir.remove();
  });

  const signIn = async (c: Core, operators?: { id: number; role: string; pin: string }[]): Promise<Session> => {
    const s = c.openSession();
    const ops = operators ?? (await call(s, 'session.operators', {})).map((o) => ({ ...o, pin: '1111' }));
    const admin = ops.find((o) => o.role === 'admin')!;
    await call(s, 'session.signIn', { operatorId: admin.id, pin: '1111' });
    return s;
  };

  it('is a connected Shopee account whose test passes, and whose orders share SKUs with the catalogue', async () => {
    core = await startCore({ dataDir: dir.path, autoBackup: false, log: () => {}, runJobs: false });
    const first = core.openSession();
    const { operators } = await call(first, 'session.startDemo', {});
    const s = await signIn(core, operators);
    const list = await call(s, 'marketplaces.list', {});
    const demo = list.find((a) => a.name === 'Shopee (demo)')!;
    expect(demo).toMatchObject({ environment: 'custom', partnerKeySet: true, settingsIssue: null });
    const status = await call(s, 'marketplaces.shopee.status', { accountId: demo.accountId });
    expect(status).toMatchObject({ connected: true, needsReconnect: false, shopId: String(DEMO_SHOPEE_SHOP_IDS.main) });
    expect(status.accessExpiresAt ?? 0).toBeGreaterThan(Date.now());
    // The name comes from the simulator's get_shop_info (fields beside `error`, not under `response`).
    expect(status.shopName).toBe(DEMO_SHOPEE_SHOPS[0]!.name);
    expect(await call(s, 'marketplaces.test', { accountId: demo.accountId })).toMatchObject({ ok: true, shopOk: true });

    // Most Shopee SKUs of the main shop are demo variants; the Bát Tràng set is left for "needs mapping".
    const skus = (DEMO_SHOPEE_SHOPS[0]!.items ?? []).flatMap((i) => (i.models && i.models.length ? i.models.map((m) => m.sku) : [i.sku ?? '']));
    const known = skus.filter((sku) => core!.store.prepare("SELECT 1 FROM catalog_codes WHERE code = ? AND kind = 'variant_sku'").get(sku));
    expect(known.length).toBeGreaterThanOrEqual(6);
    expect(skus.filter((sku) => !known.includes(sku))).toEqual(['BD-BATTRANG-6', 'BD-BATTRANG-10']);

    // A pull works with the tokens the demo got.
    const pulled = await call(s, 'intake.syncNow', { accountId: demo.accountId, wait: true });
    expect(pulled.lastError).toBeNull();
    expect(pulled.lastSuccessAt).not.toBeNull();
  });

  it('connects again after a restart, on the new simulator', async () => {
    await core!.close();
    core = await startCore({ dataDir: dir.path, autoBackup: false, log: () => {}, runJobs: false });
    const s = await signIn(core);
    const list = await call(s, 'marketplaces.list', {});
    expect(list.filter((a) => a.name === 'Shopee (demo)')).toEqual([expect.objectContaining({ connected: true, needsReconnect: false })]);
    const demo = list.find((a) => a.name === 'Shopee (demo)')!;
    expect(await call(s, 'marketplaces.test', { accountId: demo.accountId })).toMatchObject({ ok: true });
  });
});
