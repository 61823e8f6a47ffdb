import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { join } from 'node:path';
import { loadMigrations, migrate } from '../../../main/store/migrator.js';
import { openSqlite } from '../../../main/store/open-database.js';
import { Store } from '../../../main/store/store.js';
import { JobRunner } from '../../../main/sync/job-runner.js';
import { JobError } from '../../../main/sync/job-error.js';
import { RATE_MARGIN_MS } from '../../../main/sync/rate-limiter.js';
import { defineJobKind, enqueue, readJob } from '../../../main/sync/outbox.js';
import { tempDir } from '../../fixtures/temp-dir.js';

// The runner against a real store with scripted job kinds: what it retries, when, and what it never does.

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function makeStore() {
  const dir = tempDir('packdesk-runner-');
  const sqlite = openSqlite(join(dir.path, 'packdesk.db'));
  migrate(sqlite, await loadMigrations());
  const store = new Store(sqlite);
  cleanups.push(() => { store.close(); dir.remove(); });
  return store;
}

function addAccount(store: Store, perMinute: number, concurrency: number): number {
  return Number(store.prepare(`INSERT INTO connector_accounts (provider, name, environment, rate_per_minute, concurrency, created_at, updated_at)
    VALUES ('ghn', 'GHN test', 'custom', ?, ?, 0, 0)`).run(perMinute, concurrency).lastInsertRowid);
}

/** A clock the test moves; the runner never sleeps on real time for backoff. */
function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => { t += ms; } };
}

const waitFor = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
};

function runner(store: Store, kinds: Parameters<typeof defineJobKind>[0][], c = clock(), extra: Partial<ConstructorParameters<typeof JobRunner>[0]> = {}) {
  const r = new JobRunner({ store, kinds, now: c.now, random: () => 0.5, pollMs: 5, limits: (id) => {
    const row = store.prepare('SELECT rate_per_minute, concurrency FROM connector_accounts WHERE id = ?').get(id) as { rate_per_minute: number; concurrency: number } | undefined;
    return row ? { perMinute: row.rate_per_minute, concurrency: row.concurrency } : { perMinute: 1000, concurrency: 4 };
  }, ...extra });
  cleanups.push(() => r.drain());
  return r;
}

const payload = z.object({ n: z.number() });

describe('job runner', () => {
  it('applies the result in the same transaction that marks the job done', async () => {
    const store = await makeStore();
    store.sqlite.exec('CREATE TABLE effects (n INTEGER)');
    const kind = defineJobKind({
      kind: 'test.ok', payload,
      run: async (_ctx, p) => p.n * 2,
      applyResult: (s, _p, r: number) => { s.prepare('INSERT INTO effects (n) VALUES (?)').run(r); },
    });
    const id = store.tx(() => enqueue(store, { kind: 'test.ok', key: 'k1', payload: { n: 21 } }, 0));
    const r = runner(store, [kind]);
    r.start();
    await waitFor(() => readJob(store, id)?.status === 'done');
    expect(store.prepare('SELECT n FROM effects').all()).toEqual([{ n: 42 }]);
    expect(JSON.parse(readJob(store, id)!.result_json!)).toBe(42);
  });

  it('returns the same job for the same idempotency key, and coalesces queued jobs', async () => {
    const store = await makeStore();
    const a = store.tx(() => enqueue(store, { kind: 'x', key: 'same', payload: { n: 1 } }, 0));
    const b = store.tx(() => enqueue(store, { kind: 'x', key: 'same', payload: { n: 2 } }, 0));
    expect(b).toBe(a);
    const c = store.tx(() => enqueue(store, { kind: 'x', key: 'push-1', coalesceKey: 'listing:7', payload: { n: 1 } }, 0));
    const d = store.tx(() => enqueue(store, { kind: 'x', key: 'push-2', coalesceKey: 'listing:7', payload: { n: 9 } }, 0));
    expect(d).toBe(c);
    expect(JSON.parse(readJob(store, c)!.payload_json)).toEqual({ n: 9 });
  });

  it('retries transient failures with growing backoff, honours Retry-After, and stops at max attempts', async () => {
    const store = await makeStore();
    const c = clock();
    let calls = 0;
    const kind = defineJobKind({
      kind: 'test.flaky', payload,
      run: async () => {
        calls++;
        if (calls === 1) throw new JobError('rate_limited', 'RATE_LIMITED', 'slow down', { retryAfterMs: 30_000 });
        throw new JobError('transient', 'PROVIDER_UNAVAILABLE', 'HTTP 503');
      },
    });
    const id = store.tx(() => enqueue(store, { kind: 'test.flaky', key: 'f', payload: { n: 1 }, maxAttempts: 3 }, c.now()));
    const r = runner(store, [kind], c);
    r.start();
    await waitFor(() => calls === 1 && readJob(store, id)!.status === 'queued');
    expect(readJob(store, id)!.run_after - c.now()).toBe(30_000);
    c.advance(30_000);
    r.wake();
    await waitFor(() => calls === 2 && readJob(store, id)!.status === 'queued');
    const wait2 = readJob(store, id)!.run_after - c.now();
    expect(wait2).toBeGreaterThanOrEqual(1_000);
    c.advance(wait2);
    r.wake();
    await waitFor(() => readJob(store, id)!.status === 'failed');
    expect(calls).toBe(3);
    expect(readJob(store, id)!.last_error_code).toBe('PROVIDER_UNAVAILABLE');
  });

  it('stops at once on a permanent refusal and applies the failure', async () => {
    const store = await makeStore();
    store.sqlite.exec('CREATE TABLE failures (code TEXT)');
    const kind = defineJobKind({
      kind: 'test.reject', payload,
      run: async () => { throw new JobError('permanent', 'CARRIER_REJECTED', 'ward not found', { hint: 'fix the address' }); },
      applyFailure: (s, _p, e) => { s.prepare('INSERT INTO failures (code) VALUES (?)').run(e.code); },
    });
    const id = store.tx(() => enqueue(store, { kind: 'test.reject', key: 'r', payload: { n: 1 } }, 0));
    runner(store, [kind]).start();
    await waitFor(() => readJob(store, id)!.status === 'failed');
    expect(readJob(store, id)).toMatchObject({ attempts: 1, last_error_hint: 'fix the address' });
    expect(store.prepare('SELECT code FROM failures').all()).toEqual([{ code: 'CARRIER_REJECTED' }]);
  });

  it('waits out an offline account without spending attempts, one probe at a time, and resumes by itself', async () => {
    const store = await makeStore();
    const account = addAccount(store, 1000, 4);
    const c = clock();
    let online = false;
    let running = 0;
    let maxRunning = 0;
    const done: number[] = [];
    const kind = defineJobKind({
      kind: 'test.net', payload,
      run: async (_ctx, p) => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        await new Promise((r) => setTimeout(r, 2));
        running--;
        if (!online) throw new JobError('offline', 'NETWORK_UNREACHABLE', 'no route');
        done.push(p.n);
      },
    });
    const connectivity: boolean[] = [];
    const ids = store.tx(() => [1, 2, 3, 4, 5].map((n) => enqueue(store, { kind: 'test.net', accountId: account, key: `n${n}`, payload: { n }, maxAttempts: 2 }, c.now())));
    const r = runner(store, [kind], c, { onConnectivity: (o) => connectivity.push(o) });
    r.start();
    await waitFor(() => connectivity.includes(false));
    for (let i = 0; i < 5; i++) {
      c.advance(40_000);
      r.wake();
      await new Promise((res) => setTimeout(res, 20));
    }
    expect(done).toEqual([]);
    expect(ids.every((id) => readJob(store, id)!.status === 'queued' && readJob(store, id)!.attempts === 0)).toBe(true);
    online = true;
    c.advance(40_000);
    r.wake();
    await waitFor(() => done.length === 5);
    expect(connectivity).toEqual([false, true]);
    expect(maxRunning).toBeLessThanOrEqual(4);
  });

  it('counts requests dropped by the same outage as offline; a probe that times out leaves nothing waiting forever', async () => {
    const store = await makeStore();
    const account = addAccount(store, 1000, 4);
    const c = clock();
    let network: 'down' | 'silent' | 'up' = 'down';
    const done: number[] = [];
    const kind = defineJobKind({
      kind: 'test.outage', payload,
      run: async (_ctx, p) => {
        // Job 1 finds the network gone; the others were already out and come back dropped or timed out.
        await new Promise((r) => setTimeout(r, p.n === 1 ? 1 : 20));
        if (network === 'up') return void done.push(p.n);
        if (network === 'down' && p.n === 1) throw new JobError('offline', 'NETWORK_UNREACHABLE', 'no route', { transport: true });
        throw new JobError('transient', p.n % 2 ? 'TIMEOUT' : 'CONNECTION_DROPPED', 'no answer', { transport: true });
      },
    });
    const ids = store.tx(() => [1, 2, 3].map((n) => enqueue(store, { kind: 'test.outage', accountId: account, key: `o${n}`, payload: { n } }, c.now())));
    const r = runner(store, [kind], c);
    r.start();
    await waitFor(() => ids.every((id) => readJob(store, id)!.last_error_code !== null && readJob(store, id)!.status === 'queued'));
    expect(ids.map((id) => readJob(store, id)!.attempts)).toEqual([0, 0, 0]);
    expect(r.online).toBe(false);
    // The next probe gets no answer at all (not proof of being offline): the account goes back to retrying.
    network = 'silent';
    c.advance(40_000);
    r.wake();
    await waitFor(() => r.online);
    network = 'up';
    for (let i = 0; i < 10 && done.length < 3; i++) {
      c.advance(60_000);
      r.wake();
      await new Promise((res) => setTimeout(res, 60));
    }
    expect(done.sort()).toEqual([1, 2, 3]);
  });

  it('never starts more requests per minute than the account allows', async () => {
    const store = await makeStore();
    const account = addAccount(store, 10, 2);
    const c = clock();
    const starts: number[] = [];
    const kind = defineJobKind({ kind: 'test.rate', payload, run: async () => { starts.push(c.now()); } });
    store.tx(() => { for (let n = 0; n < 25; n++) enqueue(store, { kind: 'test.rate', accountId: account, key: `r${n}`, payload: { n } }, c.now()); });
    const r = runner(store, [kind], c);
    r.start();
    await waitFor(() => starts.length === 10);
    await new Promise((res) => setTimeout(res, 50));
    expect(starts.length).toBe(10);
    c.advance(60_001);
    r.wake();
    await new Promise((res) => setTimeout(res, 50));
    expect(starts.length).toBe(10); // a minute and a safety margin must pass
    c.advance(RATE_MARGIN_MS);
    r.wake();
    await waitFor(() => starts.length === 20);
    for (const t of starts) expect(starts.filter((s) => s > t - 60_000 && s <= t).length).toBeLessThanOrEqual(10);
  });

  it('counts every provider request a run makes against the rate limit', async () => {
    const store = await makeStore();
    const account = addAccount(store, 10, 4);
    const c = clock();
    let runs = 0;
    const kind = defineJobKind({ kind: 'test.two', payload, requests: () => 2, run: async () => { runs++; } });
    store.tx(() => { for (let n = 0; n < 8; n++) enqueue(store, { kind: 'test.two', accountId: account, key: `t${n}`, payload: { n } }, c.now()); });
    const r = runner(store, [kind], c);
    r.start();
    await waitFor(() => runs === 5);
    await new Promise((res) => setTimeout(res, 50));
    expect(runs).toBe(5);
    expect(r.limiter.startsInWindow(account, c.now())).toBe(10);
  });

  it('requeues jobs left running by a crash and tells the handler it may have run before', async () => {
    const store = await makeStore();
    const seen: number[] = [];
    const kind = defineJobKind({ kind: 'test.crash', payload, run: async (ctx) => { seen.push(ctx.job.runs); } });
    const id = store.tx(() => enqueue(store, { kind: 'test.crash', key: 'c', payload: { n: 1 } }, 0));
    // As a crashed process leaves it: claimed once, never finished.
    store.prepare("UPDATE jobs SET status = 'running', runs = 1 WHERE id = ?").run(id);
    runner(store, [kind]).start();
    await waitFor(() => readJob(store, id)!.status === 'done');
    expect(seen).toEqual([2]);
  });

  it('fails an unreadable stored payload instead of crashing, and keeps running others', async () => {
    const store = await makeStore();
    const kind = defineJobKind({ kind: 'test.ok2', payload, run: async () => 'fine' });
    const bad = store.tx(() => enqueue(store, { kind: 'test.ok2', key: 'bad', payload: { n: 'not a number' } }, 0));
    const good = store.tx(() => enqueue(store, { kind: 'test.ok2', key: 'good', payload: { n: 1 } }, 0));
    runner(store, [kind]).start();
    await waitFor(() => readJob(store, good)!.status === 'done' && readJob(store, bad)!.status === 'failed');
    expect(readJob(store, bad)!.last_error_code).toBe('PAYLOAD_INVALID');
  });

  it('drains: running jobs finish and commit, nothing new starts', async () => {
    const store = await makeStore();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const kind = defineJobKind({ kind: 'test.slow', payload, run: async () => { await gate; return 'ok'; } });
    const first = store.tx(() => enqueue(store, { kind: 'test.slow', key: 's1', payload: { n: 1 } }, 0));
    const r = runner(store, [kind]);
    r.start();
    await waitFor(() => readJob(store, first)!.status === 'running');
    const second = store.tx(() => enqueue(store, { kind: 'test.slow', key: 's2', payload: { n: 2 } }, 0));
    const drained = r.drain();
    release();
    await drained;
    expect(readJob(store, first)!.status).toBe('done');
    expect(readJob(store, second)!.status).toBe('queued');
  });
});
