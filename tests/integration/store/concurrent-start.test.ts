import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CHILD_TIMEOUT, spawnTs } from '../../fixtures/child-process.js';
import { tempDir } from '../../fixtures/temp-dir.js';
import { latestVersion, loadMigrations } from '../../../main/store/migrator.js';
import { DATABASE_FILE } from '../../../main/core/core.js';

// The app and a CLI command (or two windows' cores) may open a new data folder at the same moment:
// both must start, and the schema must be migrated exactly once.
describe('cores starting together on a new data folder', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it('both start, on the latest schema', async () => {
    const children = [0, 1].map(() => spawnTs('tests/fixtures/children/start-core.ts', [dir.path]));
    await Promise.all(children.map((c) => c.waitForLine((l) => l === 'ready')));
    for (const c of children) c.send('go');
    const ends = await Promise.all(children.map((c) => c.done));
    const latest = latestVersion(await loadMigrations());
    for (const e of ends) {
      expect(e.code, e.stderr.slice(-1500)).toBe(0);
      expect(e.stdout).toContain(`started ${latest}`);
    }
    const db = new Database(join(dir.path, DATABASE_FILE), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('user_version', { simple: true })).toBe(latest);
    } finally {
      db.close();
    }
  }, CHILD_TIMEOUT);
});
