import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setCarrierTimeoutForTests } from '../../../main/connectors/carriers/registry.js';
import { FAULT_KINDS, type FaultConfig } from '../../../main/simulators/shared/fault-injector.js';
import { call } from '../../fixtures/core.js';
import { isBooked, readyOrder, requestBooking, shippingWorld, waitFor, waitForShipment, type ShippingWorld } from '../../fixtures/shipping.js';

// Exactly-once booking through a bad network: the outbox retries, GHN is looked up by client_order_code
// before creating again, Viettel Post refuses a repeated ORDER_NUMBER (CHECK_UNIQUE) and its callback,
// which carries our code as ORDER_REFERENCE, supplies the waybill we never heard.

const CLIENT_TIMEOUT_MS = 1500;
/** 30 % of booking calls fail, evenly across the five kinds of fault. */
const faults = (paths: string[]): FaultConfig => ({
  paths, timeoutRate: 0.06, serverErrorRate: 0.06, rateLimitRate: 0.06, dropAfterCommitRate: 0.06, malformedRate: 0.06,
  timeoutHoldMs: CLIENT_TIMEOUT_MS * 2, retryAfterSeconds: 1,
});
const GHN_CREATE = '/shiip/public-api/v2/shipping-order/create';
const GHN_LOOKUP = '/shiip/public-api/v2/shipping-order/detail-by-client-code';
const VTP_CREATE = '/v2/order/createOrder';

describe('booking through injected faults', () => {
  let w: ShippingWorld;
  beforeAll(async () => {
    setCarrierTimeoutForTests(CLIENT_TIMEOUT_MS);
    w = await shippingWorld();
  });
  afterAll(async () => {
    await w?.close();
    setCarrierTimeoutForTests(undefined);
  });
  afterEach(() => {
    w.carriers.ghn.control.setFaults({});
    w.carriers.vtp.control.setFaults({});
    w.carriers.receiver.attach(w.t.core);
  });

  it('books 200 parcels (GHN and Viettel Post) exactly once each with 30 % of booking calls failing', async () => {
    const { carriers, t, accounts, shop } = w;
    carriers.ghn.control.setFaults(faults([GHN_CREATE]));
    carriers.vtp.control.setFaults(faults([VTP_CREATE]));
    const ids: number[] = [];
    for (let i = 0; i < 200; i++) {
      const o = await readyOrder(t.admin, shop, { place: i % 3 ? 'hn-cau-giay' : 'dn-hai-chau' });
      ids.push((await requestBooking(t.admin, o.id, i % 2 ? accounts.vtp : accounts.ghn)).id);
    }
    const shipments = await waitFor('200 bookings', async () => {
      const all = await Promise.all(ids.map((id) => call(t.admin, 'shipping.get', { id })));
      return all.every((s) => s.state === 'booked' && s.trackingNumber && s.hasLabel) && all;
    }, 150_000);

    // The faults did happen, of every kind, on both carriers.
    for (const sim of [carriers.ghn, carriers.vtp]) {
      expect(new Set(sim.control.requests().map((r) => r.fault).filter(Boolean))).toEqual(new Set(FAULT_KINDS));
    }
    // Exactly one order per shipment code at the carrier, carrying the tracking number we hold.
    const ghnOrders = carriers.ghn.control.orders();
    const vtpOrders = carriers.vtp.control.orders();
    expect(ghnOrders.length + vtpOrders.length).toBe(200);
    for (const s of shipments) {
      const at = s.carrier === 'ghn'
        ? ghnOrders.filter((o) => o.client_order_code === s.code).map((o) => o.order_code)
        : vtpOrders.filter((o) => o.reference === s.code).map((o) => o.waybill);
      expect({ code: s.code, at }).toEqual({ code: s.code, at: [s.trackingNumber] });
      expect((await call(t.admin, 'orders.get', { id: s.orderId })).trackingNumber).toBe(s.trackingNumber);
    }
    // Label jobs may still be finishing; nothing is left failed or waiting.
    await waitFor('the outbox to settle', async () => {
      const summary = await call(t.admin, 'jobs.summary', {});
      return summary.queued + summary.running === 0 && summary;
    }).then((summary) => expect(summary).toMatchObject({ online: true, failed: 0 }));
    expect((await call(t.admin, 'exceptions.list', { kind: 'already_booked' })).total).toBe(0);
  }, 200_000);

  it('GHN: the lookup before a retry may fail in every way too; each booking still ends once at GHN', async () => {
    const { carriers, t, accounts, shop } = w;
    // Half the first attempts reach GHN before failing, half do not; then each lookup fault, twice.
    carriers.ghn.control.failNext('dropAfterCommit', 5, GHN_CREATE);
    carriers.ghn.control.failNext('serverError', 5, GHN_CREATE);
    for (const kind of FAULT_KINDS) carriers.ghn.control.failNext(kind, 2, GHN_LOOKUP);
    const before = carriers.ghn.control.orders().length;
    const ids: number[] = [];
    for (let i = 0; i < 10; i++) ids.push((await requestBooking(t.admin, (await readyOrder(t.admin, shop)).id, accounts.ghn)).id);
    const booked = await Promise.all(ids.map((id) => waitForShipment(t.admin, id, isBooked, 'booked', 60_000)));
    expect(new Set(carriers.ghn.control.requests().filter((r) => r.path === GHN_LOOKUP).map((r) => r.fault).filter(Boolean))).toEqual(new Set(FAULT_KINDS));
    expect(carriers.ghn.control.orders().length - before).toBe(10);
    for (const s of booked) expect(carriers.ghn.control.orders().filter((o) => o.client_order_code === s.code).map((o) => o.order_code)).toEqual([s.trackingNumber]);
  }, 60_000);

  it('Viettel Post: a retry after a dropped answer is refused as ALREADY_BOOKED; the callback with our code heals it', async () => {
    const { carriers, t, accounts, shop } = w;
    carriers.receiver.attach(null); // callbacks wait (503, retried) until the core is listening again
    carriers.vtp.control.failNext('dropAfterCommit', 1, '/v2/order/createOrder');
    const o = await readyOrder(t.admin, shop);
    const sh = await requestBooking(t.admin, o.id, accounts.vtp);

    const stuck = await waitForShipment(t.admin, sh.id, (s) => s.state === 'exception');
    expect(stuck).toMatchObject({ trackingNumber: null, error: { code: 'ALREADY_BOOKED' } });
    const open = await call(t.admin, 'exceptions.list', { kind: 'already_booked' });
    expect(open.items.filter((e) => e.shipmentId === sh.id)).toHaveLength(1);
    const created = carriers.vtp.control.requests().filter((r) => r.path === '/v2/order/createOrder' && (r.body as { ORDER_NUMBER: string }).ORDER_NUMBER === sh.code);
    expect(created.map((r) => r.note)).toEqual(['created', 'duplicate']);

    carriers.receiver.attach(t.core);
    const healed = await waitForShipment(t.admin, sh.id, (s) => s.state === 'booked' && s.hasLabel);
    const atVtp = carriers.vtp.control.orders().filter((x) => x.reference === sh.code);
    expect(atVtp).toHaveLength(1);
    expect(healed.trackingNumber).toBe(atVtp[0].waybill);
    expect((await call(t.admin, 'orders.get', { id: o.id })).trackingNumber).toBe(atVtp[0].waybill);
    expect((await call(t.admin, 'exceptions.list', { kind: 'already_booked' })).items.filter((e) => e.shipmentId === sh.id)).toHaveLength(0);
  });
});
