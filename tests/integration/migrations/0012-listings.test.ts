import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnsOf, storeAt, tableNames } from '../../fixtures/migrations.js';

describe('migration 0012-listings', () => {
  let store: Awaited<ReturnType<typeof storeAt>>;
  beforeAll(async () => {
    store = await storeAt(11);
    expect(store.upTo(12)).toEqual([12]);
  });
  afterAll(() => store.close());

  it('adds listings, push policies and the push log', () => {
    expect(tableNames(store.db)).toEqual(expect.arrayContaining(['listings', 'listing_policies', 'listing_push_log']));
    expect(columnsOf(store.db, 'listings')).toEqual(expect.arrayContaining(['item_id', 'model_id', 'sku', 'shopee_stock', 'shopee_reserved', 'price', 'variant_id', 'last_pushed_qty', 'last_pushed_at', 'drift_shopee_stock']));
    const db = store.db;
    db.prepare("INSERT INTO connector_accounts (id, provider, name, environment, created_at, updated_at) VALUES (1, 'shopee', 'Shop', 'sandbox', 0, 0)").run();
    const ins = db.prepare("INSERT INTO listings (account_id, item_id, model_id, created_at, updated_at) VALUES (1, ?, ?, 0, 0)");
    ins.run('9007199254740993', '0');
    expect(() => ins.run('9007199254740993', '0')).toThrow(/UNIQUE/);
    expect(db.prepare('SELECT item_id FROM listings').pluck().get()).toBe('9007199254740993');
    db.prepare('INSERT INTO listing_policies (account_id, updated_at) VALUES (1, 0)').run();
    expect(db.prepare('SELECT share_percent FROM listing_policies').pluck().get()).toBe(100);
    expect(() => db.prepare('UPDATE listing_policies SET share_percent = 120').run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO listing_push_log (account_id, at, reason, result) VALUES (1, 0, 'stock', 'maybe')").run()).toThrow(/CHECK/);
  });

  it('a stock change of a linked variant queues one push per item, coalesced while queued', () => {
    const db = store.db;
    db.prepare("INSERT INTO warehouses (id, code, name, type, created_at, updated_at) VALUES (1, 'K1', 'Kho 1', 'main', 0, 0)").run();
    db.prepare("INSERT INTO products (id, name, sku, created_at, updated_at) VALUES (1, 'Áo', 'AO', 0, 0)").run();
    db.prepare("INSERT INTO variants (id, product_id, sku, price, cost, vat_rate, weight_g, created_at, updated_at) VALUES (1, 1, 'AO-M', 1, 0, '8', 1, 0, 0)").run();
    const link = db.prepare("UPDATE listings SET variant_id = 1 WHERE item_id = '9007199254740993'");
    link.run();
    const jobs = () => db.prepare("SELECT coalesce_key, json_extract(payload_json, '$.reason') AS reason FROM jobs WHERE kind = 'listings.push'").all();
    expect(jobs()).toEqual([{ coalesce_key: 'listings.push:1:9007199254740993', reason: 'link' }]);
    db.prepare("UPDATE jobs SET status = 'done'").run();
    db.prepare('INSERT INTO stock_levels (variant_id, warehouse_id, on_hand, reserved, updated_at) VALUES (1, 1, 5, 0, 10)').run();
    db.prepare('UPDATE stock_levels SET reserved = 1 WHERE variant_id = 1').run();
    expect(db.prepare("SELECT count(*) FROM jobs WHERE kind = 'listings.push' AND status = 'queued'").pluck().get()).toBe(1);
    db.prepare("UPDATE jobs SET status = 'done'").run();
    // Shipping one unit (on hand and reserved down together) leaves "available" as it was: no push.
    db.prepare('UPDATE stock_levels SET on_hand = 4, reserved = 0 WHERE variant_id = 1').run();
    expect(db.prepare("SELECT count(*) FROM jobs WHERE status = 'queued'").pluck().get()).toBe(0);
    // An unlinked variant costs one index lookup and queues nothing.
    db.prepare("INSERT INTO variants (id, product_id, sku, price, cost, vat_rate, weight_g, created_at, updated_at) VALUES (2, 1, 'AO-L', 1, 0, '8', 1, 0, 0)").run();
    db.prepare('INSERT INTO stock_levels (variant_id, warehouse_id, on_hand, reserved, updated_at) VALUES (2, 1, 5, 0, 10)').run();
    expect(db.prepare("SELECT count(*) FROM jobs WHERE status = 'queued'").pluck().get()).toBe(0);
  });

  it('a listing mapped during intake becomes linked', () => {
    const db = store.db;
    db.prepare("INSERT INTO listings (account_id, item_id, model_id, created_at, updated_at) VALUES (1, '77', '88', 0, 0)").run();
    db.prepare("INSERT INTO listing_mappings (account_id, item_id, model_id, variant_id, created_at) VALUES (1, '77', '88', 2, 5)").run();
    expect(db.prepare("SELECT variant_id, linked_by FROM listings WHERE item_id = '77'").get()).toEqual({ variant_id: 2, linked_by: 'mapping' });
  });
});
