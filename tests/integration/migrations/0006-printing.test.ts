import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnsOf, storeAt, tableNames } from '../../fixtures/migrations.js';

describe('migration 0006-printing', () => {
  let store: Awaited<ReturnType<typeof storeAt>>;
  beforeAll(async () => {
    store = await storeAt(5);
    expect(store.upTo(6)).toEqual([6]);
  });
  afterAll(() => store.close());

  it('adds printer profiles tied to a station, with defaults for offsets, darkness and active', () => {
    expect(tableNames(store.db)).toEqual(expect.arrayContaining(['printer_profiles', 'print_jobs']));
    store.db.prepare("INSERT INTO stations (name, created_at, updated_at) VALUES ('Bàn 1', 0, 0)").run();
    store.db.prepare(`INSERT INTO printer_profiles (station_id, name, transport_json, language, media, dpi, created_at, updated_at)
      VALUES (1, 'Tem', '{"kind":"tcp","host":"127.0.0.1","port":9100}', 'tspl', '100x150', 203, 0, 0)`).run();
    expect(store.db.prepare('SELECT offset_x_mm, offset_y_mm, darkness, active, purposes_json FROM printer_profiles').get())
      .toEqual({ offset_x_mm: 0, offset_y_mm: 0, darkness: 8, active: 1, purposes_json: '[]' });
  });

  it('refuses a language, dpi or job status it does not know, and a profile without a station', () => {
    const insert = store.db.prepare(`INSERT INTO printer_profiles (station_id, name, transport_json, language, media, dpi, created_at, updated_at)
      VALUES (?, 'x', '{}', ?, '100x150', ?, 0, 0)`);
    expect(() => insert.run(1, 'epl', 203)).toThrow(/CHECK/);
    expect(() => insert.run(1, 'zpl', 600)).toThrow(/CHECK/);
    expect(() => insert.run(99, 'zpl', 203)).toThrow(/FOREIGN KEY/);
    const job = store.db.prepare(`INSERT INTO print_jobs (station, purpose, document_json, status, run_after, created_at, updated_at)
      VALUES ('Bàn 1', 'label', '{"kind":"test"}', ?, 0, 0, 0)`);
    expect(() => job.run('lost')).toThrow(/CHECK/);
    job.run('queued');
    expect(columnsOf(store.db, 'print_jobs')).toEqual(expect.arrayContaining(['message_code', 'message_detail', 'profile_id', 'reprint_of']));
  });
});
