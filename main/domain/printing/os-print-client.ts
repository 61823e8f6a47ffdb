import { PrinterError, type PrinterErrorCode } from '../../devices/printers/print-transport.js';
import type { OsPrint, OsPrintRequest } from './printer-transports.js';

// The core's side of OS printing in the desktop app. The core runs in a utility process without
// Electron; a PDF for an OS printer goes to the main process as a message, which prints it with
// webContents.print (main/hosts/electron/os-printer.ts) and answers with the outcome.

export interface OsPrintMessage {
  kind: 'os-print';
  id: number;
  request: OsPrintRequest;
}

export interface OsPrintResult {
  kind: 'os-print-result';
  id: number;
  ok: boolean;
  code?: PrinterErrorCode;
  message?: string;
}

/** An OS print can wait for a driver, never forever: the job then waits and retries like any printer error. */
const TIMEOUT_MS = 60_000;

export function createOsPrintClient(post: (m: OsPrintMessage) => void): { osPrint: OsPrint; onResult(m: OsPrintResult): void } {
  const pending = new Map<number, { resolve(): void; reject(e: Error): void; timer: NodeJS.Timeout }>();
  let next = 1;
  return {
    osPrint: (request) =>
      new Promise<void>((resolve, reject) => {
        const id = next++;
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new PrinterError('PRINTER_TIMEOUT', `the printer "${request.printerName}" did not take the job within ${TIMEOUT_MS / 1000} s`));
        }, TIMEOUT_MS);
        pending.set(id, { resolve, reject, timer });
        post({ kind: 'os-print', id, request });
      }),
    onResult(m) {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      clearTimeout(p.timer);
      if (m.ok) p.resolve();
      else p.reject(new PrinterError(m.code ?? 'PRINTER_FAULT', m.message ?? 'the operating system could not print'));
    },
  };
}
