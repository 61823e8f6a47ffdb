import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnTs, CHILD_TIMEOUT } from '../../fixtures/child-process.js';
import { call, TEST_PIN } from '../../fixtures/core.js';
import { startCarriers, type Carriers } from '../../fixtures/carrier-sims.js';
import { addCarrierAccounts, isBooked, makeShippingCore, makeShop, readyOrder, waitFor, waitForShipment, type Accounts } from '../../fixtures/shipping.js';
import { tempDir } from '../../fixtures/temp-dir.js';

// The core dies between the carrier accepting a booking and our commit: a real process, SIGKILLed while
// the simulator (here, in the test process) holds its answer after creating the order. A core started
// again on the same data folder finishes the job: GHN finds the order by client_order_code, Viettel Post
// refuses the repeat (CHECK_UNIQUE) and its callback, carrying our code, supplies the waybill.

describe('a core killed while the carrier is answering a booking', () => {
  let carriers: Carriers;
  beforeAll(async () => {
    carriers = await startCarriers();
  });
  afterAll(() => carriers?.close());

  it.each(['ghn', 'vtp'] as const)('%s: after a restart there is exactly one shipment at the carrier and the tracking number is on the order', async (which) => {
    const dir = tempDir('packdesk-crash-');
    const sim = which === 'ghn' ? carriers.ghn : carriers.vtp;
    const createPath = which === 'ghn' ? '/shiip/public-api/v2/shipping-order/create' : '/v2/order/createOrder';
    // Set up the shop, then close: the child is the only core on the folder.
    let t = await makeShippingCore(dir.path);
    let accounts: Accounts;
    let orderId: number;
    try {
      accounts = await addCarrierAccounts(t.admin, carriers);
      const order = await readyOrder(t.admin, await makeShop(t));
      orderId = order.id;
      expect((await call(t.admin, 'shipping.resolveAddress', { orderId, accountId: accounts[which].id })).ok).toBe(true);
    } finally {
      await t.close();
    }
    const account = accounts![which];
    const before = sim.control.orders().length;
    sim.control.setFaults({ paths: [createPath], replyDelayMs: 30_000 });
    const child = spawnTs('tests/fixtures/children/book-shipment.ts', [dir.path, String(await t.operatorId('admin')), TEST_PIN, String(orderId!), String(account.id), account.serviceCode]);
    try {
      const shipmentId = Number((await child.waitForLine((l) => l.startsWith('requested '))).split(' ')[1]);
      // The carrier has the order; its answer is held: now the core dies.
      await waitFor('the carrier to create the order', () => sim.control.orders().length > before);
      child.proc.kill('SIGKILL');
      expect((await child.done).signal).toBe('SIGKILL');
      sim.control.setFaults({});

      // Viettel Post's callbacks find no core until the ALREADY_BOOKED refusal has been seen.
      carriers.receiver.attach(null);
      t = await makeShippingCore(dir.path);
      if (which === 'vtp') {
        await waitForShipment(t.admin, shipmentId, (s) => s.state === 'exception' && s.error?.code === 'ALREADY_BOOKED');
        carriers.receiver.attach(t.core);
      }
      const sh = await waitForShipment(t.admin, shipmentId, isBooked);
      const atCarrier = which === 'ghn'
        ? carriers.ghn.control.orders().filter((o) => o.client_order_code === sh.code).map((o) => o.order_code)
        : carriers.vtp.control.orders().filter((o) => o.reference === sh.code).map((o) => o.waybill);
      expect(atCarrier).toEqual([sh.trackingNumber]);
      expect((await call(t.admin, 'orders.get', { id: orderId! })).trackingNumber).toBe(sh.trackingNumber);
      const job = (await call(t.admin, 'jobs.list', { kind: 'shipment.book' })).items.find((j) => j.subject?.id === shipmentId)!;
      expect(job.status).toBe(which === 'ghn' ? 'done' : 'cancelled'); // VTP: failed on ALREADY_BOOKED, withdrawn once healed
      if (which === 'ghn') expect(sim.control.requests().some((r) => r.path.endsWith('/detail-by-client-code') && (r.body as { client_order_code: string }).client_order_code === sh.code)).toBe(true);
    } finally {
      child.proc.kill('SIGKILL');
      carriers.receiver.attach(null);
      await t.close();
      dir.remove();
    }
  }, CHILD_TIMEOUT);
});
