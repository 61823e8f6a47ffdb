import { describe, expect, it } from 'vitest';
import type { ShipmentState } from '../../main/connectors/carriers/carrier-connector.js';
import {
  availableServicesBody, createBody, createResult, detailEvents, detailResult, feeBody, ghnProvince, ghnV3Unit, ghnWard, serviceTypesFrom, switchStatusOutcome,
} from '../../main/connectors/carriers/ghn/mapping.js';
import { GHN_STATUS, mapGhnStatus } from '../../main/connectors/carriers/ghn/status-map.js';
import { parseGhnWebhook } from '../../main/connectors/carriers/ghn/webhook.js';
import { JobError } from '../../main/sync/job-error.js';
import { booking, RECEIVER_NEW } from './carrier-fixtures.js';

// Spec A1.9, written out again here (not read from the table) so a changed row fails loudly.
const EXPECTED: Record<string, ShipmentState> = {
  ready_to_pick: 'booked', picking: 'picking', money_collect_picking: 'picking', picked: 'picked',
  storing: 'in_transit', transporting: 'in_transit', sorting: 'in_transit',
  delivering: 'delivering', money_collect_delivering: 'delivering', delivered: 'delivered', delivery_fail: 'delivery_failed',
  waiting_to_return: 'awaiting_decision', return: 'returning', return_transporting: 'returning', return_sorting: 'returning',
  returning: 'returning', return_fail: 'returning', returned: 'returned', cancel: 'cancelled', exception: 'exception',
  lost: 'lost', damage: 'damaged', scrap: 'lost',
};

const thrown = (fn: () => unknown): JobError => {
  try {
    fn();
  } catch (error) {
    return error as JobError;
  }
  throw new Error('expected a throw');
};

describe('GHN status table', () => {
  it('covers exactly the statuses of A1.9', () => {
    expect(Object.keys(GHN_STATUS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s → %s', (status, state) => {
    expect(mapGhnStatus(status)).toMatchObject({ state });
    expect(mapGhnStatus(status).warning).toBeUndefined();
  });

  it('maps an unknown status to unchanged with a warning instead of failing', () => {
    const m = mapGhnStatus('teleported');
    expect(m.state).toBe('unchanged');
    expect(m.warning).toMatch(/teleported/);
  });

  it('marks the end states final', () => {
    const finals = Object.entries(GHN_STATUS).filter(([, r]) => r.final).map(([s]) => s).sort();
    expect(finals).toEqual(['cancel', 'damage', 'delivered', 'exception', 'lost', 'returned', 'scrap']);
  });
});

describe('GHN create body', () => {
  it('carries our code, units and the legacy receiver ids (ward code as text)', () => {
    const body = createBody(booking());
    expect(body).toMatchObject({
      client_order_code: 'PD-000123', service_type_id: 2, payment_type_id: 1, required_note: 'CHOXEMHANGKHONGTHU',
      to_name: 'Nguyễn Thị Hoa', to_phone: '0987654321', to_ward_code: '030712', to_district_id: 1489,
      weight: 1200, length: 30, width: 20, height: 10, cod_amount: 480_000, insurance_value: 450_000, order_value: 450_000,
      from_phone: '0912345678', from_district_name: 'Quận 1', content: 'Quần áo', note: 'Gọi trước khi giao',
    });
    expect(body).not.toHaveProperty('is_new_to_address');
  });

  it.each([['try', 'CHOTHUHANG'], ['look', 'CHOXEMHANGKHONGTHU'], ['none', 'KHONGCHOXEMHANG']] as const)('inspection %s → %s', (inspection, note) => {
    expect(createBody(booking({ inspection })).required_note).toBe(note);
  });

  it.each([
    ['seller', 480_000, undefined, 1],
    ['buyer', 480_000, undefined, 2],
    ['buyer', 480_000, true, 1], // COD already contains the shipping: nothing on top (G3.4)
    ['buyer', 0, true, 2],
    ['seller', 0, undefined, 1],
  ] as const)('payer %s, COD %d, includes shipping %s → payment_type_id %d', (payer, codVnd, codIncludesShipping, id) => {
    expect(createBody(booking({ payer, codVnd, codIncludesShipping })).payment_type_id).toBe(id);
  });

  it('sends a 2025 address by names with is_new_to_address and an empty district', () => {
    const body = createBody(booking({ to: RECEIVER_NEW }));
    expect(body).toMatchObject({ is_new_to_address: true, to_ward_name: 'Phường Cửa Nam', to_province_name: 'Hà Nội', to_district_name: '' });
    expect(body).not.toHaveProperty('to_district_id');
  });

  it('sends items for the heavy service and refuses heavy without items', () => {
    expect(createBody(booking({ serviceCode: '5' })).items).toEqual([
      { name: 'Áo thun cotton', code: 'AT-01-M', quantity: 2, price: 150_000, weight: 300 },
      { name: 'Quần jean', code: 'QJ-02-L', quantity: 1, price: 150_000, weight: 600 },
    ]);
    const b = booking({ serviceCode: '5' });
    b.parcel = { ...b.parcel, items: [] };
    expect(thrown(() => createBody(b))).toMatchObject({ kind: 'permanent', code: 'ITEMS_REQUIRED' });
  });

  it('refuses retired service types and limits before sending (A1.5)', () => {
    expect(thrown(() => createBody(booking({ serviceCode: '1' })))).toMatchObject({ code: 'SERVICE_UNKNOWN' });
    const heavy = booking();
    heavy.parcel = { ...heavy.parcel, weightG: 50_001 };
    expect(thrown(() => createBody(heavy))).toMatchObject({ kind: 'permanent', code: 'VALUE_OUT_OF_RANGE', message: expect.stringMatching(/weight/) });
    const long = booking();
    long.parcel = { ...long.parcel, lengthCm: 201 };
    expect(thrown(() => createBody(long)).message).toMatch(/length/);
    expect(thrown(() => createBody(booking({ codVnd: 50_000_001 }))).message).toMatch(/COD/);
    expect(thrown(() => createBody(booking({ codVnd: 1000.5 })))).toMatchObject({ code: 'VALUE_NOT_INTEGER' });
    expect(thrown(() => createBody(booking({ code: 'X'.repeat(51) })))).toMatchObject({ code: 'CODE_TOO_LONG' });
    expect(thrown(() => createBody(booking({ to: { ...booking().to, phone: '0967.363.78' } })))).toMatchObject({ code: 'PHONE_INVALID' });
  });

  it('does not cap insurance (contract-dependent, G2.9)', () => {
    expect(createBody(booking({ insuranceVnd: 10_000_000 })).insurance_value).toBe(10_000_000);
  });

  it('rounds sizes and weight up rather than under-declaring', () => {
    const b = booking();
    b.parcel = { ...b.parcel, weightG: 1200.2, heightCm: 9.1 };
    expect(createBody(b)).toMatchObject({ weight: 1201, height: 10 });
  });
});

describe('GHN quote bodies', () => {
  it('asks available-services with legacy districts and the shop id in the body', () => {
    expect(availableServicesBody(885, booking())).toEqual({ shop_id: 885, from_district: 1442, to_district: 1489 });
    expect(availableServicesBody(885, booking({ to: RECEIVER_NEW }))).toBeNull();
  });

  it('builds the fee body with legacy ids, or the 2025 fields', () => {
    expect(feeBody(booking(), 2)).toMatchObject({ service_type_id: 2, from_district_id: 1442, from_ward_code: '20109', to_district_id: 1489, to_ward_code: '030712', cod_value: 480_000, insurance_value: 450_000 });
    expect(feeBody(booking({ to: RECEIVER_NEW }), 2)).toMatchObject({ to_ward_id_v2: 1003573, to_address_v2: RECEIVER_NEW.fullText, is_new_to_address: true });
  });

  it('keeps one entry per service type and drops retired types', () => {
    const data = [
      { service_id: 53320, short_name: 'Hàng nhẹ', service_type_id: 2 },
      { service_id: 53321, short_name: 'Hàng nhẹ 2', service_type_id: 2 },
      { service_id: 100039, short_name: 'Hàng nặng', service_type_id: 5 },
      { service_id: 1, short_name: 'Nhanh', service_type_id: 1 },
    ];
    expect(serviceTypesFrom(data)).toEqual([{ typeId: '2', shortName: 'Hàng nhẹ' }, { typeId: '5', shortName: 'Hàng nặng' }]);
  });
});

describe('GHN master data', () => {
  it('keeps a leading zero in WardCode and reads locks', () => {
    expect(ghnWard({ WardCode: '030712', WardName: 'Phường Hàng Gai', DistrictID: 1489, NameExtension: ['Hàng Gai', 'Phường Hàng Gai'] }, '1489'))
      .toEqual({ id: '030712', name: 'Phường Hàng Gai', aliases: ['Hàng Gai'], parentId: '1489', scheme: 'legacy3', level: 'ward', active: true });
    expect(ghnWard({ WardCode: '1', WardName: 'x', SupportType: 0 }, '9').active).toBe(false);
    expect(ghnProvince({ ProvinceID: 202, ProvinceName: 'Hồ Chí Minh', Status: 2 })).toMatchObject({ id: '202', active: false, parentId: null });
  });

  it('reads v3 units with their own ids', () => {
    expect(ghnV3Unit({ _id: 1003573, name: 'Phường Cửa Nam', extension_names: ['Cửa Nam'], status: 1, parent_id: 1000000 }, 'ward', '1000000'))
      .toEqual({ id: '1003573', name: 'Phường Cửa Nam', aliases: ['Cửa Nam'], parentId: '1000000', scheme: 'new2', level: 'ward', active: true });
  });
});

describe('GHN results', () => {
  it('reads the create answer', () => {
    const data = { order_code: 'LNKC89', sort_code: '190-G-01-A2', total_fee: 33_000, expected_delivery_time: '2025-08-02T16:59:59Z' };
    expect(createResult(data, booking())).toEqual({ trackingNumber: 'LNKC89', feeVnd: 33_000, codVnd: 480_000, expectedDeliveryAt: Date.UTC(2025, 7, 2, 16, 59, 59), sortCode: '190-G-01-A2', raw: data });
    expect(createResult({}, booking())).toBeNull();
  });

  it('reads a detail as a booking with its current state', () => {
    expect(detailResult({ order_code: 'LNKC89', status: 'picking', cod_amount: 480_000, total_fee: 33_000 })).toMatchObject({ trackingNumber: 'LNKC89', state: 'picking', carrierStatus: 'picking', codVnd: 480_000 });
  });

  it('turns the detail log into ordered events and adds the current status', () => {
    const events = detailEvents({
      order_code: 'LNKC89', status: 'delivering', updated_date: '2025-08-02T03:00:00Z',
      log: [{ status: 'picked', updated_date: '2025-08-01T05:00:00Z' }, { status: 'ready_to_pick', updated_date: '2025-08-01T01:00:00Z' }, { status: 'warp', updated_date: '2025-08-01T06:00:00Z' }],
    });
    expect(events.map((e) => [e.carrierStatus, e.mapped])).toEqual([['ready_to_pick', 'booked'], ['picked', 'picked'], ['warp', 'unchanged'], ['delivering', 'delivering']]);
    expect(events[2].warning).toMatch(/warp/);
    expect(events[3].at).toBe(Date.UTC(2025, 7, 2, 3));
  });

  it('reads cancel outcomes per order (HTTP 200 even when refused, G2.7)', () => {
    const data = [{ order_code: 'A', result: true, message: 'OK' }, { order_code: 'B', result: false, message: 'Đơn hàng đã lấy, không thể huỷ' }];
    expect(switchStatusOutcome(data, 'A')).toEqual({ ok: true, message: 'OK' });
    expect(switchStatusOutcome(data, 'B')).toEqual({ ok: false, message: 'Đơn hàng đã lấy, không thể huỷ' });
    expect(switchStatusOutcome(data, 'C').ok).toBe(false);
  });
});

describe('parseGhnWebhook', () => {
  const payload = {
    CODAmount: 480000, ClientOrderCode: 'PD-000123', Description: 'Giao hàng thành công', OrderCode: 'LNKC89', Reason: '', ReasonCode: '',
    ShopID: 885, Status: 'delivered', Time: '2025-08-02T09:15:00.123Z', TotalFee: 33000, Type: 'switch_status', Warehouse: 'Bưu cục Hoàn Kiếm', Weight: 1200,
  };

  it('reads a PascalCase status callback', () => {
    const r = parseGhnWebhook(payload);
    expect(r.dedupeKey).toBe('LNKC89|switch_status|2025-08-02T09:15:00.123Z');
    expect(r.update).toEqual({
      waybill: 'LNKC89', reference: 'PD-000123', dedupeKey: r.dedupeKey,
      event: { carrierStatus: 'delivered', description: 'Giao hàng thành công', at: Date.UTC(2025, 7, 2, 9, 15, 0, 123), mapped: 'delivered', location: 'Bưu cục Hoàn Kiếm', codCollectedVnd: 480000 },
    });
  });

  it('gives a repeat the same dedupe key, from a string body too', () => {
    expect(parseGhnWebhook(JSON.stringify(payload)).dedupeKey).toBe(parseGhnWebhook(payload).dedupeKey);
  });

  it('reads a zone-less time as Vietnam time', () => {
    expect(parseGhnWebhook({ ...payload, Time: '2025-08-02 16:15:00' }).update!.event.at).toBe(Date.UTC(2025, 7, 2, 9, 15));
  });

  it.each(['update_weight', 'update_cod', 'update_fee'])('%s is a change, not a status', (Type) => {
    const r = parseGhnWebhook({ ...payload, Type, Weight: 1500, CODAmount: 500000, Fee: { Total: 35000 } });
    expect(r.update).toBeNull();
    expect(r.change).toEqual({ kind: Type.replace('update_', ''), weightG: 1500, codVnd: 500000, totalFeeVnd: 35000 });
  });

  it('warns on an unknown type or status instead of failing', () => {
    expect(parseGhnWebhook({ ...payload, Type: 'rename' })).toMatchObject({ update: null, warnings: [expect.stringMatching(/rename/)] });
    const r = parseGhnWebhook({ ...payload, Status: 'abducted' });
    expect(r.update!.event.mapped).toBe('unchanged');
    expect(r.warnings[0]).toMatch(/abducted/);
  });

  it('rejects a body that is not a callback', () => {
    expect(thrown(() => parseGhnWebhook('<html>'))).toMatchObject({ kind: 'permanent', code: 'WEBHOOK_MALFORMED' });
    expect(thrown(() => parseGhnWebhook({ Status: 'delivered' }))).toMatchObject({ code: 'WEBHOOK_MALFORMED' });
  });

  it('checks the optional custom header secret', () => {
    expect(parseGhnWebhook(payload, { headers: { 'X-Packdesk-Secret': 's3cret' }, expectedSecret: 's3cret' }).update).not.toBeNull();
    expect(thrown(() => parseGhnWebhook(payload, { headers: {}, expectedSecret: 's3cret' }))).toMatchObject({ kind: 'auth', code: 'WEBHOOK_UNAUTHORIZED' });
  });
});
