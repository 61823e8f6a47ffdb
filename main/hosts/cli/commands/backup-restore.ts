import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DATABASE_FILE } from '../../../core/core.js';
import { backupDatabase, checkBackupFile } from '../../../store/backup.js';
import { loadMigrations } from '../../../store/migrator.js';
import { openSqlite } from '../../../store/open-database.js';
import { dataDirOf, flag, positionals } from './shared.js';

export async function backupCommand(args: string[]): Promise<number> {
  const dir = dataDirOf(args);
  const file = join(dir, DATABASE_FILE);
  if (!existsSync(file)) {
    console.error(`No data file in ${dir}`);
    return 1;
  }
  const db = openSqlite(file);
  try {
    const info = await backupDatabase(db, resolve(flag(args, 'out') ?? join(dir, 'backups')));
    console.log(JSON.stringify(info));
    return 0;
  } finally {
    db.close();
  }
}

/**
 * Replaces the data file with a backup that SQLite finds whole and whose schema this app knows. The
 * current file is backed up first, so a restore can itself be undone. Stop the app before restoring.
 */
export async function restoreCommand(args: string[]): Promise<number> {
  const [source] = positionals(args);
  if (!source) {
    console.error('Usage: packdesk restore FILE');
    return 2;
  }
  const migrations = await loadMigrations();
  const check = checkBackupFile(resolve(source), [...migrations.map((m) => m.version)]);
  if (!check.ok) {
    const why = { unreadable: 'it cannot be read as a Packdesk data file', integrity: 'it failed the integrity check', schema_unknown: 'its schema version is unknown to this app' }[check.reason];
    console.error(`Refusing to restore ${source}: ${why} (${check.message}).`);
    return 1;
  }
  const dir = dataDirOf(args);
  mkdirSync(dir, { recursive: true });
  const target = join(dir, DATABASE_FILE);
  if (existsSync(target)) {
    const db = openSqlite(target);
    try {
      const safety = await backupDatabase(db, join(dir, 'backups'));
      console.error(`The current data was saved to ${safety.file}`);
    } finally {
      db.close();
    }
  }
  for (const suffix of ['-wal', '-shm']) rmSync(target + suffix, { force: true });
  copyFileSync(resolve(source), target);
  console.log(JSON.stringify({ restored: resolve(source), dataDir: dir, schemaVersion: check.schemaVersion }));
  return 0;
}
