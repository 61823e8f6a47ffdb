import { startCore } from '../../main/core/core.js';
import type { Session } from '../../main/core/core.js';
import { generator } from './bench-data.js';
import { bigStoreDir, signedInSession } from './bench-stores.js';
import { emit, percentile, timeEach } from './bench-stats.js';

const STATUS_CHANNEL: [string, string][] = [['shipped', 'shopee'], ['ready_to_pack', 'tiktok'], ['completed', 'lazada'], ['awaiting_stock', 'website'], ['packed', 'manual'], ['cancelled', 'shopee']];

async function ok(session: Session, name: string, input: unknown) {
  const r = await session.call(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as { items: { number: string; buyerPhone: string }[] };
}

export async function benchQueries(count: number, log: (m: string) => void): Promise<void> {
  const store = await bigStoreDir(count, log);
  if (store.built) emit('bench.store_build_s', store.seconds, 's', { orders: count });
  const core = await startCore({ dataDir: store.dir, autoBackup: false });
  try {
    const session = await signedInSession(core);
    // Warm-up so the figures measure steady state, as a station that has been open for a while.
    for (const [s, c] of STATUS_CHANNEL) await ok(session, 'orders.list', { statuses: [s], channels: [c], limit: 100 });
    const list = await timeEach(300, (i) => {
      const [s, c] = STATUS_CHANNEL[i % STATUS_CHANNEL.length];
      return ok(session, 'orders.list', { statuses: [s], channels: [c], limit: 100 });
    });
    emit('orders.list_p95_ms', percentile(list, 95), 'ms', { orders: count, target: 50, p50: percentile(list, 50) });

    const gen = generator(99);
    const sample = (await ok(session, 'orders.list', { limit: 500, offset: Math.floor(count / 3) })).items;
    const kinds: Record<string, (i: number) => string> = {
      phone: (i) => sample[i % sample.length].buyerPhone,
      order_number: (i) => sample[(i * 7) % sample.length].number,
      name_prefix: () => gen.pick(['nguyen', 'nguyễn thị', 'tran', 'lan', 'hu', 'pham minh', 'Đặng', 'le thi thu']),
    };
    const all: number[] = [];
    for (const [kind, query] of Object.entries(kinds)) {
      const times = await timeEach(150, (i) => ok(session, 'orders.list', { query: query(i), limit: 100 }));
      all.push(...times);
      emit(`orders.search_${kind}_p95_ms`, percentile(times, 95), 'ms', { orders: count });
    }
    emit('orders.search_p95_ms', percentile(all, 95), 'ms', { orders: count, target: 20, p50: percentile(all, 50) });
  } finally {
    await core.close();
  }
}
