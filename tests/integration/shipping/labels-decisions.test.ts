import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Shipment } from '../../../main/api/shipping.js';
import { call, callError } from '../../fixtures/core.js';
import { bookedShipment, bookingForm, readyOrder, shippingWorld, waitFor, waitForShipment, type ShippingWorld } from '../../fixtures/shipping.js';
import { storeChecksum } from '../../fixtures/store-checks.js';
import { sharedLimiter } from '../../../main/sync/rate-limiter.js';

// Label sizes per account and per shipment, the shop's answer to a failed delivery, GHN insurance left
// to GHN, limits per account, bulk results with their details, and carrier calls made by commands
// counted by the account's rate limiter.

describe('label sizes, delivery decisions and booking details', () => {
  let w: ShippingWorld;
  beforeAll(async () => {
    w = await shippingWorld();
  });
  afterAll(() => w?.close());
  const checksum = () => storeChecksum(w.t.core.store.sqlite);
  /** GHN statuses come by polling here (the simulator's callbacks are not configured for the shop). */
  const polled = (id: number, ok: (s: Shipment) => boolean) => waitFor(`shipment ${id}`, async () => {
    await call(w.t.admin, 'shipping.trackNow', { id });
    const s = await call(w.t.admin, 'shipping.get', { id });
    return ok(s) ? s : undefined;
  });
  const printed = (path: string) => [...w.carriers.ghn.control.requests(), ...w.carriers.vtp.control.requests()].filter((r) => r.path === path).length;

  it('downloads the label in the account\'s size, another size on request, and reuses a stored size offline', async () => {
    const { t, accounts, shop } = w;
    await call(t.admin, 'connections.update', { id: accounts.ghn.id, settings: { labelSize: '80x80' } });
    const sh = await bookedShipment(t.admin, shop, accounts.ghn);
    const first = await waitForShipment(t.admin, sh.id, (s) => s.hasLabel);
    expect(first).toMatchObject({ labelSize: '80x80', labelSizes: ['80x80'] });
    expect(printed('/a5/public-api/print80x80')).toBeGreaterThan(0);

    expect((await call(t.admin, 'shipping.relabel', { id: sh.id, size: '52x70' })).source).toBe('queued');
    const both = await waitForShipment(t.admin, sh.id, (s) => s.labelSizes.length === 2);
    expect(both).toMatchObject({ labelSize: '52x70', labelSizes: ['52x70', '80x80'] });
    const small = Buffer.from((await call(t.admin, 'shipping.label', { id: sh.id, size: '52x70' })).contentBase64, 'base64').toString('utf8');
    expect(small).toContain('52mm 70mm');

    const before = printed('/a5/public-api/print80x80');
    const back = await call(t.admin, 'shipping.relabel', { id: sh.id, size: '80x80' });
    expect(back.source).toBe('stored');
    expect(back.shipment.labelSize).toBe('80x80');
    expect(printed('/a5/public-api/print80x80')).toBe(before);

    const at = checksum();
    expect(await callError(t.admin, 'shipping.relabel', { id: sh.id, size: 'a7' })).toMatchObject({ code: 'INPUT_INVALID' });
    expect(await callError(t.admin, 'connections.update', { id: accounts.ghn.id, settings: { labelSize: 'a6' } })).toMatchObject({ code: 'INPUT_INVALID' });
    expect(await callError(t.admin, 'connections.create', { provider: 'viettelpost', name: 'x', environment: 'sandbox', settings: { labelSize: '80x80' } })).toMatchObject({ code: 'INPUT_INVALID' });
    expect(checksum()).toBe(at);
    await call(t.admin, 'connections.update', { id: accounts.ghn.id, settings: { labelSize: 'a5' } });
  });

  it('Viettel Post: an A7 label is an A7 PDF, and the carrier refuses a print type it does not know', async () => {
    const { t, accounts, shop, carriers } = w;
    const sh = await bookedShipment(t.admin, shop, accounts.vtp);
    await waitForShipment(t.admin, sh.id, (s) => s.labelSize === 'a6');
    await call(t.admin, 'shipping.relabel', { id: sh.id, size: 'a7' });
    await waitForShipment(t.admin, sh.id, (s) => s.labelSizes.includes('a7'));
    const pdf = Buffer.from((await call(t.admin, 'shipping.label', { id: sh.id, size: 'a7' })).contentBase64, 'base64').toString('latin1');
    expect(pdf).toMatch(/MediaBox\s*\[\s*0 0 210 298\s*\]/);
    const res = await fetch(`${carriers.vtp.url}/DigitalizePrint/report.do?type=9&bill=x`);
    expect(res.status).toBe(400);
    const ghn = await fetch(`${carriers.ghn.url}/a5/public-api/printA6?token=x`);
    expect(ghn.ok).toBe(false);
  });

  it('sends the shop\'s decision after a failed delivery and records it; refuses it in other states and to packers', async () => {
    const { t, accounts, shop, carriers } = w;
    const vtp = await bookedShipment(t.admin, shop, accounts.vtp);
    expect(await callError(t.admin, 'shipping.decideDelivery', { id: vtp.id, decision: 'redeliver' })).toMatchObject({ code: 'CONFLICT', details: { reason: 'no_decision_needed' } });
    for (const s of [105, 200, 500, 505]) carriers.vtp.control.advance(vtp.trackingNumber!, s);
    const waiting = await waitForShipment(t.admin, vtp.id, (s) => s.state === 'awaiting_decision');
    expect(waiting.decidable).toBe(true);
    const open = await call(t.admin, 'exceptions.list', { kind: 'awaiting_decision' });
    expect(open.items.find((e) => e.shipmentId === vtp.id)?.decidable).toBe(true);
    const packer = await t.signedIn('packer');
    expect(await callError(packer, 'shipping.decideDelivery', { id: vtp.id, decision: 'redeliver' })).toMatchObject({ code: 'FORBIDDEN' });

    const asked = await call(t.admin, 'shipping.decideDelivery', { id: vtp.id, decision: 'redeliver' });
    expect(asked.decidable).toBe(false);
    expect(await callError(t.admin, 'shipping.decideDelivery', { id: vtp.id, decision: 'return' })).toMatchObject({ code: 'CONFLICT' });
    const moving = await waitForShipment(t.admin, vtp.id, (s) => s.state === 'delivering');
    expect(moving.events.map((e) => e.carrierStatus)).toEqual(expect.arrayContaining(['decision:redeliver', '550']));
    const order = await call(t.admin, 'orders.get', { id: vtp.orderId });
    expect(order.events.map((e) => e.kind)).toEqual(expect.arrayContaining(['delivery_decision_requested', 'delivery_decision_sent']));
    expect((await call(t.admin, 'exceptions.list', { kind: 'awaiting_decision' })).items.some((e) => e.shipmentId === vtp.id)).toBe(false);

    const ghn = await bookedShipment(t.admin, shop, accounts.ghn);
    for (const s of ['picked', 'delivering', 'delivery_fail'] as const) carriers.ghn.control.advance(ghn.trackingNumber!, s);
    await polled(ghn.id, (s) => s.state === 'delivery_failed' && s.decidable);
    await call(t.admin, 'shipping.decideDelivery', { id: ghn.id, decision: 'return' });
    await waitFor('GHN to hear the return', () => carriers.ghn.control.orders().find((o) => o.order_code === ghn.trackingNumber)?.status === 'waiting_to_return');
  });

  it('shows the carrier\'s refusal of a decision on the shipment, with a hint, and as an exception', async () => {
    const { t, accounts, shop, carriers } = w;
    const sh = await bookedShipment(t.admin, shop, accounts.ghn);
    for (const s of ['picked', 'delivering', 'delivery_fail'] as const) carriers.ghn.control.advance(sh.trackingNumber!, s);
    await polled(sh.id, (s) => s.state === 'delivery_failed');
    // GHN moves on while we do not ask
    carriers.ghn.control.advance(sh.trackingNumber!, 'delivered');
    await call(t.admin, 'shipping.decideDelivery', { id: sh.id, decision: 'redeliver' });
    const refused = await waitForShipment(t.admin, sh.id, (s) => s.error?.code === 'DECISION_REFUSED');
    expect(refused.error?.hint).not.toBe('');
    const ex = (await call(t.admin, 'exceptions.list', { kind: 'decision_refused' })).items.find((e) => e.shipmentId === sh.id);
    expect(ex?.details).toMatchObject({ decision: 'redeliver', errorCode: 'DECISION_REFUSED' });
  });

  it('leaves GHN insurance above 5,000,000 to GHN, and gives limits for every account', async () => {
    const { t, accounts, shop } = w;
    const o = await readyOrder(t.admin, shop);
    const { defaults } = await call(t.admin, 'shipping.forOrder', { orderId: o.id });
    expect(defaults.accountLimits).toEqual(expect.arrayContaining([
      { accountId: accounts.ghn.id, carrier: 'ghn', limits: expect.objectContaining({ maxInsurance: null, insuranceWarnAbove: 5_000_000 }) },
      { accountId: accounts.vtp.id, carrier: 'viettelpost', limits: expect.objectContaining({ maxInsurance: 50_000_000 }) },
    ]));
    await call(t.admin, 'shipping.resolveAddress', { orderId: o.id, accountId: accounts.ghn.id });
    const sh = await call(t.admin, 'shipping.book', await bookingForm(t.admin, o.id, accounts.ghn, { insuranceVnd: 6_000_000 }));
    expect(sh.state).toBe('booking');
    // The simulator holds GHN's validators' 5,000,000: GHN's own refusal is what the operator sees.
    const failed = await waitForShipment(t.admin, sh.id, (s) => s.state === 'booking_failed');
    expect(failed.error?.message).toMatch(/insurance_value/);
  });

  it('bulk booking keeps the service name and each refusal\'s details', async () => {
    const { t, accounts, shop } = w;
    const good = await readyOrder(t.admin, shop);
    const bad = await readyOrder(t.admin, shop, { address: { recipientName: 'Lan', phone: '0912345678', street: '1 Lê Lợi', provinceName: 'Tỉnh Không Có', wardName: 'Phường Không Có' } });
    const results = await call(t.admin, 'shipping.bookMany', { orderIds: [good.id, bad.id], accountId: accounts.ghn.id, serviceCode: '2' });
    const [ok, refused] = results;
    expect(ok.ok).toBe(true);
    expect((await call(t.admin, 'shipping.get', { id: ok.shipmentId! })).serviceName).toBe('Hàng nhẹ (e-commerce)');
    expect(refused).toMatchObject({ ok: false, error: { code: 'ADDRESS_UNMATCHED', details: expect.objectContaining({ level: 'province' }) } });
  });

  it('withdraws a booking not yet sent, without calling the carrier', async () => {
    const { t, accounts, shop, carriers } = w;
    await call(t.admin, 'jobs.pause', { paused: true });
    try {
      const o = await readyOrder(t.admin, shop);
      await call(t.admin, 'shipping.resolveAddress', { orderId: o.id, accountId: accounts.vtp.id });
      const sh = await call(t.admin, 'shipping.book', await bookingForm(t.admin, o.id, accounts.vtp));
      expect(sh).toMatchObject({ state: 'booking', cancellable: true });
      const before = carriers.vtp.control.requests().length;
      expect((await call(t.admin, 'shipping.cancel', { id: sh.id, reason: 'Khách đổi ý' })).state).toBe('cancelled');
      expect(carriers.vtp.control.requests().length).toBe(before);
    } finally {
      await call(t.admin, 'jobs.pause', { paused: false });
    }
  });

  it('counts carrier calls made by commands in the account\'s rate limiter', async () => {
    const { t, accounts, carriers } = w;
    const limiter = sharedLimiter(t.core.store)!;
    await waitFor('earlier jobs to settle', async () => (await call(t.admin, 'jobs.list', { statuses: ['queued', 'running'] })).total === 0);
    const before = limiter.startsInWindow(accounts.ghn.id, Date.now());
    const requests = carriers.ghn.control.requests().length;
    expect((await call(t.admin, 'connections.test', { id: accounts.ghn.id })).ok).toBe(true);
    const made = carriers.ghn.control.requests().length - requests;
    expect(made).toBeGreaterThan(0);
    expect(limiter.startsInWindow(accounts.ghn.id, Date.now()) - before).toBe(made);
  });

  it('lets packers read carrier names but not account settings', async () => {
    const packer = await w.t.signedIn('packer');
    expect(await callError(packer, 'connections.list', {})).toMatchObject({ code: 'FORBIDDEN' });
    const carriers = await call(packer, 'connections.carriers', {});
    expect(carriers.map((c) => c.provider).sort()).toEqual(['ghn', 'viettelpost']);
    expect(Object.keys(carriers[0]).sort()).toEqual(['active', 'id', 'labelSize', 'name', 'provider']);
  });
});
