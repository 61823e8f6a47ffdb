import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../main/core/core.js';
import { startCore, type Core } from '../../../main/core/core.js';
import { call, callError, valueOf } from '../../fixtures/core.js';
import { ledgerProblems } from '../../fixtures/store-checks.js';
import { tempDir } from '../../fixtures/temp-dir.js';

describe('the demo shop', () => {
  const dir = tempDir();
  let core: Core;
  let s: Session;
  let operators: { id: number; role: string; pin: string }[];
  beforeAll(async () => {
    core = await startCore({ dataDir: dir.path, autoBackup: false, log: () => {} });
    s = core.openSession();
    operators = (await call(s, 'session.startDemo', {})).operators;
    const admin = operators.find((o) => o.role === 'admin')!;
    await call(s, 'session.signIn', { operatorId: admin.id, pin: admin.pin });
  });
  afterAll(async () => {
    await core.close();
    dir.remove();
  });

  it('has an admin, a manager and a packer who can sign in with the PINs it shows', async () => {
    expect(operators.map((o) => o.role).sort()).toEqual(['admin', 'manager', 'packer']);
    for (const o of operators) valueOf(await core.openSession().call('session.signIn', { operatorId: o.id, pin: o.pin }));
    expect(await call(s, 'session.state', {})).toMatchObject({ demo: true, firstRun: false });
  });

  it('has two warehouses', async () => {
    expect((await call(s, 'warehouses.list', {})).map((w) => w.code).sort()).toEqual(['HCM', 'HN']);
  });

  it('has about fifty products with variants, barcodes and stock in both warehouses', async () => {
    const list = await call(s, 'catalog.list', { limit: 500 });
    expect(list.total).toBeGreaterThanOrEqual(45);
    expect(list.total).toBeLessThanOrEqual(60);
    expect(list.items.some((p) => p.variantCount > 1)).toBe(true);
    const first = await call(s, 'catalog.get', { id: list.items[0].id });
    expect(first.variants[0].barcodes[0]).toMatch(/^893\d{10}$/);
    const hn = (await call(s, 'warehouses.list', {})).find((w) => w.code === 'HN')!;
    expect((await call(s, 'inventory.levels', { warehouseId: hn.id, limit: 500 })).items.some((l) => l.onHand > 0)).toBe(true);
  });

  it('has about thirty orders spread over the lifecycle', async () => {
    const count = await call(s, 'orders.count', {});
    expect(count.total).toBeGreaterThanOrEqual(25);
    expect(count.total).toBeLessThanOrEqual(40);
    expect(Object.keys(count.byStatus)).toEqual(expect.arrayContaining(['new', 'awaiting_stock', 'ready_to_pack', 'packing', 'packed', 'shipped', 'delivered', 'completed', 'cancelled']));
    const shipped = await call(s, 'orders.list', { statuses: ['shipped'] });
    expect(shipped.items.every((o) => o.trackingNumber)).toBe(true);
  });

  it('keeps the stock ledger rules', () => {
    expect(ledgerProblems(core.store.sqlite)).toEqual([]);
  });

  it('cannot be started twice', async () => {
    expect((await callError(core.openSession(), 'session.startDemo', {})).code).toBe('CONFLICT');
  });
});
