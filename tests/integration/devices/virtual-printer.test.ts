// Every encoder's output travels over loopback TCP to the virtual printer, which decodes it back
// into an image; barcodes in that image must scan to the data we put in.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeLabel } from '../../../main/devices/label/encoders/encode-label.js';
import { shippingLabel } from '../../../main/devices/label/layouts/shipping-label.js';
import { packingSlip } from '../../../main/devices/label/layouts/packing-slip.js';
import type { PrinterProfile } from '../../../main/devices/label/media.js';
import { createFileTransport } from '../../../main/devices/printers/file-transport.js';
import { PrinterError } from '../../../main/devices/printers/print-transport.js';
import { createTcpTransport } from '../../../main/devices/printers/tcp-transport.js';
import { startVirtualPrinter, type VirtualPrinter } from '../../../main/devices/virtual-printer/virtual-printer.js';
import { readPngBarcodes } from '../../fixtures/labels/read-barcodes.js';
import { SAMPLE_SHIPMENT, SAMPLE_SLIP } from '../../fixtures/labels/sample-data.js';

const profile = (p: Partial<PrinterProfile>): PrinterProfile => ({ language: 'tspl', media: '100x150', dpi: 203, offsetXmm: 0, offsetYmm: 0, darkness: 8, ...p });

let printer: VirtualPrinter;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'packdesk-vprinter-'));
  printer = await startVirtualPrinter({ dir, keep: 5, idleMs: 300 });
});

afterAll(async () => {
  await printer.close();
  await rm(dir, { recursive: true, force: true });
});

async function printAndFetch(p: PrinterProfile, label = shippingLabel(SAMPLE_SHIPMENT, p.media), target = printer) {
  const printer = target;
  const before = printer.labels().at(-1)?.id ?? 0;
  const job = await encodeLabel(label, p);
  await createTcpTransport({ host: '127.0.0.1', port: printer.port }).send(job.bytes, job.contentType);
  for (let i = 0; i < 250 && (printer.labels().at(-1)?.id ?? 0) === before; i++) await new Promise((r) => setTimeout(r, 20));
  await printer.idle();
  const got = printer.labels().at(-1);
  expect(got && got.id > before, 'the virtual printer produced a label').toBe(true);
  return got!;
}

describe('virtual label printer over TCP', () => {
  it.each([203, 300] as const)('TSPL at %i dpi decodes to an image whose barcodes scan', async (dpi) => {
    // TSPL sizes are in mm: the printer's own resolution decides the dots, as on real hardware.
    const target = dpi === 203 ? printer : await startVirtualPrinter({ dpi });
    const got = await printAndFetch(profile({ language: 'tspl', dpi }), undefined, target).finally(() => (target !== printer ? target.close() : undefined));
    expect(got.language).toBe('tspl');
    expect(got.widthDots).toBe(dpi === 203 ? 800 : 1181);
    const texts = (await readPngBarcodes(got.png)).map((f) => f.text);
    expect(texts).toContain(SAMPLE_SHIPMENT.trackingNumber);
    expect(texts).toContain(SAMPLE_SHIPMENT.orderNumber);
  });

  it.each([203, 300] as const)('ZPL at %i dpi decodes to an image whose barcodes scan', async (dpi) => {
    const got = await printAndFetch(profile({ language: 'zpl', dpi }));
    expect(got.language).toBe('zpl');
    expect(got.warnings).toEqual([]);
    const texts = (await readPngBarcodes(got.png)).map((f) => f.text);
    expect(texts).toContain(SAMPLE_SHIPMENT.trackingNumber);
    expect(texts).toContain(SAMPLE_SHIPMENT.orderNumber);
  });

  it('ESC/POS on a 58 mm roll decodes to a receipt image with a scannable order barcode', async () => {
    const got = await printAndFetch(profile({ language: 'escpos', media: '58mm' }), packingSlip(SAMPLE_SLIP, '58mm'));
    expect(got.language).toBe('escpos');
    expect(got.widthDots).toBe(384);
    const texts = (await readPngBarcodes(got.png)).map((f) => f.text);
    expect(texts).toContain(SAMPLE_SLIP.orderNumber);
  });

  it('keeps the last N labels and writes PNG + raw bytes to its folder', async () => {
    expect(printer.labels().length).toBeLessThanOrEqual(5);
    const files = await readdir(dir);
    expect(files.some((f) => f.endsWith('-tspl.png'))).toBe(true);
    const raw = files.find((f) => f.endsWith('-zpl.raw'))!;
    expect((await readFile(join(dir, raw))).toString('latin1')).toContain('^XA');
  });

  it('answers status queries: ready when healthy', async () => {
    const t = createTcpTransport({ host: '127.0.0.1', port: printer.port });
    for (const language of ['tspl', 'zpl', 'escpos'] as const) expect((await t.status(language)).state).toBe('ready');
  });

  it.each(['tspl', 'zpl', 'escpos'] as const)('paper out (%s): the transport refuses with a clear error and nothing prints', async (language) => {
    printer.setFault({ paperOut: true });
    try {
      const media = language === 'escpos' ? '58mm' : '100x150';
      const job = await encodeLabel(shippingLabel(SAMPLE_SHIPMENT, media), profile({ language, media }));
      const count = printer.labels().length;
      const err = await createTcpTransport({ host: '127.0.0.1', port: printer.port })
        .send(job.bytes, job.contentType)
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PrinterError);
      expect((err as PrinterError).code).toBe('PRINTER_PAPER_OUT');
      expect((err as PrinterError).message).toMatch(/out of paper/);
      await printer.idle();
      expect(printer.labels().length).toBe(count);
    } finally {
      printer.setFault({ paperOut: false });
    }
  });

  it('paper out without a status check: the job is dropped, not printed', async () => {
    printer.setFault({ paperOut: true });
    try {
      const dropped = printer.dropped();
      const job = await encodeLabel(shippingLabel(SAMPLE_SHIPMENT), profile({ language: 'zpl' }));
      await createTcpTransport({ host: '127.0.0.1', port: printer.port, checkStatus: false }).send(job.bytes, job.contentType);
      await new Promise((r) => setTimeout(r, 100));
      await printer.idle();
      expect(printer.dropped()).toBe(dropped + 1);
    } finally {
      printer.setFault({ paperOut: false });
    }
  });

  it('head open is reported as such', async () => {
    printer.setFault({ headOpen: true });
    try {
      const job = await encodeLabel(shippingLabel(SAMPLE_SHIPMENT), profile({ language: 'tspl' }));
      const err = await createTcpTransport({ host: '127.0.0.1', port: printer.port }).send(job.bytes, job.contentType).catch((e: unknown) => e);
      expect((err as PrinterError).code).toBe('PRINTER_HEAD_OPEN');
    } finally {
      printer.setFault({ headOpen: false });
    }
  });

  it('offline: the connection is closed and the transport says so', async () => {
    printer.setFault({ offline: true });
    try {
      const job = await encodeLabel(shippingLabel(SAMPLE_SHIPMENT), profile({ language: 'tspl' }));
      const err = await createTcpTransport({ host: '127.0.0.1', port: printer.port }).send(job.bytes, job.contentType).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PrinterError);
      expect(['PRINTER_CONNECTION_LOST', 'PRINTER_UNREACHABLE']).toContain((err as PrinterError).code);
    } finally {
      printer.setFault({ offline: false });
    }
  });
});

describe('transports', () => {
  it('a refused connection reads "printer off or unreachable"', async () => {
    // Take a free port and close it again: nothing listens there.
    const srv = createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
    const port = (srv.address() as { port: number }).port;
    await new Promise<void>((r) => srv.close(() => r()));
    const err = await createTcpTransport({ host: '127.0.0.1', port }).send(Buffer.from('CLS\r\n'), 'application/vnd.packdesk.tspl').catch((e: unknown) => e);
    expect((err as PrinterError).code).toBe('PRINTER_UNREACHABLE');
    expect((err as Error).message).toMatch(/printer off or unreachable/);
  });

  it('a printer that never answers status queries still gets the job (status unknown = sent)', async () => {
    const received: Buffer[] = [];
    const srv = createServer({ allowHalfOpen: true }, (s) => {
      s.on('data', (d) => received.push(d));
      s.on('end', () => s.end());
    });
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
    const port = (srv.address() as { port: number }).port;
    try {
      const t = createTcpTransport({ host: '127.0.0.1', port, statusTimeoutMs: 150 });
      await t.send(Buffer.from('SIZE 100 mm,150 mm\r\nCLS\r\nPRINT 1,1\r\n'), 'application/vnd.packdesk.tspl');
      await t.send(Buffer.from('CLS\r\nPRINT 1,1\r\n'), 'application/vnd.packdesk.tspl');
      const all = Buffer.concat(received).toString('latin1');
      expect(all.match(/PRINT 1,1/g)?.length).toBe(2);
      // Asked once, got silence, stopped asking.
      expect(all.split('\x1b!?').length - 1).toBe(1);
    } finally {
      await new Promise<void>((r) => srv.close(() => r()));
    }
  });

  it('the file transport writes the job and explains a missing device', async () => {
    const path = join(dir, 'job.bin');
    await createFileTransport(path).send(Buffer.from('^XA^XZ'), 'application/vnd.packdesk.zpl');
    expect((await readFile(path)).toString()).toBe('^XA^XZ');
    const err = await createFileTransport(join(dir, 'no', 'such', 'lp0')).send(Buffer.from('x'), 'application/pdf').catch((e: unknown) => e);
    expect((err as PrinterError).code).toBe('PRINTER_UNREACHABLE');
  });
});
