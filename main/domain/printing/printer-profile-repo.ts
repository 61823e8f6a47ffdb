import { fail } from '../../api/errors.js';
import type { Store } from '../../store/store.js';
import type { PrintPurpose } from './print-documents.js';
import { chooseProfile, combinationProblem, printerTransport, profileFields, type ProfileFields } from './printer-profile-rules.js';

export interface PrinterProfileView extends ProfileFields {
  id: number;
  station: string;
  archived: boolean;
  updatedAt: number;
}

interface Row {
  id: number; station: string; name: string; purposes_json: string; transport_json: string; language: string; media: string; dpi: number;
  offset_x_mm: number; offset_y_mm: number; darkness: number; active: number; archived_at: number | null; updated_at: number;
}

const SELECT = `SELECT p.*, s.name AS station FROM printer_profiles p JOIN stations s ON s.id = p.station_id`;

function toView(r: Row): PrinterProfileView {
  // Stored JSON goes back through the schemas: a transport that no longer validates reads as a file
  // path nobody has, so the job waits with a clear message instead of crashing the worker.
  const transport = printerTransport.safeParse(JSON.parse(r.transport_json));
  const fields = profileFields.parse({
    name: r.name, purposes: JSON.parse(r.purposes_json), language: r.language, media: r.media, dpi: r.dpi,
    offsetXmm: r.offset_x_mm, offsetYmm: r.offset_y_mm, darkness: r.darkness, active: r.active === 1,
    transport: transport.success ? transport.data : { kind: 'file', path: '(invalid)' },
  });
  return { ...fields, id: r.id, station: r.station, archived: r.archived_at !== null, updatedAt: r.updated_at };
}

export function listProfiles(store: Store, station: string, opts: { archived?: boolean } = {}): PrinterProfileView[] {
  const rows = store.prepare(`${SELECT} WHERE s.name = ? ${opts.archived ? '' : 'AND p.archived_at IS NULL'} ORDER BY p.id`).all(station) as Row[];
  return rows.map(toView);
}

export function readProfile(store: Store, id: number): PrinterProfileView {
  const row = store.prepare(`${SELECT} WHERE p.id = ?`).get(id) as Row | undefined;
  if (!row) fail('NOT_FOUND', `Printer profile ${id} does not exist`, { entity: 'printer', id });
  return toView(row!);
}

/** The printer a job of this purpose goes to at this station now, or null when none fits. */
export function profileFor(store: Store, station: string, purpose: PrintPurpose): PrinterProfileView | null {
  return chooseProfile(listProfiles(store, station), purpose);
}

function refuseNonsense(f: ProfileFields): void {
  const problem = combinationProblem(f);
  if (!problem) return;
  const message = `${f.language} cannot print on ${f.media} through ${f.transport.kind}`;
  fail('INPUT_INVALID', message, { field: 'language', reason: problem, issues: [{ code: 'custom', path: ['language'], message: problem }] });
}

/** The station's row, created on its first printer so a desk needs no other setting to print. */
function stationId(store: Store, station: string, now: number): number {
  store.prepare('INSERT INTO stations (name, created_at, updated_at) VALUES (?, ?, ?) ON CONFLICT(name) DO NOTHING').run(station, now, now);
  return (store.prepare('SELECT id FROM stations WHERE name = ?').get(station) as { id: number }).id;
}

const params = (f: ProfileFields) => ({
  name: f.name, purposes: JSON.stringify([...new Set(f.purposes)]), transport: JSON.stringify(f.transport), language: f.language, media: f.media,
  dpi: f.dpi, ox: f.offsetXmm, oy: f.offsetYmm, darkness: f.darkness, active: f.active ? 1 : 0,
});

export function createProfile(store: Store, station: string, f: ProfileFields, now: number): PrinterProfileView {
  refuseNonsense(f);
  const r = store.prepare(`INSERT INTO printer_profiles (station_id, name, purposes_json, transport_json, language, media, dpi, offset_x_mm, offset_y_mm,
      darkness, active, created_at, updated_at) VALUES (@station, @name, @purposes, @transport, @language, @media, @dpi, @ox, @oy, @darkness, @active, @now, @now)`)
    .run({ ...params(f), station: stationId(store, station, now), now });
  return readProfile(store, Number(r.lastInsertRowid));
}

export function updateProfile(store: Store, id: number, patch: Partial<ProfileFields>, now: number): PrinterProfileView {
  const cur = readProfile(store, id);
  if (cur.archived) fail('CONFLICT', `Printer profile ${id} is archived`, { reason: 'archived', id });
  const f = profileFields.parse({ ...cur, ...patch });
  refuseNonsense(f);
  store.prepare(`UPDATE printer_profiles SET name = @name, purposes_json = @purposes, transport_json = @transport, language = @language, media = @media,
      dpi = @dpi, offset_x_mm = @ox, offset_y_mm = @oy, darkness = @darkness, active = @active, updated_at = @now WHERE id = @id`)
    .run({ ...params(f), id, now });
  return readProfile(store, id);
}

/** Archived, not deleted: jobs keep their printer. Jobs still waiting for it choose again. */
export function archiveProfile(store: Store, id: number, now: number): void {
  readProfile(store, id);
  store.prepare('UPDATE printer_profiles SET archived_at = ?, active = 0, updated_at = ? WHERE id = ? AND archived_at IS NULL').run(now, now, id);
  store.prepare("UPDATE print_jobs SET profile_id = NULL, updated_at = ? WHERE profile_id = ? AND status IN ('queued', 'waiting')").run(now, id);
}
