import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnsOf, storeAt, tableNames } from '../../fixtures/migrations.js';
import { schemaVersion } from '../../../main/store/migrator.js';

// The pattern for every migration: migrate to the version before, put rows in the old shape, migrate
// to this version, check the schema and the data. 0001 starts from nothing, so only the schema is checked.
describe('migration 0001-foundation', () => {
  let store: Awaited<ReturnType<typeof storeAt>>;
  beforeAll(async () => {
    store = await storeAt(0);
    expect(store.upTo(1)).toEqual([1]);
  });
  afterAll(() => store.close());

  it('is version 1', () => {
    expect(schemaVersion(store.db)).toBe(1);
  });

  it('creates the foundation tables', () => {
    const domain = tableNames(store.db).filter((t) => !/_fts(_|$)/.test(t));
    expect(domain).toEqual([
      'bins', 'catalog_codes', 'counters', 'customer_addresses', 'customers', 'operators', 'order_events', 'order_lines', 'orders',
      'products', 'settings', 'stock_levels', 'stock_movements', 'variant_locations', 'variants', 'warehouses',
    ]);
    expect(tableNames(store.db)).toEqual(expect.arrayContaining(['orders_fts', 'products_fts']));
  });

  it('gives stock and orders the columns the domain writes', () => {
    expect(columnsOf(store.db, 'stock_levels')).toEqual(['variant_id', 'warehouse_id', 'on_hand', 'reserved', 'updated_at']);
    expect(columnsOf(store.db, 'stock_movements')).toEqual([
      'id', 'variant_id', 'warehouse_id', 'kind', 'on_hand_delta', 'reserved_delta', 'order_id', 'reason', 'operator_id', 'created_at',
    ]);
    expect(columnsOf(store.db, 'order_lines')).toEqual(['id', 'order_id', 'variant_id', 'sku', 'name', 'quantity', 'unit_price', 'reserved_qty', 'verified_qty']);
    expect(columnsOf(store.db, 'orders')).toEqual(expect.arrayContaining(['number', 'status', 'warehouse_id', 'total', 'version', 'tracking_number']));
  });

  it('indexes every scanned code and list filter', () => {
    const indexes = store.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name NOT LIKE 'sqlite_%'").pluck().all();
    expect(indexes).toEqual(expect.arrayContaining([
      'orders_status_created', 'orders_channel_external', 'orders_tracking', 'orders_phone', 'order_lines_sku', 'catalog_codes_variant',
      'stock_movements_variant', 'stock_movements_order',
    ]));
  });

  it('makes the ledger append-only with two triggers', () => {
    const triggers = store.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'stock_movements' ORDER BY name").pluck().all();
    expect(triggers).toEqual(['stock_movements_no_delete', 'stock_movements_no_update']);
  });
});
