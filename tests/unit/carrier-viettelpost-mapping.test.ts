import { describe, expect, it } from 'vitest';
import type { ShipmentState } from '../../main/connectors/carriers/carrier-connector.js';
import { truncateUtf8, utf8Bytes } from '../../main/connectors/carriers/shared/utf8-text.js';
import { formatVnDateTime, parseVnDateTime } from '../../main/connectors/carriers/shared/vn-time.js';
import { parseVtpExport } from '../../main/connectors/carriers/viettelpost/export-file.js';
import { createOrderBody, createOrderResult, orderPayment, priceAllBody, priceAllQuotes, vtpWard } from '../../main/connectors/carriers/viettelpost/mapping.js';
import { mapVtpStatus, VTP_STATUS } from '../../main/connectors/carriers/viettelpost/status-map.js';
import { addressLine } from '../../main/connectors/carriers/viettelpost/text-limits.js';
import { parseVtpWebhook } from '../../main/connectors/carriers/viettelpost/webhook.js';
import { JobError } from '../../main/sync/job-error.js';
import { booking, RECEIVER_NEW } from './carrier-fixtures.js';

// Spec A2.9, written out again so a changed row fails loudly.
const EXPECTED: Record<string, ShipmentState> = {
  '-100': 'booked', '-108': 'picked', '-109': 'picked', '-110': 'picked', '100': 'booked', '101': 'cancelled', '102': 'booked', '103': 'booked',
  '104': 'picking', '105': 'picked', '106': 'picking', '107': 'cancelled', '200': 'picked', '201': 'cancelled', '202': 'unchanged',
  '300': 'in_transit', '301': 'in_transit', '302': 'in_transit', '303': 'in_transit', '400': 'in_transit', '401': 'in_transit', '402': 'in_transit', '403': 'in_transit',
  '500': 'delivering', '501': 'delivered', '502': 'returning', '503': 'cancelled', '504': 'returned', '505': 'awaiting_decision', '506': 'delivery_failed',
  '507': 'delivering', '508': 'delivering', '509': 'in_transit', '510': 'in_transit', '515': 'returning', '550': 'delivering',
};

const NOW = Date.UTC(2025, 7, 1, 3, 4, 5); // 01/08/2025 10:04:05 in Vietnam
const SECRET = 'vtp-hook-secret';

const thrown = (fn: () => unknown): JobError => {
  try {
    fn();
  } catch (error) {
    return error as JobError;
  }
  throw new Error('expected a throw');
};

describe('VTP status table', () => {
  it('covers exactly the codes of A2.9', () => {
    expect(Object.keys(VTP_STATUS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s → %s', (code, state) => {
    expect(mapVtpStatus(code).state).toBe(state);
    expect(mapVtpStatus(Number(code)).state).toBe(state);
  });

  it('marks 101/107/201/501/503/504 final (G3.5)', () => {
    expect(Object.keys(VTP_STATUS).filter((c) => mapVtpStatus(c).final).sort()).toEqual(['101', '107', '201', '501', '503', '504']);
  });

  it('maps an unknown code to unchanged with a warning', () => {
    expect(mapVtpStatus(999)).toMatchObject({ state: 'unchanged', warning: expect.stringMatching(/999/) });
  });
});

describe('ORDER_PAYMENT (pitfall G3.4)', () => {
  it.each([
    ['seller', 0, undefined, 1],
    ['buyer', 480_000, undefined, 2],
    ['seller', 480_000, undefined, 3],
    ['buyer', 480_000, true, 3], // the COD already holds the buyer's shipping: collect it only once
    ['buyer', 0, undefined, 4],
    ['buyer', 0, true, 4],
  ] as const)('payer %s, COD %d, includes shipping %s → %d', (payer, codVnd, codIncludesShipping, expected) => {
    expect(orderPayment({ payer, codVnd, codIncludesShipping })).toBe(expected);
  });
});

describe('VTP createOrder body', () => {
  it('always asks CHECK_UNIQUE with our code as ORDER_NUMBER', () => {
    const body = createOrderBody(booking({ serviceCode: 'LCOD' }), { groupAddressId: 5818802, customerId: 722 }, NOW);
    expect(body).toMatchObject({
      ORDER_NUMBER: 'PD-000123', CHECK_UNIQUE: true, GROUPADDRESS_ID: 5818802, CUS_ID: 722, DELIVERY_DATE: '01/08/2025 10:04:05',
      SENDER_PROVINCE: 202, SENDER_DISTRICT: 1442, SENDER_WARD: 20109, SENDER_PHONE: '0912345678',
      RECEIVER_FULLNAME: 'Nguyễn Thị Hoa', RECEIVER_PHONE: '0987654321', RECEIVER_PROVINCE: 201, RECEIVER_DISTRICT: 1489, RECEIVER_WARD: 30712,
      PRODUCT_TYPE: 'HH', PRODUCT_WEIGHT: 1200, PRODUCT_LENGTH: 30, PRODUCT_WIDTH: 20, PRODUCT_HEIGHT: 10, PRODUCT_PRICE: 450_000, PRODUCT_QUANTITY: 3,
      PRODUCT_NAME: 'Quần áo', ORDER_SERVICE: 'LCOD', ORDER_PAYMENT: 3, MONEY_COLLECTION: 480_000,
      ORDER_NOTE: 'Cho xem hàng, không cho thử. Gọi trước khi giao',
      LIST_ITEM: [
        { PRODUCT_NAME: 'Áo thun cotton', PRODUCT_PRICE: 150_000, PRODUCT_WEIGHT: 300, PRODUCT_QUANTITY: 2 },
        { PRODUCT_NAME: 'Quần jean', PRODUCT_PRICE: 150_000, PRODUCT_WEIGHT: 600, PRODUCT_QUANTITY: 1 },
      ],
    });
  });

  it('sends RECEIVER_DISTRICT 0 for a 2025 address', () => {
    expect(createOrderBody(booking({ to: RECEIVER_NEW, serviceCode: 'VCN' }), {}, NOW)).toMatchObject({ RECEIVER_PROVINCE: 1000000, RECEIVER_DISTRICT: 0, RECEIVER_WARD: 1003573, GROUPADDRESS_ID: 0 });
  });

  it.each([['try', 'Cho thử hàng'], ['none', 'Không cho xem hàng']] as const)('inspection %s starts the note with "%s"', (inspection, text) => {
    expect(createOrderBody(booking({ inspection, note: '' , serviceCode: 'VCN' }), {}, NOW).ORDER_NOTE).toBe(text);
  });

  it('refuses a receiver name over 150 bytes, naming the field, before sending', () => {
    const name = 'Nguyễn Thị Phương Thảo '.repeat(5); // 23 letters, ~31 bytes each time
    expect(name.length).toBeLessThan(150);
    expect(utf8Bytes(name)).toBeGreaterThan(150);
    const e = thrown(() => createOrderBody(booking({ to: { ...booking().to, name }, serviceCode: 'VCN' }), {}, NOW));
    expect(e).toMatchObject({ kind: 'permanent', code: 'TEXT_TOO_LONG' });
    expect(e.message).toMatch(/RECEIVER_FULLNAME is \d+ bytes/);
  });

  it('accepts exactly 150 bytes and counts decomposed text after composing it', () => {
    const name = 'ễ'.repeat(50); // 3 bytes each in NFC
    expect(createOrderBody(booking({ to: { ...booking().to, name: name.normalize('NFD') }, serviceCode: 'VCN' }), {}, NOW).RECEIVER_FULLNAME).toBe(name);
  });

  it('cuts the note and goods names at a letter boundary, keeping the inspection rule first', () => {
    const b = booking({ serviceCode: 'VCN', note: 'Giao giờ hành chính, gọi trước 30 phút, không giao buổi tối, để hàng ở bảo vệ nếu vắng nhà'.normalize('NFD') });
    b.parcel = { ...b.parcel, items: [{ name: 'Đầm maxi '.repeat(20), sku: 'D1', quantity: 1, priceVnd: 1, weightG: 1 }] };
    const body = createOrderBody(b, {}, NOW);
    const note = body.ORDER_NOTE as string;
    expect(utf8Bytes(note)).toBeLessThanOrEqual(150);
    expect(note.startsWith('Cho xem hàng, không cho thử. Giao giờ')).toBe(true);
    expect(note).toBe(note.normalize('NFC'));
    const item = (body.LIST_ITEM as { PRODUCT_NAME: string }[])[0].PRODUCT_NAME;
    expect(utf8Bytes(item)).toBeLessThanOrEqual(150);
    expect('Đầm maxi '.repeat(20).startsWith(item)).toBe(true);
  });

  it('shortens a long address to street + ward + province (ids carry the rest), and refuses when even that is too long', () => {
    const to = { ...booking().to, fullText: `${booking().to.street}, Phường Hàng Gai, Quận Hoàn Kiếm, Thành phố Hà Nội, Việt Nam (gần Hồ Gươm, đối diện ngân hàng Vietcombank, cạnh hiệu thuốc)` };
    expect(utf8Bytes(to.fullText)).toBeGreaterThan(150);
    expect(addressLine(to)).toBe('5 Hàng Bông, Phường Hàng Gai, Hà Nội');
    const street = 'Ngõ 12 ngách 34 hẻm 56 đường Nguyễn Trãi, khu tập thể Thượng Đình, tòa nhà Hòa Bình tầng 12 phòng 1203, cổng sau';
    const e = thrown(() => createOrderBody(booking({ serviceCode: 'VCN', to: { ...to, street, fullText: street + ', Phường Hàng Gai, Hà Nội' } }), {}, NOW));
    expect(e.message).toMatch(/RECEIVER_ADDRESS/);
  });
});

describe('VTP price', () => {
  it('builds getPriceAll from ids and reads the bare array', () => {
    expect(priceAllBody(booking())).toMatchObject({ SENDER_PROVINCE: 202, SENDER_DISTRICT: 1442, RECEIVER_DISTRICT: 1489, PRODUCT_TYPE: 'HH', PRODUCT_WEIGHT: 1200, MONEY_COLLECTION: 480_000, TYPE: 1 });
    const rows = [
      { MA_DV_CHINH: 'VCN', TEN_DICHVU: 'Chuyển phát nhanh', GIA_CUOC: 38500, THOI_GIAN: '24 giờ', EXCHANGE_WEIGHT: 1200, EXTRA_SERVICE: [] },
      { MA_DV_CHINH: 'VTK', TEN_DICHVU: 'Tiết kiệm', GIA_CUOC: '26000', THOI_GIAN: 'Theo lịch' },
    ];
    expect(priceAllQuotes(rows, NOW)).toEqual([
      { serviceCode: 'VCN', name: 'Chuyển phát nhanh', speed: 'fast', feeVnd: 38500, expectedDeliveryAt: NOW + 24 * 3600_000 },
      { serviceCode: 'VTK', name: 'Tiết kiệm', speed: 'economy', feeVnd: 26000, expectedDeliveryAt: null },
    ]);
  });

  it('reads the createOrder answer', () => {
    const data = { ORDER_NUMBER: '1823456789012', MONEY_COLLECTION: 480000, MONEY_TOTAL: 41250, KPI_HT: 48, SORT_CODE: 'HN-12' };
    expect(createOrderResult(data, booking(), NOW)).toEqual({ trackingNumber: '1823456789012', feeVnd: 41250, codVnd: 480000, expectedDeliveryAt: NOW + 48 * 3600_000, sortCode: 'HN-12', raw: data });
  });

  it('parents a new ward under the province asked for', () => {
    expect(vtpWard({ WARDS_ID: 11235, WARDS_NAME: 'Phường Cửa Nam', DISTRICT_ID: 0 }, '1', 'new2')).toMatchObject({ id: '11235', parentId: '1', scheme: 'new2' });
  });
});

describe('Vietnam time', () => {
  it('reads dd/MM/yyyy HH:mm:ss as UTC+7 and writes it back', () => {
    expect(parseVnDateTime('02/08/2025 00:30:00')).toBe(Date.UTC(2025, 7, 1, 17, 30));
    expect(formatVnDateTime(Date.UTC(2025, 7, 1, 17, 30))).toBe('02/08/2025 00:30:00');
    expect(parseVnDateTime('31/02/2025 10:00:00')).toBeNull();
    expect(parseVnDateTime('2025-08-02')).toBeNull();
  });

  it('cuts UTF-8 between letters, never inside one', () => {
    const cut = truncateUtf8('Nguyễn', 5); // N g u y = 4 bytes, ễ = 3
    expect(cut).toBe('Nguy');
  });
});

describe('parseVtpWebhook', () => {
  const data = {
    ORDER_NUMBER: '1823456789012', ORDER_REFERENCE: 'PD-000123', ORDER_STATUSDATE: '02/08/2025 09:15:30', ORDER_STATUS: 501, STATUS_NAME: 'Phát thành công',
    LOCALION_CURRENTLY: 'Bưu cục Hoàn Kiếm', NOTE: '', MONEY_COLLECTION: 480000, EMPLOYEE_NAME: 'Lê Văn Phát', EMPLOYEE_PHONE: '84987111222',
  };

  it('verifies the Authorization header and reads the event (misspelled location key, Vietnam time, 84… phone)', () => {
    const r = parseVtpWebhook({ DATA: data, TOKEN: SECRET }, { authorization: SECRET }, SECRET);
    expect(r.warnings).toEqual([]);
    expect(r.updates).toEqual([{
      waybill: '1823456789012', reference: 'PD-000123', dedupeKey: '1823456789012|501|02/08/2025 09:15:30',
      event: {
        carrierStatus: '501', description: 'Phát thành công', at: Date.UTC(2025, 7, 2, 2, 15, 30), mapped: 'delivered', location: 'Bưu cục Hoàn Kiếm',
        codCollectedVnd: 480000, courier: { name: 'Lê Văn Phát', phone: '0987111222' },
      },
    }]);
  });

  it('prefers the correctly spelled key when both come', () => {
    const r = parseVtpWebhook(JSON.stringify({ DATA: { ...data, LOCATION_CURRENTLY: 'Kho Hà Nội' }, TOKEN: SECRET }), {}, SECRET);
    expect(r.updates[0].event.location).toBe('Kho Hà Nội');
  });

  it('accepts the secret from TOKEN alone, refuses a wrong or missing one', () => {
    expect(parseVtpWebhook({ DATA: data, TOKEN: SECRET }, undefined, SECRET).updates).toHaveLength(1);
    expect(thrown(() => parseVtpWebhook({ DATA: data, TOKEN: 'nope' }, { Authorization: 'nope' }, SECRET))).toMatchObject({ kind: 'auth', code: 'WEBHOOK_UNAUTHORIZED' });
    expect(thrown(() => parseVtpWebhook({ DATA: data }, {}, SECRET))).toMatchObject({ code: 'WEBHOOK_UNAUTHORIZED' });
    expect(thrown(() => parseVtpWebhook({ DATA: data, TOKEN: '' }, {}, ''))).toMatchObject({ code: 'WEBHOOK_SECRET_NOT_SET' });
    expect(thrown(() => parseVtpWebhook('not json', {}, SECRET))).toMatchObject({ code: 'WEBHOOK_UNAUTHORIZED' });
    expect(thrown(() => parseVtpWebhook('not json', { authorization: SECRET }, SECRET))).toMatchObject({ code: 'WEBHOOK_MALFORMED' });
  });

  it('gives duplicates the same key and keeps 505 awaiting a decision', () => {
    const a = parseVtpWebhook({ DATA: { ...data, ORDER_STATUS: 505, MONEY_COLLECTION: 0, REASON_CODE: '30' }, TOKEN: SECRET }, {}, SECRET);
    const b = parseVtpWebhook({ DATA: { ...data, ORDER_STATUS: 505, MONEY_COLLECTION: 0, REASON_CODE: '30' }, TOKEN: SECRET }, {}, SECRET);
    expect(a.updates[0].dedupeKey).toBe(b.updates[0].dedupeKey);
    expect(a.updates[0].event).toMatchObject({ mapped: 'awaiting_decision', reasonCode: '30' });
    expect(a.updates[0].event.codCollectedVnd).toBeUndefined();
  });

  it('warns and skips an event whose date cannot be read; warns on an unknown code', () => {
    expect(parseVtpWebhook({ DATA: { ...data, ORDER_STATUSDATE: '2025-08-02' }, TOKEN: SECRET }, {}, SECRET)).toMatchObject({ updates: [], warnings: [expect.stringMatching(/unreadable date/)] });
    const r = parseVtpWebhook({ DATA: { ...data, ORDER_STATUS: 777 }, TOKEN: SECRET }, {}, SECRET);
    expect(r.updates[0].event.mapped).toBe('unchanged');
    expect(r.warnings[0]).toMatch(/777/);
  });
});

describe('parseVtpExport', () => {
  it('reads a Vietnamese export with ; separators and a BOM', () => {
    const csv = '\uFEFFMã vận đơn;Mã đơn hàng;Mã trạng thái;Tên trạng thái;Thời gian;Tiền thu hộ\r\n'
      + "'1823456789012;PD-000123;501;Phát thành công;02/08/2025 09:15:30;480.000\r\n"
      + '1823456789013;PD-000124;505;Chờ duyệt hoàn;02/08/2025 10:00;0\r\n'
      + '1823456789012;PD-000123;501;Phát thành công;02/08/2025 09:15:30;480.000\r\n';
    const r = parseVtpExport(Buffer.from(csv, 'utf8'));
    expect(r).toMatchObject({ rows: 3, duplicates: 1, warnings: [] });
    expect(r.updates.map((u) => [u.waybill, u.reference, u.event.mapped, u.event.at, u.event.codCollectedVnd])).toEqual([
      ['1823456789012', 'PD-000123', 'delivered', Date.UTC(2025, 7, 2, 2, 15, 30), 480000],
      ['1823456789013', 'PD-000124', 'awaiting_decision', Date.UTC(2025, 7, 2, 3, 0), undefined],
    ]);
  });

  it('reads an English export with , separators and quoted amounts, warning on bad rows', () => {
    const csv = 'Waybill,Order reference,Status code,Status name,Status date,COD\n'
      + '1823456789012,PD-000123,200,Received,01/08/2025 08:00:00,"480,000"\n'
      + '1823456789014,PD-000125,,Unknown,01/08/2025 08:00:00,0\n'
      + '1823456789015,PD-000126,300,Transit,yesterday,0\n';
    const r = parseVtpExport(csv);
    expect(r.updates).toHaveLength(1);
    expect(r.updates[0].event).toMatchObject({ carrierStatus: '200', mapped: 'picked', description: 'Received' });
    expect(r.warnings).toEqual([expect.stringMatching(/^Row 3: .*status code/), expect.stringMatching(/^Row 4: .*unreadable date/)]);
  });

  it('names the missing columns', () => {
    expect(thrown(() => parseVtpExport('Waybill;Note\n1;x\n'))).toMatchObject({ code: 'EXPORT_FILE_UNREADABLE', message: expect.stringMatching(/code, date/) });
  });
});
