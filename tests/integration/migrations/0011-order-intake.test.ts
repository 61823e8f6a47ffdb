import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnsOf, storeAt, tableNames } from '../../fixtures/migrations.js';

describe('migration 0011-order-intake', () => {
  let store: Awaited<ReturnType<typeof storeAt>>;
  beforeAll(async () => {
    store = await storeAt(10);
    expect(store.upTo(11)).toEqual([11]);
  });
  afterAll(() => store.close());

  it('adds the intake cursor, marketplace orders, listing mappings, waiting lines and sync errors', () => {
    expect(tableNames(store.db)).toEqual(expect.arrayContaining(['intake_accounts', 'marketplace_orders', 'listing_mappings', 'intake_unmapped_lines', 'intake_errors']));
    expect(columnsOf(store.db, 'intake_accounts')).toEqual(expect.arrayContaining(['poll_every_ms', 'watermark', 'window_from', 'window_to', 'page_cursor', 'last_error']));
    store.db.prepare("INSERT INTO connector_accounts (id, provider, name, environment, created_at, updated_at) VALUES (1, 'shopee', 'Shop', 'sandbox', 0, 0)").run();
    store.db.prepare('INSERT INTO intake_accounts (account_id, updated_at) VALUES (1, 0)').run();
    expect(store.db.prepare('SELECT poll_every_ms FROM intake_accounts').pluck().get()).toBe(60_000);
    const mo = store.db.prepare(`INSERT INTO marketplace_orders (account_id, external_id, state, marketplace_status, update_time, created_at, updated_at)
      VALUES (1, ?, ?, 'READY_TO_SHIP', 1, 0, 0)`);
    mo.run('2509ABC', 'needs_mapping');
    expect(() => mo.run('2509ABC', 'imported')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => mo.run('2509ABD', 'weird')).toThrow(/CHECK/);
    store.db.prepare("INSERT INTO intake_unmapped_lines (account_id, external_id, item_id, model_id, quantity, created_at) VALUES (1, '2509ABC', '9007199254740993', '0', 1, 0)").run();
    expect(() => store.db.prepare("INSERT INTO intake_unmapped_lines (account_id, external_id, item_id, model_id, quantity, created_at) VALUES (1, 'nope', '1', '0', 1, 0)").run()).toThrow(/FOREIGN/);
    // Ids stay text, digit for digit.
    expect(store.db.prepare('SELECT item_id FROM intake_unmapped_lines').pluck().get()).toBe('9007199254740993');
    store.db.prepare('DELETE FROM connector_accounts WHERE id = 1').run();
    expect(store.db.prepare('SELECT COUNT(*) FROM marketplace_orders').pluck().get()).toBe(0);
    expect(store.db.prepare('SELECT COUNT(*) FROM intake_unmapped_lines').pluck().get()).toBe(0);
  });
});
