import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeAt, tableNames } from '../../fixtures/migrations.js';

describe('migration 0008-pick-lists', () => {
  let store: Awaited<ReturnType<typeof storeAt>>;
  beforeAll(async () => {
    store = await storeAt(7);
    expect(store.upTo(8)).toEqual([8]);
  });
  afterAll(() => store.close());

  it('adds pick lists with unique codes whatever their case, known statuses and one position per order slot', () => {
    expect(tableNames(store.db)).toEqual(expect.arrayContaining(['pick_lists', 'pick_list_orders']));
    store.db.prepare("INSERT INTO warehouses (code, name, type, created_at, updated_at) VALUES ('K1', 'Kho 1', 'main', 0, 0)").run();
    const insert = store.db.prepare("INSERT INTO pick_lists (code, warehouse_id, status, created_at, updated_at) VALUES (?, 1, ?, 0, 0)");
    insert.run('PL0000017', 'open');
    expect(() => insert.run('pl0000017', 'open')).toThrow(/UNIQUE/);
    expect(() => insert.run('PL0000025', 'lost')).toThrow(/CHECK/);
    expect(store.db.prepare("SELECT note, created_by FROM pick_lists WHERE code = 'PL0000017'").get()).toEqual({ note: '', created_by: null });
  });
});
