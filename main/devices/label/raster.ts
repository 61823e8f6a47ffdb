// Label → 1-bit bitmap at the printer's resolution. Text is drawn anti-aliased by Skia and then
// thresholded; bars, modules, lines and boxes are drawn on whole dots so they stay crisp.
import { createCanvas, Image, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { code128Geometry, qrGeometry } from './barcode.js';
import { bitmapFromRgba, bitmapToPng, type Bitmap } from './bitmap.js';
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

let cached: { canvas: Canvas; ctx: SKRSContext2D } | undefined;

/** One canvas reused across labels of the same size: creating an 800×1200 canvas costs ~5 ms. */
function canvasFor(w: number, h: number): SKRSContext2D {
  if (!cached || cached.canvas.width !== w || cached.canvas.height !== h) {
    const canvas = createCanvas(w, h);
    cached = { canvas, ctx: canvas.getContext('2d') };
  }
  const ctx = cached.ctx;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalCompositeOperation = 'source-over';
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h);
  return ctx;
}

const BAYER4 = [0, 8, 2, 10, 12, 4, 14, 6, 3, 11, 1, 9, 15, 7, 13, 5];

function shadePattern(ctx: SKRSContext2D, shade: number) {
  const tile = createCanvas(4, 4);
  const t = tile.getContext('2d');
  t.fillStyle = '#ffffff';
  t.fillRect(0, 0, 4, 4);
  t.fillStyle = '#000000';
  const level = Math.round(shade * 16);
  BAYER4.forEach((v, i) => {
    if (v < level) t.fillRect(i % 4, Math.floor(i / 4), 1, 1);
  });
  return ctx.createPattern(tile, 'repeat');
}

function drawElement(ctx: SKRSContext2D, el: LabelElement, dpi: Dpi, native: boolean): void {
  const dpm = dotsPerMm(dpi);
  const d = (mm: number) => Math.round(mm * dpm);
  ctx.fillStyle = '#000000';
  switch (el.kind) {
    case 'text': {
      const placed = placeText(el);
      ctx.font = canvasFont(el.sizePt * MM_PER_PT * dpm, el.bold);
      ctx.textBaseline = 'alphabetic';
      for (const line of placed.lines) ctx.fillText(line.text, line.xMm * dpm, line.baselineMm * dpm);
      return;
    }
    case 'code128': {
      const g = code128Geometry(el, dpi);
      if (!native) for (const bar of g.bars) ctx.fillRect(g.xDots + bar.x, g.yDots, bar.w, g.heightDots);
      if (el.humanReadable) {
        const t = code128TextPlacement(el, dpi);
        ctx.font = canvasFont(t.sizePt * MM_PER_PT * dpm, true);
        ctx.fillText(t.text, t.xMm * dpm, t.baselineMm * dpm);
      }
      return;
    }
    case 'qr': {
      if (native) return;
      const g = qrGeometry(el, dpi);
      for (let r = 0; r < g.size; r++) {
        for (let c = 0; c < g.size; c++) {
          if (g.cells[r * g.size + c]) ctx.fillRect(g.xDots + c * g.moduleDots, g.yDots + r * g.moduleDots, g.moduleDots, g.moduleDots);
        }
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
      ctx.drawImage(img, el.xMm * dpm + (el.widthMm * dpm - w) / 2, el.yMm * dpm + (el.heightMm * dpm - h) / 2, w, h);
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
        ctx.fillRect(x, y, horizontal ? len : t, horizontal ? t : len);
      } else {
        ctx.strokeStyle = '#000000';
        ctx.lineWidth = t;
        ctx.beginPath();
        ctx.moveTo(el.x1Mm * dpm, el.y1Mm * dpm);
        ctx.lineTo(el.x2Mm * dpm, el.y2Mm * dpm);
        ctx.stroke();
      }
      return;
    }
    case 'box': {
      const x = d(el.xMm);
      const y = d(el.yMm);
      const w = d(el.xMm + el.widthMm) - x;
      const h = d(el.yMm + el.heightMm) - y;
      if (el.shade !== undefined && el.shade > 0) {
        const pattern = shadePattern(ctx, el.shade);
        if (pattern) ctx.fillStyle = pattern;
        ctx.fillRect(x, y, w, h);
        ctx.fillStyle = '#000000';
      }
      if (el.fill) ctx.fillRect(x, y, w, h);
      if (el.borderMm && el.borderMm > 0) {
        const b = Math.max(1, d(el.borderMm));
        ctx.fillRect(x, y, w, b);
        ctx.fillRect(x, y + h - b, w, b);
        ctx.fillRect(x, y, b, h);
        ctx.fillRect(x + w - b, y, b, h);
      }
      if (el.invert) {
        ctx.globalCompositeOperation = 'difference';
        ctx.fillStyle = '#ffffff';
        ctx.fillRect(x, y, w, h);
        ctx.globalCompositeOperation = 'source-over';
        ctx.fillStyle = '#000000';
      }
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
  const ctx = canvasFor(widthDots, heightDots);
  const dpm = dotsPerMm(opts.dpi);
  // Whole-dot offsets keep bars on the dot grid after shifting.
  ctx.translate(Math.round((opts.offsetXmm ?? 0) * dpm), Math.round((opts.offsetYmm ?? 0) * dpm));
  label.elements.forEach((el, i) => drawElement(ctx, el, opts.dpi, opts.native?.(el, i) ?? false));
  const rgba = ctx.getImageData(0, 0, widthDots, heightDots).data;
  return bitmapFromRgba(rgba, widthDots, heightDots, thresholdFor(opts.darkness));
}

export function renderLabelPng(label: Label, opts: RasterOptions): Buffer {
  return bitmapToPng(renderLabel(label, opts));
}
