import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, callError } from '../../fixtures/core.js';
import { bookedShipment, readyOrder, requestBooking, shippingWorld, waitForShipment, type ShippingWorld } from '../../fixtures/shipping.js';

// Viettel Post has no status pull: without callbacks reaching the desk, the operator imports the
// portal's export. Here the export comes from the simulator's own CSV (portal-style headers, BOM, CRLF).

const toBase64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('shipping.importStatuses', () => {
  let w: ShippingWorld;
  beforeAll(async () => {
    w = await shippingWorld();
  });
  afterAll(() => w?.close());

  it('applies a Viettel Post export once, to the right shipments and orders; a second import changes nothing', async () => {
    const { t, accounts, shop, carriers } = w;
    const shipments = [];
    for (let i = 0; i < 3; i++) shipments.push(await bookedShipment(t.admin, shop, accounts.vtp));
    carriers.receiver.attach(null); // no callbacks reach the desk from here on
    const [delivered, failed, picked] = shipments;
    for (const [s, statuses] of [[delivered, [105, 200, 300, 500, 501]], [failed, [105, 500, 506]], [picked, [104, 105]]] as const) {
      for (const status of statuses) carriers.vtp.control.advance(s.trackingNumber!, status);
    }
    const csv = carriers.vtp.control.exportCsv({ history: true });
    // A waybill booked elsewhere (another desk, the portal) is reported, not guessed at.
    const withStranger = `${csv}999999999999,OTHER-1,501,Phát thành công,01/07/2025 10:00:00,0\r\n`;

    const r = await call(t.admin, 'shipping.importStatuses', { accountId: accounts.vtp.id, fileName: 'vtp.csv', contentBase64: toBase64(withStranger) });
    expect(r.rows).toBe(csv.trim().split('\r\n').length); // header + one row per status, + the stranger
    expect(r.unknown).toEqual(['999999999999']);
    expect(r.applied).toBeGreaterThanOrEqual(10);

    expect((await call(t.admin, 'shipping.get', { id: delivered.id })).state).toBe('delivered');
    expect((await call(t.admin, 'orders.get', { id: delivered.orderId })).status).toBe('delivered');
    expect((await call(t.admin, 'shipping.get', { id: failed.id })).state).toBe('delivery_failed');
    expect((await call(t.admin, 'orders.get', { id: failed.orderId })).status).toBe('delivery_failed');
    expect((await call(t.admin, 'exceptions.list', { kind: 'delivery_failed' })).items.map((e) => e.shipmentId)).toContain(failed.id);
    expect((await call(t.admin, 'shipping.get', { id: picked.id })).state).toBe('picked');
    const events = (await call(t.admin, 'shipping.get', { id: delivered.id })).events.filter((e) => e.source === 'import');
    expect(events.map((e) => e.carrierStatus)).toEqual(expect.arrayContaining(['105', '200', '300', '500', '501']));

    const history = (await call(t.admin, 'shipping.get', { id: delivered.id })).events;
    const again = await call(t.admin, 'shipping.importStatuses', { accountId: accounts.vtp.id, contentBase64: toBase64(withStranger) });
    expect(again).toMatchObject({ applied: 0, unknown: ['999999999999'] });
    expect((await call(t.admin, 'shipping.get', { id: delivered.id })).events).toEqual(history);

    // When the held-back callbacks arrive after all, nothing is counted twice.
    carriers.receiver.attach(t.core);
    await carriers.vtp.control.webhooksIdle();
    expect(carriers.vtp.control.webhookDeliveries().filter((d) => d.status === 200).length).toBeGreaterThanOrEqual(13);
    const late = await call(t.admin, 'shipping.get', { id: delivered.id });
    expect(late.state).toBe('delivered');
    expect(late.events).toEqual(history);
  });

  it('heals a booking whose answer was lost (ALREADY_BOOKED) from the export, where no callback can reach the desk', async () => {
    const { t, accounts, shop, carriers } = w;
    carriers.receiver.attach(null);
    carriers.vtp.control.failNext('dropAfterCommit', 1, '/v2/order/createOrder');
    const o = await readyOrder(t.admin, shop);
    const sh = await requestBooking(t.admin, o.id, accounts.vtp);
    await waitForShipment(t.admin, sh.id, (s) => s.state === 'exception' && s.error?.code === 'ALREADY_BOOKED');
    await call(t.admin, 'shipping.importStatuses', { accountId: accounts.vtp.id, contentBase64: toBase64(carriers.vtp.control.exportCsv()) });
    const healed = await waitForShipment(t.admin, sh.id, (s) => s.state === 'booked' && s.hasLabel);
    expect(healed.trackingNumber).toBe(carriers.vtp.control.order(sh.code)!.waybill);
    expect((await call(t.admin, 'exceptions.list', { kind: 'already_booked' })).items.filter((e) => e.shipmentId === sh.id)).toEqual([]);
    carriers.receiver.attach(t.core);
  });

  it('refuses files it cannot read and GHN accounts, changing nothing', async () => {
    const { t, accounts } = w;
    expect(await callError(t.admin, 'shipping.importStatuses', { accountId: accounts.vtp.id, contentBase64: toBase64('just,some\r\nwords,here\r\n') })).toMatchObject({ code: 'FILE_INVALID' });
    expect(await callError(t.admin, 'shipping.importStatuses', { accountId: accounts.ghn.id, contentBase64: toBase64('x') })).toMatchObject({ code: 'CONFLICT' });
  });
});
