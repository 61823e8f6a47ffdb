import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../main/core/core.js';
import { call, callError } from '../../fixtures/core.js';
import { storeChecksum } from '../../fixtures/store-checks.js';
import { packWorld, type PackWorld } from './pack-world.js';

// packing.reprintLabel (the pack screen's R key) queues the same job print.reprintLabel does, and
// records who asked on the order; both refuse a cancelled order or one without a live shipment.
describe('reprinting a label at the pack station', () => {
  let w: PackWorld;
  let desk: Session;
  let a: Awaited<ReturnType<PackWorld['product']>>;
  const job = (id: number) => w.db.prepare('SELECT station, purpose, document_json, order_id, copies FROM print_jobs WHERE id = ?').get(id);

  beforeAll(async () => {
    w = await packWorld();
    desk = await w.desk('Bàn 1');
    a = await w.product();
  }, 60_000);
  afterAll(() => w.close());

  it('queues the label job print.reprintLabel would, and an order event with the desk and job', async () => {
    const o = await w.order([[a.variantId, 1]]);
    const s = await call(desk, 'packing.open', { orderId: o.id });
    await call(desk, 'packing.scan', { sessionId: s.id, code: a.barcode });
    await call(desk, 'packing.complete', { sessionId: s.id, weightGrams: 300 });
    const ours = await call(desk, 'packing.reprintLabel', { orderId: o.id });
    const theirs = await call(desk, 'print.reprintLabel', { orderId: o.id });
    expect(job(ours.printJobId)).toEqual(job(theirs.printJobId));
    expect(job(ours.printJobId)).toMatchObject({ station: 'Bàn 1', purpose: 'label', order_id: o.id });
    const events = (await call(desk, 'orders.get', { id: o.id })).events.filter((e) => e.kind === 'label_reprinted');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ operatorName: 'Test packer', data: { station: 'Bàn 1', printJobId: ours.printJobId } });
  });

  it('refuses an order without a shipment and an unknown order, writing nothing', async () => {
    const o = await w.order([[a.variantId, 1]]);
    const before = storeChecksum(w.db);
    expect(await callError(desk, 'packing.reprintLabel', { orderId: o.id })).toMatchObject({ code: 'NOT_FOUND', details: { reason: 'no_shipment' } });
    expect(await callError(desk, 'packing.reprintLabel', { orderId: 999_999 })).toMatchObject({ code: 'NOT_FOUND' });
    expect(storeChecksum(w.db)).toBe(before);
  });
});
