import { startVirtualPrinter, type VirtualPrinter } from '../../../main/devices/virtual-printer/virtual-printer.js';
import type { Session } from '../../../main/core/core.js';
import { call, makeCore, type In, type TestCore } from '../../fixtures/core.js';
import { waitFor } from '../../fixtures/shipping.js';
import type { PrintJobOut } from '../../../main/api/printing.js';

// A core whose print queue polls quickly, and a virtual label printer on loopback for it to print to.

export function makePrintingCore(dir?: string): Promise<TestCore> {
  return makeCore({ dir, core: { jobs: { pollMs: 5, random: () => 0 }, trackEveryMs: 0, demoNetwork: false, printJobs: { pollMs: 20 } } });
}

export async function addPrinter(s: Session, printer: { port: number }, over: Partial<In<'printers.create'>> = {}) {
  return call(s, 'printers.create', {
    name: 'Tem TSPL', purposes: ['label', 'slip'], transport: { kind: 'tcp', host: '127.0.0.1', port: printer.port },
    language: 'tspl', media: '100x150', dpi: 203, ...over,
  });
}

export const virtualPrinter = (port?: number): Promise<VirtualPrinter> => startVirtualPrinter({ port, keep: 50, idleMs: 200 });

export async function jobOf(s: Session, id: number): Promise<PrintJobOut> {
  const job = (await call(s, 'print.queue', { limit: 200 })).find((j) => j.id === id);
  if (!job) throw new Error(`print job ${id} is not in the station's queue`);
  return job;
}

export function waitForJob(s: Session, id: number, ok: (j: PrintJobOut) => boolean, what = 'print job state', timeoutMs = 20_000): Promise<PrintJobOut> {
  return waitFor(`${what} of print job ${id}`, async () => {
    const j = await jobOf(s, id);
    return ok(j) ? j : undefined;
  }, timeoutMs);
}

/** Until the printer has decoded `count` labels. */
export async function labelsArrived(printer: VirtualPrinter, count: number, timeoutMs = 20_000) {
  await waitFor(`${count} labels at the virtual printer`, () => printer.labels().length >= count || undefined, timeoutMs);
  await printer.idle();
  return printer.labels();
}
