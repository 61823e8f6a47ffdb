// Runs in a fresh process: open the store, check migrations, answer the first list query.
const t0 = performance.now();
const { startCore } = await import('../../main/core/core.js');
const imported = performance.now();
const core = await startCore({ dataDir: process.argv[2], autoBackup: false });
const opened = performance.now();
const session = core.openSession();
const signIn = await session.call('session.signIn', { operatorId: 1, pin: '1234' });
const signedIn = performance.now();
const list = await session.call('orders.list', { statuses: ['shipped'], channels: ['shopee'], limit: 100 });
const done = performance.now();
await core.close();
process.stdout.write(JSON.stringify({
  ok: signIn.ok && list.ok,
  importMs: imported - t0,
  openMs: opened - imported,
  firstListMs: done - signedIn,
  coreMs: opened - imported + (done - signedIn),
}) + '\n');
