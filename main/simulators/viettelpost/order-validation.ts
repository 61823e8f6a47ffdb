// createOrder checks (spec A2.5, A2.10), first failure wins, in VTP's message styles:
// "Incorrect data: FIELD" for codes and formats, "Invalid [FIELD]" for values and sizes, and
// "Invalid [RECEIVER_WARD] with address old|new" for addresses.

import { parseVnDateTime } from '../shared/vietnam-time.js';
import { VTP_EXTRA_SERVICES, VTP_SERVICES } from './data/services.js';
import { placeError, resolvePlace, type VtpPlace } from './geography.js';
import type { VtpStore } from './master-data-routes.js';
import type { VtpOrderInput, VtpParty } from './order-store.js';
import { firstOversizedField, looseInt, looseNumber, text } from './vtp-fields.js';

export type VtpValidated = { ok: true; input: VtpOrderInput; checkUnique: boolean } | { ok: false; message: string };

const VN_PHONE = /^(?:\+?84|0)(?:(?:3[2-9]|5[25689]|7[06-9]|8[1-9]|9[0-46-9])\d{7}|2\d{9})$/;
const validPhone = (p: string) => VN_PHONE.test(p.replace(/[\s.\-()]/g, ''));

const isTrue = (v: unknown) => v === true || v === 'true' || v === 1;

function party(body: Record<string, unknown>, side: 'SENDER' | 'RECEIVER'): { ok: true; party: VtpParty } | { ok: false; message: string } {
  for (const f of ['FULLNAME', 'ADDRESS', 'PHONE']) {
    if (text(body[`${side}_${f}`]).trim() === '') return { ok: false, message: `Incorrect data: ${side}_${f}` };
  }
  const phone = text(body[`${side}_PHONE`]);
  if (!validPhone(phone)) return { ok: false, message: `Incorrect data: ${side}_PHONE` };
  const place = resolvePlace(body[`${side}_PROVINCE`], body[`${side}_DISTRICT`], body[`${side}_WARD`], true);
  if (!place.ok) return { ok: false, message: placeError(side, place) };
  return { ok: true, party: { ...place.place, name: text(body[`${side}_FULLNAME`]), phone, address: text(body[`${side}_ADDRESS`]) } };
}

function senderFromStore(store: VtpStore): VtpParty | undefined {
  const place = resolvePlace(store.PROVINCE_ID, store.DISTRICT_ID, store.WARDS_ID, true);
  return place.ok ? { ...(place.place as VtpPlace), name: store.NAME, phone: store.PHONE, address: store.ADDRESS } : undefined;
}

export function validateCreate(body: Record<string, unknown>, stores: VtpStore[], codCap: number): VtpValidated {
  const oversized = firstOversizedField(body);
  if (oversized) return { ok: false, message: `Invalid [${oversized}]` };

  const payment = looseInt(body.ORDER_PAYMENT);
  if (payment === undefined || !(payment >= 1 && payment <= 4)) return { ok: false, message: 'Incorrect data: ORDER_PAYMENT' };
  const productType = text(body.PRODUCT_TYPE);
  if (productType !== 'TH' && productType !== 'HH') return { ok: false, message: 'Incorrect data: PRODUCT_TYPE' };
  const service = VTP_SERVICES.find((s) => s.code === text(body.ORDER_SERVICE).trim());
  if (!service) return { ok: false, message: 'Incorrect data: ORDER_SERVICE' };
  const extras = text(body.ORDER_SERVICE_ADD)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (extras.some((code) => !VTP_EXTRA_SERVICES.some((e) => e.SERVICE_CODE === code))) return { ok: false, message: 'Incorrect data: ORDER_SERVICE_ADD' };
  if (body.DELIVERY_DATE !== undefined && body.DELIVERY_DATE !== null && body.DELIVERY_DATE !== '' && parseVnDateTime(text(body.DELIVERY_DATE)) === undefined) {
    return { ok: false, message: 'Incorrect data: DELIVERY_DATE' };
  }

  let sender: VtpParty | undefined;
  const group = looseInt(body.GROUPADDRESS_ID);
  if (group !== undefined && group !== 0) {
    const store = stores.find((s) => s.GROUPADDRESS_ID === group);
    sender = store && senderFromStore(store);
    if (!sender) return { ok: false, message: 'Groupaddress is invalid' };
  } else {
    const s = party(body, 'SENDER');
    if (!s.ok) return s;
    sender = s.party;
  }
  const receiver = party(body, 'RECEIVER');
  if (!receiver.ok) return receiver;

  const weight = looseNumber(body.PRODUCT_WEIGHT);
  if (weight === undefined || Number.isNaN(weight) || weight <= 0) return { ok: false, message: 'Invalid [PRODUCT_WEIGHT]' };
  const cod = looseNumber(body.MONEY_COLLECTION) ?? 0;
  if (Number.isNaN(cod) || !Number.isInteger(cod) || cod < 0 || cod > codCap) return { ok: false, message: 'Invalid [MONEY_COLLECTION]' };
  // Payment 1 (no collection) and 4 (fee only) collect no goods value: a COD amount there would be lost.
  if (cod > 0 && (payment === 1 || payment === 4)) return { ok: false, message: 'Invalid [MONEY_COLLECTION]' };
  if (service.intraProvinceOnly && sender.legacyProvinceId !== receiver.party.legacyProvinceId) {
    return { ok: false, message: 'Price does not apply to this itinerary!' };
  }

  return {
    ok: true,
    checkUnique: isTrue(body.CHECK_UNIQUE),
    input: {
      reference: text(body.ORDER_NUMBER),
      sender,
      receiver: receiver.party,
      service: service.code,
      serviceAdd: extras,
      payment: payment as 1 | 2 | 3 | 4,
      productType,
      productName: text(body.PRODUCT_NAME),
      weight,
      moneyCollection: cod,
      note: text(body.ORDER_NOTE),
      wantsSortCode: isTrue(body.ENABLE_SORT_CODE),
    },
  };
}
