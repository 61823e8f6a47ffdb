import type { Bitmap } from '../../devices/label/bitmap.js';
import { encodeBitmap, encodeLabel, placeOnPage, type EncodedLabel } from '../../devices/label/encoders/encode-label.js';
import { rasterPage } from '../../devices/label/encoders/page.js';
import type { PrinterProfile } from '../../devices/label/media.js';
import { rasterizeDocument } from '../../devices/label/pdf-raster.js';
import { CONTENT_TYPES } from '../../devices/label/encoders/encode-label.js';
import type { PrintSource } from './print-sources.js';

export interface Rendered {
  /** The page as the printer's head sees it, in dots: what the preview shows. */
  page: Bitmap;
  /** The bytes the printer gets. */
  encoded: EncodedLabel;
}

/**
 * One label or carrier document for one printer. The preview bitmap and the bytes come from the same
 * page: a label's barcodes drawn natively by TSPL/ZPL printers use the geometry the raster uses, so the
 * printed label and its preview match dot for dot.
 */
export async function renderSource(source: Extract<PrintSource, { outcome: 'label' | 'file' }>, profile: PrinterProfile, opts: { encode: boolean }): Promise<Rendered> {
  if (source.outcome === 'label') {
    const page = rasterPage(source.label, profile, { code128: false, qr: false }).bitmap;
    const encoded = opts.encode ? await encodeLabel(source.label, profile) : { contentType: CONTENT_TYPES[profile.language], bytes: Buffer.alloc(0) };
    return { page, encoded };
  }
  const bitmap = await rasterizeDocument(source.bytes, { dpi: profile.dpi, media: profile.media, darkness: profile.darkness });
  const page = placeOnPage(bitmap, profile).page;
  if (!opts.encode) return { page, encoded: { contentType: CONTENT_TYPES[profile.language], bytes: Buffer.alloc(0) } };
  // A carrier PDF for an office printer passes through: its driver renders it better than a 1-bit copy.
  if (profile.language === 'pdf' && Buffer.from(source.bytes.subarray(0, 5)).toString('latin1') === '%PDF-') {
    return { page, encoded: { contentType: CONTENT_TYPES.pdf, bytes: Buffer.from(source.bytes) } };
  }
  return { page, encoded: await encodeBitmap(bitmap, profile) };
}
