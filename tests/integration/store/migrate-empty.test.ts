import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { latestVersion, loadMigrations, schemaVersion } from '../../../main/store/migrator.js';
import { openSqlite, type Sqlite } from '../../../main/store/open-database.js';
import { DATABASE_FILE } from '../../../main/core/core.js';
import { makeCore, type TestCore } from '../../fixtures/core.js';
import { addVariant, addWarehouse } from '../../fixtures/builders.js';

describe('a core started on an empty data folder', () => {
  let t: TestCore;
  let db: Sqlite;
  beforeAll(async () => {
    t = await makeCore();
    db = t.core.store.sqlite;
  });
  afterAll(() => t.close());

  it('migrates the new file to the latest version', async () => {
    expect(schemaVersion(db)).toBe(latestVersion(await loadMigrations()));
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(1);
  });

  it('opens the file with WAL, foreign keys, NORMAL sync and a busy timeout', () => {
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('keeps WAL on the file itself, for the next connection', () => {
    const other = openSqlite(join(t.dir, DATABASE_FILE), { readonly: true });
    try {
      expect(other.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      other.close();
    }
  });

  it('makes every ordinary table STRICT', () => {
    const list = db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string; strict: number }[];
    // FTS5 creates its own shadow tables; those are SQLite's, not ours.
    const ours = list.filter((t) => !/_fts_(data|idx|docsize|config|content)$/.test(t.name));
    expect(ours.length).toBeGreaterThanOrEqual(16);
    expect(ours.filter((t) => t.strict !== 1).map((t) => t.name)).toEqual([]);
  });

  it('refuses a value of the wrong type (STRICT at work)', () => {
    expect(() => db.prepare("INSERT INTO counters (name, value) VALUES ('x', 'not a number')").run()).toThrow(/cannot store TEXT value in INTEGER column/);
  });

  it('enforces foreign keys', () => {
    expect(() => db.prepare('INSERT INTO bins (warehouse_id, code) VALUES (999999, ?)').run('A-1')).toThrow(/FOREIGN KEY/);
  });

  it('refuses to update or delete a stock movement', async () => {
    const w = await addWarehouse(t.admin);
    await addVariant(t.admin, w.id, 5);
    const id = db.prepare('SELECT id FROM stock_movements LIMIT 1').pluck().get();
    expect(id).toBeDefined();
    expect(() => db.prepare('UPDATE stock_movements SET on_hand_delta = 500 WHERE id = ?').run(id)).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM stock_movements WHERE id = ?').run(id)).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM stock_movements').run()).toThrow(/append-only/);
    expect(db.prepare('SELECT on_hand_delta FROM stock_movements WHERE id = ?').pluck().get(id)).toBe(5);
  });
});
