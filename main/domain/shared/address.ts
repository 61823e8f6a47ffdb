import type { AddressInput, StoredAddress } from '../../api/common.js';

/**
 * Keeps what was given: the 2025 two-level form (province → ward), the old three-level form, and the
 * raw text, which is never rewritten (specs/carriers-einvoice.md §C3).
 */
export function toStoredAddress(input: AddressInput): StoredAddress {
  const street = (input.street ?? '').trim();
  const hasCurrent = Boolean(input.provinceName?.trim() && input.wardName?.trim());
  const legacy = input.legacy && input.legacy.provinceName && input.legacy.wardName ? input.legacy : undefined;
  // The raw text keeps every part that was given, even when the form is incomplete (a province
  // without its ward): nothing the user typed is dropped.
  const composed = [street, input.wardName?.trim(), legacy && !hasCurrent ? legacy.wardName : '', legacy && !hasCurrent ? legacy.districtName : '',
    input.provinceName?.trim(), legacy && !hasCurrent ? legacy.provinceName : ''];
  return {
    recipientName: (input.recipientName ?? '').trim(),
    phone: (input.phone ?? '').trim(),
    rawText: input.rawText?.trim() || composed.filter(Boolean).join(', '),
    scheme: hasCurrent ? 'new2' : legacy ? 'legacy3' : 'unknown',
    streetLine: street,
    ...(hasCurrent
      ? { current: { provinceCode: input.provinceCode ?? '', provinceName: input.provinceName!.trim(), wardCode: input.wardCode ?? '', wardName: input.wardName!.trim() } }
      : {}),
    ...(legacy ? { legacy: { provinceName: legacy.provinceName, districtName: legacy.districtName, wardName: legacy.wardName } } : {}),
  };
}
