import type { CarrierConnector, CarrierId, MasterDataUnit } from '../../connectors/carriers/carrier-connector.js';
import type { Store } from '../../store/store.js';
import { foldText } from '../shared/text-fold.js';
import type { Place } from './address-match.js';

type Scheme = 'legacy3' | 'new2';
type Level = 'province' | 'district' | 'ward';

/**
 * Carrier master data cached in the store: fetched from the carrier the first time a province (or
 * district) is needed and reused after, so booking works offline from the cache.
 */
export function cachedPlaces(store: Store, carrier: CarrierId, scheme: Scheme, level: Level, parentId = ''): Place[] | null {
  const fetched = store.prepare('SELECT 1 FROM carrier_place_fetches WHERE carrier = ? AND scheme = ? AND level = ? AND parent_id = ?').get(carrier, scheme, level, parentId);
  if (!fetched) return null;
  return (store.prepare('SELECT id, name, aliases_json, active FROM carrier_places WHERE carrier = ? AND scheme = ? AND level = ? AND parent_id = ? ORDER BY name')
    .all(carrier, scheme, level, parentId) as { id: string; name: string; aliases_json: string; active: number }[])
    .map((r) => ({ id: r.id, name: r.name, aliases: JSON.parse(r.aliases_json), active: r.active === 1 }));
}

export function storePlaces(store: Store, carrier: CarrierId, scheme: Scheme, level: Level, parentId: string, units: MasterDataUnit[], now: number): void {
  store.tx(() => {
    store.prepare('DELETE FROM carrier_places WHERE carrier = ? AND scheme = ? AND level = ? AND parent_id = ?').run(carrier, scheme, level, parentId);
    const insert = store.prepare(`INSERT OR REPLACE INTO carrier_places (carrier, scheme, level, id, parent_id, name, search_name, aliases_json, active, fetched_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const u of units) insert.run(carrier, scheme, level, String(u.id), parentId, u.name, foldText(u.name), JSON.stringify(u.aliases ?? []), Number(u.active), now);
    store
      .prepare('INSERT INTO carrier_place_fetches (carrier, scheme, level, parent_id, fetched_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET fetched_at = excluded.fetched_at')
      .run(carrier, scheme, level, parentId, now);
  });
}

/** Places from the cache, fetched first when missing and a connector is at hand (online). */
export async function places(
  store: Store, connector: CarrierConnector | null, carrier: CarrierId, scheme: Scheme, level: Level, parentId: string, now: () => number,
): Promise<Place[] | null> {
  const cached = cachedPlaces(store, carrier, scheme, level, parentId);
  if (cached || !connector) return cached;
  const units = level === 'province' ? await connector.provinces(scheme) : level === 'district' ? await connector.districts(parentId) : await connector.wards(parentId, scheme);
  storePlaces(store, carrier, scheme, level, parentId, units, now());
  return cachedPlaces(store, carrier, scheme, level, parentId);
}

/** Searchable picker data: places of one level under a parent, filtered by a folded query. */
export function searchCachedPlaces(store: Store, carrier: CarrierId, scheme: Scheme, level: Level, parentId: string, query: string, limit = 50): Place[] {
  const q = `%${foldText(query)}%`;
  return (store.prepare(`SELECT id, name, aliases_json, active FROM carrier_places WHERE carrier = ? AND scheme = ? AND level = ? AND parent_id = ?
      AND (search_name LIKE ? OR aliases_json LIKE ?) ORDER BY name LIMIT ?`)
    .all(carrier, scheme, level, parentId, q, q, limit) as { id: string; name: string; aliases_json: string; active: number }[])
    .map((r) => ({ id: r.id, name: r.name, aliases: JSON.parse(r.aliases_json), active: r.active === 1 }));
}
