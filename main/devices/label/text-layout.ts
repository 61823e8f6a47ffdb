// Line breaking and text metrics shared by layouts (to stack blocks) and renderers (to draw them),
// so a layout's idea of how many lines an address takes is exactly what gets printed.
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { canvasFont, ensureLabelFonts } from './fonts.js';
import { MM_PER_PT, type TextElement } from './label-model.js';

/**
 * Baseline of the first line below the top of the text box, in ems. Be Vietnam Pro's ascender is
 * 1.0 em but stacked Vietnamese capitals (Ẫ, Ộ) reach 1.14 em; 1.12 keeps them on the label
 * without wasting a whole line of space.
 */
export const BASELINE_EM = 1.12;
export const DESCENT_EM = 0.26;
export const DEFAULT_LINE_HEIGHT = 1.28;

const MEASURE_PX = 100;
let measureCtx: SKRSContext2D | undefined;
const widthCache = new Map<string, number>();

function ctx(): SKRSContext2D {
  if (!measureCtx) {
    ensureLabelFonts();
    measureCtx = createCanvas(8, 8).getContext('2d');
  }
  return measureCtx;
}

/** Advance width of a string in mm at a size in points. */
export function textWidthMm(text: string, sizePt: number, bold?: boolean): number {
  const key = (bold ? 'b' : 'r') + text;
  let em = widthCache.get(key);
  if (em === undefined) {
    const c = ctx();
    c.font = canvasFont(MEASURE_PX, bold);
    em = c.measureText(text).width / MEASURE_PX;
    // Layouts measure the same few thousand strings over and over; cap the memory anyway.
    if (widthCache.size > 20000) widthCache.clear();
    widthCache.set(key, em);
  }
  return em * sizePt * MM_PER_PT;
}

const graphemes = new Intl.Segmenter('vi', { granularity: 'grapheme' });

/** Splits a word longer than the line into pieces that fit, never inside a grapheme. */
function breakLongWord(word: string, fits: (s: string) => boolean): string[] {
  const parts: string[] = [];
  let current = '';
  for (const { segment } of graphemes.segment(word)) {
    if (current && !fits(current + segment)) {
      parts.push(current);
      current = segment;
    } else current += segment;
  }
  if (current) parts.push(current);
  return parts;
}

export interface WrappedText {
  lines: string[];
  truncated: boolean;
}

/**
 * Greedy word wrap. Text is normalised to NFC first: decomposed Vietnamese (base letter plus
 * combining marks, common in data pasted from some sources) would otherwise be measured and
 * broken per mark.
 */
export function wrapText(text: string, sizePt: number, bold: boolean | undefined, widthMm: number, maxLines?: number): WrappedText {
  // 1 % slack: widths are measured at 100 px and drawn at printer size, where hinting can differ.
  const limit = widthMm * 0.99;
  const fits = (s: string) => textWidthMm(s, sizePt, bold) <= limit;
  const lines: string[] = [];
  for (const paragraph of text.normalize('NFC').split(/\r?\n/)) {
    const words = paragraph.split(/[ \t]+/).filter((w) => w.length > 0);
    let line = '';
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (fits(candidate)) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      if (fits(word)) line = word;
      else {
        const pieces = breakLongWord(word, fits);
        lines.push(...pieces.slice(0, -1));
        line = pieces[pieces.length - 1] ?? '';
      }
    }
    lines.push(line);
  }
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  if (maxLines === undefined || lines.length <= maxLines) return { lines, truncated: false };
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = withEllipsis(`${kept[maxLines - 1]} ${lines[maxLines]}`, fits);
  return { lines: kept, truncated: true };
}

/** Shortens a line until it fits with a trailing ellipsis, preferring to cut at a space. */
function withEllipsis(line: string, fits: (s: string) => boolean): string {
  const chars = [...graphemes.segment(line)].map((s) => s.segment);
  while (chars.length > 0 && !fits(chars.join('').trimEnd() + '…')) chars.pop();
  let cut = chars.join('').trimEnd();
  const space = cut.lastIndexOf(' ');
  if (space > cut.length * 0.6) cut = cut.slice(0, space).replace(/[,;:.\-–]+$/, '');
  return cut + '…';
}

export function lineGapMm(sizePt: number, lineHeight = DEFAULT_LINE_HEIGHT): number {
  return sizePt * lineHeight * MM_PER_PT;
}

/** Height of a block of n lines, from the top of the box to the lowest descender. */
export function textBlockHeightMm(lineCount: number, sizePt: number, lineHeight = DEFAULT_LINE_HEIGHT): number {
  if (lineCount <= 0) return 0;
  return (BASELINE_EM + DESCENT_EM) * sizePt * MM_PER_PT + (lineCount - 1) * lineGapMm(sizePt, lineHeight);
}

export interface PlacedLine {
  text: string;
  xMm: number; // left edge of the line after alignment
  baselineMm: number;
  widthMm: number;
}

/** Where each line of a text element goes: what raster, PDF and tests all agree on. */
export function placeText(el: TextElement): { lines: PlacedLine[]; heightMm: number; truncated: boolean } {
  const wrapped = wrapText(el.text, el.sizePt, el.bold, el.widthMm, el.maxLines);
  const gap = lineGapMm(el.sizePt, el.lineHeight);
  const lines = wrapped.lines.map((text, i) => {
    const widthMm = textWidthMm(text, el.sizePt, el.bold);
    const free = Math.max(0, el.widthMm - widthMm);
    const xMm = el.xMm + (el.align === 'center' ? free / 2 : el.align === 'right' ? free : 0);
    return { text, xMm, baselineMm: el.yMm + BASELINE_EM * el.sizePt * MM_PER_PT + i * gap, widthMm };
  });
  return { lines, heightMm: textBlockHeightMm(lines.length, el.sizePt, el.lineHeight), truncated: wrapped.truncated };
}
