import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeAt, tableNames } from '../../fixtures/migrations.js';

describe('migration 0014-listing-publications', () => {
  let store: Awaited<ReturnType<typeof storeAt>>;
  beforeAll(async () => {
    store = await storeAt(13);
    const db = store.db;
    db.prepare("INSERT INTO connector_accounts (id, provider, name, environment, created_at, updated_at) VALUES (1, 'shopee', 'Shop A', 'sandbox', 0, 0), (2, 'shopee', 'Shop B', 'sandbox', 0, 0)").run();
    db.prepare("INSERT INTO products (id, name, sku, created_at, updated_at) VALUES (5, 'Áo thun', 'P-AO', 0, 0)").run();
    expect(store.upTo(14)).toEqual([14]);
  });
  afterAll(() => store.close());

  const ins = (account: number, product: number, extra = '') =>
    store.db.prepare(`INSERT INTO listing_publications (account_id, product_id, status, created_at, updated_at${extra ? ', item_id' : ''}) VALUES (?, ?, 'draft', 0, 0${extra ? ', ?' : ''})`)
      .run(...[account, product, ...(extra ? [extra] : [])]);

  it('holds one publication per product and shop, with defaults for what is not chosen yet', () => {
    const db = store.db;
    expect(tableNames(db)).toEqual(expect.arrayContaining(['listing_publications', 'shopee_publish_cache']));
    const id = Number(ins(1, 5).lastInsertRowid);
    expect(db.prepare('SELECT step, attributes_json, images_json, field_errors_json, attempt, item_id FROM listing_publications WHERE id = ?').get(id))
      .toEqual({ step: 'images', attributes_json: '[]', images_json: '[]', field_errors_json: '[]', attempt: 0, item_id: null });
    expect(() => ins(1, 5)).toThrow(/UNIQUE/);
    ins(2, 5);
    expect(() => ins(1, 999)).toThrow(/FOREIGN KEY/);
  });

  it('refuses unknown statuses and steps, and one Shopee item on two publications', () => {
    const db = store.db;
    expect(() => db.prepare("UPDATE listing_publications SET status = 'sent' WHERE account_id = 1").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE listing_publications SET step = 'upload' WHERE account_id = 1").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO products (id, name, sku, created_at, updated_at) VALUES (6, 'Mũ', 'P-MU', 0, 0)").run();
    db.prepare("UPDATE listing_publications SET item_id = '9007199254740993' WHERE account_id = 1 AND product_id = 5").run();
    expect(() => ins(1, 6, '9007199254740993')).toThrow(/UNIQUE/);
    expect(db.prepare('SELECT item_id FROM listing_publications WHERE account_id = 1 AND product_id = 5').pluck().get()).toBe('9007199254740993');
  });

  it('caches per shop and key; deleting the shop removes its publications and cache', () => {
    const db = store.db;
    const put = db.prepare('INSERT INTO shopee_publish_cache (account_id, key, json, fetched_at) VALUES (?, ?, ?, 0)');
    put.run(1, 'categories', '[]');
    put.run(2, 'categories', '[]');
    expect(() => put.run(1, 'categories', '[]')).toThrow(/UNIQUE|PRIMARY/);
    db.prepare('DELETE FROM connector_accounts WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM listing_publications WHERE account_id = 1').pluck().get()).toBe(0);
    expect(db.prepare('SELECT account_id FROM shopee_publish_cache').pluck().all()).toEqual([2]);
  });
});
