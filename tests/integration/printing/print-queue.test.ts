import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VirtualPrinter } from '../../../main/devices/virtual-printer/virtual-printer.js';
import { addOrder, addVariant, addWarehouse } from '../../fixtures/builders.js';
import { call, callError, type TestCore } from '../../fixtures/core.js';
import { readPngBarcodes } from '../../fixtures/labels/read-barcodes.js';
import { addPrinter, labelsArrived, makePrintingCore, virtualPrinter, waitForJob } from './printing-world.js';

// The print queue against a real printer on loopback: jobs wait with a message while the printer is off
// or out of paper, print by themselves when it is back, in the order they were queued; a cancelled
// order's document never prints.

let t: TestCore;
let printer: VirtualPrinter;
let warehouseId: number;
let variantId: number;

beforeAll(async () => {
  t = await makePrintingCore();
  printer = await virtualPrinter();
  warehouseId = (await addWarehouse(t.admin)).id;
  variantId = await addVariant(t.admin, warehouseId, 1000);
  await addPrinter(t.admin, printer);
});
afterAll(async () => {
  await t?.close();
  await printer?.close();
});

const newOrder = () => addOrder(t.admin, warehouseId, [[variantId, 1]]);
const printSlip = async (orderId: number) => (await call(t.admin, 'print.document', { document: { kind: 'packing-slip', orderId } })).printJobId;

/** The order number each label's Code 128 carries, in arrival order. */
async function orderNumbersOn(labels: { png: Buffer }[]): Promise<string[]> {
  const out: string[] = [];
  for (const l of labels) out.push(...(await readPngBarcodes(l.png)).filter((b) => b.format === 'Code128').map((b) => b.text));
  return out;
}

describe('the print queue', () => {
  it('holds jobs with a message while the printer is off, then prints them all in order when it is back', async () => {
    printer.setFault({ offline: true });
    const orders = [await newOrder(), await newOrder(), await newOrder()];
    const ids = [];
    for (const o of orders) ids.push(await printSlip(o.id));
    const first = await waitForJob(t.admin, ids[0], (j) => j.status === 'waiting');
    expect(first.messageCode).toMatch(/^PRINTER_(CONNECTION_LOST|UNREACHABLE)$/);
    // Later jobs do not overtake the one waiting at the head of the printer's queue.
    for (const id of ids.slice(1)) expect((await waitForJob(t.admin, id, () => true)).status).toBe('queued');
    expect(printer.labels()).toHaveLength(0);

    printer.setFault({ offline: false });
    for (const id of ids) await waitForJob(t.admin, id, (j) => j.status === 'printed', 'printed');
    const labels = await labelsArrived(printer, 3);
    expect(await orderNumbersOn(labels)).toEqual(orders.map((o) => o.number));
    expect((await waitForJob(t.admin, ids[0], () => true)).messageCode).toBeNull();
  });

  it('says the printer is out of paper, sends nothing into it, and prints once paper is loaded', async () => {
    const before = printer.labels().length;
    printer.setFault({ paperOut: true });
    const id = await printSlip((await newOrder()).id);
    expect((await waitForJob(t.admin, id, (j) => j.status === 'waiting')).messageCode).toBe('PRINTER_PAPER_OUT');
    expect(printer.dropped()).toBe(0);
    printer.setFault({ paperOut: false });
    await waitForJob(t.admin, id, (j) => j.status === 'printed', 'printed');
    expect((await labelsArrived(printer, before + 1)).length).toBe(before + 1);
  });

  it('refuses a cancelled order: at once when asked, and at print time when it was cancelled while the job waited', async () => {
    const cancelled = await newOrder();
    await call(t.admin, 'orders.cancel', { id: cancelled.id, reason: 'Khách hủy' });
    expect(await callError(t.admin, 'print.document', { document: { kind: 'packing-slip', orderId: cancelled.id } })).toMatchObject({
      code: 'CONFLICT', details: { reason: 'order_cancelled' },
    });

    const before = printer.labels().length;
    printer.setFault({ offline: true });
    const order = await newOrder();
    const id = await printSlip(order.id);
    await waitForJob(t.admin, id, (j) => j.status === 'waiting');
    await call(t.admin, 'orders.cancel', { id: order.id, reason: 'Sàn hủy' });
    printer.setFault({ offline: false });
    const refused = await waitForJob(t.admin, id, (j) => j.status === 'refused', 'refused');
    expect(refused).toMatchObject({ messageCode: 'ORDER_CANCELLED', messageDetail: order.number });
    await new Promise((r) => setTimeout(r, 300));
    expect(printer.labels().length).toBe(before);
  });

  it('cancels a waiting job and the next one prints; a cancelled job can be retried; a printed one cannot be cancelled', async () => {
    printer.setFault({ offline: true });
    const a = await printSlip((await newOrder()).id);
    const b = await printSlip((await newOrder()).id);
    await waitForJob(t.admin, a, (j) => j.status === 'waiting');
    expect((await call(t.admin, 'print.cancel', { id: a })).status).toBe('cancelled');
    printer.setFault({ offline: false });
    await waitForJob(t.admin, b, (j) => j.status === 'printed', 'printed');
    expect((await call(t.admin, 'print.retry', { id: a })).status).toBe('queued');
    await waitForJob(t.admin, a, (j) => j.status === 'printed', 'printed');
    expect(await callError(t.admin, 'print.cancel', { id: a })).toMatchObject({ code: 'CONFLICT', details: { reason: 'job_status' } });
  });

  it('waits with a message while the station has no active printer, and prints once one is switched on', async () => {
    const [profile] = await call(t.admin, 'printers.list', {});
    await call(t.admin, 'printers.update', { id: profile.id, active: false });
    const id = (await call(t.admin, 'print.document', { document: { kind: 'test' }, purpose: 'document' })).printJobId;
    expect(await waitForJob(t.admin, id, (j) => j.status === 'waiting')).toMatchObject({ messageCode: 'NO_PRINTER', messageDetail: 'document' });
    // A desk with one printer prints everything on it, whatever purposes it names.
    await call(t.admin, 'printers.update', { id: profile.id, active: true });
    expect(await waitForJob(t.admin, id, (j) => j.status === 'printed', 'printed')).toMatchObject({ profileId: profile.id, messageCode: null });
  });
});
