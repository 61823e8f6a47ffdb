import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderStatus } from '../../../main/domain/orders/order-state-machine.js';
import type { StoredShipmentState } from '../../../main/domain/shipping/shipment-state-rules.js';
import { createManualClock } from '../../../main/simulators/shared/clock.js';
import type { GhnStatus } from '../../../main/simulators/ghn/statuses.js';
import { call } from '../../fixtures/core.js';
import { bookedShipment as bookedOne, shippingWorld, waitFor, waitForShipment, type ShippingWorld } from '../../fixtures/shipping.js';
import type { TestCore } from '../../fixtures/core.js';

// Every carrier status, driven through the real core and clients: GHN by polling (shipping.trackNow →
// shipment.track jobs), Viettel Post by its webhook. Expectations are written out here from the spec
// (A1.9, A2.9) and the order lifecycle (DESIGN §4), not read from the connectors' tables, so a wrong
// row in a table fails here.

type Expect = [state: StoredShipmentState, order: OrderStatus | null, exception?: string];
/** null order status: the order stays where it was. */
const GHN: Record<GhnStatus, Expect> = {
  ready_to_pick: ['booked', null],
  picking: ['picking', null],
  money_collect_picking: ['picking', null],
  picked: ['picked', 'shipped'],
  storing: ['in_transit', 'shipped'],
  transporting: ['in_transit', 'shipped'],
  sorting: ['in_transit', 'shipped'],
  delivering: ['delivering', 'shipped'],
  money_collect_delivering: ['delivering', 'shipped'],
  delivered: ['delivered', 'delivered'],
  delivery_fail: ['delivery_failed', 'delivery_failed', 'delivery_failed'],
  waiting_to_return: ['awaiting_decision', 'delivery_failed', 'awaiting_decision'],
  return: ['returning', 'returning'],
  return_transporting: ['returning', 'returning'],
  return_sorting: ['returning', 'returning'],
  returning: ['returning', 'returning'],
  return_fail: ['returning', 'returning'],
  returned: ['returned', 'returned', 'returned'],
  cancel: ['cancelled', null],
  exception: ['exception', null, 'carrier_exception'],
  lost: ['lost', null, 'lost'],
  damage: ['damaged', null, 'damaged'],
  scrap: ['lost', null, 'lost'],
};

/** Walks that together pass every GHN status (the first one, ready_to_pick, is the booking itself). */
const GHN_WALKS: GhnStatus[][] = [
  ['picking', 'money_collect_picking', 'picked', 'storing', 'transporting', 'sorting', 'delivering', 'money_collect_delivering', 'delivered'],
  ['picking', 'picked', 'storing', 'delivering', 'delivery_fail', 'waiting_to_return', 'return', 'return_transporting', 'return_sorting', 'returning', 'return_fail', 'returning', 'returned'],
  ['picking', 'picked', 'delivering', 'delivery_fail', 'storing', 'delivering', 'delivered'],
  ['cancel'],
  ['picking', 'picked', 'transporting', 'lost'],
  ['picked', 'sorting', 'damage'],
  ['picked', 'storing', 'exception'],
  ['picked', 'storing', 'scrap'],
];

const VTP: Record<number, Expect> = {
  [-100]: ['booked', null], [-108]: ['picked', 'shipped'], [-109]: ['picked', 'shipped'], [-110]: ['picked', 'shipped'],
  100: ['booked', null], 102: ['booked', null], 103: ['booked', null], 104: ['picking', null], 105: ['picked', 'shipped'], 106: ['picking', null],
  101: ['cancelled', null], 107: ['cancelled', null],
  200: ['picked', 'shipped'], 201: ['cancelled', null, 'carrier_exception'],
  300: ['in_transit', 'shipped'], 301: ['in_transit', 'shipped'], 302: ['in_transit', 'shipped'], 303: ['in_transit', 'shipped'],
  400: ['in_transit', 'shipped'], 401: ['in_transit', 'shipped'], 402: ['in_transit', 'shipped'], 403: ['in_transit', 'shipped'],
  500: ['delivering', 'shipped'], 501: ['delivered', 'delivered'], 502: ['returning', 'returning'], 503: ['cancelled', null, 'carrier_exception'],
  504: ['returned', 'returned', 'returned'], 505: ['awaiting_decision', 'delivery_failed', 'awaiting_decision'],
  506: ['delivery_failed', 'delivery_failed', 'delivery_failed'], 507: ['delivering', 'shipped'], 508: ['delivering', 'shipped'],
  509: ['in_transit', 'shipped'], 510: ['in_transit', 'shipped'], 515: ['returning', 'returning'], 550: ['delivering', 'shipped'],
};

/** 202 (waybill edited) says nothing about the parcel: history only. */
const VTP_HISTORY_ONLY = new Set([202]);

const VTP_WALKS: number[][] = [
  [102, 103, 104, 105, 200, 300, 301, 302, 303, 400, 401, 402, 403, 500, 501],
  [-100, -108, -109, -110, 200, 509, 510, 400, 507, 508, 550, 500, 501],
  [104, 106, 105, 202, 300, 400, 500, 506, 500, 505, 515, 502, 504],
  [101],
  [107],
  [104, 105, 200, 201],
  [105, 300, 500, 506, 503],
];

describe('carrier statuses move shipments and orders', () => {
  let w: ShippingWorld;
  let t: TestCore;
  let carriers: ShippingWorld['carriers'];
  let accounts: ShippingWorld['accounts'];
  // The carriers' clocks run on their own (a minute per status), as a real carrier's do.
  const ghnClock = createManualClock(Date.now());
  const vtpClock = createManualClock(Date.now());

  beforeAll(async () => {
    w = await shippingWorld({ ghn: { clock: ghnClock.now }, vtp: { clock: vtpClock.now } });
    ({ t, carriers, accounts } = w);
  });
  afterAll(() => w?.close());

  const bookedShipment = (account: ShippingWorld['accounts']['ghn']) => bookedOne(t.admin, w.shop, account);

  /** After a status: the shipment state, the order's status with an event for the step, the exception. */
  async function expectStep(shipmentId: number, orderId: number, status: string, [state, orderStatus, exception]: Expect, before: OrderStatus) {
    const sh = await call(t.admin, 'shipping.get', { id: shipmentId });
    expect({ status, state: sh.state }).toEqual({ status, state });
    const order = await call(t.admin, 'orders.get', { id: orderId });
    const want = orderStatus ?? before;
    expect({ status, order: order.status }).toEqual({ status, order: want });
    if (want !== before) expect(order.events.filter((e) => e.toStatus !== null).at(-1)).toMatchObject({ toStatus: want, kind: 'carrier' });
    if (exception) {
      const open = await call(t.admin, 'exceptions.list', { kind: exception });
      expect(open.items.some((e) => e.shipmentId === shipmentId), `${status} opens ${exception}`).toBe(true);
    }
    return order.status;
  }

  it.each(GHN_WALKS.map((w) => [w.join(' → '), w] as const))('GHN by polling: %s', async (_name, walk) => {
    const booked = await bookedShipment(accounts.ghn);
    let order = await expectStep(booked.id, booked.orderId, 'ready_to_pick', GHN.ready_to_pick, 'ready_to_pack');
    for (const status of walk) {
      ghnClock.advance(60_000);
      carriers.ghn.control.advance(booked.trackingNumber!, status);
      await waitFor(`GHN ${status} polled`, async () => {
        await call(t.admin, 'shipping.trackNow', { id: booked.id });
        return (await call(t.admin, 'shipping.get', { id: booked.id })).carrierStatus === status;
      });
      order = await expectStep(booked.id, booked.orderId, status, GHN[status], order);
    }
  });

  it('GHN walks pass every GHN status', () => {
    expect(new Set(GHN_WALKS.flat().concat('ready_to_pick'))).toEqual(new Set(Object.keys(GHN)));
  });

  it.each(VTP_WALKS.map((w) => [w.join(' → '), w] as const))('Viettel Post by webhook: %s', async (_name, walk) => {
    const booked = await bookedShipment(accounts.vtp);
    let order: OrderStatus = 'ready_to_pack';
    let state = booked.state;
    for (const status of walk) {
      vtpClock.advance(60_000);
      carriers.vtp.control.advance(booked.trackingNumber!, status);
      const sh = await waitForShipment(t.admin, booked.id, (s) => s.carrierStatus === String(status), `VTP ${status} received`);
      if (VTP_HISTORY_ONLY.has(status)) {
        expect(sh.state).toBe(state);
        continue;
      }
      order = await expectStep(booked.id, booked.orderId, String(status), VTP[status], order);
      state = sh.state;
    }
  });

  it('follows carriers whose clocks are behind ours: our booking time does not hide their first statuses', async () => {
    for (const [clock, account, push, status] of [
      [ghnClock, accounts.ghn, (code: string) => carriers.ghn.control.advance(code, 'picked'), 'picked'],
      [vtpClock, accounts.vtp, (code: string) => carriers.vtp.control.advance(code, 105), '105'],
    ] as const) {
      clock.set(Date.now() - 5 * 60_000);
      const booked = await bookedShipment(account);
      clock.advance(60_000);
      push(booked.trackingNumber!);
      const sh = await waitFor(`${status} received`, async () => {
        if (account.carrier === 'ghn') await call(t.admin, 'shipping.trackNow', { id: booked.id });
        const s = await call(t.admin, 'shipping.get', { id: booked.id });
        return s.events.some((e) => e.carrierStatus === status) && s;
      }, 5000);
      expect(sh).toMatchObject({ state: 'picked', carrierStatus: status });
      expect((await call(t.admin, 'orders.get', { id: booked.orderId })).status).toBe('shipped');
    }
  });

  it('Viettel Post walks pass every Viettel Post status', () => {
    expect(new Set([100, ...VTP_WALKS.flat()])).toEqual(new Set([...Object.keys(VTP).map(Number), ...VTP_HISTORY_ONLY]));
  });
});
