import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_VTP_WEBHOOK_SECRET } from '../../../main/simulators/demo-accounts.js';
import { createManualClock } from '../../../main/simulators/shared/clock.js';
import { call } from '../../fixtures/core.js';
import { bookedShipment, shippingWorld, waitForShipment, type ShippingWorld } from '../../fixtures/shipping.js';

// Viettel Post resends callbacks and lets later ones overtake earlier ones (pitfall G3.5). Whatever
// order and however often they arrive, a parcel never leaves a final state and an event counts once.

describe('Viettel Post callbacks out of order and repeated', () => {
  let w: ShippingWorld;
  const clock = createManualClock(Date.now());
  beforeAll(async () => {
    w = await shippingWorld({ vtp: { clock: clock.now } });
  });
  afterAll(() => w?.close());

  /** Posts a callback body again, as a carrier retry or a relay replay would. */
  const replay = async (body: unknown) => {
    const res = await fetch(`${w.carriers.receiver.url}/webhooks/viettelpost`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: DEMO_VTP_WEBHOOK_SECRET }, body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
  };

  async function walk(waybill: string, statuses: readonly number[]) {
    for (const status of statuses) {
      clock.advance(60_000);
      w.carriers.vtp.control.advance(waybill, status);
    }
    await w.carriers.vtp.control.webhooksIdle();
  }

  it.each([
    ['delivered', [102, 103, 104, 105, 200, 300, 400, 500, 501], 'delivered', 'delivered'],
    ['returned', [104, 105, 200, 300, 400, 500, 506, 500, 505, 515, 502, 504], 'returned', 'returned'],
    ['cancelled', [102, 107], 'cancelled', 'ready_to_pack'],
  ] as const)('ends %s whatever the order and repeats of the callbacks', async (_name, statuses, finalState, orderStatus) => {
    w.carriers.vtp.control.configureWebhook({ duplicateRate: 1, outOfOrderRate: 0.5 });
    const sh = await bookedShipment(w.t.admin, w.shop, w.accounts.vtp);
    await walk(sh.trackingNumber!, statuses);
    const done = await waitForShipment(w.t.admin, sh.id, (s) => s.state === finalState);
    expect((await call(w.t.admin, 'orders.get', { id: sh.orderId })).status).toBe(orderStatus);
    const deliveries = w.carriers.vtp.control.webhookDeliveries().filter((d) => (d.body as { DATA: { ORDER_NUMBER: string } }).DATA.ORDER_NUMBER === sh.trackingNumber);
    expect(deliveries.some((d) => d.duplicate)).toBe(true);

    // Every callback once more, newest first: the oldest statuses arrive last.
    for (const d of [...deliveries].reverse()) await replay(d.body);
    // And a genuine later status that would move a live parcel (out for delivery again).
    clock.advance(60_000);
    w.carriers.vtp.control.advance(sh.trackingNumber!, 500);
    await w.carriers.vtp.control.webhooksIdle();

    const after = await call(w.t.admin, 'shipping.get', { id: sh.id });
    expect(after.state).toBe(finalState);
    expect((await call(w.t.admin, 'orders.get', { id: sh.orderId })).status).toBe(orderStatus);
    // One history entry per distinct status and time, however many copies came.
    expect(after.events.filter((e) => e.source === 'webhook').length).toBe(done.events.filter((e) => e.source === 'webhook').length + 1);
    const keys = after.events.map((e) => `${e.carrierStatus}@${e.at}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
