import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_VTP_WEBHOOK_SECRET } from '../../../main/simulators/demo-accounts.js';
import { call, callError } from '../../fixtures/core.js';
import { bookedShipment, bookingForm, isBooked, placeAddress, readyOrder, requestBooking, shippingWorld, waitFor, waitForShipment, type ShippingWorld } from '../../fixtures/shipping.js';

// What a carrier would refuse is refused here first, with a code and nothing written; what a carrier
// answers badly is recorded on the job and never takes the core down; forged callbacks change nothing.

describe('bad input around shipping', () => {
  let w: ShippingWorld;
  beforeAll(async () => {
    w = await shippingWorld();
  });
  afterAll(() => w?.close());

  /** Rows that a refused booking must not add (label jobs of earlier bookings may still come and go). */
  const footprint = () => w.t.core.store.prepare(`SELECT (SELECT count(*) FROM shipments) AS shipments, (SELECT count(*) FROM jobs WHERE kind = 'shipment.book') AS jobs,
    (SELECT count(*) FROM order_events) AS events, (SELECT count(*) FROM exceptions) AS exceptions, (SELECT count(*) FROM carrier_addresses WHERE owner_type = 'order') AS addresses`).get();

  it.each([
    ['GHN COD over 50,000,000', 'ghn', { codVnd: 50_000_001 }, 'codVnd'],
    ['GHN weight over 50 kg', 'ghn', { weightG: 50_001 }, 'weightG'],
    ['GHN side over 200 cm', 'ghn', { lengthCm: 201 }, 'lengthCm'],
    ['Viettel Post COD over its cap', 'vtp', { codVnd: 60_000_000 }, 'codVnd'],
    ['Viettel Post weight over its cap', 'vtp', { weightG: 100_001 }, 'weightG'],
  ] as const)('refuses %s locally with CARRIER_LIMIT and writes nothing', async (_name, which, over, field) => {
    const { t, accounts, shop } = w;
    const o = await readyOrder(t.admin, shop);
    expect((await call(t.admin, 'shipping.resolveAddress', { orderId: o.id, accountId: accounts[which].id })).ok).toBe(true);
    const form = await bookingForm(t.admin, o.id, accounts[which], over);
    const before = footprint();
    const e = await callError(t.admin, 'shipping.book', form);
    expect(e).toMatchObject({ code: 'CARRIER_LIMIT', details: { field } });
    expect(footprint()).toEqual(before);
  });

  it.each([
    ['a ward the carrier does not have', { ...placeAddress('hn-cau-giay'), wardName: 'Phường Không Có Thật' }, { level: 'ward', reason: 'none' }],
    ['no ward at all', { ...placeAddress('hn-cau-giay'), wardName: '' }, { level: 'address', reason: 'no_address' }],
    ['an old ward in a district the carrier does not have', { ...placeAddress('hn-cau-giay', 'legacy3'), legacy: { provinceName: 'Hà Nội', districtName: 'Quận Không Có', wardName: 'Phường Quan Hoa' } }, { level: 'district', reason: 'none' }],
  ] as const)('refuses an address with %s: the problem is named, booking is ADDRESS_UNMATCHED and writes nothing', async (_name, address, problem) => {
    const { t, accounts, shop } = w;
    const o = await readyOrder(t.admin, shop, { address });
    for (const account of [accounts.ghn, accounts.vtp]) {
      const r = await call(t.admin, 'shipping.resolveAddress', { orderId: o.id, accountId: account.id });
      expect(r).toMatchObject({ ok: false, problem });
      const before = footprint();
      expect((await callError(t.admin, 'shipping.book', await bookingForm(t.admin, o.id, account))).code).toBe('ADDRESS_UNMATCHED');
      expect((await call(t.admin, 'shipping.bookMany', { orderIds: [o.id], accountId: account.id, serviceCode: account.serviceCode }))[0]).toMatchObject({ ok: false, error: { code: 'ADDRESS_UNMATCHED' } });
      expect(footprint()).toEqual(before);
    }
  });

  it('records malformed carrier answers on the job, raw text kept, and books once they are readable again', async () => {
    const { t, accounts, shop, carriers } = w;
    // GHN takes the order but answers with cut JSON, and so does the lookup before the retry.
    carriers.ghn.control.failNext('malformed', 1, '/shiip/public-api/v2/shipping-order/create');
    carriers.ghn.control.failNext('malformed', 1, '/shiip/public-api/v2/shipping-order/detail-by-client-code');
    const o = await readyOrder(t.admin, shop);
    const sh = await requestBooking(t.admin, o.id, accounts.ghn);
    const job = await waitFor('the malformed answer on the job', () =>
      t.core.store.prepare("SELECT * FROM jobs WHERE kind = 'shipment.book' AND subject_id = ? AND last_error_code = 'RESPONSE_MALFORMED'").get(sh.id) as { last_error_raw: string; last_error_message: string } | undefined);
    expect(job.last_error_raw).toMatch(/^\{"code":/);
    expect(() => JSON.parse(job.last_error_raw)).toThrow();
    const listed = (await call(t.admin, 'jobs.list', { kind: 'shipment.book' })).items.find((j) => j.subject?.id === sh.id)!;
    expect(listed.error).toMatchObject({ code: 'RESPONSE_MALFORMED' });
    const booked = await waitForShipment(t.admin, sh.id, isBooked);
    expect(carriers.ghn.control.orders().filter((x) => x.client_order_code === booked.code)).toHaveLength(1);
    expect(await call(t.admin, 'system.info', {})).toMatchObject({ schemaVersion: expect.any(Number) });
  });

  it('refuses callbacks with a wrong or missing secret (401) and a malformed body (400), changing nothing', async () => {
    const { t, accounts, shop, carriers } = w;
    const sh = await bookedShipment(t.admin, shop, accounts.vtp);
    await carriers.vtp.control.webhooksIdle();
    const before = await waitForShipment(t.admin, sh.id, (x) => x.hasLabel);
    const body = (secret: string) => ({
      DATA: { ORDER_NUMBER: sh.trackingNumber, ORDER_REFERENCE: sh.code, ORDER_STATUS: 501, ORDER_STATUSDATE: '01/01/2030 10:00:00', STATUS_NAME: 'Phát thành công', MONEY_COLLECTION: 999 },
      TOKEN: secret,
    });
    const post = async (path: string, headers: Record<string, string>, payload: unknown) => {
      const res = await fetch(`${carriers.receiver.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof payload === 'string' ? payload : JSON.stringify(payload) });
      return res.status;
    };
    expect(await post('/webhooks/viettelpost', { authorization: 'wrong-secret' }, body('wrong-secret'))).toBe(401);
    expect(await post('/webhooks/viettelpost', {}, body(''))).toBe(401);
    expect(await post('/webhooks/viettelpost', { authorization: `${DEMO_VTP_WEBHOOK_SECRET}x` }, body(''))).toBe(401);
    // GHN callbacks are accepted only with a secret header configured on the account; none is.
    expect(await post('/webhooks/ghn', {}, { OrderCode: 'LXXXX', Type: 'switch_status', Status: 'delivered', Time: '2030-01-01T00:00:00Z' })).toBe(401);
    expect(await post('/webhooks/viettelpost', { authorization: DEMO_VTP_WEBHOOK_SECRET }, { DATA: 'nothing', TOKEN: DEMO_VTP_WEBHOOK_SECRET })).toBe(400);
    expect(await post('/webhooks/viettelpost', { authorization: DEMO_VTP_WEBHOOK_SECRET }, '{"DATA": {')).toBe(400);
    expect(await call(t.admin, 'shipping.get', { id: sh.id })).toEqual(before);
    expect((await call(t.admin, 'orders.get', { id: sh.orderId })).status).toBe('ready_to_pack');
  });
});
