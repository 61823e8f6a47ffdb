import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnsOf, storeAt } from '../../fixtures/migrations.js';

describe('migration 0015-price-push', () => {
  let store: Awaited<ReturnType<typeof storeAt>>;
  let before: string[];
  beforeAll(async () => {
    store = await storeAt(14);
    const db = store.db;
    before = columnsOf(db, 'listing_push_log');
    db.prepare("INSERT INTO connector_accounts (id, provider, name, environment, created_at, updated_at) VALUES (1, 'shopee', 'Shop', 'sandbox', 0, 0), (2, 'shopee', 'Shop 2', 'sandbox', 0, 0)").run();
    db.prepare("INSERT INTO products (id, name, sku, created_at, updated_at) VALUES (1, 'Áo', 'AO', 0, 0)").run();
    const variant = db.prepare("INSERT INTO variants (id, product_id, sku, price, cost, vat_rate, weight_g, created_at, updated_at) VALUES (?, 1, ?, 100000, 0, '8', 1, 0, 0)");
    variant.run(1, 'AO-M');
    variant.run(2, 'AO-L');
    const listing = db.prepare('INSERT INTO listings (id, account_id, item_id, model_id, variant_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, 0)');
    listing.run(1, 1, '9007199254740993', '11', 1);
    listing.run(2, 1, '9007199254740993', '12', 2);
    listing.run(3, 2, '77', '0', 1);
    db.prepare('INSERT INTO listing_policies (account_id, updated_at) VALUES (1, 0), (2, 0)').run();
    db.prepare(`INSERT INTO listing_push_log (id, account_id, listing_id, at, reason, quantity, available, shopee_stock, result, error_code, error, job_id)
      VALUES (5, 1, 1, 10, 'drift', 3, 4, 2, 'drift', NULL, 'watched', 9)`).run();
    db.prepare("UPDATE jobs SET status = 'done'").run();
    expect(store.upTo(15)).toEqual([15]);
  });
  afterAll(() => store.close());

  it('keeps every push log row and its columns in order, adding kind and price last', () => {
    const db = store.db;
    expect(columnsOf(db, 'listing_push_log')).toEqual([...before, 'kind', 'price']);
    expect(db.prepare('SELECT id, listing_id, reason, quantity, result, error, job_id, kind, price FROM listing_push_log').all())
      .toEqual([{ id: 5, listing_id: 1, reason: 'drift', quantity: 3, result: 'drift', error: 'watched', job_id: 9, kind: 'stock', price: null }]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const log = db.prepare("INSERT INTO listing_push_log (account_id, listing_id, at, reason, result, kind, price) VALUES (1, 1, 0, ?, 'ok', ?, 1000)");
    log.run('price', 'price');
    expect(() => log.run('price', 'colour')).toThrow(/CHECK/);
    expect(() => log.run('whim', 'price')).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO listing_push_log (account_id, at, reason, result) VALUES (99, 0, 'stock', 'ok')").run()).toThrow(/FOREIGN KEY/);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'listing_push_log' ORDER BY name").pluck().all())
      .toEqual(['listing_push_log_account', 'listing_push_log_listing']);
  });

  it('price push is off for every shop until turned on; the adjustment is bounded', () => {
    const db = store.db;
    expect(db.prepare('SELECT price_enabled, price_markup_percent, price_markup_fixed FROM listing_policies WHERE account_id = 1').get())
      .toEqual({ price_enabled: 0, price_markup_percent: 0, price_markup_fixed: 0 });
    expect(() => db.prepare('UPDATE listing_policies SET price_markup_percent = 301').run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE listing_policies SET price_enabled = 2').run()).toThrow(/CHECK/);
    expect(columnsOf(db, 'listings')).toEqual(expect.arrayContaining(['last_pushed_price', 'last_price_pushed_at', 'last_price_error']));
  });

  it('a price change queues one price push per linked item of a shop that pushes prices, coalesced while queued', () => {
    const db = store.db;
    const jobs = () => db.prepare("SELECT account_id, coalesce_key, json_extract(payload_json, '$.reason') AS reason, run_after FROM jobs WHERE kind = 'listings.pushPrice' AND status = 'queued'").all();
    db.prepare('UPDATE variants SET price = 120000, updated_at = 5 WHERE id = 1').run();
    expect(jobs()).toEqual([]); // price push off everywhere
    db.prepare('UPDATE listing_policies SET price_enabled = 1 WHERE account_id = 1').run();
    db.prepare('UPDATE variants SET price = 120000, updated_at = 6 WHERE id = 1').run();
    expect(jobs()).toEqual([]); // same price: nothing to push
    db.prepare('UPDATE variants SET price = 125000, updated_at = 7 WHERE id = 1').run();
    expect(jobs()).toEqual([{ account_id: 1, coalesce_key: 'listings.price:1:9007199254740993', reason: 'price', run_after: 7 }]);
    db.prepare('UPDATE variants SET price = 126000, updated_at = 8 WHERE id IN (1, 2)').run();
    expect(jobs()).toHaveLength(1);
    // A push waiting out a promotion is made due again by the next price change.
    db.prepare("UPDATE jobs SET run_after = 999999, payload_json = json_set(payload_json, '$.promotionRetries', 3) WHERE kind = 'listings.pushPrice'").run();
    db.prepare('UPDATE variants SET price = 127000, updated_at = 9 WHERE id = 2').run();
    expect(jobs()).toEqual([{ account_id: 1, coalesce_key: 'listings.price:1:9007199254740993', reason: 'price', run_after: 9 }]);
    expect(db.prepare("SELECT json_extract(payload_json, '$.promotionRetries') FROM jobs WHERE kind = 'listings.pushPrice'").pluck().get()).toBe(0);
    // Shop 2 turned on: its item is queued too; an unlinked variant queues nothing.
    db.prepare('UPDATE listing_policies SET price_enabled = 1 WHERE account_id = 2').run();
    db.prepare('UPDATE variants SET price = 128000, updated_at = 10 WHERE id = 1').run();
    expect(jobs()).toHaveLength(2);
    db.prepare("UPDATE jobs SET status = 'done'").run();
    db.prepare("INSERT INTO variants (id, product_id, sku, price, cost, vat_rate, weight_g, created_at, updated_at) VALUES (3, 1, 'AO-XL', 1, 0, '8', 1, 0, 0)").run();
    db.prepare('UPDATE variants SET price = 2 WHERE id = 3').run();
    expect(jobs()).toEqual([]);
  });
});
