import { existsSync, statfsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE } from '../../../core/core.js';
import { appVersion } from '../../../core/version.js';
import { latestVersion, loadMigrations, schemaVersion } from '../../../store/migrator.js';
import { openSqlite } from '../../../store/open-database.js';
import { listBackups } from '../../../store/backup.js';
import { dataDirOf } from './shared.js';

export async function doctorCommand(args: string[]): Promise<number> {
  const dir = dataDirOf(args);
  const file = join(dir, DATABASE_FILE);
  const report: Record<string, unknown> = { app: appVersion(), node: process.versions.node, dataDir: dir };
  try {
    const fs = statfsSync(existsSync(dir) ? dir : '.');
    report.diskFreeBytes = fs.bavail * fs.bsize;
  } catch {
    report.diskFreeBytes = null;
  }
  let healthy = true;
  if (!existsSync(file)) {
    report.database = 'missing (the app creates it on first start)';
  } else {
    const db = openSqlite(file, { readonly: true });
    try {
      const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
      const latest = latestVersion(await loadMigrations());
      report.sqlite = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
      report.databaseBytes = statSync(file).size;
      report.schemaVersion = schemaVersion(db);
      report.latestSchemaVersion = latest;
      report.integrity = integrity.length === 1 && integrity[0] === 'ok' ? 'ok' : integrity.slice(0, 10);
      healthy = report.integrity === 'ok' && (report.schemaVersion as number) <= latest;
    } finally {
      db.close();
    }
  }
  const backups = listBackups(join(dir, 'backups'));
  report.backups = { count: backups.length, newest: backups[0]?.file ?? null };
  if (typeof report.diskFreeBytes === 'number' && report.diskFreeBytes < 200 * 1024 * 1024) {
    report.warning = 'Less than 200 MB free on the data disk';
    healthy = false;
  }
  report.healthy = healthy;
  console.log(JSON.stringify(report, null, 2));
  return healthy ? 0 : 1;
}
