import type { CarrierAddress } from '../carrier-connector.js';
import { invalidShipment } from '../shared/local-checks.js';
import { truncateUtf8, utf8Bytes } from '../shared/utf8-text.js';
import { isRecord, type Json } from '../shared/values.js';

// VTP string fields hold at most 150 bytes of UTF-8 (A2.5, pitfall G3.3). The spec allows no truncation
// anywhere, so the policy below is ours: text that identifies someone or something (names, phones,
// addresses, our reference, service codes) is refused locally with the field named — a cut name or
// address would deliver to the wrong person — while descriptive text (goods names, descriptions, the
// courier note) is cut at a letter boundary, because a shorter description changes no delivery.

export const VTP_TEXT_MAX_BYTES = 150;

/** Field → what happens above 150 bytes. Fields not listed are refused (the safe default). */
export const VTP_TEXT_POLICY: Readonly<Record<string, 'refuse' | 'truncate'>> = {
  ORDER_NUMBER: 'refuse',
  SENDER_FULLNAME: 'refuse',
  SENDER_ADDRESS: 'refuse',
  SENDER_PHONE: 'refuse',
  SENDER_EMAIL: 'refuse',
  RECEIVER_FULLNAME: 'refuse',
  RECEIVER_ADDRESS: 'refuse',
  RECEIVER_PHONE: 'refuse',
  RECEIVER_EMAIL: 'refuse',
  ORDER_SERVICE: 'refuse',
  ORDER_SERVICE_ADD: 'refuse',
  PRODUCT_NAME: 'truncate',
  PRODUCT_DESCRIPTION: 'truncate',
  ORDER_NOTE: 'truncate',
  'LIST_ITEM.PRODUCT_NAME': 'truncate',
};

/**
 * Applies the policy to every string of a request body (one level deep, plus LIST_ITEM entries), NFC
 * normalised. Returns a new body; throws a permanent TEXT_TOO_LONG naming the first field refused.
 */
export function enforceTextLimits(body: Json): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string') out[key] = fit(key, value);
    else if (key === 'LIST_ITEM' && Array.isArray(value)) {
      out[key] = value.map((item, i) => (isRecord(item) ? Object.fromEntries(Object.entries(item).map(([k, v]) => [k, typeof v === 'string' ? fit(`LIST_ITEM.${k}`, v, `LIST_ITEM[${i}].${k}`) : v])) : item));
    } else out[key] = value;
  }
  return out;
}

function fit(policyKey: string, value: string, shownAs = policyKey): string {
  const nfc = value.normalize('NFC');
  const bytes = utf8Bytes(nfc);
  if (bytes <= VTP_TEXT_MAX_BYTES) return nfc;
  if (VTP_TEXT_POLICY[policyKey] === 'truncate') return truncateUtf8(nfc, VTP_TEXT_MAX_BYTES);
  throw invalidShipment(
    'TEXT_TOO_LONG',
    `Viettel Post: ${shownAs} is ${bytes} bytes, the limit is ${VTP_TEXT_MAX_BYTES} bytes of UTF-8 ("${truncateUtf8(nfc, 40)}…")`,
    `Shorten ${shownAs}: each Vietnamese letter with a diacritic counts 2–3 bytes, so about 60 such letters fill the limit.`,
  );
}

/**
 * RECEIVER_ADDRESS / SENDER_ADDRESS text. The ward, district and province also travel as ids, so when the full
 * line is too long the text falls back — in this order — to street + ward + province, then street + ward.
 * If even that is too long the field is refused (the street line is the one thing ids cannot replace).
 */
export function addressLine(addr: CarrierAddress): string {
  const ward = addr.current?.wardName ?? addr.legacy?.wardName ?? '';
  const province = addr.current?.provinceName ?? addr.legacy?.provinceName ?? '';
  const candidates = [addr.fullText, [addr.street, ward, province], [addr.street, ward]]
    .map((c) => (Array.isArray(c) ? c.map((s) => s.trim()).filter(Boolean).join(', ') : c.trim()))
    .filter(Boolean);
  return candidates.find((c) => utf8Bytes(c) <= VTP_TEXT_MAX_BYTES) ?? candidates[candidates.length - 1] ?? '';
}
