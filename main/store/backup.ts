import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import type { Sqlite } from './open-database.js';

export const BACKUP_KEEP = 14;
const NAME = /^packdesk-(\d{8}-\d{6})\.db$/;

export interface BackupInfo { file: string; sizeBytes: number; createdAt: number }

const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

export function listBackups(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => NAME.test(f))
    .map((f) => {
      const st = statSync(join(dir, f));
      return { file: join(dir, f), sizeBytes: st.size, createdAt: Math.round(st.mtimeMs) };
    })
    .sort((a, b) => b.file.localeCompare(a.file));
}

/** Keeps the newest `keep` backups; older ones are deleted. */
export function rotateBackups(dir: string, keep = BACKUP_KEEP): void {
  for (const old of listBackups(dir).slice(keep)) rmSync(old.file, { force: true });
}

/**
 * SQLite's online backup: a consistent copy while the app keeps writing. Written to a temporary name
 * first so a crash never leaves a half file that looks like a backup.
 */
export async function backupDatabase(db: Sqlite, dir: string, now = Date.now()): Promise<BackupInfo> {
  mkdirSync(dir, { recursive: true });
  let name = `packdesk-${stamp(now)}.db`;
  for (let i = 1; existsSync(join(dir, name)); i++) name = `packdesk-${stamp(now + i * 1000)}.db`;
  const tmp = join(dir, `${name}.partial`);
  await db.backup(tmp);
  copyFileSync(tmp, join(dir, name));
  rmSync(tmp, { force: true });
  rotateBackups(dir);
  const st = statSync(join(dir, name));
  return { file: join(dir, name), sizeBytes: st.size, createdAt: now };
}

export type BackupCheck = { ok: true; schemaVersion: number } | { ok: false; reason: 'unreadable' | 'integrity' | 'schema_unknown'; message: string };

/** A file may be restored only if SQLite finds it whole and its schema is one this app knows. */
export function checkBackupFile(file: string, knownVersions: number[]): BackupCheck {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const result = db.pragma('integrity_check') as { integrity_check: string }[];
    if (result.length !== 1 || result[0].integrity_check !== 'ok') {
      return { ok: false, reason: 'integrity', message: result.map((r) => r.integrity_check).slice(0, 5).join('; ') };
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    if (!knownVersions.includes(version)) return { ok: false, reason: 'schema_unknown', message: `schema version ${version}` };
    return { ok: true, schemaVersion: version };
  } catch (error) {
    return { ok: false, reason: 'unreadable', message: `${basename(file)}: ${(error as Error).message}` };
  } finally {
    db?.close();
  }
}
