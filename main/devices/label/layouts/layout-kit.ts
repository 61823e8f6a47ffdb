// Helpers shared by the layouts: Vietnamese formatting and a column cursor that stacks elements
// top to bottom and knows how tall wrapped text really is.
import type { Align, Code128Element, LabelElement, TextElement } from '../label-model.js';
import { code128TotalHeightMm } from '../raster.js';
import { textBlockHeightMm, textWidthMm, wrapText } from '../text-layout.js';

/** 1234567 → "1.234.567 ₫" (Vietnamese groups thousands with dots). Amounts are whole đồng. */
export function formatVnd(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const digits = Math.round(Math.abs(amount)).toString();
  return `${sign}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.')} ₫`;
}

const vnTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** dd/mm/yyyy HH:mm in Vietnam time, whatever the machine's time zone. */
export function formatVnDateTime(at: number | Date): string {
  const parts = Object.fromEntries(vnTime.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

/** 850 → "850 g", 1250 → "1,25 kg" (decimal comma; carriers bill in 10 g steps). */
export function formatWeight(grams: number): string {
  if (grams < 1000) return `${Math.round(grams)} g`;
  const kg = Math.round(grams / 10) / 100;
  return `${kg.toString().replace('.', ',')} kg`;
}

/** Largest size (stepping down by 0.5 pt) at which the text fits one line of the width. */
export function fitSizePt(text: string, maxPt: number, minPt: number, widthMm: number, bold = true): number {
  for (let s = maxPt; s > minPt; s -= 0.5) if (textWidthMm(text, s, bold) <= widthMm * 0.98) return s;
  return minPt;
}

export type TextOpts = Omit<TextElement, 'kind' | 'xMm' | 'yMm' | 'widthMm' | 'text'> & { widthMm?: number; xMm?: number };

/** Stacks elements in a column; `y` is where the next one goes. */
export class Column {
  readonly elements: LabelElement[] = [];
  constructor(
    public x: number,
    public width: number,
    public y: number,
  ) {}

  /** Adds wrapped text and returns its height (0 for empty text, which adds nothing). */
  text(text: string, opts: TextOpts): number {
    if (!text.trim()) return 0;
    const width = opts.widthMm ?? this.width;
    const el: TextElement = { kind: 'text', xMm: opts.xMm ?? this.x, yMm: this.y, widthMm: width, text, ...opts };
    el.widthMm = width;
    const lines = wrapText(text, el.sizePt, el.bold, width, el.maxLines).lines.length;
    const h = textBlockHeightMm(lines, el.sizePt, el.lineHeight);
    this.elements.push(el);
    this.y += h;
    return h;
  }

  /** Text that does not move the cursor, e.g. the right-hand half of a row. */
  textAt(text: string, x: number, y: number, width: number, opts: TextOpts): number {
    if (!text.trim()) return 0;
    const el: TextElement = { kind: 'text', xMm: x, yMm: y, widthMm: width, text, ...opts };
    el.xMm = x;
    el.widthMm = width;
    this.elements.push(el);
    return textBlockHeightMm(wrapText(text, el.sizePt, el.bold, width, el.maxLines).lines.length, el.sizePt, el.lineHeight);
  }

  code128(data: string, heightMm: number, opts: Partial<Code128Element> = {}): number {
    const el: Code128Element = { kind: 'code128', xMm: this.x, yMm: this.y, widthMm: this.width, heightMm, data, humanReadable: true, ...opts };
    this.elements.push(el);
    const h = code128TotalHeightMm(el);
    this.y += h;
    return h;
  }

  rule(thicknessMm = 0.3, gapMm = 1.2): void {
    this.y += gapMm;
    this.elements.push({ kind: 'line', x1Mm: this.x, y1Mm: this.y, x2Mm: this.x + this.width, y2Mm: this.y, thicknessMm });
    this.y += thicknessMm / 2 + gapMm;
  }

  gap(mm: number): void {
    this.y += mm;
  }

  push(...els: LabelElement[]): void {
    this.elements.push(...els);
  }
}

export function textHeight(text: string, sizePt: number, bold: boolean, widthMm: number, maxLines?: number): number {
  return textBlockHeightMm(wrapText(text, sizePt, bold, widthMm, maxLines).lines.length, sizePt);
}

export const ALIGN_RIGHT: Align = 'right';
