import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../fixtures/core.js';
import { bookedShipment, placeAddress, readyOrder, shippingWorld, type ShippingWorld } from '../../fixtures/shipping.js';

// Addresses matched to each carrier's units: from the cached master data when offline, and an old
// three-level address (before the July 2025 reform) mapped to its 2025 unit.

describe('carrier addresses', () => {
  let w: ShippingWorld;
  beforeAll(async () => {
    w = await shippingWorld();
  });
  afterAll(() => w?.close());

  it('maps an old three-level address to its 2025 unit for both carriers and books it there', async () => {
    const { t, accounts, shop, carriers } = w;
    // Quận 3, Phường Võ Thị Sáu (before July 2025) is now Phường Xuân Hòa, TP. Hồ Chí Minh.
    const address = placeAddress('hcm-xuan-hoa', 'legacy3');
    for (const account of [accounts.ghn, accounts.vtp]) {
      const o = await readyOrder(t.admin, shop, { address });
      const r = await call(t.admin, 'shipping.resolveAddress', { orderId: o.id, accountId: account.id });
      expect(r).toMatchObject({ ok: true, matchKind: 'mapped', address: { current: { ward: { name: 'Phường Xuân Hòa' } } } });
      expect(r.address!.current!.province.name).toMatch(/Hồ Chí Minh/);
    }
    const ghn = await bookedShipment(t.admin, shop, accounts.ghn, { address });
    expect(carriers.ghn.control.order(ghn.trackingNumber!)!.request).toMatchObject({ is_new_to_address: true, to_ward_name: 'Phường Xuân Hòa' });
    const vtp = await bookedShipment(t.admin, shop, accounts.vtp, { address });
    expect(carriers.vtp.control.order(vtp.trackingNumber!)!.request).toMatchObject({ RECEIVER_DISTRICT: 0 });
  });

  it('resolves from the cached master data with the carriers unreachable, and says what is missing', async () => {
    const { t, accounts, shop, carriers } = w;
    const online = [];
    for (const account of [accounts.ghn, accounts.vtp]) {
      const o = await readyOrder(t.admin, shop, { place: 'hn-thanh-xuan', form: 'both' });
      online.push(await call(t.admin, 'shipping.resolveAddress', { orderId: o.id, accountId: account.id }));
    }
    await Promise.all([carriers.ghn.close(), carriers.vtp.close()]);
    for (const [i, account] of [accounts.ghn, accounts.vtp].entries()) {
      const o = await readyOrder(t.admin, shop, { place: 'hn-thanh-xuan', form: 'both' });
      const r = await call(t.admin, 'shipping.resolveAddress', { orderId: o.id, accountId: account.id });
      expect(r).toMatchObject({ ok: true, matchKind: 'exact' });
      expect(r.address).toEqual(online[i].address);
      const wards = await call(t.admin, 'shipping.places', { accountId: account.id, scheme: 'new2', level: 'ward', parentId: r.address!.current!.province.id, query: 'Thanh Xuân' });
      expect(wards.map((p) => p.id)).toContain(r.address!.current!.ward.id);
      // A province never looked at before cannot be matched offline: the answer says the data is missing.
      const far = await readyOrder(t.admin, shop, { place: 'ag-long-xuyen' });
      expect(await call(t.admin, 'shipping.resolveAddress', { orderId: far.id, accountId: account.id }))
        .toMatchObject({ ok: false, problem: { level: 'data', reason: 'not_downloaded' } });
    }
  });
});
