import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../fixtures/core.js';
import { GHN_ACCOUNT, ghnSimulator, startWebhookReceiver, type GhnSim, type WebhookReceiver } from '../../fixtures/carrier-sims.js';
import { bookedShipment, makeShippingCore, makeShop, waitForShipment, type CarrierAccount, type Shop } from '../../fixtures/shipping.js';
import type { TestCore } from '../../fixtures/core.js';

// GHN can also push statuses (spec A1.8) when the shop exposes a URL: PascalCase callbacks, no signature
// (a header the shop configures carries a secret), repeats, and update_* types that are not statuses.

const SECRET = 'ghn-hook-secret';

describe('GHN callbacks', () => {
  let receiver: WebhookReceiver;
  let ghn: GhnSim;
  let t: TestCore;
  let account: CarrierAccount;
  let shop: Shop;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    ghn = await ghnSimulator({ webhook: { url: `${receiver.url}/webhooks/ghn`, headers: { 'x-packdesk-secret': SECRET }, duplicateRate: 1, retryDelayMs: 20 } });
    t = await makeShippingCore();
    receiver.attach(t.core);
    const c = await call(t.admin, 'connections.create', { provider: 'ghn', name: 'GHN hooks', environment: 'custom', baseUrl: ghn.url, settings: GHN_ACCOUNT.settings, secrets: { ...GHN_ACCOUNT.secrets, webhookSecret: SECRET } });
    account = { id: c.id, carrier: 'ghn', serviceCode: '2' };
    shop = await makeShop(t);
  });
  afterAll(async () => {
    await t?.close();
    await Promise.allSettled([ghn?.close(), receiver?.close()]);
  });

  it('follows status callbacks, counts repeats once and ignores weight and fee updates', async () => {
    const sh = await bookedShipment(t.admin, shop, account);
    for (const status of ['picking', 'picked', 'storing'] as const) ghn.control.advance(sh.trackingNumber!, status);
    ghn.control.reweigh(sh.trackingNumber!, 900);
    await ghn.control.webhooksIdle();
    const after = await waitForShipment(t.admin, sh.id, (s) => s.carrierStatus === 'storing');
    expect(after.state).toBe('in_transit');
    expect((await call(t.admin, 'orders.get', { id: sh.orderId })).status).toBe('shipped');
    const statuses = after.events.filter((e) => e.source === 'webhook').map((e) => e.carrierStatus);
    expect(statuses).toEqual(['ready_to_pick', 'picking', 'picked', 'storing']);
    expect(ghn.control.webhookDeliveries().every((d) => d.status === 200)).toBe(true);
    expect(ghn.control.webhookDeliveries().some((d) => d.duplicate)).toBe(true);
  });
});
