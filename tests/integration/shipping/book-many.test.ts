import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../fixtures/core.js';
import { isBooked, placeAddress, readyOrder, shippingWorld, waitForShipment, type ShippingWorld } from '../../fixtures/shipping.js';

// Booking a batch from the orders list: each order is matched and recorded on its own, and the answer
// says per order what happened, so one bad order never stops the others.

const PLACES = ['hn-cau-giay', 'hn-thanh-xuan', 'dn-hai-chau', 'hcm-tan-dinh', 'ct-an-khanh', 'hp-gia-vien', 'hue-thuan-hoa', 'kh-nha-trang', 'na-vinh-phu', 'dni-tran-bien'];

describe('shipping.bookMany', () => {
  let w: ShippingWorld;
  beforeAll(async () => {
    w = await shippingWorld();
  });
  afterAll(() => w?.close());

  it.each(['vtp', 'ghn'] as const)('%s: books 20 orders in one call, with a result per order', async (which) => {
    const { t, accounts, shop } = w;
    const account = accounts[which];
    const orders = [];
    for (let i = 0; i < 18; i++) orders.push(await readyOrder(t.admin, shop, { place: PLACES[i % PLACES.length], form: i % 2 ? 'legacy3' : 'new2' }));
    // The account's very first booking comes through bookMany: the sender (warehouse) is matched on the way too.
    const [first] = await call(t.admin, 'shipping.bookMany', { orderIds: [orders.shift()!.id], accountId: account.id, serviceCode: account.serviceCode });
    expect(first).toMatchObject({ ok: true, error: null });
    const already = await waitForShipment(t.admin, first.shipmentId!, isBooked);
    const unmatched = await readyOrder(t.admin, shop, { address: { ...placeAddress('hn-cau-giay'), wardName: 'Phường Không Có Thật' } });
    const notConfirmed = await call(t.admin, 'orders.create', { ...{ warehouseId: shop.warehouseId, buyer: { name: 'Lan', phone: '0912345678' } }, address: placeAddress('hn-cau-giay'), lines: [{ variantId: shop.variantId, quantity: 1 }], confirm: false });
    const ids = [...orders.map((o) => o.id), unmatched.id, already.orderId, notConfirmed.id];
    expect(ids).toHaveLength(20);

    const results = await call(t.admin, 'shipping.bookMany', { orderIds: ids, accountId: account.id, serviceCode: account.serviceCode });
    expect(results.map((r) => r.orderId)).toEqual(ids);
    expect(results.slice(0, 17).every((r) => r.ok && r.shipmentId !== null && r.error === null)).toBe(true);
    expect(results.slice(17).map((r) => [r.ok, r.error?.code])).toEqual([[false, 'ADDRESS_UNMATCHED'], [false, 'CONFLICT'], [false, 'TRANSITION_INVALID']]);
    expect(results.map((r) => r.orderNumber)).toEqual(await Promise.all(ids.map(async (id) => (await call(t.admin, 'orders.get', { id })).number)));

    const booked = await Promise.all(results.slice(0, 17).map((r) => waitForShipment(t.admin, r.shipmentId!, isBooked)));
    for (const s of booked) expect((await call(t.admin, 'orders.get', { id: s.orderId })).trackingNumber).toBe(s.trackingNumber);
    expect((await call(t.admin, 'shipping.forOrder', { orderId: already.orderId })).shipments).toHaveLength(1);
  });
});
