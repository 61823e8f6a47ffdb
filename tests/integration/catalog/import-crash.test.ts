import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { call, makeCore, TEST_PIN, type TestCore } from '../../fixtures/core.js';
import { addProduct, addWarehouse } from '../../fixtures/builders.js';
import { generatedCatalogueCsv } from '../../fixtures/catalog-files.js';
import { ledgerProblems, storeChecksum } from '../../fixtures/store-checks.js';
import { CHILD_TIMEOUT, spawnTs } from '../../fixtures/child-process.js';
import { DATABASE_FILE } from '../../../main/core/core.js';

const ROWS = 20_000;

/** True while another connection holds the file's write lock, i.e. the import's transaction is open. */
function writerActive(db: Database.Database): boolean {
  try {
    db.exec('BEGIN IMMEDIATE');
    db.exec('ROLLBACK');
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw error;
  }
}

describe('a core killed in the middle of a bulk catalogue import', () => {
  let t: TestCore;
  let manager: number;
  let csvPath: string;
  let before: string;
  beforeAll(async () => {
    t = await makeCore();
    await addProduct(t.admin, { stock: { [(await addWarehouse(t.admin)).id]: 3 } });
    manager = await t.operatorId('manager');
    csvPath = join(t.dir, 'products.csv');
    writeFileSync(csvPath, Buffer.from(generatedCatalogueCsv(ROWS), 'base64'));
    await t.core.close();
    const db = new Database(join(t.dir, DATABASE_FILE), { readonly: true });
    before = storeChecksum(db);
    db.close();
  });
  afterAll(() => t.close());

  it('leaves no partial rows and a store that passes integrity_check', async () => {
    const child = spawnTs('tests/fixtures/children/import-catalogue.ts', [t.dir, String(manager), TEST_PIN, csvPath]);
    await child.waitForLine((l) => l === 'importing', 60_000);
    const probe = new Database(join(t.dir, DATABASE_FILE), { timeout: 0 });
    try {
      // Parsing and planning run before the transaction; kill as soon as the transaction holds the lock.
      const deadline = Date.now() + 60_000;
      while (!writerActive(probe)) {
        if (child.proc.exitCode !== null || Date.now() > deadline) throw new Error(`the import ended before it could be killed: ${(await child.done).stdout}`);
        await new Promise((r) => setTimeout(r, 5));
      }
      // Let it write for a moment, so the kill lands among the inserts, not on BEGIN.
      await new Promise((r) => setTimeout(r, 150));
      expect(writerActive(probe), 'the import transaction was still open at the kill').toBe(true);
      child.proc.kill('SIGKILL');
      const end = await child.done;
      expect(end.signal).toBe('SIGKILL');
      expect(end.stdout).not.toContain('done');
    } finally {
      probe.close();
    }

    const db = new Database(join(t.dir, DATABASE_FILE));
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(storeChecksum(db)).toBe(before);
      expect(ledgerProblems(db)).toEqual([]);
    } finally {
      db.close();
    }

    // The store works after the crash: the same import, run to the end, writes every product.
    const again = await makeCore({ dir: t.dir });
    try {
      const manager2 = await again.signedIn('manager');
      const result = await call(manager2, 'catalog.importCommit', { format: 'csv', contentBase64: generatedCatalogueCsv(30, 'AFTER') });
      expect(result).toEqual({ createdProducts: 10, createdVariants: 30, skippedRows: 0 });
      expect(await call(again.admin, 'system.integrityCheck', {})).toEqual({ ok: true, messages: ['ok'] });
    } finally {
      await again.core.close();
    }
  }, CHILD_TIMEOUT);
});
