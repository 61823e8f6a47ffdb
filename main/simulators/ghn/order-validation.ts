// Validation of the create/preview body, with GHN's limits (spec A1.5). Returns either the
// normalised order or the first problem as a GHN-style message; the caller turns that into a 400.

import { resolveReceiver, resolveSender, type Place } from './address-resolution.js';
import { charLength, intField, optionalInt, stringField, type Field } from './ghn-fields.js';

export const REQUIRED_NOTES = ['CHOTHUHANG', 'CHOXEMHANGKHONGTHU', 'KHONGCHOXEMHANG'] as const;
export type RequiredNote = (typeof REQUIRED_NOTES)[number];

/** What available-services returns; `service_id` is informational, orders go by `service_type_id`. */
export const GHN_SERVICES = [
  { service_id: 53320, short_name: 'Hàng nhẹ', service_type_id: 2 },
  { service_id: 100039, short_name: 'Hàng nặng', service_type_id: 5 },
] as const;

export const MAX_WEIGHT_G = 50_000;
export const MAX_SIDE_CM = 200;
export const MAX_COD = 50_000_000;
export const MAX_CONTENT_CHARS = 2000;
export const MAX_CLIENT_ORDER_CODE = 50;

export interface GhnItem {
  name: string;
  code?: string;
  quantity: number;
  price?: number;
  weight?: number;
}

export interface GhnOrderInput {
  paymentTypeId: 1 | 2;
  requiredNote: RequiredNote;
  serviceTypeId: 2 | 5;
  serviceId: number;
  toName: string;
  toPhone: string;
  toAddress: string;
  to: Place;
  fromName: string;
  fromPhone: string;
  fromAddress: string;
  from: Place;
  weight: number;
  length: number;
  width: number;
  height: number;
  codAmount: number;
  codFailedAmount: number;
  insuranceValue: number;
  orderValue: number;
  content: string;
  note: string;
  coupon: string;
  clientOrderCode: string | null;
  items: GhnItem[];
}

export interface ValidationContext {
  insuranceCap: number;
  shopDefault: { districtId: number; wardCode: string; name: string; phone: string; address: string };
}

export type Validated = { ok: true; order: GhnOrderInput } | { ok: false; message: string };

const VN_PHONE = /^(?:\+?84|0)(?:(?:3[2-9]|5[25689]|7[06-9]|8[1-9]|9[0-46-9])\d{7}|2\d{9})$/;
export const isVnPhone = (p: string) => VN_PHONE.test(p.replace(/[\s.\-()]/g, ''));

function ranged(body: Record<string, unknown>, field: string, min: number, max: number, label: string, fallback?: number): Field<number> {
  const f = intField(body, field, fallback);
  if (!f.ok) return f;
  if (f.value < min || f.value > max) return { ok: false, message: `${label} phải từ ${min.toLocaleString('en-US')} đến ${max.toLocaleString('en-US')} (${field}=${f.value})` };
  return f;
}

export function serviceType(body: Record<string, unknown>): Field<{ typeId: 2 | 5; serviceId: number }> {
  const typeField = optionalInt(body, 'service_type_id');
  if (!typeField.ok) return typeField;
  if (typeField.value !== undefined) {
    const svc = GHN_SERVICES.find((s) => s.service_type_id === typeField.value);
    if (svc) return { ok: true, value: { typeId: svc.service_type_id, serviceId: svc.service_id } };
    if (typeField.value === 1 || typeField.value === 3) {
      return { ok: false, message: `Dịch vụ đã ngừng cung cấp (service_type_id=${typeField.value}); dùng 2 (hàng nhẹ) hoặc 5 (hàng nặng)` };
    }
    return { ok: false, message: `Không tìm thấy dịch vụ phù hợp (service_type_id=${typeField.value})` };
  }
  const idField = optionalInt(body, 'service_id');
  if (!idField.ok) return idField;
  const svc = GHN_SERVICES.find((s) => s.service_id === idField.value);
  if (!svc) return { ok: false, message: idField.value === undefined ? 'Thiếu trường bắt buộc: service_type_id' : `Không tìm thấy dịch vụ phù hợp (service_id=${idField.value})` };
  return { ok: true, value: { typeId: svc.service_type_id, serviceId: svc.service_id } };
}

function items(body: Record<string, unknown>, required: boolean): Field<GhnItem[]> {
  const raw = body.items;
  if (raw === undefined || raw === null) {
    return required ? { ok: false, message: 'Đơn hàng nặng (service_type_id=5) phải có danh sách sản phẩm (items)' } : { ok: true, value: [] };
  }
  if (!Array.isArray(raw)) return { ok: false, message: 'json: cannot unmarshal non-array into Go struct field items of type []Item' };
  if (required && raw.length === 0) return { ok: false, message: 'Đơn hàng nặng (service_type_id=5) phải có danh sách sản phẩm (items)' };
  const out: GhnItem[] = [];
  for (const [i, it] of raw.entries()) {
    if (it === null || typeof it !== 'object') return { ok: false, message: `items[${i}] không hợp lệ` };
    const item = it as Record<string, unknown>;
    const name = stringField(item, 'name', true);
    if (!name.ok) return { ok: false, message: `items[${i}]: ${name.message}` };
    const quantity = ranged(item, 'quantity', 1, 1_000_000, `items[${i}].quantity`);
    if (!quantity.ok) return quantity;
    const price = optionalInt(item, 'price');
    const weight = optionalInt(item, 'weight');
    if (!price.ok) return price;
    if (!weight.ok) return weight;
    out.push({ name: name.value, code: typeof item.code === 'string' ? item.code : undefined, quantity: quantity.value, price: price.value, weight: weight.value });
  }
  return { ok: true, value: out };
}

/** Checks in a fixed order and reports the first failure, as GHN does. */
export function validateOrder(body: Record<string, unknown>, ctx: ValidationContext): Validated {
  const payment = intField(body, 'payment_type_id');
  if (!payment.ok) return payment;
  if (payment.value !== 1 && payment.value !== 2) return { ok: false, message: `payment_type_id không hợp lệ (${payment.value}); chỉ nhận 1 hoặc 2` };

  const note = stringField(body, 'required_note', true);
  if (!note.ok) return note;
  if (!(REQUIRED_NOTES as readonly string[]).includes(note.value)) {
    return { ok: false, message: `required_note không hợp lệ (${note.value}); chỉ nhận ${REQUIRED_NOTES.join(', ')}` };
  }

  const service = serviceType(body);
  if (!service.ok) return service;

  const toName = stringField(body, 'to_name', true);
  if (!toName.ok) return toName;
  const toPhone = stringField(body, 'to_phone', true);
  if (!toPhone.ok) return toPhone;
  if (!isVnPhone(toPhone.value)) return { ok: false, message: `Số điện thoại người nhận không hợp lệ: ${toPhone.value}` };
  const toAddress = stringField(body, 'to_address', true);
  if (!toAddress.ok) return toAddress;
  const to = resolveReceiver(body);
  if (!to.ok) return to;
  const from = resolveSender(body, ctx.shopDefault);
  if (!from.ok) return from;

  const weight = ranged(body, 'weight', 1, MAX_WEIGHT_G, 'Khối lượng (gram)');
  if (!weight.ok) return weight;
  const sides: number[] = [];
  for (const side of ['length', 'width', 'height']) {
    const f = ranged(body, side, 1, MAX_SIDE_CM, 'Kích thước mỗi cạnh (cm)');
    if (!f.ok) return f;
    sides.push(f.value);
  }
  const cod = ranged(body, 'cod_amount', 0, MAX_COD, 'Tiền thu hộ (cod_amount)', 0);
  if (!cod.ok) return cod;
  const codFailed = ranged(body, 'cod_failed_amount', 0, MAX_COD, 'Tiền thu khi giao thất bại', 0);
  if (!codFailed.ok) return codFailed;
  const insurance = ranged(body, 'insurance_value', 0, ctx.insuranceCap, 'Giá trị khai báo (insurance_value)', 0);
  if (!insurance.ok) return insurance;
  const orderValue = ranged(body, 'order_value', 0, Number.MAX_SAFE_INTEGER, 'Giá trị đơn hàng', 0);
  if (!orderValue.ok) return orderValue;

  const content = stringField(body, 'content', false);
  if (!content.ok) return content;
  if (charLength(content.value) > MAX_CONTENT_CHARS) return { ok: false, message: `Nội dung đơn hàng (content) tối đa ${MAX_CONTENT_CHARS} ký tự` };
  const clientCode = stringField(body, 'client_order_code', false);
  if (!clientCode.ok) return clientCode;
  if (charLength(clientCode.value) > MAX_CLIENT_ORDER_CODE) return { ok: false, message: `Mã đơn hàng của shop (client_order_code) tối đa ${MAX_CLIENT_ORDER_CODE} ký tự` };

  const list = items(body, service.value.typeId === 5);
  if (!list.ok) return list;

  const text = (field: string, fallback: string) => (typeof body[field] === 'string' && body[field] !== '' ? (body[field] as string) : fallback);
  return {
    ok: true,
    order: {
      paymentTypeId: payment.value,
      requiredNote: note.value as RequiredNote,
      serviceTypeId: service.value.typeId,
      serviceId: service.value.serviceId,
      toName: toName.value,
      toPhone: toPhone.value,
      toAddress: toAddress.value,
      to: to.place,
      fromName: text('from_name', ctx.shopDefault.name),
      fromPhone: text('from_phone', ctx.shopDefault.phone),
      fromAddress: text('from_address', ctx.shopDefault.address),
      from: from.place,
      weight: weight.value,
      length: sides[0],
      width: sides[1],
      height: sides[2],
      codAmount: cod.value,
      codFailedAmount: codFailed.value,
      insuranceValue: insurance.value,
      orderValue: orderValue.value,
      content: content.value,
      note: text('note', ''),
      coupon: text('coupon', ''),
      clientOrderCode: clientCode.value === '' ? null : clientCode.value,
      items: list.value,
    },
  };
}
