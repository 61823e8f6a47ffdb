import { DEMO_PLACES } from '../../simulators/demo-geography.js';
import { placeKey } from './address-match.js';

/**
 * Old three-level wards → 2025 two-level units (Resolution 202/2025/QH15). The national mapping set
 * (~10,000 old wards) cannot be fetched on these machines, so the pinned sample is the demo shop's
 * geography; a full dataset replaces `MAPPING_ROWS` without touching the code. Only many-to-one rows
 * belong here: an old ward split across new wards cannot be mapped from names (specs §C1) and is left
 * for the operator to pick.
 */
export const WARD_MAP_VERSION = 'demo-sample-2025-07';

interface Row { legacy: { province: string; district: string; ward: string }; current: { province: string; ward: string } }

const MAPPING_ROWS: readonly Row[] = DEMO_PLACES.map((p) => ({ legacy: p.legacy, current: { province: p.province, ward: p.ward } }));

const key = (l: Row['legacy']) => [placeKey(l.province), placeKey(l.district), placeKey(l.ward)].join('|');
const index = new Map(MAPPING_ROWS.map((r) => [key(r.legacy), r.current]));

export function mapLegacyWard(legacy: Row['legacy']): { province: string; ward: string } | null {
  return index.get(key(legacy)) ?? null;
}
