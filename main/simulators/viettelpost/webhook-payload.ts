// The callback body VTP POSTs (spec A2.8): `{DATA, TOKEN}`, with both spellings of the location key.

import { formatVnDateTime } from '../shared/vietnam-time.js';
import { postOfficeName } from './geography.js';
import type { VtpHistoryEntry, VtpOrder } from './order-store.js';
import { VTP_RETURNING, VTP_STATUS_NAMES } from './statuses.js';

const NOTES: Partial<Record<number, string>> = {
  505: 'Khách hàng từ chối nhận, chờ shop xác nhận chuyển hoàn hoặc phát tiếp',
  506: 'Khách hàng không nghe máy, hẹn phát lại',
  507: 'Khách hàng hẹn đến bưu cục nhận',
  107: 'Đối tác hủy đơn qua API',
};

function location(o: VtpOrder, status: number): string {
  if (status >= 300 && status < 400) return `Trung tâm khai thác ${o.input.sender.provinceName}`;
  const atDestination = status >= 400 && !VTP_RETURNING.has(status);
  return postOfficeName(atDestination ? o.input.receiver : o.input.sender);
}

export function vtpWebhookBody(o: VtpOrder, entry: VtpHistoryEntry, secret: string): Record<string, unknown> {
  const p = o.price;
  const where = location(o, entry.status);
  return {
    DATA: {
      ORDER_NUMBER: o.waybill,
      ORDER_REFERENCE: o.input.reference,
      ORDER_STATUSDATE: formatVnDateTime(entry.at),
      ORDER_STATUS: entry.status,
      STATUS_NAME: VTP_STATUS_NAMES[entry.status] ?? '',
      LOCALION_CURRENTLY: where,
      LOCATION_CURRENTLY: where,
      NOTE: NOTES[entry.status] ?? '',
      MONEY_COLLECTION: o.input.moneyCollection,
      MONEY_FEECOD: p.MONEY_COLLECTION_FEE,
      MONEY_TOTALFEE: p.MONEY_TOTAL_FEE,
      MONEY_TOTAL: p.MONEY_TOTAL,
      MONEY_TOTALVAT: p.MONEY_VAT,
      PRODUCT_WEIGHT: o.input.weight,
      ORDER_SERVICE: o.input.service,
      ORDER_SERVICE_ADD: o.input.serviceAdd.join(','),
      ORDER_PAYMENT: o.input.payment,
      EXPECTED_DELIVERY: `Khoảng ${Math.max(1, Math.ceil(p.KPI_HT / 24))} ngày`,
      EXPECTED_DELIVERY_DATE: formatVnDateTime(o.createdAt + p.KPI_HT * 3_600_000),
      DETAIL: [],
      VOUCHER_VALUE: 0,
      MONEY_COLLECTION_ORIGIN: o.input.moneyCollection,
      EMPLOYEE_NAME: o.courier.name,
      EMPLOYEE_PHONE: o.courier.phone,
      IS_RETURNING: VTP_RETURNING.has(entry.status),
      POD: { IMAGES: [] },
      REASON_CODE: entry.reasonCode,
      RECEIVER_FULLNAME: o.input.receiver.name,
    },
    TOKEN: secret,
  };
}
