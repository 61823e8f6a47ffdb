import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE } from '../../../core/core.js';
import { latestVersion, loadMigrations, migrate, schemaVersion } from '../../../store/migrator.js';
import { openSqlite } from '../../../store/open-database.js';
import { dataDirOf } from './shared.js';

export async function migrateCommand(args: string[]): Promise<number> {
  const dir = dataDirOf(args);
  mkdirSync(dir, { recursive: true });
  const db = openSqlite(join(dir, DATABASE_FILE));
  try {
    const migrations = await loadMigrations();
    const before = schemaVersion(db);
    const applied = migrate(db, migrations);
    console.log(JSON.stringify({ dataDir: dir, from: before, to: schemaVersion(db), latest: latestVersion(migrations), applied }));
    return 0;
  } finally {
    db.close();
  }
}
