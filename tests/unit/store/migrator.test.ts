import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { latestVersion, loadMigrations, migrate, schemaVersion } from '../../../main/store/migrator.js';
import { tempDir } from '../../fixtures/temp-dir.js';

// Each test writes its own migrations folder, so the rules are checked apart from the real schema.
let dir: ReturnType<typeof tempDir>;
let db: Database.Database;
const write = (files: Record<string, string>) => {
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir.path, name), body);
};
const tables = () => (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

beforeEach(() => {
  dir = tempDir('packdesk-migrations-');
  db = new Database(':memory:');
});
afterEach(() => {
  db.close();
  dir.remove();
});

describe('loadMigrations', () => {
  it('orders by version number and ignores files that are not migrations', async () => {
    write({
      '0100-c.sql': 'CREATE TABLE c (x INTEGER) STRICT;',
      '0010-b.sql': 'CREATE TABLE b (x INTEGER) STRICT;',
      '0009-a.sql': 'CREATE TABLE a (x INTEGER) STRICT;',
      '1000-d.sql': 'CREATE TABLE d (x INTEGER) STRICT;',
      'README.md': '# not a migration',
      '0002-notes.txt': 'nor this',
    });
    const list = await loadMigrations(dir.path);
    expect(list.map((m) => [m.version, m.name])).toEqual([[9, 'a'], [10, 'b'], [100, 'c'], [1000, 'd']]);
    expect(latestVersion(list)).toBe(1000);
  });

  it('refuses two migrations with the same version', async () => {
    write({ '0001-a.sql': 'SELECT 1;', '0002-b.sql': 'SELECT 1;', '0002-c.sql': 'SELECT 1;' });
    await expect(loadMigrations(dir.path)).rejects.toThrow(/share version 2/);
  });

  it('loads a .ts migration that transforms data', async () => {
    write({
      '0001-create.sql': "CREATE TABLE t (name TEXT NOT NULL) STRICT; INSERT INTO t VALUES ('đồng');",
      '0002-upper.ts': "export function up(db) { db.prepare('UPDATE t SET name = upper(name) || ?').run('!'); }",
    });
    migrate(db, await loadMigrations(dir.path));
    expect(db.prepare('SELECT name FROM t').pluck().get()).toBe('đồNG!');
    expect(schemaVersion(db)).toBe(2);
  });
});

describe('migrate', () => {
  it('applies pending migrations in order and sets user_version to the last', async () => {
    write({
      '0002-add.sql': 'ALTER TABLE a ADD COLUMN y INTEGER;',
      '0001-create.sql': 'CREATE TABLE a (x INTEGER) STRICT;',
      '0010-later.sql': 'INSERT INTO a (x, y) VALUES (1, 2);',
    });
    expect(migrate(db, await loadMigrations(dir.path))).toEqual([1, 2, 10]);
    expect(schemaVersion(db)).toBe(10);
    expect(db.prepare('SELECT x, y FROM a').get()).toEqual({ x: 1, y: 2 });
  });

  it('skips what was already applied and stops at upTo', async () => {
    write({ '0001-a.sql': 'CREATE TABLE a (x INTEGER) STRICT;', '0002-b.sql': 'CREATE TABLE b (x INTEGER) STRICT;', '0003-c.sql': 'CREATE TABLE c (x INTEGER) STRICT;' });
    const list = await loadMigrations(dir.path);
    expect(migrate(db, list, 2)).toEqual([1, 2]);
    expect(tables()).toEqual(['a', 'b']);
    expect(migrate(db, list)).toEqual([3]);
    expect(migrate(db, list)).toEqual([]);
    expect(schemaVersion(db)).toBe(3);
  });

  it('refuses a store newer than the app and leaves it untouched', async () => {
    write({ '0001-a.sql': 'CREATE TABLE a (x INTEGER) STRICT;' });
    db.pragma('user_version = 7');
    expect(() => migrate(db, [])).toThrow(/newer than this app/);
    expect(() => migrate(db, [{ version: 1, name: 'a', up: () => {} }])).toThrow(/schema version 7, newer than this app knows \(1\)/);
    expect(schemaVersion(db)).toBe(7);
    expect(tables()).toEqual([]);
  });

  it('rolls a failing migration back whole and keeps user_version at the last good one', async () => {
    write({
      '0001-a.sql': 'CREATE TABLE a (x INTEGER) STRICT; INSERT INTO a VALUES (1);',
      '0002-broken.sql': 'CREATE TABLE b (x INTEGER) STRICT; INSERT INTO a VALUES (2); INSERT INTO missing VALUES (3);',
      '0003-never.sql': 'CREATE TABLE c (x INTEGER) STRICT;',
    });
    const list = await loadMigrations(dir.path);
    expect(() => migrate(db, list)).toThrow(/no such table: missing/);
    expect(schemaVersion(db)).toBe(1);
    expect(tables()).toEqual(['a']);
    expect(db.prepare('SELECT x FROM a').pluck().all()).toEqual([1]);
  });

  it('rolls back a .ts migration that throws half-way', async () => {
    write({
      '0001-a.sql': 'CREATE TABLE a (x INTEGER) STRICT;',
      '0002-half.ts': "export function up(db) { db.prepare('INSERT INTO a VALUES (1)').run(); throw new Error('transform failed'); }",
    });
    const list = await loadMigrations(dir.path);
    expect(() => migrate(db, list)).toThrow('transform failed');
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare('SELECT count(*) FROM a').pluck().get()).toBe(0);
  });
});
