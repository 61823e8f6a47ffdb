// Text lines as Skia draws them, kept as their inked dots and cached, then copied onto the page.
// Split from raster.ts, which decides what to draw.
import { canvasFont } from './fonts.js';
import { drawWithSkia, luma, scratch, type Page } from './page-buffer.js';

/**
 * One line of text as Skia draws it on paper: the non-white dots of a box in the page's local
 * dots, as (position in the box, grey) pairs — a line of text is mostly paper.
 */
export interface Run {
  x: number; // left and top of the box, whole dots, before the page offset
  y: number;
  w: number;
  h: number;
  at: Int32Array; // row * w + column inside the box
  value: Uint8Array; // grey, < 255
  /** `at` turned into offsets on a page of the given width, made on first use. */
  offsets?: { pageWidth: number; offs: Int32Array };
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

export function drawText(page: Page, sizePx: number, bold: boolean | undefined, text: string, x: number, y: number, widthPx: number, ox: number, oy: number): void {
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
