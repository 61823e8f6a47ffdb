// Label → 1-bit bitmap at the printer's resolution. Text is drawn anti-aliased by Skia and then
// thresholded; bars, modules, lines and boxes are drawn on whole dots so they stay crisp.
import { Image } from '@napi-rs/canvas';
import { code128Geometry, qrGeometry } from './barcode.js';
import { bitmapToPng, type Bitmap } from './bitmap.js';
import { ensureLabelFonts } from './fonts.js';
import { MM_PER_PT, type Code128Element, type Label, type LabelElement } from './label-model.js';
import { dotsPerMm, type Dpi } from './media.js';
import { placeText, textBlockHeightMm, textWidthMm } from './text-layout.js';
import { drawWithSkia, pageFor, type Page } from './page-buffer.js';
import { drawText } from './text-runs.js';

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
