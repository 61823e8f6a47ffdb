import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { call, makeCore, type TestCore } from '../../fixtures/core.js';
import { addProduct, addWarehouse } from '../../fixtures/builders.js';
import { storeChecksum } from '../../fixtures/store-checks.js';
import { BACKUP_KEEP } from '../../../main/store/backup.js';
import { latestVersion, loadMigrations } from '../../../main/store/migrator.js';

describe('system commands', () => {
  let t: TestCore;
  let clock = Date.UTC(2025, 10, 27, 1, 2, 3);
  beforeAll(async () => {
    t = await makeCore({ now: () => clock });
    await addProduct(t.admin, { variants: 2, stock: { [(await addWarehouse(t.admin)).id]: 3 } });
  });
  afterAll(() => t.close());

  it('reports the schema version and what the store holds', async () => {
    const info = await call(t.admin, 'system.info', {});
    expect(info).toMatchObject({ schemaVersion: latestVersion(await loadMigrations()), dataDir: t.dir, lastBackupAt: null, counts: { products: 1, variants: 2, warehouses: 1, orders: 0 } });
    expect(info.databaseBytes).toBeGreaterThan(0);
  });

  it('backs up to a consistent copy, names each backup apart and keeps the newest', async () => {
    const live = storeChecksum(t.core.store.sqlite);
    const first = await call(t.admin, 'system.backupNow', {});
    // A second backup in the same second gets its own name.
    const second = await call(t.admin, 'system.backupNow', {});
    expect(second.file).not.toBe(first.file);
    const copy = new Database(first.file, { readonly: true });
    try {
      // The copy is the store as it was; recording lastBackupAt comes after.
      expect(storeChecksum(copy)).toBe(live);
    } finally {
      copy.close();
    }
    expect((await call(t.admin, 'system.info', {})).lastBackupAt).toBe(clock);
    for (let i = 0; i < BACKUP_KEEP + 2; i++) {
      clock += 86_400_000;
      await call(t.admin, 'system.backupNow', {});
    }
    const list = await call(t.admin, 'system.backups', {});
    expect(list).toHaveLength(BACKUP_KEEP);
    expect(list.map((b) => b.file)).toEqual([...list.map((b) => b.file)].sort().reverse());
    expect(existsSync(first.file)).toBe(false);
    expect(readdirSync(join(t.dir, 'backups')).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('finds the store whole', async () => {
    expect(await call(t.admin, 'system.integrityCheck', {})).toEqual({ ok: true, messages: ['ok'] });
  });
});
