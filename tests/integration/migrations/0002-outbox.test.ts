import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnsOf, storeAt, tableNames } from '../../fixtures/migrations.js';

describe('migration 0002-outbox', () => {
  let store: Awaited<ReturnType<typeof storeAt>>;
  beforeAll(async () => {
    store = await storeAt(1);
    store.db.prepare("INSERT INTO settings (key, value) VALUES ('locale', 'en')").run();
    expect(store.upTo(2)).toEqual([2]);
  });
  afterAll(() => store.close());

  it('adds the outbox and the connector accounts, leaving existing data alone', () => {
    expect(tableNames(store.db)).toEqual(expect.arrayContaining(['jobs', 'connector_accounts']));
    expect(columnsOf(store.db, 'jobs')).toEqual(expect.arrayContaining(['idempotency_key', 'coalesce_key', 'attempts', 'runs', 'run_after', 'status']));
    expect(store.db.prepare("SELECT value FROM settings WHERE key = 'locale'").pluck().get()).toBe('en');
  });

  it('keeps one queued job per coalesce key and one job per idempotency key', () => {
    const insert = store.db.prepare("INSERT INTO jobs (kind, idempotency_key, coalesce_key, payload_json, status, run_after, created_at, updated_at) VALUES ('k', ?, ?, '{}', ?, 0, 0, 0)");
    insert.run('a', 'c1', 'queued');
    expect(() => insert.run('b', 'c1', 'queued')).toThrow(/UNIQUE/);
    insert.run('c', 'c1', 'done');
    expect(() => insert.run('a', null, 'queued')).toThrow(/UNIQUE/);
  });
});
