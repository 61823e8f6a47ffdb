// Label → 1-bit bitmap at the printer's resolution. Text is drawn anti-aliased by Skia and then
// thresholded; bars, modules, lines and boxes are drawn on whole dots so they stay crisp.
import { createCanvas, Image, ImageData, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { code128Geometry, qrGeometry } from './barcode.js';
import { bitmapToPng, createBitmap, type Bitmap } from './bitmap.js';
import { canvasFont, ensureLabelFonts } from './fonts.js';
import { MM_PER_PT, type Code128Element, type Label, type LabelElement } from './label-model.js';
import { dotsPerMm, type Dpi } from './media.js';
import { placeText, textBlockHeightMm, textWidthMm } from './text-layout.js';

export interface RasterOptions {
  dpi: Dpi;
  /** 0–15: higher turns more of each anti-aliased glyph edge black (bolder text). Default 8. */
  darkness?: number;
  offsetXmm?: number;
  offsetYmm?: number;
  /**
   * Elements the encoder draws with printer commands (TSPL BARCODE, ZPL ^BC/^BQ): their bars or
   * modules are left out of the bitmap, a Code 128's human-readable line is still drawn here so it
   * uses our font like the rest of the label.
   */
  native?: (el: LabelElement, index: number) => boolean;
  /** Canvas size when it differs from the label (a label placed on a larger sheet). */
  page?: { widthMm: number; heightMm: number };
}

/** Luma below which a pixel prints. Darkness 8 → 160: keeps 1-dot diacritics at 203 dpi. */
export function thresholdFor(darkness = 8): number {
  return Math.round(96 + Math.min(15, Math.max(0, darkness)) * 8);
}

export const HUMAN_READABLE_GAP_MM = 0.6;

/** Height of a Code 128 element with its human-readable line. */
export function code128TotalHeightMm(el: Code128Element): number {
  if (!el.humanReadable) return el.heightMm;
  return el.heightMm + HUMAN_READABLE_GAP_MM + textBlockHeightMm(1, el.textSizePt ?? 9);
}

/** Where the human-readable text of a Code 128 element goes, centred under its bars (in mm). */
export function code128TextPlacement(el: Code128Element, dpi: Dpi): { text: string; xMm: number; baselineMm: number; sizePt: number } {
  const g = code128Geometry(el, dpi);
  const dpm = dotsPerMm(dpi);
  const sizePt = el.textSizePt ?? 9;
  const centre = (g.xDots + g.widthDots / 2) / dpm;
  const w = textWidthMm(el.data, sizePt, true);
  return { text: el.data, xMm: centre - w / 2, baselineMm: el.yMm + el.heightMm + HUMAN_READABLE_GAP_MM + 1.12 * sizePt * MM_PER_PT, sizePt };
}

const BAYER4 = [0, 8, 2, 10, 12, 4, 14, 6, 3, 11, 1, 9, 15, 7, 13, 5];

/**
 * The page being drawn, one grey byte per dot (255 = paper, 0 = black). Only black and white are
 * ever drawn, so a grey byte is what the old full-page canvas held in each of R, G and B. Shapes on
 * whole dots are written straight in; text is drawn by Skia into a small scratch canvas and copied
 * in, so nothing reads back or thresholds the whole page: only the rectangles something touched.
 */
class Page {
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

function pageFor(w: number, h: number): Page {
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

function scratch(which: 'line' | 'page', w: number, h: number): SKRSContext2D {
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
function drawWithSkia(page: Page, x0: number, y0: number, w: number, h: number, ox: number, oy: number, draw: (ctx: SKRSContext2D) => void): void {
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
function luma(rgba: Uint8ClampedArray, q: number): number {
  const a = rgba[q + 3];
  const l = rgba[q] * 299 + rgba[q + 1] * 587 + rgba[q + 2] * 114;
  const over = a === 255 ? l : (l * a + 255000 * (255 - a)) / 255;
  return Math.floor(over / 1000);
}

/**
 * One line of text as Skia draws it on paper: the non-white dots of a box in the page's local
 * dots, as (position in the box, grey) pairs — a line of text is mostly paper.
 */
interface Run {
  x: number; // left and top of the box, whole dots, before the page offset
  y: number;
  w: number;
  h: number;
  at: Int32Array; // row * w + column inside the box
  value: Uint8Array; // grey, < 255
  /** `at` turned into offsets on a page of the given width, made on first use. */
  offsets?: { pageWidth: number; offs: Int32Array };
}

function pageOffsets(run: Run, pageWidth: number): Int32Array {
  if (run.offsets?.pageWidth === pageWidth) return run.offsets.offs;
  const offs = new Int32Array(run.at.length);
  for (let k = 0; k < offs.length; k++) {
    const dx = run.at[k] % run.w;
    offs[k] = ((run.at[k] - dx) / run.w) * pageWidth + dx;
  }
  run.offsets = { pageWidth, offs };
  return offs;
}

/**
 * Rendered lines by font, position and text. Headings, the shop's name and address, the carrier
 * repeat on every label; an order's own lines are new. Kept small: a few hundred lines of a label
 * are a few hundred kB.
 */
const RUN_CACHE_MAX = 600;
let inkAt = new Int32Array(0);
let inkValue = new Uint8Array(0);
const runCache = new Map<string, Run>();

function renderRun(font: string, sizePx: number, text: string, x: number, y: number, widthPx: number): Run {
  const key = `${font}|${x}|${y}|${text}`;
  const hit = runCache.get(key);
  if (hit) {
    runCache.delete(key);
    runCache.set(key, hit);
    return hit;
  }
  // A box from the font's extremes (stacked Vietnamese capitals reach 1.14 em, descenders and
  // dots below 0.3 em) and the advance width already measured for layout: shaping the line again
  // to measure it costs about what reading back the margin it would save does. Widened and
  // redrawn should ink reach the box's edge.
  for (let pad = Math.ceil(sizePx * 0.08) + 2; ; pad *= 4) {
    const left = Math.floor(x) - pad;
    const right = Math.ceil(x + widthPx) + pad;
    const top = Math.floor(y - 1.18 * sizePx) - pad;
    const bottom = Math.ceil(y + 0.3 * sizePx) + pad;
    const w = Math.max(1, right - left);
    const h = Math.max(1, bottom - top);
    const ctx = scratch('line', w, h);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, w, h);
    ctx.setTransform(1, 0, 0, 1, -left, -top);
    ctx.font = font;
    ctx.textBaseline = 'alphabetic';
    ctx.fillStyle = '#000000';
    ctx.fillText(text, x, y);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    const rgba = ctx.getImageData(0, 0, w, h).data;
    const words = rgba.byteOffset % 4 === 0 ? new Uint32Array(rgba.buffer, rgba.byteOffset, w * h) : null;
    if (inkAt.length < w * h) {
      inkAt = new Int32Array(w * h);
      inkValue = new Uint8Array(w * h);
    }
    let n = 0;
    let edge = false;
    for (let row = 0, i = 0; row < h; row++) {
      const edgeRow = row === 0 || row === h - 1;
      for (let col = 0; col < w; col++, i++) {
        if (words && words[i] === 0xffffffff) continue;
        const q = i * 4;
        const r = rgba[q];
        const v = r === rgba[q + 1] && r === rgba[q + 2] && rgba[q + 3] === 255 ? r : luma(rgba, q);
        if (v === 255) continue;
        if (edgeRow || col === 0 || col === w - 1) edge = true;
        inkAt[n] = i;
        inkValue[n++] = v;
      }
    }
    if (edge && pad < 1000) continue;
    const runAt = inkAt.slice(0, n);
    const value = inkValue.slice(0, n);
    const run: Run = { x: left, y: top, w, h, at: runAt, value };
    if (runCache.size >= RUN_CACHE_MAX) runCache.delete(runCache.keys().next().value!);
    runCache.set(key, run);
    return run;
  }
}

function drawText(page: Page, sizePx: number, bold: boolean | undefined, text: string, x: number, y: number, widthPx: number, ox: number, oy: number): void {
  const font = canvasFont(sizePx, bold);
  const run = renderRun(font, sizePx, text, x, y, widthPx);
  if (page.blitText(run, run.x + ox, run.y + oy)) return;
  // Text over grey (anti-aliased edges of something drawn before): let Skia blend it.
  drawWithSkia(page, run.x + ox, run.y + oy, run.w, run.h, ox, oy, (ctx) => {
    ctx.font = font;
    ctx.textBaseline = 'alphabetic';
    ctx.fillText(text, x, y);
  });
}

function drawElement(page: Page, el: LabelElement, dpi: Dpi, native: boolean, ox: number, oy: number): void {
  const dpm = dotsPerMm(dpi);
  const d = (mm: number) => Math.round(mm * dpm);
  switch (el.kind) {
    case 'text': {
      const placed = placeText(el);
      const sizePx = el.sizePt * MM_PER_PT * dpm;
      for (const line of placed.lines) drawText(page, sizePx, el.bold, line.text, line.xMm * dpm, line.baselineMm * dpm, line.widthMm * dpm, ox, oy);
      return;
    }
    case 'code128': {
      const g = code128Geometry(el, dpi);
      if (!native) for (const bar of g.bars) page.fill(ox + g.xDots + bar.x, oy + g.yDots, bar.w, g.heightDots);
      if (el.humanReadable) {
        const t = code128TextPlacement(el, dpi);
        drawText(page, t.sizePt * MM_PER_PT * dpm, true, t.text, t.xMm * dpm, t.baselineMm * dpm, textWidthMm(t.text, t.sizePt, true) * dpm, ox, oy);
      }
      return;
    }
    case 'qr': {
      if (native) return;
      const g = qrGeometry(el, dpi);
      const m = g.moduleDots;
      for (let r = 0; r < g.size; r++) {
        for (let c = 0; c < g.size; c++) if (g.cells[r * g.size + c]) page.fill(ox + g.xDots + c * m, oy + g.yDots + r * m, m, m);
      }
      return;
    }
    case 'image': {
      const img = new Image();
      img.src = Buffer.from(el.png);
      if (!img.width || !img.height) throw new Error('image element: PNG could not be decoded');
      const scale = Math.min((el.widthMm * dpm) / img.width, (el.heightMm * dpm) / img.height);
      const w = img.width * scale;
      const h = img.height * scale;
      const x = el.xMm * dpm + (el.widthMm * dpm - w) / 2;
      const y = el.yMm * dpm + (el.heightMm * dpm - h) / 2;
      const x0 = Math.floor(x) - 2;
      const y0 = Math.floor(y) - 2;
      drawWithSkia(page, ox + x0, oy + y0, Math.ceil(x + w) + 2 - x0, Math.ceil(y + h) + 2 - y0, ox, oy, (ctx) => ctx.drawImage(img, x, y, w, h));
      return;
    }
    case 'line': {
      const t = Math.max(1, d(el.thicknessMm));
      if (el.y1Mm === el.y2Mm || el.x1Mm === el.x2Mm) {
        // Axis-aligned lines land on whole dots so a 1-dot rule is one solid row, not two grey ones.
        const horizontal = el.y1Mm === el.y2Mm;
        const x = d(Math.min(el.x1Mm, el.x2Mm)) - (horizontal ? 0 : Math.floor(t / 2));
        const y = d(Math.min(el.y1Mm, el.y2Mm)) - (horizontal ? Math.floor(t / 2) : 0);
        const len = d(Math.max(Math.abs(el.x2Mm - el.x1Mm), Math.abs(el.y2Mm - el.y1Mm)));
        page.fill(ox + x, oy + y, horizontal ? len : t, horizontal ? t : len);
      } else {
        const x1 = el.x1Mm * dpm;
        const y1 = el.y1Mm * dpm;
        const x2 = el.x2Mm * dpm;
        const y2 = el.y2Mm * dpm;
        const x0 = Math.floor(Math.min(x1, x2)) - t - 2;
        const y0 = Math.floor(Math.min(y1, y2)) - t - 2;
        const w = Math.ceil(Math.max(x1, x2)) + t + 2 - x0;
        const h = Math.ceil(Math.max(y1, y2)) + t + 2 - y0;
        drawWithSkia(page, ox + x0, oy + y0, w, h, ox, oy, (ctx) => {
          ctx.strokeStyle = '#000000';
          ctx.lineWidth = t;
          ctx.beginPath();
          ctx.moveTo(x1, y1);
          ctx.lineTo(x2, y2);
          ctx.stroke();
        });
      }
      return;
    }
    case 'box': {
      const x = ox + d(el.xMm);
      const y = oy + d(el.yMm);
      const w = d(el.xMm + el.widthMm) - d(el.xMm);
      const h = d(el.yMm + el.heightMm) - d(el.yMm);
      if (el.shade !== undefined && el.shade > 0) page.shade(x, y, w, h, el.shade, ox, oy);
      if (el.fill) page.fill(x, y, w, h);
      if (el.borderMm && el.borderMm > 0) {
        const b = Math.max(1, d(el.borderMm));
        page.fill(x, y, w, b);
        page.fill(x, y + h - b, w, b);
        page.fill(x, y, b, h);
        page.fill(x + w - b, y, b, h);
      }
      if (el.invert) page.invert(x, y, w, h);
      return;
    }
  }
}

export function labelSizeDots(label: { widthMm: number; heightMm: number }, dpi: Dpi): { widthDots: number; heightDots: number } {
  return { widthDots: Math.round(label.widthMm * dotsPerMm(dpi)), heightDots: Math.round(label.heightMm * dotsPerMm(dpi)) };
}

/** Renders a label to a 1-bit bitmap; everything shifted by the offsets and clipped to the label. */
export function renderLabel(label: Label, opts: RasterOptions): Bitmap {
  ensureLabelFonts();
  const { widthDots, heightDots } = labelSizeDots(opts.page ?? label, opts.dpi);
  const page = pageFor(widthDots, heightDots);
  const dpm = dotsPerMm(opts.dpi);
  // Whole-dot offsets keep bars on the dot grid after shifting.
  const ox = Math.round((opts.offsetXmm ?? 0) * dpm);
  const oy = Math.round((opts.offsetYmm ?? 0) * dpm);
  try {
    label.elements.forEach((el, i) => drawElement(page, el, opts.dpi, opts.native?.(el, i) ?? false, ox, oy));
    return page.toBitmap(thresholdFor(opts.darkness));
  } finally {
    page.clear();
  }
}

export function renderLabelPng(label: Label, opts: RasterOptions): Buffer {
  return bitmapToPng(renderLabel(label, opts));
}
