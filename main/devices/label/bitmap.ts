// The 1-bit bitmap every printer path shares: rows of packed bits, most significant bit first,
// 1 = black (TSPL inverts this on the wire; its encoder does that, not this type).
import { encodePng1 } from './png-1bit.js';

export interface Bitmap {
  widthDots: number;
  heightDots: number;
  bytesPerRow: number;
  data: Uint8Array;
}

export function createBitmap(widthDots: number, heightDots: number): Bitmap {
  const bytesPerRow = Math.ceil(widthDots / 8);
  return { widthDots, heightDots, bytesPerRow, data: new Uint8Array(bytesPerRow * heightDots) };
}

export function getPixel(b: Bitmap, x: number, y: number): boolean {
  if (x < 0 || y < 0 || x >= b.widthDots || y >= b.heightDots) return false;
  return (b.data[y * b.bytesPerRow + (x >> 3)] & (0x80 >> (x & 7))) !== 0;
}

/**
 * Packs RGBA pixels to bits: black where luma is below the threshold (0–255). Transparent pixels
 * count as white paper.
 */
export function bitmapFromRgba(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, threshold: number): Bitmap {
  const out = createBitmap(width, height);
  const t = threshold * 1000;
  // Most of a label is white paper: compare whole pixels first, work out luma only for the rest.
  const words = rgba.byteOffset % 4 === 0 ? new Uint32Array(rgba.buffer, rgba.byteOffset, width * height) : null;
  for (let y = 0; y < height; y++) {
    const row = y * out.bytesPerRow;
    let q = y * width;
    for (let x = 0; x < width; x++, q++) {
      if (words && words[q] === 0xffffffff) continue;
      const p = q * 4;
      const a = rgba[p + 3];
      // luma × 1000 with alpha over white: cheaper than floats and exact enough for a threshold
      const luma = rgba[p] * 299 + rgba[p + 1] * 587 + rgba[p + 2] * 114;
      const over = a === 255 ? luma : (luma * a + 255000 * (255 - a)) / 255;
      if (over < t) out.data[row + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  return out;
}

export function bitmapFromGray(gray: Uint8Array, width: number, height: number, threshold: number): Bitmap {
  const out = createBitmap(width, height);
  for (let y = 0; y < height; y++) {
    const src = y * width;
    const row = y * out.bytesPerRow;
    for (let x = 0; x < width; x++) if (gray[src + x] < threshold) out.data[row + (x >> 3)] |= 0x80 >> (x & 7);
  }
  return out;
}

/** RGBA (black on white) for previews and PNG output. */
export function bitmapToRgba(b: Bitmap): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(b.widthDots * b.heightDots * 4).fill(255);
  for (let y = 0; y < b.heightDots; y++) {
    for (let x = 0; x < b.widthDots; x++) {
      if (b.data[y * b.bytesPerRow + (x >> 3)] & (0x80 >> (x & 7))) {
        const p = (y * b.widthDots + x) * 4;
        rgba[p] = rgba[p + 1] = rgba[p + 2] = 0;
      }
    }
  }
  return rgba;
}

export function bitmapToPng(b: Bitmap): Buffer {
  return encodePng1(b);
}

/** Smallest rectangle (x in whole bytes) holding every black dot; null for a blank bitmap. */
export function inkBounds(b: Bitmap): { byteX: number; y: number; byteWidth: number; height: number } | null {
  let top = -1;
  let bottom = -1;
  let left = b.bytesPerRow;
  let right = -1;
  const data = b.data;
  const bpr = b.bytesPerRow;
  for (let y = 0; y < b.heightDots; y++) {
    const row = y * bpr;
    // First ink from the left (a blank row is read once), then from the right only as far as
    // the rows above already reach.
    let i = 0;
    while (i < bpr && data[row + i] === 0) i++;
    if (i === bpr) continue;
    if (top < 0) top = y;
    bottom = y;
    if (i < left) left = i;
    let j = bpr - 1;
    while (j > right && data[row + j] === 0) j--;
    if (j > right) right = j;
  }
  if (top < 0) return null;
  return { byteX: left, y: top, byteWidth: right - left + 1, height: bottom - top + 1 };
}

/** Copies a byte-aligned region (used to send only the inked part of a label). */
export function cropBytes(b: Bitmap, byteX: number, y: number, byteWidth: number, height: number): Bitmap {
  const out: Bitmap = { widthDots: byteWidth * 8, heightDots: height, bytesPerRow: byteWidth, data: new Uint8Array(byteWidth * height) };
  for (let r = 0; r < height; r++) {
    const src = (y + r) * b.bytesPerRow + byteX;
    out.data.set(b.data.subarray(src, src + byteWidth), r * byteWidth);
  }
  return out;
}

/** Number of black dots in a rectangle, for tests and for "is anything printed here" checks. */
export function countInk(b: Bitmap, x = 0, y = 0, w = b.widthDots, h = b.heightDots): number {
  let n = 0;
  for (let yy = Math.max(0, y); yy < Math.min(b.heightDots, y + h); yy++) {
    for (let xx = Math.max(0, x); xx < Math.min(b.widthDots, x + w); xx++) if (getPixel(b, xx, yy)) n++;
  }
  return n;
}
