import { createFileTransport } from '../../devices/printers/file-transport.js';
import type { PrintTransport } from '../../devices/printers/print-transport.js';
import { createTcpTransport } from '../../devices/printers/tcp-transport.js';
import type { PrinterTransportConfig } from './printer-profile-rules.js';

/** A PDF for a printer installed in the operating system; only the desktop app's main process can do it. */
export interface OsPrintRequest {
  printerName: string;
  pdf: Uint8Array;
  widthMm: number;
  heightMm: number;
  copies: number;
}
export type OsPrint = (req: OsPrintRequest) => Promise<void>;

/** No Electron host here (browser mode, the CLI): OS printers cannot be reached. */
export class OsPrinterUnavailable extends Error {
  constructor() {
    super('Printers installed in the operating system print from the Packdesk desktop app only');
    this.name = 'OsPrinterUnavailable';
  }
}

export interface TransportDeps {
  osPrint?: OsPrint;
}

// One transport per printer address for the worker's life: the TCP transport remembers whether the
// printer answers status queries, so a clone that ignores them is not waited on every job.
const cache = new Map<string, PrintTransport>();

export function transportFor(t: PrinterTransportConfig, deps: TransportDeps, page: { widthMm: number; heightMm: number }): PrintTransport {
  if (t.kind === 'os') {
    return {
      async send(bytes) {
        if (!deps.osPrint) throw new OsPrinterUnavailable();
        await deps.osPrint({ printerName: t.printerName, pdf: bytes, widthMm: page.widthMm, heightMm: page.heightMm, copies: 1 });
      },
    };
  }
  const key = JSON.stringify(t);
  let tr = cache.get(key);
  if (!tr) {
    tr = t.kind === 'tcp' ? createTcpTransport({ host: t.host, port: t.port }) : createFileTransport(t.path);
    if (cache.size > 64) cache.clear();
    cache.set(key, tr);
  }
  return tr;
}
