import { z } from 'zod';
import { command } from './contract.js';
import { id, ok } from './common.js';
import { printDocument, PRINT_PURPOSES } from '../domain/printing/print-documents.js';
import { PRINT_JOB_STATUSES } from '../domain/printing/print-job-rules.js';
import { profileFields } from '../domain/printing/printer-profile-rules.js';

// Printer profiles per station, the print queue, previews and the demo's virtual printers.

export const printerProfile = profileFields.extend({
  id,
  station: z.string(),
  archived: z.boolean(),
  updatedAt: z.number(),
});
export type PrinterProfileOut = z.output<typeof printerProfile>;

export const printJob = z.object({
  id,
  station: z.string(),
  purpose: z.enum(PRINT_PURPOSES),
  document: printDocument,
  orderId: id.nullable(),
  orderNumber: z.string().nullable(),
  copies: z.number().int(),
  profileId: id.nullable(),
  profileName: z.string().nullable(),
  status: z.enum(PRINT_JOB_STATUSES),
  attempts: z.number().int(),
  /** Why the job waits or was refused; translated by the screen (printing:message.<code>). */
  messageCode: z.string().nullable(),
  messageDetail: z.string().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
  printedAt: z.number().nullable(),
});
export type PrintJobOut = z.output<typeof printJob>;

const printerStatus = z.object({
  state: z.enum(['ready', 'paper_out', 'head_open', 'paused', 'error', 'unknown', 'unreachable', 'desktop_only']),
  detail: z.string().nullable(),
});

const preview = z.object({
  pngBase64: z.string(),
  widthDots: z.number().int(),
  heightDots: z.number().int(),
  dpi: z.number().int(),
  /** The profile the preview was made for; null when the station has none and a default was used. */
  profileId: id.nullable(),
  trackingNumber: z.string().nullable(),
});

const virtualLabel = z.object({
  id: z.number().int(),
  printer: z.enum(['label', 'slip']),
  at: z.number(),
  language: z.string(),
  pngBase64: z.string(),
  widthDots: z.number().int(),
  heightDots: z.number().int(),
});

const stationInput = { station: z.string().trim().min(1).max(60).optional() };

export const printingContract = {
  /** The printers of a station (the caller's unless named). */
  'printers.list': command({ role: 'packer', readonly: true, input: z.object(stationInput).strict(), output: z.array(printerProfile) }),
  'printers.create': command({ role: 'manager', input: profileFields.extend(stationInput).strict(), output: printerProfile }),
  'printers.update': command({ role: 'manager', input: profileFields.partial().extend({ id }).strict(), output: printerProfile }),
  /** Archives the profile: jobs that printed on it keep their history. */
  'printers.delete': command({ role: 'manager', input: z.object({ id }).strict(), output: ok }),
  /** Queues the calibration label on this printer. */
  'printers.test': command({ role: 'packer', input: z.object({ id }).strict(), output: z.object({ printJobId: id }) }),
  /** Asks the printer how it is (paper, head), where its language has a status query. */
  'printers.status': command({ role: 'packer', readonly: true, input: z.object({ id }).strict(), output: printerStatus }),
  /** The demo shop's virtual printers: the labels they received, newest first. */
  'printers.virtualRecent': command({ role: 'packer', readonly: true, input: z.object({ limit: z.number().int().min(1).max(50).default(20) }).strict(), output: z.array(virtualLabel) }),

  /** This station's recent print jobs, newest first. */
  'print.queue': command({ role: 'packer', readonly: true, input: z.object({ limit: z.number().int().min(1).max(200).default(30) }).strict(), output: z.array(printJob) }),
  /** Queues a document at this station (a packing slip, a pick list, a label). */
  'print.document': command({
    role: 'packer',
    input: z.object({ document: printDocument, purpose: z.enum(PRINT_PURPOSES).optional(), copies: z.number().int().min(1).max(20).default(1) }).strict(),
    output: z.object({ printJobId: id }),
  }),
  'print.retry': command({ role: 'packer', input: z.object({ id }).strict(), output: printJob }),
  'print.cancel': command({ role: 'packer', input: z.object({ id }).strict(), output: printJob }),
  /** The order's shipping label again, on this station's label printer. */
  'print.reprintLabel': command({ role: 'packer', input: z.object({ orderId: id }).strict(), output: z.object({ printJobId: id }) }),
  /** Exactly the bitmap the printer would get, as a PNG. */
  'print.preview': command({ role: 'packer', readonly: true, input: z.object({ document: printDocument, profileId: id.optional() }).strict(), output: preview }),
};

