// TSPL/TSPL2 writer (TSC and most low-cost 100×150 printers). Text and shapes travel as one
// BITMAP because printer fonts have no Vietnamese; barcodes use BARCODE so the printer draws
// crisp bars itself.
import { inkBounds, type Bitmap } from '../bitmap.js';
import type { Label } from '../label-model.js';
import { MEDIA, type PrinterProfile } from '../media.js';
import { pagePlacement, rasterPage } from './page.js';

const CRLF = '\r\n';

function fmtMm(n: number): string {
  return Number(n.toFixed(2)).toString();
}

/**
 * BITMAP of a byte-aligned region of the page, cut out and inverted in one pass straight into the
 * output (TSPL BITMAP data uses 0 for a printed dot, the opposite of our bitmap).
 */
function bitmapCommand(b: Bitmap, byteX: number, y: number, byteWidth: number, height: number): Buffer {
  // Mode 0 = OVERWRITE; the page was cleared by CLS so it only matters where images overlap.
  const head = `BITMAP ${byteX * 8},${y},${byteWidth},${height},0,`;
  const out = Buffer.allocUnsafe(head.length + byteWidth * height + CRLF.length);
  let o = out.write(head, 0, 'latin1');
  const src = b.data;
  for (let r = 0; r < height; r++) {
    for (let i = (y + r) * b.bytesPerRow + byteX, end = i + byteWidth; i < end; i++) out[o++] = ~src[i] & 0xff;
  }
  out.write(CRLF, o, 'latin1');
  return out;
}

export interface TsplOptions {
  copies?: number;
}

/** The job header: media size, gap, direction, darkness, clear. */
function header(widthMm: number, heightMm: number, profile: PrinterProfile): string[] {
  const m = MEDIA[profile.media];
  return [
    `SIZE ${fmtMm(widthMm)} mm,${fmtMm(heightMm)} mm`,
    // Continuous media has no gap; label stock's gap lets the sensor find each label's top.
    m.kind === 'label' ? `GAP ${fmtMm(m.gapMm)} mm,0 mm` : 'GAP 0 mm,0 mm',
    'DIRECTION 1,0',
    'REFERENCE 0,0',
    `DENSITY ${Math.round(profile.darkness)}`,
    'CLS',
  ];
}

export function encodeTspl(label: Label, profile: PrinterProfile, opts: TsplOptions = {}): Buffer {
  const page = pagePlacement(label, profile);
  const { bitmap, natives } = rasterPage(label, profile, { code128: true, qr: false });
  const parts: Buffer[] = [Buffer.from(header(page.widthMm, page.heightMm, profile).join(CRLF) + CRLF, 'latin1')];
  // Only the inked rectangle is sent: a blank 100×150 mm page would be 120 kB of white.
  const ink = inkBounds(bitmap);
  if (ink) parts.push(bitmapCommand(bitmap, ink.byteX, ink.y, ink.byteWidth, ink.height));
  const lines: string[] = [];
  for (const n of natives) {
    const g = n.code128;
    if (!g || n.el.kind !== 'code128') continue;
    // "128" lets the printer pick subsets; human readable 0 (we print it in our font), rotation 0,
    // narrow = wide = module width (Code 128 has no wide/narrow ratio).
    lines.push(`BARCODE ${g.xDots},${g.yDots},"128",${g.heightDots},0,0,${g.moduleDots},${g.moduleDots},"${n.el.data}"`);
  }
  lines.push(`PRINT 1,${Math.max(1, Math.floor(opts.copies ?? 1))}`);
  parts.push(Buffer.from(lines.join(CRLF) + CRLF, 'latin1'));
  return Buffer.concat(parts);
}

/** A pre-rendered page (a carrier's PDF label) as one BITMAP. */
export function encodeTsplBitmap(bitmap: Bitmap, profile: PrinterProfile, pageMm: { widthMm: number; heightMm: number }): Buffer {
  const parts: Buffer[] = [Buffer.from(header(pageMm.widthMm, pageMm.heightMm, profile).join(CRLF) + CRLF, 'latin1')];
  const ink = inkBounds(bitmap);
  if (ink) parts.push(bitmapCommand(bitmap, ink.byteX, ink.y, ink.byteWidth, ink.height));
  parts.push(Buffer.from(`PRINT 1,1${CRLF}`, 'latin1'));
  return Buffer.concat(parts);
}
