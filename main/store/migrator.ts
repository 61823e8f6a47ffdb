import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Sqlite } from './open-database.js';

export interface Migration {
  version: number;
  name: string;
  up: (db: Sqlite) => void;
}

/**
 * `migrations/` at the project root: two levels up from main/store when running from sources, three
 * from out/main/store in a build (where the packaged app ships the folder beside out/).
 */
export const MIGRATIONS_DIR = (() => {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '..', '..', 'migrations'), join(here, '..', '..', '..', 'migrations')];
  return candidates.find((d) => existsSync(join(d, '0001-foundation.sql'))) ?? candidates[0];
})();

// .js is a .ts migration compiled for a build.
const FILE_PATTERN = /^(\d{4})-([a-z0-9-]+)\.(sql|ts|js)$/;

/**
 * Loads `migrations/NNNN-name.sql|ts`. Versions are parsed as numbers, so ordering never depends on
 * how names sort as strings. A `.ts` migration exports `up(db)` for data that must be transformed.
 */
export async function loadMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const list: Migration[] = [];
  for (const file of readdirSync(dir)) {
    const m = FILE_PATTERN.exec(file);
    if (!m) continue;
    const version = Number(m[1]);
    const name = m[2];
    if (m[3] === 'sql') {
      const sql = readFileSync(join(dir, file), 'utf8');
      list.push({ version, name, up: (db) => db.exec(sql) });
    } else {
      const mod = (await import(pathToFileURL(join(dir, file)).href)) as { up: (db: Sqlite) => void };
      list.push({ version, name, up: mod.up });
    }
  }
  list.sort((a, b) => a.version - b.version);
  for (let i = 1; i < list.length; i++) {
    if (list[i].version === list[i - 1].version) throw new Error(`Two migrations share version ${list[i].version}`);
  }
  return list;
}

export const schemaVersion = (db: Sqlite): number => db.pragma('user_version', { simple: true }) as number;

export const latestVersion = (migrations: Migration[]): number =>
  migrations.length ? migrations[migrations.length - 1].version : 0;

/**
 * Applies every pending migration, each in its own transaction together with the bump of
 * `user_version`, so a crash leaves the store at a whole version. Refuses a store newer than the app.
 */
export function migrate(db: Sqlite, migrations: Migration[], upTo = Number.POSITIVE_INFINITY): number[] {
  const current = schemaVersion(db);
  const latest = latestVersion(migrations);
  if (current > latest) {
    throw new Error(`The data file has schema version ${current}, newer than this app knows (${latest}).`);
  }
  const applied: number[] = [];
  for (const m of migrations) {
    if (m.version <= current || m.version > upTo) continue;
    // IMMEDIATE takes the write lock before the version is read again, so two processes opening a new
    // file at once apply each migration once: the second waits for the first, then finds it done.
    const ran = db.transaction(() => {
      if (schemaVersion(db) >= m.version) return false;
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
      return true;
    }).immediate();
    if (ran) applied.push(m.version);
  }
  return applied;
}
