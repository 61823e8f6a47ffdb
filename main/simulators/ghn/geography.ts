// Look-ups over GHN's master data, in both schemes, as the order and fee handlers need them.

import { samePlace } from '../shared/text-fold.js';
import { GHN_DISTRICTS, GHN_PROVINCES, GHN_WARDS, type GhnDistrict, type GhnProvince, type GhnWard, type Region } from './data/legacy-units.js';
import { GHN_V3_PROVINCES, GHN_V3_WARDS, type GhnV3Province, type GhnV3Ward } from './data/v3-units.js';

export const findProvince = (id: number): GhnProvince | undefined => GHN_PROVINCES.find((p) => p.ProvinceID === id);
export const findDistrict = (id: number): GhnDistrict | undefined => GHN_DISTRICTS.find((d) => d.DistrictID === id);
export const districtsOf = (provinceId: number): GhnDistrict[] => GHN_DISTRICTS.filter((d) => d.ProvinceID === provinceId);
export const wardsOf = (districtId: number): GhnWard[] => GHN_WARDS.filter((w) => w.DistrictID === districtId);
export const findWard = (districtId: number, code: string): GhnWard | undefined =>
  GHN_WARDS.find((w) => w.DistrictID === districtId && w.WardCode === code);

export const findV3Province = (id: number): GhnV3Province | undefined => GHN_V3_PROVINCES.find((p) => p._id === id);
export const findV3Ward = (id: number): GhnV3Ward | undefined => GHN_V3_WARDS.find((w) => w._id === id);
export const v3WardsOf = (provinceId: number): GhnV3Ward[] => GHN_V3_WARDS.filter((w) => w.parent_id === provinceId);

/** Region of a legacy district; every district in the data has a province, so this is total. */
export function regionOfDistrict(districtId: number): Region {
  const d = findDistrict(districtId);
  return (d && findProvince(d.ProvinceID)?.region) ?? 'south';
}

/** The legacy district GHN prices a new ward by: its own link, else a sibling ward's. */
function pricingDistrictOf(ward: GhnV3Ward): number | undefined {
  return ward.legacy?.districtId ?? v3WardsOf(ward.parent_id).find((w) => w.legacy)?.legacy?.districtId;
}

export function regionOfV3Ward(ward: GhnV3Ward): Region {
  const districtId = pricingDistrictOf(ward);
  return districtId === undefined ? 'south' : regionOfDistrict(districtId);
}

/** Legacy ProvinceID behind a new ward, so "same province" works across the two schemes. */
export function legacyProvinceOfV3Ward(ward: GhnV3Ward): number | undefined {
  const districtId = pricingDistrictOf(ward);
  return districtId === undefined ? undefined : findDistrict(districtId)?.ProvinceID;
}

export interface LegacyPlace {
  province: GhnProvince;
  district: GhnDistrict;
  ward: GhnWard;
}

export type Resolved<T> = { ok: true; place: T } | { ok: false; level: 'province' | 'district' | 'ward'; name: string };

export function legacyById(districtId: number, wardCode: string): Resolved<LegacyPlace> {
  const district = findDistrict(districtId);
  if (!district) return { ok: false, level: 'district', name: String(districtId) };
  const ward = findWard(districtId, wardCode);
  if (!ward) return { ok: false, level: 'ward', name: wardCode };
  return { ok: true, place: { province: findProvince(district.ProvinceID)!, district, ward } };
}

/** Names in the legacy scheme, matched the forgiving way GHN does (case, accents, "P."/"Quận" prefixes). */
export function legacyByNames(provinceName: string, districtName: string, wardName: string): Resolved<LegacyPlace> {
  const province = GHN_PROVINCES.find((p) => samePlace(provinceName, p.ProvinceName, p.NameExtension));
  if (!province) return { ok: false, level: 'province', name: provinceName };
  const district = districtsOf(province.ProvinceID).find((d) => samePlace(districtName, d.DistrictName, d.NameExtension));
  if (!district) return { ok: false, level: 'district', name: districtName };
  const ward = wardsOf(district.DistrictID).find((w) => samePlace(wardName, w.WardName, w.NameExtension));
  if (!ward) return { ok: false, level: 'ward', name: wardName };
  return { ok: true, place: { province, district, ward } };
}

export interface NewPlace {
  province: GhnV3Province;
  ward: GhnV3Ward;
}

export function newByNames(provinceName: string, wardName: string): Resolved<NewPlace> {
  const province = GHN_V3_PROVINCES.find((p) => samePlace(provinceName, p.name, p.extension_names));
  if (!province) return { ok: false, level: 'province', name: provinceName };
  const ward = v3WardsOf(province._id).find((w) => samePlace(wardName, w.name, w.extension_names));
  if (!ward) return { ok: false, level: 'ward', name: wardName };
  return { ok: true, place: { province, ward } };
}

export function newById(wardId: number): Resolved<NewPlace> {
  const ward = findV3Ward(wardId);
  if (!ward) return { ok: false, level: 'ward', name: String(wardId) };
  return { ok: true, place: { province: findV3Province(ward.parent_id)!, ward } };
}
