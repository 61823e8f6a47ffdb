import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../fixtures/core.js';
import { pullAll, setup, simStock, SHOPS, waitFor, type ListingsSetup } from './listings-fixture.js';

let s: ListingsSetup | null = null;
afterEach(async () => {
  await s?.close();
  s = null;
});

const idle = (x: ListingsSetup) =>
  waitFor('pushes done', () => x.t.core.store.prepare("SELECT count(*) FROM jobs WHERE kind = 'listings.push' AND status IN ('queued','running')").pluck().get() === 0);
const modelOf = (x: ListingsSetup, shop: number, sku: string) => {
  const item = x.sim.control.items(shop).find((i) => i.models.some((m) => m.model_sku === sku))!;
  return { item: item.item_id, model: item.models.find((m) => m.model_sku === sku)!.model_id };
};

describe('listings: policy, push now, refusals, intake mappings', () => {
  it('the policy decides what each shop shows; saving it pushes again', async () => {
    s = await setup({ ourStock: 10 });
    const [a, b] = s.accounts;
    for (const acc of s.accounts) await pullAll(s, acc);
    await waitFor('first pushes', () => SHOPS.every((shop) => simStock(s!.sim, shop, 'LS-AO-M') === 10));
    await call(s.t.admin, 'listings.setPolicy', { accountId: b, enabled: true, sharePercent: 50, reserveUnits: 2, zeroBelow: 0, maxShown: 3, warehouseIds: [], driftEveryMinutes: 15 });
    await waitFor('shop B shows min(3, 50% of 8)', () => simStock(s!.sim, SHOPS[1], 'LS-AO-M') === 3 && simStock(s!.sim, SHOPS[1], 'LS-AO-L') === 3);
    expect(simStock(s.sim, SHOPS[0], 'LS-AO-M')).toBe(10);
    await call(s.t.admin, 'listings.setPolicy', { accountId: b, enabled: true, sharePercent: 100, reserveUnits: 0, zeroBelow: 6, maxShown: null, warehouseIds: [], driftEveryMinutes: 15 });
    await call(s.t.admin, 'inventory.adjust', { warehouseId: s.warehouseId, variantId: s.variant.get('LS-AO-M')!, setOnHand: 5, reason: 'còn 5' });
    await waitFor('A shows 5, B shows 0 (below 6)', () => simStock(s!.sim, SHOPS[0], 'LS-AO-M') === 5 && simStock(s!.sim, SHOPS[1], 'LS-AO-M') === 0);
    expect(await call(s.t.admin, 'listings.policy', { accountId: b })).toMatchObject({ zeroBelow: 6, maxShown: null });
    // A warehouse that does not feed the shop does not count.
    const other = await call(s.t.admin, 'warehouses.create', { code: 'K-KHAC', name: 'Kho khác' });
    await call(s.t.admin, 'listings.setPolicy', { accountId: a, enabled: true, sharePercent: 100, reserveUnits: 0, zeroBelow: 0, maxShown: null, warehouseIds: [other.id], driftEveryMinutes: 15 });
    await waitFor('A fed by an empty warehouse shows 0', () => simStock(s!.sim, SHOPS[0], 'LS-AO-M') === 0);
  });

  it('push now re-sends what we hold even when nothing changed; the log shows it', async () => {
    s = await setup();
    const [a] = s.accounts;
    await pullAll(s, a);
    await waitFor('first push', () => simStock(s!.sim, SHOPS[0], 'LS-AO-M') === 5);
    await idle(s);
    const m = modelOf(s, SHOPS[0], 'LS-AO-M');
    s.sim.control.setStock(SHOPS[0], m.item, m.model, 77);
    const r = await call(s.t.admin, 'listings.pushNow', { accountId: a, itemIds: [m.item] });
    expect(r.queued).toBe(1);
    await waitFor('pushed by hand', () => simStock(s!.sim, SHOPS[0], 'LS-AO-M') === 5);
    const log = await call(s.t.admin, 'listings.pushLog', { accountId: a });
    expect(log.items.filter((e) => e.reason === 'manual' && e.result === 'ok').map((e) => e.sku).sort()).toEqual(['LS-AO-L', 'LS-AO-M']);
    expect((await call(s.t.admin, 'listings.pushNow', { accountId: a })).queued).toBe(3);
  });

  it("a push below Shopee's new promotion reserve is refused per model, logged, then fixed by the drift check", async () => {
    s = await setup();
    const [a] = s.accounts;
    await pullAll(s, a);
    await waitFor('first push', () => simStock(s!.sim, SHOPS[0], 'LS-AO-M') === 5);
    await idle(s);
    const m = modelOf(s, SHOPS[0], 'LS-AO-M');
    s.sim.control.setReserved(SHOPS[0], m.item, m.model, 4); // a campaign starts; we have not seen it yet
    await call(s.t.admin, 'inventory.adjust', { warehouseId: s.warehouseId, variantId: s.variant.get('LS-AO-M')!, setOnHand: 1, reason: 'hỏng' });
    const failed = await waitFor('refusal logged', () => (s!.t.core.store.prepare("SELECT error FROM listing_push_log WHERE result = 'failed'").pluck().get() as string | undefined));
    expect(failed.value.length).toBeGreaterThan(0);
    expect((await call(s.t.admin, 'listings.list', { accountId: a, filter: 'failed' })).total).toBe(1);
    await call(s.t.admin, 'listings.checkDrift', { accountId: a });
    await waitFor('pushed at the reserve', () => s!.t.core.store.prepare("SELECT last_pushed_qty FROM listings WHERE sku = 'LS-AO-M' AND account_id = ?").pluck().get(a) === 4);
    expect(simStock(s.sim, SHOPS[0], 'LS-AO-M')).toBe(4);
  });

  it('a listing mapped by hand during order intake becomes linked and is pushed', async () => {
    s = await setup();
    const [a] = s.accounts;
    const preview = await call(s.t.admin, 'listings.pullPreview', { accountId: a });
    const tui = preview.proposals.find((p) => p.action === 'create')!;
    await call(s.t.admin, 'intake.mapListing', { accountId: a, itemId: tui.itemId, modelId: tui.modelId, variantId: s.variant.get('LS-MU')! });
    const l = (await call(s.t.admin, 'listings.list', { accountId: a, filter: 'linked' })).items;
    expect(l.map((x) => [x.itemId, x.linkedBy])).toEqual([[tui.itemId, 'mapping']]);
    await waitFor('pushed', () => s!.t.core.store.prepare('SELECT last_pushed_qty FROM listings WHERE id = ?').pluck().get(tui.listingId) === 5);
    // A second preview proposes nothing new for it.
    const again = await call(s.t.admin, 'listings.pullPreview', { accountId: a });
    expect(again.proposals.find((p) => p.listingId === tui.listingId)).toMatchObject({ action: 'linked', variantSku: 'LS-MU' });
  });
});
