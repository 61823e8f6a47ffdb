import type { StoredAddress } from '../../api/common.js';
import type { CarrierAddressChoice } from '../../api/shipping.js';
import type { CarrierConnector, CarrierId } from '../../connectors/carriers/carrier-connector.js';
import type { Store } from '../../store/store.js';
import { isJobError } from '../../sync/job-error.js';
import { places } from './address-cache.js';
import { matchPlace, schemeOf, type Place } from './address-match.js';
import { mapLegacyWard } from './ward-map.js';

type Problem = {
  scheme: 'new2' | 'legacy3' | null;
  level: 'address' | 'province' | 'district' | 'ward' | 'data';
  reason: 'none' | 'ambiguous' | 'no_address' | 'not_downloaded';
  given: string;
  candidates: { id: string; name: string }[];
};
export type Resolution = { ok: true; address: CarrierAddressChoice; kind: 'exact' | 'mapped' } | { ok: false; problem: Problem };

const pick = (p: Place) => ({ id: p.id, name: p.name });
const problem = (p: Problem): Resolution => ({ ok: false, problem: p });

/**
 * Resolves an address to a carrier's units from the cache, downloading what is missing when a
 * connector is given. Offline with nothing cached says so rather than guessing.
 */
export async function resolveAddress(store: Store, connector: CarrierConnector | null, carrier: CarrierId, address: StoredAddress, now: () => number): Promise<Resolution> {
  const first = await resolveOne(store, connector, carrier, address, now);
  // An address given in both forms is resolved in both: GHN still prices by legacy districts (pitfall G2.4).
  if (first.ok && address.current?.wardName && address.legacy?.wardName && !first.address.legacy) {
    const legacy = await resolveOne(store, connector, carrier, { ...address, current: undefined }, now).catch(() => null);
    if (legacy?.ok && legacy.kind === 'exact' && legacy.address.legacy) return { ...first, address: { ...first.address, legacy: legacy.address.legacy } };
  }
  return first;
}

async function resolveOne(store: Store, connector: CarrierConnector | null, carrier: CarrierId, address: StoredAddress, now: () => number): Promise<Resolution> {
  const given = schemeOf(address);
  if (!given) return problem({ scheme: null, level: 'address', reason: 'no_address', given: address.rawText, candidates: [] });
  // An old three-level address with a known 2025 successor is resolved as the 2025 unit.
  const mapped = given === 'legacy3' ? mapLegacyWard({ province: address.legacy!.provinceName, district: address.legacy!.districtName, ward: address.legacy!.wardName }) : null;
  if (mapped) {
    const asNew = await resolveOne(store, connector, carrier, { ...address, current: { provinceCode: '', wardCode: '', provinceName: mapped.province, wardName: mapped.ward } }, now);
    if (asNew.ok) return { ...asNew, kind: 'mapped' };
  }
  const scheme = given;
  const load = async (level: 'province' | 'district' | 'ward', parentId: string) => {
    try {
      return await places(store, connector, carrier, scheme, level, parentId, now);
    } catch (error) {
      // No answer from the carrier (unreachable, or the connection dropped or timed out): what is cached is what we have.
      if (isJobError(error) && (error.kind === 'offline' || error.transport)) return places(store, null, carrier, scheme, level, parentId, now);
      throw error;
    }
  };
  const step = async (level: 'province' | 'district' | 'ward', parentId: string, name: string) => {
    const list = await load(level, parentId);
    if (!list) return { fail: problem({ scheme, level: 'data', reason: 'not_downloaded', given: name, candidates: [] }) };
    const m = matchPlace(name, list);
    if (!m.ok) return { fail: problem({ scheme, level, reason: m.reason, given: name, candidates: m.candidates.map(pick) }) };
    return { place: m.place };
  };

  if (scheme === 'new2') {
    const c = address.current!;
    const province = await step('province', '', c.provinceName);
    if (!province.place) return province.fail!;
    const ward = await step('ward', province.place.id, c.wardName);
    if (!ward.place) return ward.fail!;
    return { ok: true, kind: 'exact', address: { current: { province: pick(province.place), ward: pick(ward.place) } } };
  }
  const l = address.legacy!;
  const province = await step('province', '', l.provinceName);
  if (!province.place) return province.fail!;
  const district = await step('district', province.place.id, l.districtName);
  if (!district.place) return district.fail!;
  const ward = await step('ward', district.place.id, l.wardName);
  if (!ward.place) return ward.fail!;
  return { ok: true, kind: 'exact', address: { legacy: { province: pick(province.place), district: pick(district.place), ward: pick(ward.place) } } };
}

export function saveCarrierAddress(store: Store, ownerType: 'order' | 'warehouse', ownerId: number, carrier: CarrierId, address: CarrierAddressChoice, kind: 'exact' | 'mapped' | 'picked', operatorId: number | null, now: number): void {
  store
    .prepare(`INSERT INTO carrier_addresses (owner_type, owner_id, carrier, address_json, match_kind, confirmed_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT(owner_type, owner_id, carrier) DO UPDATE SET address_json = excluded.address_json, match_kind = excluded.match_kind,
      confirmed_by = excluded.confirmed_by, updated_at = excluded.updated_at`)
    .run(ownerType, ownerId, carrier, JSON.stringify(address), kind, operatorId, now);
}
