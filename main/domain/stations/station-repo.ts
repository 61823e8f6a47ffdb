import { packingConfig, scaleConfig, scannerConfig, type Station } from '../../api/stations.js';
import type { CommandContext } from '../../core/context.js';
import type { Store } from '../../store/store.js';
import { getSetting } from '../shared/settings.js';

interface StationRow {
  id: number; name: string; warehouse_id: number | null; scanner_json: string; packing_json: string; scale_json: string; updated_at: number;
}

/** The desk a command comes from: the browser's own station when it named one, else this install's. */
export const stationNameOf = (ctx: Pick<CommandContext, 'store' | 'session'>): string =>
  ctx.session.station || getSetting(ctx.store, 'station');

// Stored JSON is parsed through the schema so options added later read back with their defaults, and
// a value that no longer validates falls back to the default instead of breaking the desk.
const parseOr = <T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, json: string | undefined): T => {
  let value: unknown = {};
  try {
    value = JSON.parse(json || '{}');
  } catch {
    /* keep defaults */
  }
  const r = schema.safeParse(value);
  return r.success ? r.data : (schema.safeParse({}) as { success: true; data: T }).data;
};

function warehouseFor(store: Store, chosen: number | null): { id: number; name: string } | null {
  const row = (chosen === null
    ? store.prepare('SELECT id, name FROM warehouses WHERE active = 1 ORDER BY id LIMIT 1').get()
    : store.prepare('SELECT id, name FROM warehouses WHERE id = ?').get(chosen)) as { id: number; name: string } | undefined;
  return row ?? null;
}

function toStation(store: Store, name: string, row: StationRow | undefined): Station {
  const wh = warehouseFor(store, row?.warehouse_id ?? null);
  return {
    id: row?.id ?? null,
    name: row?.name ?? name,
    warehouseId: wh?.id ?? null,
    warehouseName: wh?.name ?? null,
    scanner: parseOr(scannerConfig, row?.scanner_json),
    packing: parseOr(packingConfig, row?.packing_json),
    scale: parseOr(scaleConfig, row?.scale_json),
    updatedAt: row?.updated_at ?? null,
  };
}

export function getStation(store: Store, name: string): Station {
  return toStation(store, name, store.prepare('SELECT * FROM stations WHERE name = ?').get(name) as StationRow | undefined);
}

export function listStations(store: Store, current: string): Station[] {
  const rows = store.prepare('SELECT * FROM stations ORDER BY name').all() as StationRow[];
  const list = rows.map((r) => toStation(store, r.name, r));
  if (!rows.some((r) => r.name.toLowerCase() === current.toLowerCase())) list.unshift(toStation(store, current, undefined));
  return list;
}

export interface StationPatch {
  warehouseId?: number | null;
  scanner?: Record<string, unknown>;
  packing?: Record<string, unknown>;
  scale?: Record<string, unknown>;
}

/** Merges the patch over what is saved (or the defaults) and writes the whole row. */
export function saveStation(store: Store, name: string, patch: StationPatch, now: number): Station {
  const cur = getStation(store, name);
  const stored = store.prepare('SELECT warehouse_id FROM stations WHERE name = ?').get(name) as { warehouse_id: number | null } | undefined;
  const warehouseId = patch.warehouseId !== undefined ? patch.warehouseId : stored?.warehouse_id ?? null;
  const scanner = scannerConfig.parse({ ...cur.scanner, ...patch.scanner });
  const packing = packingConfig.parse({ ...cur.packing, ...patch.packing });
  const scale = scaleConfig.parse({ ...cur.scale, ...patch.scale });
  store
    .prepare(`INSERT INTO stations (name, warehouse_id, scanner_json, packing_json, scale_json, created_at, updated_at)
      VALUES (@name, @warehouseId, @scanner, @packing, @scale, @now, @now)
      ON CONFLICT(name) DO UPDATE SET warehouse_id = excluded.warehouse_id, scanner_json = excluded.scanner_json,
        packing_json = excluded.packing_json, scale_json = excluded.scale_json, updated_at = excluded.updated_at`)
    .run({ name, warehouseId, scanner: JSON.stringify(scanner), packing: JSON.stringify(packing), scale: JSON.stringify(scale), now });
  return getStation(store, name);
}
