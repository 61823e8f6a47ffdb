import type { StoredAddress } from '../../api/common.js';
import { foldText } from '../shared/text-fold.js';

// Pure matching of an order's address to a carrier's units by name. A carrier's own spellings
// (aliases) count; administrative words ("Phường", "Quận", "TP.") do not. Nothing is guessed: a
// name that matches no unit, or several, is reported with candidates for the operator to pick.

const ADMIN_WORDS = /^(thanh pho|tp\.?|tinh|quan|q\.?|huyen|thi xa|tx\.?|phuong|p\.?|xa|thi tran|tt\.?|dac khu)\s+/;

/** The comparable form of a place name: folded, without its administrative prefix, numbers unpadded. */
export function placeKey(name: string): string {
  let key = foldText(name).replace(/[.,]/g, ' ').replace(/\s+/g, ' ').trim();
  for (let i = 0; i < 2; i++) key = key.replace(ADMIN_WORDS, '');
  return key.replace(/\b0+(\d)/g, '$1').trim();
}

export interface Place {
  id: string;
  name: string;
  aliases: string[];
  active: boolean;
}

export type PlaceMatch = { ok: true; place: Place } | { ok: false; reason: 'none' | 'ambiguous'; candidates: Place[] };

export function matchPlace(name: string, places: Place[]): PlaceMatch {
  const key = placeKey(name);
  if (!key) return { ok: false, reason: 'none', candidates: [] };
  const exact = places.filter((p) => [p.name, ...p.aliases].some((n) => placeKey(n) === key));
  if (exact.length === 1) return { ok: true, place: exact[0] };
  if (exact.length > 1) return { ok: false, reason: 'ambiguous', candidates: exact };
  const partial = places.filter((p) => placeKey(p.name).includes(key) || key.includes(placeKey(p.name))).slice(0, 8);
  return { ok: false, reason: 'none', candidates: partial };
}

/** Which scheme to resolve an address in: the 2025 form when we have it, else the old one. */
export function schemeOf(address: StoredAddress): 'new2' | 'legacy3' | null {
  if (address.current?.provinceName && address.current.wardName) return 'new2';
  if (address.legacy?.provinceName && address.legacy.wardName) return 'legacy3';
  return null;
}
