// Look-ups over VTP master data, old and new schemes. A receiver with a district id is read in the
// old scheme; with RECEIVER_DISTRICT null/0 in the new one (spec A2.5, C2).

import type { Region } from './data/legacy-units.js';
import { VTP_DISTRICTS, VTP_PROVINCES, VTP_WARDS } from './data/legacy-units.js';
import { VTP_NEW_PROVINCES, VTP_NEW_WARDS } from './data/new-units.js';
import { looseInt } from './vtp-fields.js';

export interface VtpPlace {
  scheme: 'old' | 'new';
  provinceId: number;
  districtId: number;
  wardId: number;
  /** Old province id (its own, or the one behind a new province): "same province" across schemes. */
  legacyProvinceId: number;
  region: Region;
  provinceName: string;
  districtName: string;
  wardName: string;
}

export type PlaceCheck = { ok: true; place: VtpPlace } | { ok: false; field: 'PROVINCE' | 'DISTRICT' | 'WARD'; scheme: 'old' | 'new' };

/**
 * Resolves ids. `wardRequired` is false for price quotes (VTP prices by district); a missing ward then
 * resolves with wardId 0.
 */
export function resolvePlace(province: unknown, district: unknown, ward: unknown, wardRequired: boolean): PlaceCheck {
  const p = looseInt(province);
  const d = looseInt(district);
  const w = looseInt(ward);
  if (d === undefined || d === 0) {
    const np = VTP_NEW_PROVINCES.find((x) => x.PROVINCE_ID === p);
    if (!np) return { ok: false, field: 'PROVINCE', scheme: 'new' };
    const nw = VTP_NEW_WARDS.find((x) => x.WARDS_ID === w && x.PROVINCE_ID === np.PROVINCE_ID);
    if (!nw && (wardRequired || (w !== undefined && w !== 0))) return { ok: false, field: 'WARD', scheme: 'new' };
    return {
      ok: true,
      place: {
        scheme: 'new',
        provinceId: np.PROVINCE_ID,
        districtId: 0,
        wardId: nw?.WARDS_ID ?? 0,
        legacyProvinceId: np.legacyProvinceId,
        region: np.region,
        provinceName: np.PROVINCE_NAME,
        districtName: '',
        wardName: nw?.WARDS_NAME ?? '',
      },
    };
  }
  const op = VTP_PROVINCES.find((x) => x.PROVINCE_ID === p);
  if (!op) return { ok: false, field: 'PROVINCE', scheme: 'old' };
  const od = VTP_DISTRICTS.find((x) => x.DISTRICT_ID === d && x.PROVINCE_ID === op.PROVINCE_ID);
  if (!od) return { ok: false, field: 'DISTRICT', scheme: 'old' };
  const ow = VTP_WARDS.find((x) => x.WARDS_ID === w && x.DISTRICT_ID === od.DISTRICT_ID);
  if (!ow && (wardRequired || (w !== undefined && w !== 0))) return { ok: false, field: 'WARD', scheme: 'old' };
  return {
    ok: true,
    place: {
      scheme: 'old',
      provinceId: op.PROVINCE_ID,
      districtId: od.DISTRICT_ID,
      wardId: ow?.WARDS_ID ?? 0,
      legacyProvinceId: op.PROVINCE_ID,
      region: op.region,
      provinceName: op.PROVINCE_NAME,
      districtName: od.DISTRICT_NAME,
      wardName: ow?.WARDS_NAME ?? '',
    },
  };
}

/** The VTP validation text: "Invalid [RECEIVER_WARD] with address new". */
export const placeError = (side: 'SENDER' | 'RECEIVER', failure: Extract<PlaceCheck, { ok: false }>) =>
  `Invalid [${side}_${failure.field}] with address ${failure.scheme}`;

/** A post-office name for webhook locations. */
export function postOfficeName(place: VtpPlace): string {
  const where = place.districtName || place.wardName;
  return `Bưu cục ${where} - ${place.provinceName}`;
}
