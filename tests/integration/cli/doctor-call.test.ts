import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCore, TEST_PIN, type TestCore } from '../../fixtures/core.js';
import { addWarehouse } from '../../fixtures/builders.js';
import { CHILD_TIMEOUT, runCli } from '../../fixtures/child-process.js';
import { latestVersion, loadMigrations } from '../../../main/store/migrator.js';

// Each case starts its own CLI process and only reads the store, so they run side by side.
describe.concurrent('packdesk doctor and call', () => {
  let t: TestCore;
  let adminId: number;
  beforeAll(async () => {
    t = await makeCore();
    await addWarehouse(t.admin, { code: 'HCM' });
    adminId = await t.operatorId('admin');
    await t.core.close();
  });
  afterAll(() => t.close());

  it('doctor reports a healthy store', async () => {
    const r = await runCli(['doctor', '--data-dir', t.dir]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ healthy: true, integrity: 'ok', dataDir: t.dir, schemaVersion: latestVersion(await loadMigrations()) });
  }, CHILD_TIMEOUT);

  it('call prints the JSON answer of a command, signed in with --operator/--pin', async () => {
    const r = await runCli(['call', 'warehouses.list', '{}', '--data-dir', t.dir, '--operator', String(adminId), '--pin', TEST_PIN]);
    expect(r.code, r.stderr).toBe(0);
    const answer = JSON.parse(r.stdout);
    expect(answer).toMatchObject({ ok: true, value: [{ code: 'HCM' }] });
  }, CHILD_TIMEOUT);

  it('call prints the coded error and exits 1 when the command fails', async () => {
    const r = await runCli(['call', 'warehouses.list', '{}', '--data-dir', t.dir]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
  }, CHILD_TIMEOUT);
});
