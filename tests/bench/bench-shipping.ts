import { GHN_ACCOUNT, ghnSimulator } from '../fixtures/carrier-sims.js';
import { call } from '../fixtures/core.js';
import { makeShippingCore, makeShop, readyOrder } from '../fixtures/shipping.js';
import { emit } from './bench-stats.js';

// Bookings through the outbox against the GHN simulator, with the account limited to 300 requests a
// minute and the simulator enforcing the same 300 per token: how fast bookings complete, and how often
// the carrier had to say 429 (it never should: the runner keeps under the account's limit).

const RATE_PER_MINUTE = 300;
const BATCH = 500; // shipping.bookMany takes up to 500 orders

export async function benchShipping(quick: boolean, log: (m: string) => void = () => {}): Promise<void> {
  const count = quick ? 100 : 1000;
  const ghn = await ghnSimulator({ rateLimitPerMinute: RATE_PER_MINUTE });
  const t = await makeShippingCore();
  try {
    const account = await call(t.admin, 'connections.create', {
      provider: 'ghn', name: 'GHN bench', environment: 'custom', baseUrl: ghn.url, ...GHN_ACCOUNT, ratePerMinute: RATE_PER_MINUTE, concurrency: 4,
    });
    const shop = await makeShop(t);
    log(`shipping: ${count} orders…`);
    const ids: number[] = [];
    for (let i = 0; i < count; i++) ids.push((await readyOrder(t.admin, shop)).id);
    // Matching the addresses downloads master data once; those calls count against the carrier's minute
    // too (they are not outbox jobs), so the bookings start on a fresh minute.
    await call(t.admin, 'shipping.resolveAddress', { orderId: ids[0], accountId: account.id });
    const wait = Math.max(0, 61_000 - (Date.now() - Math.max(...ghn.control.requests().map((r) => r.at))));
    if (count > RATE_PER_MINUTE / 2) await new Promise((r) => setTimeout(r, wait));

    log(`shipping: booking ${count} parcels at ${RATE_PER_MINUTE}/min…`);
    // All bookings are queued before the outbox runs, as one bulk booking from the orders list: each
    // booking's label job then comes after the bookings instead of taking their share of the minute.
    await call(t.admin, 'jobs.pause', { paused: true });
    for (let i = 0; i < ids.length; i += BATCH) {
      const results = await call(t.admin, 'shipping.bookMany', { orderIds: ids.slice(i, i + BATCH), accountId: account.id, serviceCode: '2' });
      const refused = results.find((r) => !r.ok);
      if (refused) throw new Error(`booking ${refused.orderNumber} refused: ${refused.error?.code} ${refused.error?.message}`);
    }
    const t0 = performance.now();
    await call(t.admin, 'jobs.pause', { paused: false });
    const booked = () => (t.core.store.prepare("SELECT count(*) AS n FROM shipments WHERE state = 'booked' AND tracking_number IS NOT NULL").get() as { n: number }).n;
    let last = -1;
    while (booked() < count) {
      await new Promise((r) => setTimeout(r, 50));
      const n = booked();
      if (n !== last && n % 100 === 0) log(`shipping: ${n} booked`);
      last = n;
    }
    const minutes = (performance.now() - t0) / 60_000;
    const rateLimited = ghn.control.requests().filter((r) => r.status === 429).length;
    emit('shipping.book_per_min', count / minutes, 'bookings/min', { bookings: count, account_limit_per_min: RATE_PER_MINUTE, carrier_limit_per_min: RATE_PER_MINUTE });
    emit('shipping.rate_limit_violations', rateLimited, 'HTTP 429', { target: 0 });
  } finally {
    await t.close();
    await ghn.close();
  }
}
