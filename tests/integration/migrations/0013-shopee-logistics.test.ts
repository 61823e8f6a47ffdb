import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnsOf, storeAt, tableNames } from '../../fixtures/migrations.js';

describe('migration 0013-shopee-logistics', () => {
  let store: Awaited<ReturnType<typeof storeAt>>;
  let before: string[];
  beforeAll(async () => {
    store = await storeAt(12);
    const db = store.db;
    before = columnsOf(db, 'shipments');
    db.prepare("INSERT INTO connector_accounts (id, provider, name, environment, created_at, updated_at) VALUES (1, 'ghn', 'GHN', 'sandbox', 0, 0), (2, 'shopee', 'Shop', 'sandbox', 0, 0)").run();
    db.prepare("INSERT INTO warehouses (id, code, name, type, created_at, updated_at) VALUES (1, 'K1', 'Kho 1', 'main', 0, 0)").run();
    const order = db.prepare(`INSERT INTO orders (id, number, channel, status, warehouse_id, buyer_name, payment_method, subtotal, total, created_at, updated_at)
      VALUES (?, ?, ?, 'packed', 1, 'Lan', 'cod', 1000, 1000, 0, 0)`);
    order.run(1, 'DH1', 'manual');
    order.run(2, 'DH2', 'shopee');
    db.prepare(`INSERT INTO shipments (id, code, order_id, account_id, carrier, state, tracking_number, service_code, payer, inspection, cod_amount, weight_g,
      length_cm, width_cm, height_cm, request_json, label_file, label_format, error_hint, created_at, updated_at)
      VALUES (7, 'DH1-1', 1, 1, 'ghn', 'booked', 'GHN1', '2', 'seller', 'look', 1000, 200, 10, 10, 10, '{}', 'labels/DH1-1-A6.pdf', 'A6', 'hint', 5, 6)`).run();
    db.prepare("INSERT INTO shipment_events (shipment_id, at, carrier_status, mapped, source, dedupe_key, received_at) VALUES (7, 1, 'booked', 'booked', 'booking', 'k', 1)").run();
    db.prepare("INSERT INTO shipment_labels (shipment_id, size, file, created_at) VALUES (7, 'A6', 'labels/DH1-1-A6.pdf', 1)").run();
    expect(() => db.prepare(`INSERT INTO shipments (code, order_id, account_id, carrier, state, service_code, payer, inspection, cod_amount, weight_g, length_cm, width_cm, height_cm, request_json, created_at, updated_at)
      VALUES ('SP-1', 2, 2, 'shopee', 'booking', 'shopee', 'buyer', 'none', 0, 1, 0, 0, 0, '{}', 0, 0)`).run()).toThrow(/CHECK/);
    expect(store.upTo(13)).toEqual([13]);
  });
  afterAll(() => store.close());

  it('keeps every shipment, its columns in order, and the rows that point at it', () => {
    const db = store.db;
    expect(columnsOf(db, 'shipments')).toEqual(before);
    expect(db.prepare('SELECT code, carrier, tracking_number, label_file, error_hint, created_at FROM shipments').all())
      .toEqual([{ code: 'DH1-1', carrier: 'ghn', tracking_number: 'GHN1', label_file: 'labels/DH1-1-A6.pdf', error_hint: 'hint', created_at: 5 }]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM shipment_events WHERE shipment_id = 7').pluck().get()).toBe(1);
    expect(() => db.prepare('INSERT INTO shipment_labels (shipment_id, size, file, created_at) VALUES (99, \'A6\', \'x\', 0)').run()).toThrow(/FOREIGN KEY/);
  });

  it('takes a shopee shipment and its packages; one live shipment per order still holds', () => {
    const db = store.db;
    expect(tableNames(db)).toContain('shopee_packages');
    const ins = db.prepare(`INSERT INTO shipments (code, order_id, account_id, carrier, state, service_code, payer, inspection, cod_amount, weight_g, length_cm, width_cm, height_cm, request_json, created_at, updated_at)
      VALUES (?, 2, 2, 'shopee', 'booking', 'shopee', 'buyer', 'none', 0, 1, 0, 0, 0, '{}', 0, 0)`);
    const id = Number(ins.run('SP-1').lastInsertRowid);
    expect(() => ins.run('SP-2')).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO shipments (code, order_id, account_id, carrier, state, service_code, payer, inspection, cod_amount, weight_g, length_cm, width_cm, height_cm, request_json, created_at, updated_at) VALUES ('X', 1, 1, 'lazada', 'booking', 'x', 'buyer', 'none', 0, 1, 0, 0, 0, '{}', 0, 0)").run()).toThrow(/CHECK/);
    const pkg = db.prepare('INSERT INTO shopee_packages (shipment_id, package_number, order_sn, created_at, updated_at) VALUES (?, ?, ?, 0, 0)');
    pkg.run(id, 'PKG1', '250101ABC');
    pkg.run(id, 'PKG2', '250101ABC');
    expect(() => pkg.run(id, 'PKG1', '250101ABC')).toThrow(/UNIQUE/);
    expect(() => pkg.run(999, 'PKG1', '250101ABC')).toThrow(/FOREIGN KEY/);
  });
});
