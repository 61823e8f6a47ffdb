import type { PrinterErrorCode } from '../../devices/printers/print-transport.js';

// The print job's life, as pure rules (see migrations/0006-printing.sql for the picture).

export const PRINT_JOB_STATUSES = ['queued', 'waiting', 'printing', 'printed', 'cancelled', 'refused'] as const;
export type PrintJobStatus = (typeof PRINT_JOB_STATUSES)[number];

export type PrintJobEvent = 'start' | 'printed' | 'wait' | 'refuse' | 'cancel' | 'retry' | 'recover';

const MOVES: Record<PrintJobStatus, Partial<Record<PrintJobEvent, PrintJobStatus>>> = {
  queued: { start: 'printing', cancel: 'cancelled', refuse: 'refused', wait: 'waiting', retry: 'queued' },
  waiting: { start: 'printing', cancel: 'cancelled', refuse: 'refused', wait: 'waiting', retry: 'queued' },
  printing: { printed: 'printed', wait: 'waiting', refuse: 'refused', recover: 'queued' },
  // A refused or cancelled job may be tried again once its reason is gone (order un-cancelled, printer added).
  refused: { retry: 'queued' },
  cancelled: { retry: 'queued' },
  printed: {},
};

/** The next status, or null when the event does not apply (a printed job is not cancelled). */
export function nextStatus(from: PrintJobStatus, event: PrintJobEvent): PrintJobStatus | null {
  return MOVES[from][event] ?? null;
}

export const isPending = (s: PrintJobStatus): boolean => s === 'queued' || s === 'waiting' || s === 'printing';

/** Why a job waits or was refused; the screen translates each (printing.json: message.*). */
export type PrintMessageCode =
  | PrinterErrorCode
  | 'NO_PRINTER'
  | 'OS_PRINTER_UNAVAILABLE'
  | 'SHIPMENT_BOOKING'
  | 'LABEL_DOWNLOADING'
  | 'WAITING_FOR_EARLIER'
  | 'ORDER_CANCELLED'
  | 'SHIPMENT_NOT_LIVE'
  | 'DOCUMENT_UNAVAILABLE'
  | 'DOCUMENT_FAILED';

/**
 * How long a waiting job sleeps before it tries again: quick at first (a printer switched back on, a
 * roll reloaded), then every 30 s so an unplugged printer costs nothing. Booking waits stay short:
 * the booking usually lands within seconds.
 */
export function retryDelayMs(code: PrintMessageCode, attempts: number): number {
  if (code === 'SHIPMENT_BOOKING' || code === 'LABEL_DOWNLOADING' || code === 'WAITING_FOR_EARLIER') return 1_000;
  return Math.min(30_000, 1_000 * 2 ** Math.max(0, Math.min(attempts - 1, 5)));
}
