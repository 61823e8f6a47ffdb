import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bigStoreDir } from './bench-stores.js';
import { emit, percentile } from './bench-stats.js';

const CHILD = fileURLToPath(new URL('./cold-start-child.ts', import.meta.url));

/** Best effort: empty the OS page cache so the store is read from disk (root on Linux only). */
function dropCaches(): boolean {
  try {
    execFileSync('sync');
    writeFileSync('/proc/sys/vm/drop_caches', '3');
    return true;
  } catch {
    return false;
  }
}

export async function benchColdStart(count: number, log: (m: string) => void): Promise<void> {
  const { dir } = await bigStoreDir(count, log);
  const runs: { coreMs: number; processMs: number }[] = [];
  let cold = true;
  for (let i = 0; i < 5; i++) {
    cold = dropCaches() && cold;
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ['--import', 'tsx', CHILD, dir], { encoding: 'utf8' });
    const processMs = performance.now() - t0;
    const line = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { ok: boolean; coreMs: number };
    if (!line.ok) throw new Error(`cold start run failed: ${r.stderr}`);
    runs.push({ coreMs: line.coreMs, processMs });
  }
  emit('core.cold_start_ms', percentile(runs.map((r) => r.coreMs), 50), 'ms', {
    orders: count, target: 1500, page_cache: cold ? 'dropped' : 'warm (could not drop)', median_of: runs.length,
    max: Math.max(...runs.map((r) => r.coreMs)),
  });
  emit('core.cold_start_process_ms', percentile(runs.map((r) => r.processMs), 50), 'ms', { includes: 'node start and module loading' });
}
