import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullShopee } from '../../../main/domain/intake/intake-pull.js';
import { CHILD_TIMEOUT, spawnTs } from '../../fixtures/child-process.js';
import { makeCore } from '../../fixtures/core.js';
import { tempDir } from '../../fixtures/temp-dir.js';
import { connectCore, shopSeed, SHOP_ID, startSim, stockChecks, type IntakeSetup } from './intake-fixture.js';
import type { ShopeeSimulatorHandle } from '../../../main/simulators/shopee/index.js';

// 10,000 orders pulled from the simulator with 20 % injected faults, the core killed mid-run and started
// again: every order exactly once, stock reserved exactly once.

const ORDERS = 10_000;
const ITEMS = 20;
const skus = Array.from({ length: ITEMS }, (_, i) => [`IT${i}-M`, `IT${i}-L`]).flat();

describe('10,000 orders with faults and a killed core', () => {
  const dir = tempDir();
  let sim: ShopeeSimulatorHandle;
  let s: IntakeSetup;
  beforeAll(async () => {
    sim = await startSim([shopSeed(ITEMS, 1_000_000)]);
    s = await connectCore(sim, { dir: dir.path, stock: 100_000, skus });
    await s.t.close();
  }, 120_000);
  afterAll(async () => {
    await sim?.close();
    dir.remove();
  });

  it('pulls every order exactly once and reserves stock exactly once', async () => {
    const made = sim.control.generateOrders(ORDERS, SHOP_ID);
    expect(made.length).toBe(ORDERS);
    await new Promise((r) => setTimeout(r, 1100));
    // 20 % of business calls fail: timeouts (socket closed), 5xx, 429, answers lost after the work, truncated JSON.
    sim.control.setFaults({ timeoutRate: 0.04, timeoutHoldMs: 30, serverErrorRate: 0.04, rateLimitRate: 0.04, retryAfterSeconds: 0, dropAfterCommitRate: 0.04, malformedRate: 0.04, seed: 7 });

    const started = Date.now();
    const child = spawnTs('tests/integration/intake/children/pull-child.ts', [dir.path, String(s.accountId)]);
    await child.waitForLine((l) => l === 'page 25', CHILD_TIMEOUT);
    child.proc.kill('SIGKILL');
    const ended = await child.done;
    expect(ended.signal).toBe('SIGKILL');

    const t = await makeCore({ dir: dir.path, core: { runJobs: false } });
    try {
      const mid = t.core.store.sqlite.prepare("SELECT count(*) FROM orders WHERE channel = 'shopee'").pluck().get() as number;
      expect(mid).toBeGreaterThan(0);
      expect(mid).toBeLessThan(ORDERS);
      for (let i = 0; i < 20; i++) {
        const r = await pullShopee({ store: t.core.store, secrets: t.core.secrets, now: Date.now }, s.accountId, { maxRetryWaitMs: 200 });
        if (r.ok && r.caughtUp) break;
      }
      const elapsed = (Date.now() - started) / 1000;
      const db = t.core.store.sqlite;
      const counts = db.prepare("SELECT count(*) AS n, count(DISTINCT external_id) AS d FROM orders WHERE channel = 'shopee'").get();
      expect(counts).toEqual({ n: ORDERS, d: ORDERS });
      const want = new Set(made.map((o) => o.order_sn));
      const got = db.prepare("SELECT external_id FROM orders WHERE channel = 'shopee'").pluck().all() as string[];
      expect(got.filter((sn) => want.has(sn)).length).toBe(ORDERS);
      expect(db.prepare("SELECT count(*) FROM marketplace_orders WHERE state = 'imported'").pluck().get()).toBe(ORDERS);
      expect(stockChecks(t)).toEqual({ ledgerMismatch: 0, reservedTwice: 0, heldVsLines: 0 });
      // Paid orders hold their lines; unpaid ones hold nothing.
      const ready = db.prepare("SELECT count(*) FROM orders WHERE channel = 'shopee' AND status = 'ready_to_pack'").pluck().get() as number;
      const unpaid = made.filter((o) => o.status === 'UNPAID').length;
      expect(db.prepare("SELECT count(*) FROM orders WHERE channel = 'shopee' AND status = 'new'").pluck().get()).toBe(unpaid);
      expect(ready).toBe(ORDERS - unpaid);
      const reserved = db.prepare("SELECT coalesce(sum(l.quantity), 0) FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.status = 'ready_to_pack'").pluck().get();
      expect(db.prepare('SELECT sum(reserved) FROM stock_levels').pluck().get()).toBe(reserved);
      // Faults were met and recorded with their raw answers.
      expect(db.prepare("SELECT count(*) FROM intake_errors WHERE code = 'RESPONSE_MALFORMED' AND raw != ''").pluck().get()).toBeGreaterThan(0);
      console.log(`10k intake with faults and a kill: ${elapsed.toFixed(1)} s`);
    } finally {
      await t.close();
    }
  }, 240_000);
});
