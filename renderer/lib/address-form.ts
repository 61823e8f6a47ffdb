import type { AddressInput, StoredAddress } from '../../main/api/common.js';

// Pure so the order draft (and its unit tests) can use it without React.

/** The editable shape of an address: the 2025 two-level form, optionally the old three-level one. */
export interface AddressForm {
  recipientName: string;
  phone: string;
  street: string;
  provinceName: string;
  wardName: string;
  useLegacy: boolean;
  legacyProvince: string;
  legacyDistrict: string;
  legacyWard: string;
}

export const EMPTY_ADDRESS: AddressForm = {
  recipientName: '', phone: '', street: '', provinceName: '', wardName: '',
  useLegacy: false, legacyProvince: '', legacyDistrict: '', legacyWard: '',
};

export function addressToInput(f: AddressForm): AddressInput {
  return {
    recipientName: f.recipientName,
    phone: f.phone,
    street: f.street,
    provinceName: f.provinceName,
    wardName: f.wardName,
    ...(f.useLegacy ? { legacy: { provinceName: f.legacyProvince, districtName: f.legacyDistrict, wardName: f.legacyWard } } : {}),
  };
}

export function storedToForm(a: StoredAddress): AddressForm {
  return {
    recipientName: a.recipientName,
    phone: a.phone,
    street: a.streetLine,
    provinceName: a.current?.provinceName ?? '',
    wardName: a.current?.wardName ?? '',
    useLegacy: a.legacy !== undefined,
    legacyProvince: a.legacy?.provinceName ?? '',
    legacyDistrict: a.legacy?.districtName ?? '',
    legacyWard: a.legacy?.wardName ?? '',
  };
}

/**
 * Fields that must be filled because their partner is: the core keeps a province only together
 * with its ward (and the old form only with province and ward), so a half-filled pair would be
 * dropped silently. Paths are relative to the address ("wardName", "legacy.provinceName").
 */
export function missingAddressParts(f: AddressForm): string[] {
  const out: string[] = [];
  const has = (s: string) => s.trim() !== '';
  if (has(f.provinceName) !== has(f.wardName)) out.push(has(f.provinceName) ? 'wardName' : 'provinceName');
  if (f.useLegacy && (has(f.legacyProvince) || has(f.legacyWard) || has(f.legacyDistrict))) {
    if (!has(f.legacyWard)) out.push('legacy.wardName');
    if (!has(f.legacyProvince)) out.push('legacy.provinceName');
  }
  return out;
}
