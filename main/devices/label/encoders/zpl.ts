// ZPL II writer (Zebra and clones). Text and shapes travel as ^GFA graphic fields; Code 128 and
// QR are ^BC/^BQ so the printer draws them. ^CI28 (UTF-8) is declared for any native text field,
// though our own text is always rasterised (printer fonts lack Vietnamese without a download).
import { cropBytes, inkBounds, type Bitmap } from '../bitmap.js';
import type { Label } from '../label-model.js';
import type { PrinterProfile } from '../media.js';
import { dotsPerMm } from '../media.js';
import { pagePlacement, rasterPage } from './page.js';

const HEX = '0123456789ABCDEF';

/** Repeat count for ZPL ASCII compression: z=400, g…y = 20…380, G…Y = 1…19. */
const prefixCache: Uint8Array[] = [];

function repeatPrefix(n: number): Uint8Array {
  return (prefixCache[n] ??= Buffer.from(buildPrefix(n), 'latin1'));
}

function buildPrefix(n: number): string {
  let s = '';
  while (n >= 400) {
    s += 'z';
    n -= 400;
  }
  if (n >= 20) {
    s += String.fromCharCode('f'.charCodeAt(0) + Math.floor(n / 20));
    n %= 20;
  }
  if (n > 1) s += String.fromCharCode('F'.charCodeAt(0) + n);
  else if (n === 1 && s !== '') s += 'G';
  return s;
}

const HEX_CODES = Uint8Array.from(HEX, (c) => c.charCodeAt(0));

/**
 * ZPL's ASCII compression for ^GFA: runs become count letters, a row ending in white is ",",
 * in black "!", and a row equal to the previous one is ":". Labels are mostly white, so a
 * 100×150 mm page shrinks from ~240 kB of hex to a few tens of kB.
 */
export function zplCompressRows(b: Bitmap): string {
  return zplCompressRegion(b, 0, 0, b.bytesPerRow, b.heightDots);
}

/** The same for a byte-aligned region of a bitmap, read in place (no copy of the region). */
export function zplCompressRegion(b: Bitmap, byteX: number, y0: number, byteWidth: number, height: number): string {
  const n = byteWidth * 2; // hex digits per row
  const data = b.data;
  const bpr = b.bytesPerRow;
  // Worst case every digit stands alone: n bytes per row plus a separator.
  const out = Buffer.allocUnsafe((n + 1) * height);
  let o = 0;
  for (let y = 0; y < height; y++) {
    const row = (y0 + y) * bpr + byteX;
    const end = row + byteWidth;
    if (y > 0) {
      let same = true;
      for (let i = row, p = row - bpr; i < end; i++, p++) {
        if (data[i] !== data[p]) {
          same = false;
          break;
        }
      }
      if (same) {
        out[o++] = 0x3a; // ':'
        continue;
      }
    }
    // Nibble runs, read two to a byte.
    let i = 0;
    while (i < n) {
      const v = i & 1 ? data[row + (i >> 1)] & 15 : data[row + (i >> 1)] >> 4;
      let j = i + 1;
      if (!(j & 1) || (data[row + (j >> 1)] & 15) === v) {
        if (j & 1) j++;
        // Whole bytes of vv while they last, then maybe one more high nibble.
        const vv = v * 17;
        while (j < n && data[row + (j >> 1)] === vv) j += 2;
        if (j < n && data[row + (j >> 1)] >> 4 === v) j++;
      }
      if (j === n && (v === 0 || v === 15)) {
        out[o++] = v === 0 ? 0x2c : 0x21; // ',' or '!'
        break;
      }
      if (j - i > 1) {
        const p = repeatPrefix(j - i);
        for (let k = 0; k < p.length; k++) out[o++] = p[k];
      }
      out[o++] = HEX_CODES[v];
      i = j;
    }
  }
  return out.toString('latin1', 0, o);
}

function plainHex(b: Bitmap): string {
  return Buffer.from(b.data).toString('hex').toUpperCase();
}

/** ^GFA of the inked region of the page; compressed data is read in place, plain hex from a copy. */
function graphicField(page: Bitmap, ink: { byteX: number; y: number; byteWidth: number; height: number }, compress: boolean): string {
  const total = ink.byteWidth * ink.height;
  const data = compress ? zplCompressRegion(page, ink.byteX, ink.y, ink.byteWidth, ink.height) : plainHex(cropBytes(page, ink.byteX, ink.y, ink.byteWidth, ink.height));
  return `^FO${ink.byteX * 8},${ink.y}^GFA,${total},${total},${ink.byteWidth},${data}^FS`;
}

export interface ZplOptions {
  compress?: boolean; // default true
  copies?: number;
}

function header(widthDots: number, heightDots: number, profile: PrinterProfile): string[] {
  return [
    // ~SD takes 00–30; our darkness is on TSPL's 0–15 scale.
    `~SD${String(Math.round(profile.darkness * 2)).padStart(2, '0')}`,
    '^XA',
    '^CI28',
    `^PW${widthDots}`,
    `^LL${heightDots}`,
    '^LH0,0',
  ];
}

export function encodeZpl(label: Label, profile: PrinterProfile, opts: ZplOptions = {}): Buffer {
  const page = pagePlacement(label, profile);
  const dpm = dotsPerMm(profile.dpi);
  const { bitmap, natives } = rasterPage(label, profile, { code128: true, qr: true });
  const lines = header(Math.round(page.widthMm * dpm), Math.round(page.heightMm * dpm), profile);
  const ink = inkBounds(bitmap);
  if (ink) lines.push(graphicField(bitmap, ink, opts.compress ?? true));
  for (const n of natives) {
    if (n.code128 && n.el.kind === 'code128') {
      const g = n.code128;
      // ^BY module width; ^BC: normal orientation, height, no interpretation line (ours is in the
      // graphic), mode A lets the printer choose subsets as bwip-js did.
      lines.push(`^FO${g.xDots},${g.yDots}^BY${g.moduleDots}^BCN,${g.heightDots},N,N,N,A^FD${n.el.data}^FS`);
    }
    if (n.qr && n.el.kind === 'qr') {
      const g = n.qr;
      const ec = n.el.ecLevel ?? 'M';
      // ^BQN,2 = model 2; magnification = module dots; "MA," = error correction + automatic input.
      lines.push(`^FO${g.xDots},${g.yDots}^BQN,2,${g.moduleDots},${ec}^FD${ec}A,${n.el.data}^FS`);
    }
  }
  lines.push(`^PQ${Math.max(1, Math.floor(opts.copies ?? 1))}`, '^XZ');
  return Buffer.from(lines.join('\n') + '\n', 'latin1');
}

/** A pre-rendered page (a carrier's PDF label) as one graphic field. */
export function encodeZplBitmap(bitmap: Bitmap, profile: PrinterProfile): Buffer {
  const lines = header(bitmap.widthDots, bitmap.heightDots, profile);
  const ink = inkBounds(bitmap);
  if (ink) lines.push(graphicField(bitmap, ink, true));
  lines.push('^PQ1', '^XZ');
  return Buffer.from(lines.join('\n') + '\n', 'latin1');
}
