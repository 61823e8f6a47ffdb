import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnsOf, storeAt, tableNames } from '../../fixtures/migrations.js';

// 0003 changes an existing table: warehouses gain a structured sender address. Rows written before
// it must read back whole, with an empty structured address the operator fills in later.
describe('migration 0003-shipping', () => {
  let store: Awaited<ReturnType<typeof storeAt>>;
  beforeAll(async () => {
    store = await storeAt(2);
    store.db.prepare("INSERT INTO warehouses (code, name, address, type, created_at, updated_at) VALUES ('HCM', 'Kho Tân Bình', '123 Cộng Hòa', 'main', 1, 1)").run();
    expect(store.upTo(3)).toEqual([3]);
  });
  afterAll(() => store.close());

  it('gives existing warehouses an empty structured address and keeps their text', () => {
    expect(columnsOf(store.db, 'warehouses')).toContain('address_json');
    expect(store.db.prepare("SELECT address, address_json FROM warehouses WHERE code = 'HCM'").get()).toEqual({ address: '123 Cộng Hòa', address_json: '{}' });
  });

  it('adds shipments, carrier events, places, addresses, payouts and exceptions', () => {
    expect(tableNames(store.db)).toEqual(expect.arrayContaining(['shipments', 'shipment_events', 'carrier_places', 'carrier_place_fetches', 'carrier_addresses', 'cod_payouts', 'exceptions']));
  });

  it('allows one live shipment per order and one open exception of a kind per subject', () => {
    store.db.exec(`INSERT INTO connector_accounts (provider, name, environment, created_at, updated_at) VALUES ('ghn', 'GHN', 'custom', 0, 0);
      INSERT INTO orders (number, channel, status, warehouse_id, buyer_name, payment_method, subtotal, total, created_at, updated_at)
      VALUES ('PD000001', 'manual', 'ready_to_pack', 1, 'Lan', 'cod', 1, 1, 0, 0);`);
    const ship = store.db.prepare(`INSERT INTO shipments (code, order_id, account_id, carrier, state, service_code, payer, inspection, cod_amount, weight_g,
      length_cm, width_cm, height_cm, request_json, created_at, updated_at) VALUES (?, 1, 1, 'ghn', ?, '2', 'seller', 'look', 0, 100, 10, 10, 10, '{}', 0, 0)`);
    ship.run('PD000001-1', 'booked');
    expect(() => ship.run('PD000001-2', 'booking')).toThrow(/UNIQUE/);
    ship.run('PD000001-3', 'cancelled');
    const exc = store.db.prepare("INSERT INTO exceptions (kind, shipment_id, message, status, created_at) VALUES ('lost', 1, 'x', ?, 0)");
    exc.run('open');
    expect(() => exc.run('open')).toThrow(/UNIQUE/);
    exc.run('resolved');
  });
});
