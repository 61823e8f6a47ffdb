import { useMemo } from 'react';
import { useCommand } from '../../lib/api.js';
import type { Shipment } from './booking-rules.js';

export interface CarrierAccount {
  id: number;
  /** null when the operator may not read the account list and no shipment named it yet. */
  name: string | null;
  provider: 'ghn' | 'viettelpost';
  active: boolean;
}

/**
 * The carrier accounts an operator can book with, by name (connections.carriers: no settings, so
 * packers may read it). Until it answers, the list is built from what the order already knows (the
 * default account and the accounts of its earlier shipments).
 */
export function useCarrierAccounts(known: { defaultId?: number | null; shipments?: readonly Shipment[] } = {}) {
  const list = useCommand('connections.carriers', {});
  const { defaultId = null, shipments = [] } = known;
  const accounts = useMemo<CarrierAccount[]>(() => {
    if (list.data) return list.data.map((c) => ({ id: c.id, name: c.name, provider: c.provider, active: c.active }));
    const byId = new Map<number, CarrierAccount>();
    for (const s of shipments) byId.set(s.accountId, { id: s.accountId, name: s.accountName, provider: s.carrier, active: true });
    // The provider of an unnamed default is unknown here; GHN is the core's own fallback for limits.
    if (defaultId !== null && !byId.has(defaultId)) byId.set(defaultId, { id: defaultId, name: null, provider: 'ghn', active: true });
    return [...byId.values()];
  }, [list.data, defaultId, shipments]);
  return { accounts, error: list.error, loading: list.loading };
}
