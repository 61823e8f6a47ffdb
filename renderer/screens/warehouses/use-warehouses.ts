import { useCommand, type Output } from '../../lib/api.js';

export type Warehouse = Output<'warehouses.list'>[number];

/** Warehouses for pickers and lists; refreshed by the core's warehouses.changed event. */
export function useWarehouses(includeInactive = false) {
  return useCommand('warehouses.list', { includeInactive });
}

/**
 * The warehouse a screen should start on: the one in the URL or last used on this station when it
 * still exists and is active, else the first main warehouse, else the first one.
 */
export function pickDefaultWarehouse(list: readonly Warehouse[], preferred: number | null): Warehouse | undefined {
  const active = list.filter((w) => w.active);
  return active.find((w) => w.id === preferred) ?? active.find((w) => w.type === 'main') ?? active[0];
}

const LAST_KEY = 'packdesk.lastWarehouse';

export function rememberWarehouse(id: number): void {
  try {
    window.localStorage.setItem(LAST_KEY, String(id));
  } catch {
    // Storage can be unavailable (private mode); the default pick still works.
  }
}

export function lastWarehouse(): number | null {
  try {
    const raw = window.localStorage.getItem(LAST_KEY);
    return raw ? Number(raw) : null;
  } catch {
    return null;
  }
}
