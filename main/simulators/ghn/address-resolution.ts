// Turns the address fields of a GHN request into one place, in whichever scheme the caller used:
// legacy ids (to_district_id + to_ward_code), legacy names, or new names / v3 id with
// `is_new_to_address`. Errors are GHN-style Vietnamese messages.

import type { Region } from './data/legacy-units.js';
import { intField, optionalInt, stringField } from './ghn-fields.js';
import {
  legacyById,
  legacyByNames,
  legacyProvinceOfV3Ward,
  newById,
  newByNames,
  regionOfDistrict,
  regionOfV3Ward,
  type LegacyPlace,
  type NewPlace,
  type Resolved,
} from './geography.js';

export interface Place {
  scheme: 'legacy' | 'new';
  region: Region;
  /** Legacy ProvinceID, also for new-scheme places (for "same province" pricing). */
  legacyProvinceId?: number;
  districtId?: number;
  wardCode?: string;
  v3ProvinceId?: number;
  v3WardId?: number;
  provinceName: string;
  districtName: string;
  wardName: string;
}

/** Same legacy province, whichever scheme each side was given in: the cheapest tariff band. */
export const sameProvince = (a: Place, b: Place): boolean => a.legacyProvinceId !== undefined && a.legacyProvinceId === b.legacyProvinceId;

export type PlaceResult = { ok: true; place: Place } | { ok: false; message: string };

const LEVEL_TEXT = { province: 'Tỉnh/Thành phố', district: 'Quận/Huyện', ward: 'Phường/Xã' } as const;

function fromLegacy(r: Resolved<LegacyPlace>, side: string): PlaceResult {
  if (!r.ok) return { ok: false, message: `${LEVEL_TEXT[r.level]} ${side} không tồn tại: ${r.name}` };
  const { province, district, ward } = r.place;
  if (ward.Status !== 1 || ward.SupportType === 0) return { ok: false, message: `${LEVEL_TEXT.ward} ${side} đang tạm ngưng phục vụ: ${ward.WardName}` };
  return {
    ok: true,
    place: {
      scheme: 'legacy',
      region: regionOfDistrict(district.DistrictID),
      legacyProvinceId: province.ProvinceID,
      districtId: district.DistrictID,
      wardCode: ward.WardCode,
      provinceName: province.ProvinceName,
      districtName: district.DistrictName,
      wardName: ward.WardName,
    },
  };
}

function fromNew(r: Resolved<NewPlace>, side: string): PlaceResult {
  if (!r.ok) return { ok: false, message: `${LEVEL_TEXT[r.level]} ${side} không tồn tại: ${r.name}` };
  const { province, ward } = r.place;
  if (ward.status !== 1) return { ok: false, message: `${LEVEL_TEXT.ward} ${side} chưa hỗ trợ giao hàng: ${ward.name}` };
  return {
    ok: true,
    place: {
      scheme: 'new',
      region: regionOfV3Ward(ward),
      legacyProvinceId: legacyProvinceOfV3Ward(ward),
      v3ProvinceId: province._id,
      v3WardId: ward._id,
      provinceName: province.name,
      districtName: '',
      wardName: ward.name,
    },
  };
}

/**
 * The receiver of create/preview. Order of precedence: `is_new_to_address` (names, or `to_ward_id_v2`),
 * then legacy ids, then legacy names.
 */
export function resolveReceiver(body: Record<string, unknown>): PlaceResult {
  const side = 'nhận hàng';
  if (body.is_new_to_address === true) {
    const v2 = optionalInt(body, 'to_ward_id_v2');
    if (!v2.ok) return v2;
    if (v2.value !== undefined) return fromNew(newById(v2.value), side);
    const ward = stringField(body, 'to_ward_name', true);
    if (!ward.ok) return ward;
    const province = stringField(body, 'to_province_name', true);
    if (!province.ok) return province;
    return fromNew(newByNames(province.value, ward.value), side);
  }
  if (body.to_district_id !== undefined || body.to_ward_code !== undefined) {
    const district = intField(body, 'to_district_id');
    if (!district.ok) return district;
    const ward = stringField(body, 'to_ward_code', true);
    if (!ward.ok) return ward;
    return fromLegacy(legacyById(district.value, ward.value), side);
  }
  const names = ['to_province_name', 'to_district_name', 'to_ward_name'].map((f) => stringField(body, f, true));
  const failed = names.find((n) => !n.ok);
  if (failed && !failed.ok) return { ok: false, message: `Thiếu địa chỉ nhận hàng (to_district_id + to_ward_code, hoặc tên): ${failed.message}` };
  const [p, d, w] = names.map((n) => (n.ok ? n.value : ''));
  return fromLegacy(legacyByNames(p, d, w), side);
}

/** The sender: explicit ids, else explicit names, else the shop's registered address. */
export function resolveSender(body: Record<string, unknown>, shopDefault: { districtId: number; wardCode: string }): PlaceResult {
  const side = 'gửi hàng';
  if (body.from_district_id !== undefined || body.from_ward_code !== undefined) {
    const district = intField(body, 'from_district_id');
    if (!district.ok) return district;
    const ward = stringField(body, 'from_ward_code', true);
    if (!ward.ok) return ward;
    return fromLegacy(legacyById(district.value, ward.value), side);
  }
  const hasNames = ['from_province_name', 'from_district_name', 'from_ward_name'].some((f) => typeof body[f] === 'string' && body[f] !== '');
  if (hasNames) {
    const names = ['from_province_name', 'from_district_name', 'from_ward_name'].map((f) => stringField(body, f, true));
    const failed = names.find((n) => !n.ok);
    if (failed && !failed.ok) return failed;
    const [p, d, w] = names.map((n) => (n.ok ? n.value : ''));
    return fromLegacy(legacyByNames(p, d, w), side);
  }
  return fromLegacy(legacyById(shopDefault.districtId, shopDefault.wardCode), side);
}

/** The receiver of fee / lead-time calls: legacy ids, or `to_ward_id_v2` with `is_new_to_address`. */
export function resolveQuoteReceiver(body: Record<string, unknown>): PlaceResult {
  if (body.is_new_to_address === true && body.to_ward_id_v2 !== undefined) {
    const v2 = intField(body, 'to_ward_id_v2');
    return v2.ok ? fromNew(newById(v2.value), 'nhận hàng') : v2;
  }
  return resolveReceiver(body);
}
