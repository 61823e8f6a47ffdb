import { z } from 'zod';
import { MEDIA, type MediaName, type PrinterLanguage, type PrinterProfile } from '../../devices/label/media.js';
import { PRINT_PURPOSES, type PrintPurpose } from './print-documents.js';

// What a printer profile may say, and which combinations make sense. Pure: the API validates its input
// with these schemas, the repository re-reads stored JSON through them, the unit tests need no store.

export const PRINTER_LANGUAGES = ['escpos', 'tspl', 'zpl', 'pdf'] as const satisfies readonly PrinterLanguage[];
export const MEDIA_NAMES = ['100x150', '100x100', '80mm', '58mm', 'a5', 'a6'] as const satisfies readonly MediaName[];

const host = z.string().trim().min(1).max(253)
  .regex(/^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$|^\[?[0-9A-Fa-f:]+\]?$/, 'A host name or IP address such as 192.168.1.50');

export const printerTransport = z.discriminatedUnion('kind', [
  /** Raw TCP, port 9100 on almost every network label printer. */
  z.object({ kind: z.literal('tcp'), host, port: z.number().int().min(1).max(65535).default(9100) }),
  /** A printer installed in the operating system, reached through the desktop app (PDF only). */
  z.object({ kind: z.literal('os'), printerName: z.string().trim().min(1).max(200) }),
  /** A device file (/dev/usb/lp0, \\.\COM3) or a plain file for capture. */
  z.object({ kind: z.literal('file'), path: z.string().trim().min(1).max(500) }),
]);
export type PrinterTransportConfig = z.output<typeof printerTransport>;

export const profileFields = z.object({
  name: z.string().trim().min(1).max(80),
  purposes: z.array(z.enum(PRINT_PURPOSES)).max(3).default([]),
  transport: printerTransport,
  language: z.enum(PRINTER_LANGUAGES),
  media: z.enum(MEDIA_NAMES),
  dpi: z.union([z.literal(203), z.literal(300)]).default(203),
  offsetXmm: z.number().min(-20).max(20).default(0),
  offsetYmm: z.number().min(-20).max(20).default(0),
  darkness: z.number().int().min(0).max(15).default(8),
  active: z.boolean().default(true),
});
export type ProfileFields = z.output<typeof profileFields>;

/** Why a language cannot print on a medium, as a message key (printing.json: invalid.*), or null. */
export type CombinationProblem = 'escpos_needs_roll' | 'roll_needs_escpos_or_pdf' | 'sheet_needs_pdf' | 'os_needs_pdf';

/**
 * ESC/POS is a receipt-printer language: rolls only. TSPL and ZPL label printers feed die-cut stock
 * (the gap sensor needs it); 58/80 mm rolls are receipt printers. A5/A6 sheets go through an office
 * printer's driver, which takes PDF. And the OS print path is PDF whatever the printer.
 */
export function combinationProblem(p: { language: PrinterLanguage; media: MediaName; transport?: { kind: string } }): CombinationProblem | null {
  const kind = MEDIA[p.media].kind;
  if (p.transport?.kind === 'os' && p.language !== 'pdf') return 'os_needs_pdf';
  if (p.language === 'escpos' && kind !== 'roll') return 'escpos_needs_roll';
  if ((p.language === 'tspl' || p.language === 'zpl') && kind === 'roll') return 'roll_needs_escpos_or_pdf';
  if (kind === 'sheet' && p.language !== 'pdf') return 'sheet_needs_pdf';
  return null;
}

/** The purpose a document prints for when the caller does not say. */
export const DEFAULT_PURPOSE: Record<'shipment-label' | 'packing-slip' | 'pick-list' | 'test', PrintPurpose> = {
  'shipment-label': 'label', 'packing-slip': 'slip', 'pick-list': 'document', test: 'label',
};

export const toDeviceProfile = (f: Pick<ProfileFields, 'language' | 'media' | 'dpi' | 'offsetXmm' | 'offsetYmm' | 'darkness'>): PrinterProfile => ({
  language: f.language, media: f.media, dpi: f.dpi, offsetXmm: f.offsetXmm, offsetYmm: f.offsetYmm, darkness: f.darkness,
});

/**
 * The profile a job prints on: an active profile of the station that names the purpose, else (for a
 * desk with a single printer) its only active profile. The lowest id wins so the choice is stable.
 */
export function chooseProfile<P extends { id: number; active: boolean; purposes: readonly PrintPurpose[] }>(profiles: readonly P[], purpose: PrintPurpose): P | null {
  const active = profiles.filter((p) => p.active).sort((a, b) => a.id - b.id);
  return active.find((p) => p.purposes.includes(purpose)) ?? (active.length === 1 ? active[0] : null);
}
