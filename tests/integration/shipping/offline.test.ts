import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../fixtures/core.js';
import { ghnSimulator, vtpSimulator } from '../../fixtures/carrier-sims.js';
import { bookingForm, isBooked, readyOrder, shippingWorld, waitFor, waitForShipment, type ShippingWorld } from '../../fixtures/shipping.js';

// Offline: bookings are recorded and their jobs wait without spending attempts; when the carriers are
// reachable again (same address), every one of them is booked.

describe('carriers unreachable', () => {
  let w: ShippingWorld;
  beforeAll(async () => {
    w = await shippingWorld();
  });
  afterAll(() => w?.close());

  it('queues bookings while offline and books them all once the carriers are back', async () => {
    const { t, accounts, shop, carriers } = w;
    // Addresses are matched while online (the cache then serves them).
    const orders = [];
    for (const account of [accounts.ghn, accounts.ghn, accounts.ghn, accounts.vtp, accounts.vtp, accounts.vtp]) {
      const o = await readyOrder(t.admin, shop);
      expect((await call(t.admin, 'shipping.resolveAddress', { orderId: o.id, accountId: account.id })).ok).toBe(true);
      orders.push({ orderId: o.id, account });
    }
    const ports = { ghn: carriers.ghn.port, vtp: carriers.vtp.port };
    await Promise.all([carriers.ghn.close(), carriers.vtp.close()]);

    const ids: number[] = [];
    for (const { orderId, account } of orders) ids.push((await call(t.admin, 'shipping.book', await bookingForm(t.admin, orderId, account))).id);
    const summary = await waitFor('the runner to notice', async () => {
      const s = await call(t.admin, 'jobs.summary', {});
      return !s.online && s;
    });
    expect(summary).toMatchObject({ online: false, failed: 0 });
    expect(summary.queued + summary.running).toBeGreaterThanOrEqual(6);
    await waitFor('both accounts to be tried', async () => {
      const jobs = (await call(t.admin, 'jobs.list', { kind: 'shipment.book', statuses: ['queued'] })).items;
      return jobs.filter((j) => j.error).length === 6 && jobs.some((j) => j.error?.code === 'NETWORK_UNREACHABLE') && jobs;
    }).then((jobs) => expect(jobs.map((j) => j.attempts)).toEqual(jobs.map(() => 0)));
    for (const id of ids) expect((await call(t.admin, 'shipping.get', { id })).state).toBe('booking');

    carriers.ghn = await ghnSimulator({ port: ports.ghn });
    carriers.vtp = await vtpSimulator(carriers.receiver.url, { port: ports.vtp });
    const booked = await Promise.all(ids.map((id) => waitForShipment(t.admin, id, isBooked, 'booked after reconnecting', 30_000)));
    expect(carriers.ghn.control.orders().map((o) => o.order_code).sort()).toEqual(booked.filter((s) => s.carrier === 'ghn').map((s) => s.trackingNumber).sort());
    expect(carriers.vtp.control.orders().map((o) => o.waybill).sort()).toEqual(booked.filter((s) => s.carrier === 'viettelpost').map((s) => s.trackingNumber).sort());
    expect(await call(t.admin, 'jobs.summary', {})).toMatchObject({ online: true, failed: 0 });
    const jobs = (await call(t.admin, 'jobs.list', { kind: 'shipment.book' })).items;
    expect(jobs.map((j) => [j.status, j.attempts])).toEqual(jobs.map(() => ['done', 1]));
  }, 60_000);
});
