import { describe, expect, it } from 'vitest';
import type { ShopeeOrderDetail } from '../../../main/connectors/marketplaces/shopee/shopee-schemas.js';
import { mapShopeeAddress, mapShopeeOrder, mapShopeeStatus, paymentOf, SHOPEE_ORDER_STATUSES } from '../../../main/domain/intake/shopee-order-mapping.js';

const detail = (over: Partial<ShopeeOrderDetail> = {}): ShopeeOrderDetail => ({
  order_sn: '250901ABCDEF12', order_status: 'READY_TO_SHIP', create_time: 1_756_700_000, update_time: 1_756_700_100, currency: 'VND', cod: true,
  total_amount: 293_000, estimated_shipping_fee: 25_000, ship_by_date: 1_756_900_000, message_to_seller: 'Gói kỹ giúp em',
  buyer_username: 'lan.nguyen',
  recipient_address: { name: 'Nguyễn Thị Lan', phone: '84912345678', state: 'Hà Nội', city: 'Quận Cầu Giấy', district: 'Phường Dịch Vọng', town: '', full_address: '12 Trần Thái Tông, Phường Dịch Vọng, Quận Cầu Giấy, Hà Nội' },
  item_list: [
    { item_id: '9007199254740993', item_name: 'Áo thun', item_sku: 'AT', model_id: '9007199254800001', model_name: 'Trắng,M', model_sku: 'AT-TRANG-M', model_quantity_purchased: 2, model_original_price: 139_000, model_discounted_price: 129_000 },
    { item_id: '23000000101', item_name: 'Cà phê', item_sku: 'CF-ROB-500', model_id: '0', model_name: '', model_sku: '', model_quantity_purchased: 1, model_original_price: 165_000 },
  ],
  package_list: [{ package_number: 'P1', logistics_status: 'LOGISTICS_READY', item_list: [] }],
  ...over,
} as ShopeeOrderDetail);

describe('Shopee status mapping (spec §1.5)', () => {
  const cases: [string, string | null, string, boolean][] = [
    ['UNPAID', 'new', 'unpaid', true],
    ['PENDING', 'new', 'pending', true],
    ['INVOICE_PENDING', 'new', 'pending', true],
    ['READY_TO_SHIP', 'ready_to_pack', '', false],
    ['PROCESSED', 'packed', '', false],
    ['RETRY_SHIP', 'packed', '', false],
    ['SHIPPED', 'shipped', '', false],
    ['TO_CONFIRM_RECEIVE', 'delivered', '', false],
    ['COMPLETED', 'completed', '', false],
    ['IN_CANCEL', null, 'in_cancel', true],
    ['CANCELLED', 'cancelled', '', true],
    ['TO_RETURN', 'returning', '', true],
  ];
  it.each(cases)('%s → stage %s, hold %s, blocks packing %s', (status, stage, hold, blocks) => {
    expect(mapShopeeStatus(status)).toMatchObject({ stage, hold, blocksPacking: blocks });
  });
  it('covers every status of the table', () => {
    expect(Object.keys(SHOPEE_ORDER_STATUSES).sort()).toEqual(cases.map((c) => c[0]).sort());
  });
  it('flags RETRY_SHIP for a new arrangement', () => expect(mapShopeeStatus('RETRY_SHIP')?.rearrange).toBe(true));
  it('an unknown status maps to nothing (recorded as a sync error by the caller)', () => {
    expect(mapShopeeStatus('TELEPORTED')).toBeNull();
    expect(mapShopeeOrder(detail({ order_status: 'TELEPORTED' }))).toMatchObject({ ok: false, code: 'STATUS_UNKNOWN' });
  });
  it.each(['LOGISTICS_DELIVERY_FAILED', 'LOGISTICS_PICKUP_FAILED', 'LOGISTICS_LOST'])('CANCELLED with a package %s is a failed delivery', (p) => {
    expect(mapShopeeStatus('CANCELLED', [p])?.stage).toBe('delivery_failed');
    expect(mapShopeeStatus('CANCELLED', ['LOGISTICS_REQUEST_CANCELED'])?.stage).toBe('cancelled');
  });
  it('a split order is only as far as its least advanced package', () => {
    expect(mapShopeeStatus('SHIPPED', ['LOGISTICS_PICKUP_DONE', 'LOGISTICS_READY'])?.stage).toBe('ready_to_pack');
    expect(mapShopeeStatus('SHIPPED', ['LOGISTICS_PICKUP_DONE', 'LOGISTICS_REQUEST_CREATED'])?.stage).toBe('packed');
    expect(mapShopeeStatus('SHIPPED', ['LOGISTICS_PICKUP_DONE', 'LOGISTICS_PICKUP_DONE'])?.stage).toBe('shipped');
    // One package: the order status decides.
    expect(mapShopeeStatus('SHIPPED', ['LOGISTICS_READY'])?.stage).toBe('shipped');
  });
});

describe('Shopee order mapping', () => {
  it('maps buyer, lines with text ids, amounts in đồng, payment, ship-by', () => {
    const r = mapShopeeOrder(detail());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const o = r.order;
    expect(o).toMatchObject({
      externalId: '250901ABCDEF12', updateTime: 1_756_700_100, createdAt: 1_756_700_000_000, buyerName: 'Nguyễn Thị Lan', buyerUsername: 'lan.nguyen',
      buyerPhone: '0912345678', paymentMethod: 'cod', shipBy: 1_756_900_000_000, note: 'Gói kỹ giúp em', marketplaceStatus: 'READY_TO_SHIP',
    });
    expect(o.lines).toEqual([
      expect.objectContaining({ itemId: '9007199254740993', modelId: '9007199254800001', sku: 'AT-TRANG-M', quantity: 2, unitPrice: 129_000 }),
      expect.objectContaining({ itemId: '23000000101', modelId: '0', sku: 'CF-ROB-500', quantity: 1, unitPrice: 165_000 }),
    ]);
    // 2×129 000 + 165 000 = 423 000; + 25 000 shipping − vouchers = 293 000 paid.
    expect(o.subtotal).toBe(423_000);
    expect(o.total).toBe(293_000);
    expect(o.subtotal + o.shippingFee - o.discount).toBe(o.total);
    expect(o.shippingFee).toBe(25_000);
    expect(o.discount).toBe(155_000);
  });
  it('keeps the total when the buyer pays more than lines and estimated shipping', () => {
    const r = mapShopeeOrder(detail({ total_amount: 460_000, estimated_shipping_fee: 20_000 }));
    if (!r.ok) throw new Error('mapping failed');
    expect(r.order).toMatchObject({ shippingFee: 37_000, discount: 0, total: 460_000 });
  });
  it('rounds stray fractions and refuses negative amounts', () => {
    const r = mapShopeeOrder(detail({ total_amount: 292_999.6 }));
    expect(r.ok && r.order.total).toBe(293_000);
    expect(mapShopeeOrder(detail({ total_amount: -1 }))).toMatchObject({ ok: false, code: 'AMOUNT_INVALID' });
  });
  it('an order without items (optional field not asked, truncated) is refused, not half written', () => {
    expect(mapShopeeOrder(detail({ item_list: [] }))).toMatchObject({ ok: false, code: 'ITEMS_MISSING' });
    expect(mapShopeeOrder(detail({ item_list: undefined }))).toMatchObject({ ok: false, code: 'ITEMS_MISSING' });
  });
  it('payment: cod flag first, else the method name', () => {
    expect(paymentOf({ cod: false, payment_method: 'Cash on Delivery' })).toBe('prepaid');
    expect(paymentOf({ payment_method: 'Thanh toán khi nhận hàng' })).toBe('cod');
    expect(paymentOf({ payment_method: 'COD' })).toBe('cod');
    expect(paymentOf({ payment_method: 'ShopeePay' })).toBe('prepaid');
  });
  it('holds unpaid and pending orders', () => {
    const r = mapShopeeOrder(detail({ order_status: 'UNPAID', cod: false }));
    expect(r.ok && r.order.status).toMatchObject({ stage: 'new', hold: 'unpaid', blocksPacking: true });
  });
});

describe('Shopee address mapping (old and 2025 forms)', () => {
  it('three levels under the province: the old form, raw text unchanged', () => {
    const a = mapShopeeAddress({ name: 'Lan', phone: '0912345678', state: 'Hà Nội', city: 'Quận Cầu Giấy', district: 'Phường Dịch Vọng', town: '', full_address: '12 Trần Thái Tông, Phường Dịch Vọng, Quận Cầu Giấy, Hà Nội' });
    expect(a).toMatchObject({ scheme: 'legacy3', streetLine: '12 Trần Thái Tông', rawText: '12 Trần Thái Tông, Phường Dịch Vọng, Quận Cầu Giấy, Hà Nội',
      legacy: { provinceName: 'Hà Nội', districtName: 'Quận Cầu Giấy', wardName: 'Phường Dịch Vọng' } });
    expect(a.current).toBeUndefined();
  });
  it('a province repeated in city is not a level', () => {
    const a = mapShopeeAddress({ name: 'Lan', phone: '84912345678', state: 'TP. Hồ Chí Minh', city: 'TP. Hồ Chí Minh', district: 'Quận 1', town: 'Phường Bến Nghé', full_address: '12 Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh' });
    expect(a).toMatchObject({ scheme: 'legacy3', streetLine: '12 Lê Lợi', legacy: { provinceName: 'TP. Hồ Chí Minh', districtName: 'Quận 1', wardName: 'Phường Bến Nghé' } });
  });
  it('province → ward: the 2025 two-level form', () => {
    const a = mapShopeeAddress({ name: 'Minh', phone: '0987654321', state: 'TP. Hồ Chí Minh', city: '', district: '', town: 'Phường Sài Gòn', full_address: '45 Lê Lợi, Phường Sài Gòn, TP. Hồ Chí Minh' });
    expect(a).toMatchObject({ scheme: 'new2', streetLine: '45 Lê Lợi', current: { provinceName: 'TP. Hồ Chí Minh', wardName: 'Phường Sài Gòn' }, recipientName: 'Minh', phone: '0987654321' });
  });
  it('writes phones in the local 0… form and leaves masked ones as Shopee sent them', () => {
    const at = (phone: string) => mapShopeeAddress({ name: 'Lan', phone, state: 'Hà Nội', city: '', district: '', town: 'Phường Dịch Vọng', full_address: '12 Trần Thái Tông, Phường Dịch Vọng, Hà Nội' }).phone;
    expect(at('84912345678')).toBe('0912345678');
    expect(at('+84 91 234 5678')).toBe('0912345678');
    expect(at('******78')).toBe('******78');
  });

  it('keeps the raw text when the parts are missing', () => {
    const a = mapShopeeAddress({ name: 'X', phone: '', full_address: 'Chợ Bến Thành' });
    expect(a).toMatchObject({ scheme: 'unknown', rawText: 'Chợ Bến Thành' });
  });
});
