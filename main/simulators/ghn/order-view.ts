// The wire shape of an order as GHN's detail calls return it (snake_case, ISO dates).

import type { GhnOrder } from './order-store.js';
import { GHN_FINAL } from './statuses.js';

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

export function orderDetail(o: GhnOrder): Record<string, unknown> {
  const i = o.input;
  return {
    _id: `${o.orderCode.toLowerCase()}-${o.shopId}`,
    shop_id: o.shopId,
    client_id: 0,
    order_code: o.orderCode,
    client_order_code: i.clientOrderCode ?? '',
    status: o.status,
    from_name: i.fromName,
    from_phone: i.fromPhone,
    from_address: i.fromAddress,
    from_ward_code: i.from.wardCode ?? '',
    from_district_id: i.from.districtId ?? 0,
    to_name: i.toName,
    to_phone: i.toPhone,
    to_address: i.toAddress,
    to_ward_code: i.to.wardCode ?? '',
    to_district_id: i.to.districtId ?? 0,
    to_ward_name: i.to.wardName,
    to_district_name: i.to.districtName,
    to_province_name: i.to.provinceName,
    is_new_to_address: i.to.scheme === 'new',
    to_ward_id_v2: i.to.v3WardId ?? 0,
    to_province_id_v2: i.to.v3ProvinceId ?? 0,
    weight: i.weight,
    length: i.length,
    width: i.width,
    height: i.height,
    converted_weight: o.convertedWeight,
    service_type_id: i.serviceTypeId,
    service_id: i.serviceId,
    payment_type_id: i.paymentTypeId,
    payment_type_ids: [i.paymentTypeId],
    required_note: i.requiredNote,
    cod_amount: i.codAmount,
    cod_failed_amount: i.codFailedAmount,
    insurance_value: i.insuranceValue,
    order_value: i.orderValue,
    content: i.content,
    note: i.note,
    coupon: i.coupon,
    items: i.items,
    sort_code: o.sortCode,
    total_fee: o.totalFee,
    is_cod_collected: o.status === 'delivered' && i.codAmount > 0,
    is_cod_transferred: false,
    cod_collect_date: o.status === 'delivered' && i.codAmount > 0 ? iso(o.finishedAt) : null,
    cod_transfer_date: null,
    leadtime: iso(o.expectedDeliveryAt),
    order_date: iso(o.createdAt),
    created_date: iso(o.createdAt),
    updated_date: iso(o.lastChangeAt),
    finish_date: GHN_FINAL.has(o.status) ? iso(o.finishedAt) : null,
    log: o.log.map((l) => ({ ...l })),
  };
}
