import { loadavg } from 'node:os';
import { pullShopee } from '../../main/domain/intake/intake-pull.js';
import { spawnTs } from '../fixtures/child-process.js';
import { connectCore } from '../integration/intake/intake-fixture.js';
import { emit } from './bench-stats.js';

// shopee.intake_orders_per_s: orders pulled end to end from the Shopee simulator (its own process, on
// loopback) — signed HTTP list and detail calls, lossless parsing, mapping, reservation, events, search
// index — per second. On a shared machine the rate follows the load: the line also gives the load average
// and the CPU time both processes spent per order, which the load hardly changes.

const ITEMS = 20;

export async function benchShopee(quick: boolean, log: (m: string) => void): Promise<void> {
  const count = quick ? 1_000 : 10_000;
  const child = spawnTs('tests/bench/shopee-sim-child.ts', [String(count)]);
  const info = JSON.parse(await child.waitForLine((l) => l.startsWith('{'), 120_000)) as { url: string; code: string; made: number };
  const skus = Array.from({ length: ITEMS }, (_, i) => [`IT${i}-M`, `IT${i}-L`]).flat();
  let asked = 0;
  /** The simulator's CPU time so far (each question is numbered: its answer is found among earlier ones by its number). */
  const simCpuMs = async (): Promise<number> => {
    const seq = ++asked;
    child.send(`cpu ${seq}`);
    const line = await child.waitForLine((l) => l.startsWith('{"cpuMs"') && l.endsWith(`"seq":${seq}}`), 10_000);
    return (JSON.parse(line) as { cpuMs: number }).cpuMs;
  };
  const s = await connectCore({ url: info.url, control: { issueAuthCode: () => info.code } }, { stock: 1_000_000, skus });
  try {
    // Orders updated in the current second are certain to be inside the window only once it has passed.
    await new Promise((r) => setTimeout(r, 1100));
    log(`shopee: pulling ${info.made} orders`);
    const load = loadavg()[0];
    const simCpu0 = await simCpuMs();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    let created = 0;
    let pages = 0;
    for (let i = 0; i < 5; i++) {
      const r = await pullShopee({ store: s.t.core.store, secrets: s.t.core.secrets, now: Date.now }, s.accountId);
      created += r.counts.created;
      pages += r.pages;
      if (r.ok && r.caughtUp) break;
    }
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const simCpu = (await simCpuMs()) - simCpu0;
    const perOrderUs = (ms: number) => Math.round((ms * 1000) / Math.max(1, created));
    emit('shopee.intake_orders_per_s', created / seconds, 'orders/s', {
      orders: created, pages, seconds: Math.round(seconds * 10) / 10, target: 500, load1: Math.round(load * 100) / 100,
      coreCpuUsPerOrder: perOrderUs((cpu.user + cpu.system) / 1000), simCpuUsPerOrder: perOrderUs(simCpu),
    });
  } finally {
    await s.t.close();
    child.proc.stdin?.end();
    await child.done;
  }
}
