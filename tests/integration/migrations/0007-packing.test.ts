import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeAt, tableNames } from '../../fixtures/migrations.js';

describe('migration 0007-packing', () => {
  let store: Awaited<ReturnType<typeof storeAt>>;
  beforeAll(async () => {
    store = await storeAt(6);
    expect(store.upTo(7)).toContain(7);
    store.db.exec(`INSERT INTO warehouses (code, name, type, created_at, updated_at) VALUES ('HCM', 'Kho', 'main', 0, 0);
      INSERT INTO orders (number, channel, external_id, status, warehouse_id, buyer_name, payment_method, subtotal, total, created_at, updated_at)
      VALUES ('PD000001', 'shopee', '2412010001', 'packing', 1, 'Lan', 'cod', 1, 1, 0, 0);`);
  });
  afterAll(() => store.close());

  it('adds pack sessions and pack scans', () => {
    expect(tableNames(store.db)).toEqual(expect.arrayContaining(['pack_sessions', 'pack_scans']));
  });

  it('lets one desk at a time hold an order, and keeps finished sessions', () => {
    const open = store.db.prepare("INSERT INTO pack_sessions (order_id, station, status, started_at) VALUES (1, ?, ?, 0)");
    open.run('Bàn 1', 'open');
    expect(() => open.run('Bàn 2', 'open')).toThrow(/UNIQUE/);
    open.run('Bàn 2', 'released');
    open.run('Bàn 2', 'paused');
    expect(() => open.run('Bàn 2', 'lost')).toThrow(/CHECK/);
  });

  it('records only the known scan results', () => {
    const scan = store.db.prepare('INSERT INTO pack_scans (session_id, code, quantity, result, at) VALUES (1, ?, 1, ?, 0)');
    scan.run('893000000001', 'ok');
    scan.run('X', 'unknown');
    expect(() => scan.run('X', 'maybe')).toThrow(/CHECK/);
  });

  // A scan is answered from an index, never a table scan (specs/hardware.md §1.3).
  it.each([
    ['SELECT id FROM orders WHERE external_id = ?', 'orders_external'],
    ['SELECT id FROM shipments WHERE tracking_number = ?', 'shipments_tracking_any'],
    ["SELECT id FROM orders WHERE warehouse_id = 1 AND status = 'ready_to_pack' ORDER BY ship_by IS NULL, ship_by, created_at", 'orders_pack_queue'],
  ])('%s uses %s', (sql, index) => {
    const plan = (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(sql.includes('?') ? ['x'] : [])) as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan).toContain(index);
  });
});
