// Barcode geometry in printer dots. Module widths are whole dots: a module of 2.5 dots prints as
// alternating 2- and 3-dot bars, and scanners reject the result (hardware.md §3.5, bwip-js caveat).
import bwipjs from 'bwip-js';
import type { Align, Code128Element, QrElement } from './label-model.js';
import { dotsPerMm, type Dpi } from './media.js';

export const CODE128_QUIET_MODULES = 10;
export const QR_QUIET_MODULES = 4;

const patternCache = new Map<string, number[]>();

/** Bar/space widths in modules, starting with a bar (bwip-js picks the shortest subset mix). */
export function code128Pattern(data: string): number[] {
  let sbs = patternCache.get(data);
  if (!sbs) {
    const raw = bwipjs.raw({ bcid: 'code128', text: data });
    const first = raw[0];
    if (!first || !('sbs' in first)) throw new Error('bwip-js returned no Code 128 pattern');
    sbs = first.sbs;
    if (patternCache.size > 1000) patternCache.clear();
    patternCache.set(data, sbs);
  }
  return sbs;
}

export interface Code128Geometry {
  moduleDots: number;
  xDots: number; // left edge of the first bar
  yDots: number;
  widthDots: number; // bars only, quiet zones excluded
  heightDots: number;
  bars: { x: number; w: number }[]; // relative to xDots
}

export function alignOffset(free: number, align: Align | undefined, fallback: Align): number {
  const a = align ?? fallback;
  return a === 'center' ? Math.floor(free / 2) : a === 'right' ? free : 0;
}

/** Largest whole-dot module that fits the box with both quiet zones, capped by maxModuleMm. */
export function code128Geometry(el: Code128Element, dpi: Dpi): Code128Geometry {
  const dpm = dotsPerMm(dpi);
  const sbs = code128Pattern(el.data);
  const modules = sbs.reduce((a, b) => a + b, 0);
  const boxDots = Math.floor(el.widthMm * dpm);
  const cap = Math.max(1, Math.floor((el.maxModuleMm ?? 0.5) * dpm));
  const moduleDots = Math.min(cap, Math.floor(boxDots / (modules + 2 * CODE128_QUIET_MODULES)));
  if (moduleDots < 1) {
    throw new Error(`Code 128 "${el.data}" needs ${modules + 20} modules but the box is ${boxDots} dots wide`);
  }
  const widthDots = modules * moduleDots;
  const bars: { x: number; w: number }[] = [];
  let x = 0;
  sbs.forEach((w, i) => {
    if (i % 2 === 0) bars.push({ x, w: w * moduleDots });
    x += w * moduleDots;
  });
  const xBox = Math.round(el.xMm * dpm);
  return {
    moduleDots,
    xDots: xBox + alignOffset(boxDots - widthDots, el.align, 'center'),
    yDots: Math.round(el.yMm * dpm),
    widthDots,
    heightDots: Math.round(el.heightMm * dpm),
    bars,
  };
}

export interface QrGeometry {
  moduleDots: number;
  xDots: number; // first module, quiet zone excluded
  yDots: number;
  size: number; // modules per side
  cells: ArrayLike<number>; // row-major, 1 = dark
}

const qrCache = new Map<string, { size: number; cells: number[] }>();

export function qrMatrix(data: string, ecLevel: 'L' | 'M' | 'Q' | 'H' = 'M'): { size: number; cells: number[] } {
  const key = ecLevel + data;
  let m = qrCache.get(key);
  if (!m) {
    const raw = bwipjs.raw('qrcode', data, `eclevel=${ecLevel}`);
    const first = raw[0];
    if (!first || !('pixs' in first)) throw new Error('bwip-js returned no QR matrix');
    m = { size: first.pixx, cells: first.pixs };
    if (qrCache.size > 200) qrCache.clear();
    qrCache.set(key, m);
  }
  return m;
}

export function qrGeometry(el: QrElement, dpi: Dpi): QrGeometry {
  const dpm = dotsPerMm(dpi);
  const m = qrMatrix(el.data, el.ecLevel);
  const boxDots = Math.floor(el.sizeMm * dpm);
  const moduleDots = Math.floor(boxDots / (m.size + 2 * QR_QUIET_MODULES));
  if (moduleDots < 1) throw new Error(`QR code needs ${m.size + 8} dots but the box is ${boxDots}`);
  const pad = Math.floor((boxDots - m.size * moduleDots) / 2);
  return {
    moduleDots,
    xDots: Math.round(el.xMm * dpm) + pad,
    yDots: Math.round(el.yMm * dpm) + pad,
    size: m.size,
    cells: m.cells,
  };
}
