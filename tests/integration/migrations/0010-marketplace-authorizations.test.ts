import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnsOf, storeAt, tableNames } from '../../fixtures/migrations.js';

describe('migration 0010-marketplace-authorizations', () => {
  let store: Awaited<ReturnType<typeof storeAt>>;
  beforeAll(async () => {
    store = await storeAt(9);
    expect(store.upTo(10)).toEqual([10]);
  });
  afterAll(() => store.close());

  it('keeps one authorization per marketplace account, removed with the account', () => {
    expect(tableNames(store.db)).toContain('marketplace_authorizations');
    expect(columnsOf(store.db, 'marketplace_authorizations')).toEqual(expect.arrayContaining(['shop_id', 'tokens_sealed', 'needs_reconnect', 'access_expires_at']));
    store.db.prepare("INSERT INTO connector_accounts (id, provider, name, environment, created_at, updated_at) VALUES (1, 'shopee', 'Shop', 'sandbox', 0, 0)").run();
    const insert = store.db.prepare('INSERT INTO marketplace_authorizations (account_id, shop_id, needs_reconnect, updated_at) VALUES (?, ?, ?, 0)');
    insert.run(1, '14701711', 0);
    expect(() => insert.run(1, '1', 0)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => insert.run(2, '1', 0)).toThrow(/FOREIGN/);
    store.db.prepare('DELETE FROM connector_accounts WHERE id = 1').run();
    expect(store.db.prepare('SELECT COUNT(*) FROM marketplace_authorizations').pluck().get()).toBe(0);
    store.db.prepare("INSERT INTO connector_accounts (id, provider, name, environment, created_at, updated_at) VALUES (3, 'shopee', 'Shop', 'sandbox', 0, 0)").run();
    expect(() => insert.run(3, '1', 2)).toThrow(/CHECK/);
  });
});
