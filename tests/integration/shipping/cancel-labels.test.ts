import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Shipment } from '../../../main/api/shipping.js';
import { call, callError } from '../../fixtures/core.js';
import { bookedShipment, isBooked, requestBooking, shippingWorld, waitFor, waitForShipment, type CarrierAccount, type ShippingWorld } from '../../fixtures/shipping.js';

// Cancelling at the carrier and booking again; what the carriers refuse once the parcel is picked up;
// label files fetched once, complete, and reprinted without the network.

describe('cancel and labels', () => {
  let w: ShippingWorld;
  beforeAll(async () => {
    w = await shippingWorld();
  });
  afterAll(() => w?.close());

  const carrierOrders = (sh: Shipment) => sh.carrier === 'ghn'
    ? w.carriers.ghn.control.orders().filter((o) => o.client_order_code === sh.code).map((o) => o.status as string)
    : w.carriers.vtp.control.orders().filter((o) => o.reference === sh.code).map((o) => String(o.status));

  it.each(['ghn', 'vtp'] as const)('%s: cancels a booked shipment at the carrier and books the order again', async (which) => {
    const { t, accounts, shop } = w;
    const account: CarrierAccount = accounts[which];
    const first = await bookedShipment(t.admin, shop, account);
    expect(first.cancellable).toBe(true);
    expect((await call(t.admin, 'shipping.cancel', { id: first.id, reason: 'Khách đổi ý' })).state).toBe('cancelling');
    const cancelled = await waitForShipment(t.admin, first.id, (s) => s.state === 'cancelled');
    expect(carrierOrders(cancelled)).toEqual([which === 'ghn' ? 'cancel' : '107']);
    const order = await call(t.admin, 'orders.get', { id: first.orderId });
    expect(order).toMatchObject({ status: 'ready_to_pack', trackingNumber: null });
    expect(order.events.map((e) => e.kind)).toEqual(expect.arrayContaining(['shipment_cancel_requested', 'shipment_cancelled']));

    const again = await requestBooking(t.admin, first.orderId, account);
    expect(again.code).not.toBe(first.code);
    const booked = await waitForShipment(t.admin, again.id, isBooked);
    expect(booked.trackingNumber).not.toBe(first.trackingNumber);
    expect((await call(t.admin, 'orders.get', { id: first.orderId })).trackingNumber).toBe(booked.trackingNumber);
  });

  it('refuses to cancel once the parcel is picked up: locally when we know it, at the carrier when we do not yet', async () => {
    const { t, accounts, shop, carriers } = w;
    const known = await bookedShipment(t.admin, shop, accounts.vtp);
    carriers.vtp.control.advance(known.trackingNumber!, 105);
    await waitForShipment(t.admin, known.id, (s) => s.state === 'picked');
    expect(await callError(t.admin, 'shipping.cancel', { id: known.id, reason: 'Muộn rồi' })).toMatchObject({ code: 'TRANSITION_INVALID' });

    for (const [account, pickUp] of [
      [accounts.ghn, (code: string) => carriers.ghn.control.advance(code, 'picked')],
      [accounts.vtp, (code: string) => { carriers.receiver.attach(null); carriers.vtp.control.advance(code, 200); }],
    ] as const) {
      const sh = await bookedShipment(t.admin, shop, account);
      pickUp(sh.trackingNumber!); // we have not heard of it yet
      await call(t.admin, 'shipping.cancel', { id: sh.id, reason: 'Khách đổi ý' });
      const refused = await waitForShipment(t.admin, sh.id, (s) => s.error?.code === 'CANCEL_REFUSED');
      expect(refused.state).toBe('booked');
      expect(carrierOrders(refused)).toEqual([account.carrier === 'ghn' ? 'picked' : '200']);
      carriers.receiver.attach(t.core);
    }
  });

  it('keeps every label file, complete even when a download was cut, and reprints with the carriers stopped', async () => {
    const { t, accounts, shop, carriers } = w;
    const labelJobsLeft = async () => (await call(t.admin, 'jobs.list', { kind: 'shipment.label', statuses: ['queued', 'running', 'failed'] })).total;
    await waitFor('earlier labels to be fetched', async () => (await labelJobsLeft()) === 0);
    const printRequests = () => carriers.ghn.control.requests().filter((r) => r.path.startsWith('/a5/public-api/')).length
      + carriers.vtp.control.requests().filter((r) => r.path === '/DigitalizePrint/report.do').length;
    const earlier = printRequests();
    carriers.ghn.control.failNext('malformed', 1, '/a5/public-api/printA5');
    carriers.vtp.control.failNext('malformed', 1, '/DigitalizePrint/report.do');
    const ghn = await bookedShipment(t.admin, shop, accounts.ghn);
    const vtp = await bookedShipment(t.admin, shop, accounts.vtp);
    for (const sh of [ghn, vtp]) await waitForShipment(t.admin, sh.id, (s) => s.hasLabel);
    const labels = async () => ({
      ghn: await call(t.admin, 'shipping.label', { id: ghn.id }),
      vtp: await call(t.admin, 'shipping.label', { id: vtp.id }),
    });
    const first = await labels();
    const html = Buffer.from(first.ghn.contentBase64, 'base64').toString('utf8');
    expect(first.ghn.contentType).toBe('text/html');
    expect(html).toContain(ghn.trackingNumber);
    expect(html.trimEnd()).toMatch(/<\/html>$/i);
    const pdf = Buffer.from(first.vtp.contentBase64, 'base64');
    expect(first.vtp.contentType).toBe('application/pdf');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-16).toString('latin1')).toContain('%%EOF');

    const fetched = printRequests();
    await Promise.all([carriers.ghn.close(), carriers.vtp.close()]);
    expect(await labels()).toEqual(first);
    expect(await labels()).toEqual(first);
    expect(printRequests()).toBe(fetched);
    // Each label was asked for once more only because the first answer was cut.
    expect(fetched - earlier).toBe(4);
    expect(await labelJobsLeft()).toBe(0);
  });
});
