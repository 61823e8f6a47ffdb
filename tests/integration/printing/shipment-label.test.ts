import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePng1 } from '../../../main/devices/label/png-1bit.js';
import { bitmapFromRgba } from '../../../main/devices/label/bitmap.js';
import type { VirtualPrinter } from '../../../main/devices/virtual-printer/virtual-printer.js';
import { Image, createCanvas } from '@napi-rs/canvas';
import { call } from '../../fixtures/core.js';
import { readPngBarcodes } from '../../fixtures/labels/read-barcodes.js';
import { addCarrierAccounts, isBooked, makeShop, readyOrder, requestBooking, waitForShipment, type Accounts, type Shop } from '../../fixtures/shipping.js';
import { startCarriers, type Carriers } from '../../fixtures/carrier-sims.js';
import type { TestCore } from '../../fixtures/core.js';
import { addPrinter, labelsArrived, makePrintingCore, virtualPrinter, waitForJob } from './printing-world.js';

// A shipment's label waits while the booking is on its way (the outbox paused, as when offline) and
// prints by itself once the carrier has answered; what prints is exactly what the preview showed, and
// its Code 128 scans to the tracking number.

let carriers: Carriers;
let t: TestCore;
let accounts: Accounts;
let shop: Shop;
let printer: VirtualPrinter;

beforeAll(async () => {
  carriers = await startCarriers();
  t = await makePrintingCore();
  carriers.receiver.attach(t.core);
  accounts = await addCarrierAccounts(t.admin, carriers);
  shop = await makeShop(t);
  printer = await virtualPrinter();
  await addPrinter(t.admin, printer);
});
afterAll(async () => {
  await t?.close();
  await carriers?.close();
  await printer?.close();
});

/** Black dots of a PNG from either side (the virtual printer's or the preview's). */
function dotsOf(png: Buffer) {
  try {
    return decodePng1(png);
  } catch {
    const img = new Image();
    img.src = png;
    const c = createCanvas(img.width, img.height);
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    return bitmapFromRgba(ctx.getImageData(0, 0, img.width, img.height).data, img.width, img.height, 128);
  }
}

describe('a shipment label', () => {
  it('waits while the shipment is booking, then prints what the preview shows, with the tracking number as Code 128', async () => {
    await call(t.admin, 'jobs.pause', { paused: true });
    const order = await readyOrder(t.admin, shop);
    const booking = await requestBooking(t.admin, order.id, accounts.ghn);
    const { printJobId } = await call(t.admin, 'print.reprintLabel', { orderId: order.id });
    expect(await waitForJob(t.admin, printJobId, (j) => j.status === 'waiting')).toMatchObject({ messageCode: 'SHIPMENT_BOOKING' });
    // Printing does not wait for the outbox: a test print goes out while the booking is held.
    const [profile] = await call(t.admin, 'printers.list', {});
    const test = (await call(t.admin, 'printers.test', { id: profile.id })).printJobId;
    await waitForJob(t.admin, test, (j) => j.status === 'printed', 'test printed');
    const before = (await labelsArrived(printer, 1)).length;

    await call(t.admin, 'jobs.pause', { paused: false });
    const shipment = await waitForShipment(t.admin, booking.id, isBooked);
    await waitForJob(t.admin, printJobId, (j) => j.status === 'printed', 'printed', 40_000);
    const printed = (await labelsArrived(printer, before + 1)).at(-1)!;

    const preview = await call(t.admin, 'print.preview', { document: { kind: 'shipment-label', shipmentId: shipment.id } });
    expect(preview).toMatchObject({ profileId: profile.id, dpi: 203, trackingNumber: shipment.trackingNumber });
    const a = dotsOf(Buffer.from(preview.pngBase64, 'base64'));
    const b = dotsOf(printed.png);
    expect([b.widthDots, b.heightDots]).toEqual([a.widthDots, a.heightDots]);
    // The printed time differs between the preview and the print (a minute at most): allow a few glyphs.
    let differing = 0;
    for (let i = 0; i < a.data.length; i++) {
      let x = a.data[i] ^ b.data[i];
      while (x) {
        differing += x & 1;
        x >>= 1;
      }
    }
    expect(differing / (a.widthDots * a.heightDots)).toBeLessThan(0.002);

    for (const png of [printed.png, Buffer.from(preview.pngBase64, 'base64')]) {
      const codes = (await readPngBarcodes(png)).filter((f) => f.format === 'Code128').map((f) => f.text);
      expect(codes).toContain(shipment.trackingNumber);
    }
  });

  it('is refused, with nothing printed, for an order cancelled before the label ran', async () => {
    const order = await readyOrder(t.admin, shop);
    const sh = await waitForShipment(t.admin, (await requestBooking(t.admin, order.id, accounts.ghn)).id, isBooked);
    printer.setFault({ offline: true });
    const before = printer.labels().length;
    const { printJobId } = await call(t.admin, 'print.reprintLabel', { orderId: order.id });
    await waitForJob(t.admin, printJobId, (j) => j.status === 'waiting');
    await call(t.admin, 'shipping.cancel', { id: sh.id, reason: 'Khách hủy' }).catch(() => undefined);
    await call(t.admin, 'orders.cancel', { id: order.id, reason: 'Khách hủy' });
    printer.setFault({ offline: false });
    expect(await waitForJob(t.admin, printJobId, (j) => j.status === 'refused', 'refused')).toMatchObject({ messageCode: 'ORDER_CANCELLED' });
    expect(printer.labels().length).toBe(before);
  });
});
