// Opens a core on a data folder and pulls one Shopee account, printing "page N" after each committed
// page, until caught up. The test kills it mid-run. Args: dataDir accountId
import { startCore } from '../../../../main/core/core.js';
import { pullShopee } from '../../../../main/domain/intake/intake-pull.js';

const [dataDir, accountId] = process.argv.slice(2);
const core = await startCore({ dataDir, autoBackup: false, runJobs: false, log: () => {} });
let pages = 0;
for (;;) {
  const r = await pullShopee({ store: core.store, secrets: core.secrets, now: Date.now, onPage: () => console.log(`page ${++pages}`) }, Number(accountId), { maxRetryWaitMs: 200 });
  if (r.ok && r.caughtUp) break;
}
console.log('done');
await core.close();
process.exit(0);
