// One entry point from a label (or a carrier's document) to the bytes a printer takes.
import { createBitmap, type Bitmap } from '../bitmap.js';
import { assertValidLabel, type Label } from '../label-model.js';
import { checkProfile, dotsPerMm, MEDIA, type PrinterLanguage, type PrinterProfile } from '../media.js';
import { rasterizeDocument, sniffDocument } from '../pdf-raster.js';
import { encodeEscpos, encodeEscposBitmap } from './escpos.js';
import { encodePdf, encodePdfBitmap } from './pdf.js';
import { encodeTspl, encodeTsplBitmap } from './tspl.js';
import { encodeZpl, encodeZplBitmap } from './zpl.js';

/** Content types the transports understand; the language decides the status query. */
export const CONTENT_TYPES: Record<PrinterLanguage, string> = {
  tspl: 'application/vnd.packdesk.tspl',
  zpl: 'application/vnd.packdesk.zpl',
  escpos: 'application/vnd.packdesk.escpos',
  pdf: 'application/pdf',
};

export function languageOfContentType(contentType: string): PrinterLanguage | null {
  const hit = (Object.entries(CONTENT_TYPES) as [PrinterLanguage, string][]).find(([, ct]) => ct === contentType);
  return hit ? hit[0] : null;
}

export interface EncodedLabel {
  contentType: string;
  bytes: Buffer;
}

export class PrinterProfileError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid printer profile: ${problems.join('; ')}`);
    this.name = 'PrinterProfileError';
  }
}

function assertProfile(profile: PrinterProfile): void {
  const problems = checkProfile(profile);
  if (problems.length) throw new PrinterProfileError(problems);
}

export async function encodeLabel(label: Label, profile: PrinterProfile): Promise<EncodedLabel> {
  assertProfile(profile);
  assertValidLabel(label);
  const contentType = CONTENT_TYPES[profile.language];
  switch (profile.language) {
    case 'tspl':
      return { contentType, bytes: encodeTspl(label, profile) };
    case 'zpl':
      return { contentType, bytes: encodeZpl(label, profile) };
    case 'escpos':
      return { contentType, bytes: await encodeEscpos(label, profile) };
    case 'pdf':
      return { contentType, bytes: await encodePdf(label, profile) };
  }
}

/**
 * Puts a bitmap made for the media's printable area onto the printer's page: at the margin on
 * sheets, shifted by the profile's offsets (whole dots), clipped at the page edges.
 */
export function placeOnPage(bitmap: Bitmap, profile: PrinterProfile): { page: Bitmap; widthMm: number; heightMm: number } {
  const m = MEDIA[profile.media];
  const dpm = dotsPerMm(profile.dpi);
  const roll = m.kind === 'roll' || m.heightMm === null;
  const widthMm = roll ? bitmap.widthDots / dpm : m.widthMm;
  const heightMm = roll ? bitmap.heightDots / dpm : m.heightMm!;
  const page = createBitmap(Math.round(widthMm * dpm), Math.round(heightMm * dpm));
  const ox = Math.round(((roll ? 0 : m.marginMm) + profile.offsetXmm) * dpm);
  const oy = Math.round(((roll ? 0 : m.marginMm) + profile.offsetYmm) * dpm);
  for (let y = 0; y < bitmap.heightDots; y++) {
    const ty = y + oy;
    if (ty < 0 || ty >= page.heightDots) continue;
    for (let x = 0; x < bitmap.widthDots; x++) {
      const tx = x + ox;
      if (tx < 0 || tx >= page.widthDots) continue;
      if (bitmap.data[y * bitmap.bytesPerRow + (x >> 3)] & (0x80 >> (x & 7))) page.data[ty * page.bytesPerRow + (tx >> 3)] |= 0x80 >> (tx & 7);
    }
  }
  return { page, widthMm, heightMm };
}

/** A ready bitmap (sized for the media's printable area) in the profile's language. */
export async function encodeBitmap(bitmap: Bitmap, profile: PrinterProfile): Promise<EncodedLabel> {
  assertProfile(profile);
  const { page, widthMm, heightMm } = placeOnPage(bitmap, profile);
  const contentType = CONTENT_TYPES[profile.language];
  switch (profile.language) {
    case 'tspl':
      return { contentType, bytes: encodeTsplBitmap(page, profile, { widthMm, heightMm }) };
    case 'zpl':
      return { contentType, bytes: encodeZplBitmap(page, profile) };
    case 'escpos':
      return { contentType, bytes: await encodeEscposBitmap(page) };
    case 'pdf':
      return { contentType, bytes: await encodePdfBitmap(page, { widthMm, heightMm }) };
  }
}

/**
 * A carrier's or marketplace's label file (PDF or PNG) for this printer. A PDF for a PDF printer
 * passes through untouched: the OS driver renders it better than a 1-bit copy would.
 */
export async function encodeDocument(bytes: Uint8Array, profile: PrinterProfile): Promise<EncodedLabel> {
  assertProfile(profile);
  const kind = sniffDocument(bytes);
  if (!kind) throw new Error('only PDF and PNG labels can be printed');
  if (profile.language === 'pdf' && kind === 'pdf') return { contentType: CONTENT_TYPES.pdf, bytes: Buffer.from(bytes) };
  const bitmap = await rasterizeDocument(bytes, { dpi: profile.dpi, media: profile.media, darkness: profile.darkness });
  return encodeBitmap(bitmap, profile);
}
