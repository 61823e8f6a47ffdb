import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, callError } from '../../fixtures/core.js';
import { bookedShipment, shippingWorld, waitFor, waitForShipment, type ShippingWorld } from '../../fixtures/shipping.js';

// Cash on delivery: what is on the road, what was collected and not yet paid out, and payouts that do
// not add up flagged for the operator rather than adjusted.

describe('COD', () => {
  let w: ShippingWorld;
  beforeAll(async () => {
    w = await shippingWorld();
  });
  afterAll(() => w?.close());

  it('collects COD on delivery, shows outstanding and delivered-unpaid, and flags a payout of the wrong amount', async () => {
    const { t, accounts, shop, carriers } = w;
    const vtp = [];
    for (let i = 0; i < 3; i++) vtp.push(await bookedShipment(t.admin, shop, accounts.vtp));
    const prepaid = await bookedShipment(t.admin, shop, accounts.vtp, { prepaid: true });
    const ghn = await bookedShipment(t.admin, shop, accounts.ghn);
    const cod = vtp[0].codAmount;
    expect(cod).toBeGreaterThan(0);
    expect(prepaid.codAmount).toBe(0);

    expect(await call(t.admin, 'cod.summary', { accountId: accounts.vtp.id })).toMatchObject({ outstandingVnd: 3 * cod, outstandingCount: 3, deliveredUnpaidVnd: 0, deliveredUnpaid: [], payouts: [] });

    // Two Viettel Post parcels and the GHN one are delivered; the courier collects the COD.
    for (const s of [vtp[0], vtp[1], prepaid]) {
      for (const status of [105, 500, 501]) carriers.vtp.control.advance(s.trackingNumber!, status);
      await waitForShipment(t.admin, s.id, (x) => x.state === 'delivered');
    }
    for (const status of ['picked', 'delivering', 'delivered'] as const) carriers.ghn.control.advance(ghn.trackingNumber!, status);
    await waitFor('GHN delivered', async () => {
      await call(t.admin, 'shipping.trackNow', { id: ghn.id });
      return (await call(t.admin, 'shipping.get', { id: ghn.id })).state === 'delivered';
    });
    expect((await call(t.admin, 'shipping.get', { id: vtp[0].id })).codCollected).toBe(cod);
    expect((await call(t.admin, 'shipping.get', { id: ghn.id })).codCollected).toBe(ghn.codAmount);

    const summary = await call(t.admin, 'cod.summary', { accountId: accounts.vtp.id });
    expect(summary).toMatchObject({ outstandingVnd: cod, outstandingCount: 1, deliveredUnpaidVnd: 2 * cod });
    expect(summary.deliveredUnpaid.map((s) => s.id).sort()).toEqual([vtp[0].id, vtp[1].id].sort());
    expect((await call(t.admin, 'cod.summary', { accountId: accounts.ghn.id })).deliveredUnpaidVnd).toBe(ghn.codAmount);

    // Not delivered yet: no payout can include it.
    expect(await callError(t.admin, 'cod.recordPayout', { accountId: accounts.vtp.id, amount: cod, paidAt: Date.now(), shipmentIds: [vtp[2].id] })).toMatchObject({ code: 'CONFLICT' });
    const right = await call(t.admin, 'cod.recordPayout', { accountId: accounts.vtp.id, amount: cod, paidAt: Date.now(), reference: 'CK-001', shipmentIds: [vtp[0].id] });
    expect(right).toMatchObject({ expected: cod, amount: cod, mismatch: false });
    const wrong = await call(t.admin, 'cod.recordPayout', { accountId: accounts.vtp.id, amount: cod - 15_000, paidAt: Date.now(), reference: 'CK-002', shipmentIds: [vtp[1].id] });
    expect(wrong).toMatchObject({ expected: cod, amount: cod - 15_000, mismatch: true });
    expect(await callError(t.admin, 'cod.recordPayout', { accountId: accounts.vtp.id, amount: cod, paidAt: Date.now(), shipmentIds: [vtp[1].id] })).toMatchObject({ code: 'CONFLICT' });

    const open = await call(t.admin, 'exceptions.list', { kind: 'cod_mismatch' });
    expect(open.items).toHaveLength(1);
    expect(open.items[0].details).toMatchObject({ payoutId: wrong.id, expected: cod, amount: cod - 15_000, difference: -15_000 });
    const after = await call(t.admin, 'cod.summary', { accountId: accounts.vtp.id });
    expect(after).toMatchObject({ deliveredUnpaidVnd: 0, deliveredUnpaid: [], outstandingVnd: cod });
    expect(after.payouts.map((p) => [p.reference, p.mismatch, p.shipmentCount])).toEqual(expect.arrayContaining([['CK-001', false, 1], ['CK-002', true, 1]]));
  });
});
