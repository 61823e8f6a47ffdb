// Carrier and marketplace labels arrive as PDFs (sometimes PNGs). For a TSPL/ZPL/ESC-POS printer
// page 1 is rasterised at the printer's dpi, fitted to the media and thresholded to 1 bit.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createCanvas, Image } from '@napi-rs/canvas';
import { PDFiumLibrary } from '@hyzyla/pdfium';
import { bitmapFromGray, bitmapFromRgba, type Bitmap } from './bitmap.js';
import { dotsPerMm, MEDIA, layoutArea, type Dpi, type MediaName } from './media.js';
import { thresholdFor } from './raster.js';

const require = createRequire(import.meta.url);
let library: Promise<PDFiumLibrary> | undefined;

/** PDFium (WASM) loads once per process: ~0.3 s, then a page renders in tens of milliseconds. */
function pdfium(): Promise<PDFiumLibrary> {
  library ??= PDFiumLibrary.init({ wasmBinary: toArrayBuffer(readFileSync(require.resolve('@hyzyla/pdfium/pdfium.wasm'))) }).catch((err: unknown) => {
    library = undefined;
    throw err;
  });
  return library;
}

function toArrayBuffer(b: Buffer): ArrayBuffer {
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

export type DocumentKind = 'pdf' | 'png';

export function sniffDocument(bytes: Uint8Array): DocumentKind | null {
  if (bytes.length > 5 && Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-') return 'pdf';
  if (bytes.length > 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  return null;
}

export interface DocumentRasterOptions {
  dpi: Dpi;
  media: MediaName;
  darkness?: number;
  /** Turn a landscape page to fit portrait media (and the reverse) when that makes it larger. */
  autoRotate?: boolean;
}

/** The area a document is fitted into, in dots: the media's printable width × its height. */
export function targetDots(media: MediaName, dpi: Dpi, pageAspect: number): { w: number; h: number } {
  const dpm = dotsPerMm(dpi);
  const area = layoutArea(media);
  const w = Math.round(area.widthMm * dpm);
  // A roll has no height: the document keeps its aspect ratio at the roll's width.
  const h = area.heightMm === null ? Math.round(w * pageAspect) : Math.round(area.heightMm * dpm);
  return { w, h };
}

/** Rotates a greyscale image 90° clockwise. */
function rotateGray(src: Uint8Array, w: number, h: number): Uint8Array {
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out[x * h + (h - 1 - y)] = src[y * w + x];
  return out;
}

/** Centres a smaller bitmap on a white page of the target size. */
function centreOn(src: Bitmap, w: number, h: number): Bitmap {
  const bytesPerRow = Math.ceil(w / 8);
  const out: Bitmap = { widthDots: w, heightDots: h, bytesPerRow, data: new Uint8Array(bytesPerRow * h) };
  const ox = Math.max(0, Math.floor((w - src.widthDots) / 2));
  const oy = Math.max(0, Math.floor((h - src.heightDots) / 2));
  for (let y = 0; y < Math.min(src.heightDots, h - oy); y++) {
    for (let x = 0; x < Math.min(src.widthDots, w - ox); x++) {
      if (src.data[y * src.bytesPerRow + (x >> 3)] & (0x80 >> (x & 7))) {
        const xx = x + ox;
        out.data[(y + oy) * bytesPerRow + (xx >> 3)] |= 0x80 >> (xx & 7);
      }
    }
  }
  return out;
}

async function rasterPdf(bytes: Uint8Array, opts: DocumentRasterOptions): Promise<Bitmap> {
  const lib = await pdfium();
  const doc = await lib.loadDocument(bytes instanceof Buffer ? new Uint8Array(bytes) : bytes);
  try {
    if (doc.getPageCount() < 1) throw new Error('the PDF has no pages');
    const page = doc.getPage(0);
    const { originalWidth: pw, originalHeight: ph } = page.getOriginalSize();
    const target = targetDots(opts.media, opts.dpi, ph / pw);
    const fit = (w: number, h: number) => Math.min(target.w / w, target.h / h);
    const rotate = (opts.autoRotate ?? true) && MEDIA[opts.media].heightMm !== null && fit(ph, pw) > fit(pw, ph) * 1.05;
    const scale = rotate ? fit(ph, pw) : fit(pw, ph); // dots per PDF point
    const r = await page.render({ scale, colorSpace: 'Gray', render: 'bitmap' });
    let gray = r.data;
    let w = r.width;
    let h = r.height;
    if (gray.length !== w * h) throw new Error(`unexpected PDFium bitmap (${gray.length} bytes for ${w}×${h})`);
    if (rotate) {
      gray = rotateGray(gray, w, h);
      [w, h] = [h, w];
    }
    return centreOn(bitmapFromGray(gray, w, h, thresholdFor(opts.darkness)), target.w, target.h);
  } finally {
    doc.destroy();
  }
}

function rasterPng(bytes: Uint8Array, opts: DocumentRasterOptions): Bitmap {
  const img = new Image();
  img.src = Buffer.from(bytes);
  if (!img.width || !img.height) throw new Error('the PNG could not be decoded');
  const target = targetDots(opts.media, opts.dpi, img.height / img.width);
  const scale = Math.min(target.w / img.width, target.h / img.height);
  const w = Math.max(1, Math.round(img.width * scale));
  const h = Math.max(1, Math.round(img.height * scale));
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h);
  ctx.drawImage(img, 0, 0, w, h);
  return centreOn(bitmapFromRgba(ctx.getImageData(0, 0, w, h).data, w, h, thresholdFor(opts.darkness)), target.w, target.h);
}

/** Page 1 of a PDF, or a PNG, as a printer bitmap filling the media's printable area. */
export async function rasterizeDocument(bytes: Uint8Array, opts: DocumentRasterOptions): Promise<Bitmap> {
  const kind = sniffDocument(bytes);
  if (kind === 'pdf') return rasterPdf(bytes, opts);
  if (kind === 'png') return rasterPng(bytes, opts);
  throw new Error('only PDF and PNG labels can be printed');
}
