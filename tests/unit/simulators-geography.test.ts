// The demo geography, GHN's master data and Viettel Post's must describe the same places: every demo
// place resolves in both schemes at both carriers, and each carrier's new ward links back to the
// old unit the demo names.

import { describe, expect, it } from 'vitest';
import { DEMO_GHN_SHOP_ID, DEMO_GHN_TOKEN, DEMO_VTP_PASSWORD, DEMO_VTP_USERNAME, DEMO_VTP_WEBHOOK_SECRET } from '../../main/simulators/demo-accounts.js';
import { DEMO_PLACES, DEMO_SHOP_PLACE_ID } from '../../main/simulators/demo-geography.js';
import { GHN_WARDS } from '../../main/simulators/ghn/data/legacy-units.js';
import { GHN_V3_WARDS } from '../../main/simulators/ghn/data/v3-units.js';
import { legacyByNames, newByNames } from '../../main/simulators/ghn/geography.js';
import { samePlace } from '../../main/simulators/shared/text-fold.js';
import { VTP_DISTRICTS, VTP_PROVINCES, VTP_WARDS } from '../../main/simulators/viettelpost/data/legacy-units.js';
import { VTP_NEW_PROVINCES, VTP_NEW_WARDS } from '../../main/simulators/viettelpost/data/new-units.js';

describe('demo geography', () => {
  it('has unique ids and names the shop place', () => {
    expect(new Set(DEMO_PLACES.map((p) => p.id)).size).toBe(DEMO_PLACES.length);
    expect(DEMO_PLACES.some((p) => p.id === DEMO_SHOP_PLACE_ID)).toBe(true);
    expect(DEMO_PLACES).toHaveLength(15);
  });

  it.each(DEMO_PLACES.map((p) => [p.id, p] as const))('%s resolves at GHN in both schemes, consistently', (_id, place) => {
    const legacy = legacyByNames(place.legacy.province, place.legacy.district, place.legacy.ward);
    expect(legacy.ok).toBe(true);
    const fresh = newByNames(place.province, place.ward);
    expect(fresh.ok).toBe(true);
    if (legacy.ok && fresh.ok) {
      expect(fresh.place.ward.legacy).toEqual({ districtId: legacy.place.district.DistrictID, wardCode: legacy.place.ward.WardCode });
      expect(typeof legacy.place.ward.WardCode).toBe('string');
    }
  });

  it.each(DEMO_PLACES.map((p) => [p.id, p] as const))('%s resolves at Viettel Post in both schemes, consistently', (_id, place) => {
    const province = VTP_PROVINCES.find((p) => samePlace(place.legacy.province, p.PROVINCE_NAME));
    const district = VTP_DISTRICTS.find((d) => d.PROVINCE_ID === province?.PROVINCE_ID && samePlace(place.legacy.district, d.DISTRICT_NAME));
    const ward = VTP_WARDS.find((w) => w.DISTRICT_ID === district?.DISTRICT_ID && samePlace(place.legacy.ward, w.WARDS_NAME));
    expect(ward).toBeDefined();
    const newProvince = VTP_NEW_PROVINCES.find((p) => samePlace(place.province, p.PROVINCE_NAME));
    const newWard = VTP_NEW_WARDS.find((w) => w.PROVINCE_ID === newProvince?.PROVINCE_ID && samePlace(place.ward, w.WARDS_NAME));
    expect(newWard).toBeDefined();
    expect(newProvince?.legacyProvinceId).toBe(province?.PROVINCE_ID);
    expect([0, district?.DISTRICT_ID]).toContain(newWard?.DISTRICT_ID);
  });

  it('keeps the pitfalls the clients must survive', () => {
    expect(GHN_WARDS.some((w) => w.WardCode.startsWith('0'))).toBe(true);
    expect(GHN_WARDS.some((w) => w.Status === 2)).toBe(true);
    expect(GHN_V3_WARDS.every((w) => String(w._id).length === 7)).toBe(true);
    expect(VTP_NEW_WARDS.some((w) => w.DISTRICT_ID === 0)).toBe(true);
    const oldIds = new Set(VTP_WARDS.map((w) => w.WARDS_ID));
    expect(VTP_NEW_WARDS.some((w) => oldIds.has(w.WARDS_ID))).toBe(false);
  });

  it('has demo credentials', () => {
    expect([DEMO_GHN_TOKEN, DEMO_VTP_USERNAME, DEMO_VTP_PASSWORD, DEMO_VTP_WEBHOOK_SECRET].every((s) => s.length > 5)).toBe(true);
    expect(Number.isInteger(DEMO_GHN_SHOP_ID)).toBe(true);
  });
});
