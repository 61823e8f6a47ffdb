import type { AddressInput, StoredAddress } from '../../api/common.js';

/**
 * Keeps what was given: the 2025 two-level form (province → ward), the old three-level form, and the
 * raw text, which is never rewritten (specs/carriers-einvoice.md §C3).
 */
export function toStoredAddress(input: AddressInput): StoredAddress {
  const street = (input.street ?? '').trim();
  const hasCurrent = Boolean(input.provinceName?.trim() && input.wardName?.trim());
  const legacy = input.legacy && input.legacy.provinceName && input.legacy.wardName ? input.legacy : undefined;
  const composed = hasCurrent
    ? [street, input.wardName, input.provinceName]
    : legacy
      ? [street, legacy.wardName, legacy.districtName, legacy.provinceName]
      : [street];
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
