import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { call, makeCore, type TestCore } from '../../fixtures/core.js';
import { addProduct, addWarehouse } from '../../fixtures/builders.js';
import { CHILD_TIMEOUT, runCli } from '../../fixtures/child-process.js';
import { storeChecksum } from '../../fixtures/store-checks.js';
import { tempDir } from '../../fixtures/temp-dir.js';
import { DATABASE_FILE } from '../../../main/core/core.js';

const checksumOf = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return storeChecksum(db);
  } finally {
    db.close();
  }
};

describe('packdesk backup and restore', () => {
  let t: TestCore;
  let backupFile: string;
  let original: string;
  const work = tempDir('packdesk-files-');
  beforeAll(async () => {
    t = await makeCore();
    await addProduct(t.admin, { stock: { [(await addWarehouse(t.admin)).id]: 4 } });
    await t.core.close();
    original = checksumOf(join(t.dir, DATABASE_FILE));
  });
  afterAll(async () => {
    await t.close();
    work.remove();
  }, CHILD_TIMEOUT);

  it('backs up the data file to a whole, checked copy', async () => {
    const r = await runCli(['backup', '--data-dir', t.dir, '--out', work.path]);
    expect(r.code, r.stderr).toBe(0);
    const info = JSON.parse(r.stdout) as { file: string; sizeBytes: number; createdAt: number };
    backupFile = info.file;
    expect(info.file.startsWith(work.path)).toBe(true);
    expect(statSync(info.file).size).toBe(info.sizeBytes);
    expect(existsSync(`${info.file}.partial`)).toBe(false);
    expect(checksumOf(info.file)).toBe(original);
  }, CHILD_TIMEOUT);

  it('refuses random bytes, a truncated copy and an unknown schema version, leaving the data as it was', async () => {
    const random = join(work.path, 'random.db');
    writeFileSync(random, randomBytes(64 * 1024));
    const truncated = join(work.path, 'truncated.db');
    const bytes = readFileSync(backupFile);
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const future = join(work.path, 'future.db');
    copyFileSync(backupFile, future);
    const db = new Database(future);
    db.pragma('user_version = 999');
    db.close();

    const before = readFileSync(join(t.dir, DATABASE_FILE));
    // A refusal only reads the candidate, so the three run side by side.
    const cases: [string, RegExp][] = [
      [random, /cannot be read/],
      [truncated, /integrity check|cannot be read/],
      [future, /schema version is unknown.*999/],
    ];
    const results = await Promise.all(cases.map(([file]) => runCli(['restore', file, '--data-dir', t.dir])));
    results.forEach((r, i) => {
      expect(r.code, cases[i][0]).toBe(1);
      expect(r.stderr).toMatch(/^Refusing to restore /);
      expect(r.stderr).toMatch(cases[i][1]);
    });
    expect(readFileSync(join(t.dir, DATABASE_FILE)).equals(before)).toBe(true);
    expect(existsSync(join(t.dir, 'backups'))).toBe(false);
  }, CHILD_TIMEOUT);

  it('restores a good backup, saving the current data first', async () => {
    // Change the store after the backup, then restore: the change is gone, and kept in the safety copy.
    const live = await makeCore({ dir: t.dir });
    await addProduct(live.admin);
    await live.core.close();
    const changed = checksumOf(join(t.dir, DATABASE_FILE));
    expect(changed).not.toBe(original);

    const r = await runCli(['restore', backupFile, '--data-dir', t.dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ restored: backupFile, schemaVersion: expect.any(Number) });
    expect(checksumOf(join(t.dir, DATABASE_FILE))).toBe(original);
    const safety = /saved to (.+\.db)/.exec(r.stderr)?.[1];
    expect(safety && checksumOf(safety)).toBe(changed);

    const after = await makeCore({ dir: t.dir });
    try {
      expect((await call(after.admin, 'catalog.list', {})).total).toBe(1);
      expect(await call(after.admin, 'system.integrityCheck', {})).toEqual({ ok: true, messages: ['ok'] });
    } finally {
      await after.core.close();
    }
  }, CHILD_TIMEOUT);
});
