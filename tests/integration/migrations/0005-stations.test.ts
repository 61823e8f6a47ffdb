import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeAt, tableNames } from '../../fixtures/migrations.js';

describe('migration 0005-stations', () => {
  let store: Awaited<ReturnType<typeof storeAt>>;
  beforeAll(async () => {
    store = await storeAt(4);
    expect(store.upTo(5)).toEqual([5]);
  });
  afterAll(() => store.close());

  it('adds stations with one row per name whatever its case, and empty options by default', () => {
    expect(tableNames(store.db)).toContain('stations');
    const insert = store.db.prepare('INSERT INTO stations (name, created_at, updated_at) VALUES (?, 0, 0)');
    insert.run('Bàn 1');
    expect(() => insert.run('BÀN 1'.replace('À', 'à'))).toThrow(/UNIQUE/);
    expect(store.db.prepare("SELECT scanner_json, packing_json, scale_json, warehouse_id FROM stations WHERE name = 'Bàn 1'").get())
      .toEqual({ scanner_json: '{}', packing_json: '{}', scale_json: '{}', warehouse_id: null });
  });
});
