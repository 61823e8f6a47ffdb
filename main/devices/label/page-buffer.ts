// The page a label is drawn on, one grey byte per dot, and the scratch canvases Skia draws into when
// an element cannot be written on whole dots. Split from raster.ts, which decides what to draw.
import { createCanvas, ImageData, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { createBitmap, type Bitmap } from './bitmap.js';
import type { Run } from './text-runs.js';

const BAYER4 = [0, 8, 2, 10, 12, 4, 14, 6, 3, 11, 1, 9, 15, 7, 13, 5];

/**
 * The page being drawn, one grey byte per dot (255 = paper, 0 = black). Only black and white are
 * ever drawn, so a grey byte is what the old full-page canvas held in each of R, G and B. Shapes on
 * whole dots are written straight in; text is drawn by Skia into a small scratch canvas and copied
 * in, so nothing reads back or thresholds the whole page: only the rectangles something touched.
 */
export class Page {
  readonly grey: Uint8Array;
  readonly grey32: Uint32Array;
  /** Rectangles [x0, y0, x1, y1) in page dots that may hold ink; thresholded at the end. */
  dirty: number[] = [];
  /** Single dots text was blitted to (indices into grey), thresholded and cleared one by one. */
  dots = new Int32Array(1 << 16);
  dotCount = 0;
  constructor(
    readonly w: number,
    readonly h: number,
  ) {
    this.grey = new Uint8Array(w * h).fill(255);
    this.grey32 = new Uint32Array(this.grey.buffer, 0, (w * h) >> 2);
  }

  /** Clips a rectangle to the page and marks it dirty; null when nothing is left. */
  touch(x0: number, y0: number, x1: number, y1: number): [number, number, number, number] | null {
    x0 = Math.max(0, x0);
    y0 = Math.max(0, y0);
    x1 = Math.min(this.w, x1);
    y1 = Math.min(this.h, y1);
    if (x0 >= x1 || y0 >= y1) return null;
    this.dirty.push(x0, y0, x1, y1);
    return [x0, y0, x1, y1];
  }

  /** fillRect in black, as the canvas does it (a negative size extends to the left or up). */
  fill(x: number, y: number, w: number, h: number): void {
    if (w < 0) {
      x += w;
      w = -w;
    }
    if (h < 0) {
      y += h;
      h = -h;
    }
    const r = this.touch(x, y, x + w, y + h);
    if (!r) return;
    for (let yy = r[1]; yy < r[3]; yy++) this.grey.fill(0, yy * this.w + r[0], yy * this.w + r[2]);
  }

  /** The 'difference' blend with white: every dot becomes its complement. */
  invert(x: number, y: number, w: number, h: number): void {
    const r = this.touch(x, y, x + w, y + h);
    if (!r) return;
    const g = this.grey;
    for (let yy = r[1]; yy < r[3]; yy++) {
      for (let i = yy * this.w + r[0], end = yy * this.w + r[2]; i < end; i++) g[i] = 255 - g[i];
    }
  }

  /** The ordered-dither shade, its 4×4 tile anchored at (ox, oy) as the canvas pattern was. */
  shade(x: number, y: number, w: number, h: number, shade: number, ox: number, oy: number): void {
    const r = this.touch(x, y, x + w, y + h);
    if (!r) return;
    const level = Math.round(shade * 16);
    for (let yy = r[1]; yy < r[3]; yy++) {
      const ty = (((yy - oy) % 4) + 4) % 4;
      for (let xx = r[0]; xx < r[2]; xx++) {
        // The pattern replaces what was there (source-over with opaque tile pixels).
        this.grey[yy * this.w + xx] = BAYER4[ty * 4 + ((((xx - ox) % 4) + 4) % 4)] < level ? 0 : 255;
      }
    }
  }

  /**
   * Black text coverage (as grey on white) drawn over the page at (px, py). Over paper or over
   * black the result is exact without Skia; anywhere else returns false so the caller lets Skia
   * blend it.
   */
  blitText(run: Run, px: number, py: number): boolean {
    const g = this.grey;
    const { at, value } = run;
    const n = value.length;
    const inside = px >= 0 && py >= 0 && px + run.w <= this.w && py + run.h <= this.h;
    const offs = inside ? pageOffsets(run, this.w) : null;
    const base = py * this.w + px;
    // Blending black over paper or over black needs no Skia; over grey it does.
    for (let k = 0; k < n; k++) {
      const s = value[k];
      if (s === 0) continue;
      const i = offs ? base + offs[k] : this.clipIndex(run, k, px, py);
      if (i < 0) continue;
      const d = g[i];
      if (d !== 255 && d !== 0) return false;
    }
    if (this.dotCount + n > this.dots.length) {
      const grown = new Int32Array(Math.max(this.dots.length * 2, this.dotCount + n));
      grown.set(this.dots.subarray(0, this.dotCount));
      this.dots = grown;
    }
    const dots = this.dots;
    let c = this.dotCount;
    for (let k = 0; k < n; k++) {
      const i = offs ? base + offs[k] : this.clipIndex(run, k, px, py);
      if (i < 0) continue;
      const s = value[k];
      if (s < g[i]) {
        g[i] = s;
        dots[c++] = i;
      }
    }
    this.dotCount = c;
    return true;
  }

  /** Page index of a run's k-th dot placed at (px, py), -1 when off the page. */
  private clipIndex(run: Run, k: number, px: number, py: number): number {
    const a = run.at[k];
    const x = px + (a % run.w);
    const y = py + Math.floor(a / run.w);
    return x < 0 || y < 0 || x >= this.w || y >= this.h ? -1 : y * this.w + x;
  }

  toBitmap(threshold: number): Bitmap {
    const out = createBitmap(this.w, this.h);
    const g = this.grey;
    const g32 = this.grey32;
    const data = out.data;
    const bpr = out.bytesPerRow;
    const d = this.dirty;
    for (let k = 0; k < d.length; k += 4) {
      const x0 = d[k];
      const x1 = d[k + 2];
      for (let y = d[k + 1]; y < d[k + 3]; y++) {
        const row = y * bpr;
        const base = y * this.w;
        let x = x0;
        while (x < x1) {
          // Four dots of paper at a time: most of any text box is white.
          if ((base + x) % 4 === 0 && x + 4 <= x1 && g32[(base + x) >> 2] === 0xffffffff) {
            x += 4;
            continue;
          }
          if (g[base + x] < threshold) data[row + (x >> 3)] |= 0x80 >> (x & 7);
          x++;
        }
      }
    }
    const dots = this.dots;
    const w = this.w;
    for (let k = 0; k < this.dotCount; k++) {
      const i = dots[k];
      if (g[i] < threshold) {
        const y = (i / w) | 0;
        const x = i - y * w;
        data[y * bpr + (x >> 3)] |= 0x80 >> (x & 7);
      }
    }
    return out;
  }

  /** Back to blank paper, touching only what was drawn. */
  clear(): void {
    const d = this.dirty;
    for (let k = 0; k < d.length; k += 4) {
      for (let y = d[k + 1]; y < d[k + 3]; y++) this.grey.fill(255, y * this.w + d[k], y * this.w + d[k + 2]);
    }
    this.dirty = [];
    for (let k = 0; k < this.dotCount; k++) this.grey[this.dots[k]] = 255;
    this.dotCount = 0;
  }
}

let cachedPage: Page | undefined;

export function pageFor(w: number, h: number): Page {
  if (!cachedPage || cachedPage.w !== w || cachedPage.h !== h) cachedPage = new Page(w, h);
  else cachedPage.clear();
  return cachedPage;
}

/**
 * Scratch canvases: a small one for text lines and a page-sized one for the rare element Skia
 * must draw in place. Kept apart because reading back after drawing costs in proportion to the
 * whole canvas, not just the region read.
 */
let lineCanvas: { canvas: Canvas; ctx: SKRSContext2D } | undefined;
let pageCanvas: { canvas: Canvas; ctx: SKRSContext2D } | undefined;

export function scratch(which: 'line' | 'page', w: number, h: number): SKRSContext2D {
  let s = which === 'line' ? lineCanvas : pageCanvas;
  if (!s || s.canvas.width < w || s.canvas.height < h) {
    const canvas = createCanvas(Math.max(w, s?.canvas.width ?? 0, 64), Math.max(h, s?.canvas.height ?? 0, 32));
    s = { canvas, ctx: canvas.getContext('2d', { willReadFrequently: true }) };
    if (which === 'line') lineCanvas = s;
    else pageCanvas = s;
  }
  const ctx = s.ctx;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalCompositeOperation = 'source-over';
  return ctx;
}

/**
 * Lets Skia draw into a region [x0, x0+w) × [y0, y0+h) of the page exactly as it would have on a
 * full-page canvas: the region's current dots go in at the same place on a page-sized scratch
 * canvas, `draw` runs with the page's transform (translate by (ox, oy)), the region comes back.
 * Same coordinates, same matrix: Skia's sampling and blending cannot differ from the old path.
 */
export function drawWithSkia(page: Page, x0: number, y0: number, w: number, h: number, ox: number, oy: number, draw: (ctx: SKRSContext2D) => void): void {
  const r = page.touch(x0, y0, x0 + w, y0 + h);
  if (!r) return;
  [x0, y0] = r;
  w = r[2] - r[0];
  h = r[3] - r[1];
  const ctx = scratch('page', page.w, page.h);
  const rgba = new Uint8ClampedArray(w * h * 4);
  for (let y = 0, q = 0; y < h; y++) {
    for (let i = (y0 + y) * page.w + x0, end = i + w; i < end; i++, q += 4) {
      rgba[q] = rgba[q + 1] = rgba[q + 2] = page.grey[i];
      rgba[q + 3] = 255;
    }
  }
  ctx.putImageData(new ImageData(rgba, w, h), x0, y0);
  ctx.setTransform(1, 0, 0, 1, ox, oy);
  ctx.fillStyle = '#000000';
  draw(ctx);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  const back = ctx.getImageData(x0, y0, w, h).data;
  for (let y = 0, q = 0; y < h; y++) {
    for (let i = (y0 + y) * page.w + x0, end = i + w; i < end; i++, q += 4) page.grey[i] = luma(back, q);
  }
}

/** Grey level of an RGBA pixel over white paper, rounded down so thresholds compare as before. */
export function luma(rgba: Uint8ClampedArray, q: number): number {
  const a = rgba[q + 3];
  const l = rgba[q] * 299 + rgba[q + 1] * 587 + rgba[q + 2] * 114;
  const over = a === 255 ? l : (l * a + 255000 * (255 - a)) / 255;
  return Math.floor(over / 1000);
}

/** Where each inked dot of a text run lands on a page of this width. */
export function pageOffsets(run: Run, pageWidth: number): Int32Array {
  if (run.offsets?.pageWidth === pageWidth) return run.offsets.offs;
  const offs = new Int32Array(run.at.length);
  for (let k = 0; k < offs.length; k++) {
    const dx = run.at[k] % run.w;
    offs[k] = ((run.at[k] - dx) / run.w) * pageWidth + dx;
  }
  run.offsets = { pageWidth, offs };
  return offs;
}
