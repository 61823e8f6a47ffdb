import { benchColdStart } from './bench-cold-start.js';
import { benchIngest } from './bench-ingest.js';
import { benchQueries } from './bench-queries.js';
import { benchShipping } from './bench-shipping.js';
import { benchScanFeedback } from './bench-scan-feedback.js';
import { benchShopee } from './bench-shopee.js';
import { benchStockPush } from './bench-stock-push.js';
import { benchLabels } from '../../main/devices/label/bench-labels.js';
import { emit } from './bench-stats.js';

export interface BenchOptions { quick?: boolean; only?: string }

/**
 * `npm run bench`: one JSON object per line on stdout, `{"metric", "value", "unit", …}`; progress goes
 * to stderr. Benchmarks measure and report; they never fail the test run. `--quick` shrinks every
 * store so CI can check the benchmarks still run.
 */
export async function runBenchmarks(opts: BenchOptions = {}): Promise<void> {
  const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);
  const sizes = opts.quick ? { ingest: 5_000, big: 20_000 } : { ingest: 100_000, big: 1_000_000 };
  const suites: Record<string, () => Promise<void>> = {
    ingest: () => benchIngest(sizes.ingest),
    queries: () => benchQueries(sizes.big, log),
    'cold-start': () => benchColdStart(sizes.big, log),
    shipping: () => benchShipping(opts.quick ?? false, log),
    scan: () => benchScanFeedback(opts.quick ?? false, log),
    shopee: () => benchShopee(opts.quick ?? false, log),
    'stock-push': () => benchStockPush(opts.quick ?? false, log),
    labels: async () => {
      for (const r of await benchLabels({ runs: opts.quick ? 30 : 200 })) emit(r.metric, r.value, r.unit);
    },
  };
  for (const [name, run] of Object.entries(suites)) {
    if (opts.only && opts.only !== name) continue;
    log(`${name}…`);
    await run();
  }
}
