// How label bytes reach a printer. The core uses raw TCP and device files; the Electron shell can
// implement the same interface for OS printers (spooler, webContents.print) later.
import type { PrinterLanguage } from '../label/media.js';

export interface PrintTransport {
  /** Delivers one job; rejects with a PrinterError the operator can act on. */
  send(bytes: Uint8Array, contentType: string): Promise<void>;
  /** Asks the printer how it is, where the language has a cheap query; 'unknown' otherwise. */
  status?(language: PrinterLanguage): Promise<PrinterStatus>;
}

export type PrinterState = 'ready' | 'paper_out' | 'head_open' | 'paused' | 'error' | 'unknown';

export interface PrinterStatus {
  state: PrinterState;
  detail?: string;
}

export type PrinterErrorCode =
  | 'PRINTER_UNREACHABLE'
  | 'PRINTER_TIMEOUT'
  | 'PRINTER_CONNECTION_LOST'
  | 'PRINTER_PAPER_OUT'
  | 'PRINTER_HEAD_OPEN'
  | 'PRINTER_PAUSED'
  | 'PRINTER_FAULT'
  | 'PRINTER_ACCESS_DENIED';

export class PrinterError extends Error {
  constructor(
    readonly code: PrinterErrorCode,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'PrinterError';
  }
}

/** Turns a bad status into the error the operator sees; ready/unknown pass. */
export function errorForStatus(status: PrinterStatus, where: string): PrinterError | null {
  switch (status.state) {
    case 'paper_out':
      return new PrinterError('PRINTER_PAPER_OUT', `printer at ${where} is out of paper or labels — load media and try again`);
    case 'head_open':
      return new PrinterError('PRINTER_HEAD_OPEN', `printer at ${where} has its head or cover open — close it and try again`);
    case 'paused':
      return new PrinterError('PRINTER_PAUSED', `printer at ${where} is paused — press its feed/pause button`);
    case 'error':
      return new PrinterError('PRINTER_FAULT', `printer at ${where} reports a fault${status.detail ? ` (${status.detail})` : ''}`);
    default:
      return null;
  }
}
