// The label model: one description of a label in millimetres that every encoder (raster, TSPL,
// ZPL, ESC/POS, PDF) reads. Millimetres, not dots, so one layout serves 203 and 300 dpi printers.

export type Align = 'left' | 'center' | 'right';

/** Text in the bundled Be Vietnam Pro font; wrapped to widthMm, cut to maxLines with an ellipsis. */
export interface TextElement {
  kind: 'text';
  xMm: number;
  yMm: number; // top of the first line's box
  widthMm: number; // wrapping width; alignment happens inside it
  text: string;
  sizePt: number;
  bold?: boolean;
  align?: Align;
  maxLines?: number; // default: unlimited
  lineHeight?: number; // multiple of the font size between baselines, default 1.28
}

/** Code 128. The symbol (with its quiet zones) is aligned inside widthMm; modules are whole dots. */
export interface Code128Element {
  kind: 'code128';
  xMm: number;
  yMm: number;
  widthMm: number;
  heightMm: number; // height of the bars
  data: string;
  humanReadable?: boolean; // text under the bars, drawn in the label font
  textSizePt?: number; // default 9
  align?: Align; // default center
  maxModuleMm?: number; // cap on the module width (narrow bar), default 0.5 mm
}

export interface QrElement {
  kind: 'qr';
  xMm: number;
  yMm: number;
  sizeMm: number; // square, quiet zone included
  data: string;
  ecLevel?: 'L' | 'M' | 'Q' | 'H';
}

/** A PNG drawn into the box, aspect ratio kept, thresholded to 1 bit on thermal printers. */
export interface ImageElement {
  kind: 'image';
  xMm: number;
  yMm: number;
  widthMm: number;
  heightMm: number;
  png: Uint8Array;
}

export interface LineElement {
  kind: 'line';
  x1Mm: number;
  y1Mm: number;
  x2Mm: number;
  y2Mm: number;
  thicknessMm: number;
}

/**
 * A rectangle. `fill` paints it black, `shade` (0–1) paints an ordered-dither grey, `invert`
 * flips everything drawn before it inside the box (white text on black, as TSPL REVERSE does).
 */
export interface BoxElement {
  kind: 'box';
  xMm: number;
  yMm: number;
  widthMm: number;
  heightMm: number;
  borderMm?: number; // default 0 (no border)
  fill?: boolean;
  shade?: number;
  invert?: boolean;
}

export type LabelElement = TextElement | Code128Element | QrElement | ImageElement | LineElement | BoxElement;

export interface Label {
  widthMm: number;
  heightMm: number;
  elements: LabelElement[];
}

export interface LabelIssue {
  index: number; // element index, -1 for the label itself
  message: string;
}

const EPS = 0.01; // mm; layouts compute positions in floating point

function finite(...values: number[]): boolean {
  return values.every((v) => Number.isFinite(v));
}

/** The rectangle an element may paint, in mm. Text and barcodes use their declared box. */
export function elementBounds(el: LabelElement): { x: number; y: number; w: number; h: number } {
  switch (el.kind) {
    case 'line': {
      const half = el.thicknessMm / 2;
      const x = Math.min(el.x1Mm, el.x2Mm) - (el.x1Mm === el.x2Mm ? half : 0);
      const y = Math.min(el.y1Mm, el.y2Mm) - (el.y1Mm === el.y2Mm ? half : 0);
      const w = Math.abs(el.x2Mm - el.x1Mm) + (el.x1Mm === el.x2Mm ? el.thicknessMm : 0);
      const h = Math.abs(el.y2Mm - el.y1Mm) + (el.y1Mm === el.y2Mm ? el.thicknessMm : 0);
      return { x, y, w, h };
    }
    case 'qr':
      return { x: el.xMm, y: el.yMm, w: el.sizeMm, h: el.sizeMm };
    case 'text':
      return { x: el.xMm, y: el.yMm, w: el.widthMm, h: 0 };
    case 'code128':
      return { x: el.xMm, y: el.yMm, w: el.widthMm, h: el.heightMm };
    default:
      return { x: el.xMm, y: el.yMm, w: el.widthMm, h: el.heightMm };
  }
}

/** Structural checks: sizes positive, everything inside the label, barcode data encodable. */
export function validateLabel(label: Label): LabelIssue[] {
  const issues: LabelIssue[] = [];
  if (!finite(label.widthMm, label.heightMm) || label.widthMm <= 0 || label.heightMm <= 0) {
    issues.push({ index: -1, message: 'label size must be positive' });
    return issues;
  }
  label.elements.forEach((el, index) => {
    const add = (message: string) => issues.push({ index, message: `${el.kind}: ${message}` });
    const b = elementBounds(el);
    if (!finite(b.x, b.y, b.w, b.h)) return add('coordinates must be finite numbers');
    if (b.w < 0 || b.h < 0) return add('size must not be negative');
    if (b.x < -EPS || b.y < -EPS || b.x + b.w > label.widthMm + EPS || b.y + b.h > label.heightMm + EPS) {
      add(`outside the ${label.widthMm}×${label.heightMm} mm label`);
    }
    if (el.kind === 'text') {
      if (!(el.sizePt > 0)) add('font size must be positive');
      if (el.widthMm <= 0) add('width must be positive');
      if (el.maxLines !== undefined && !(el.maxLines >= 1)) add('maxLines must be at least 1');
    }
    if (el.kind === 'code128') {
      if (el.data.length === 0) add('data is empty');
      // Code 128 carries ASCII only; anything else would need FNC4 tricks no scanner expects.
      if (/[^\x20-\x7e]/.test(el.data)) add('data must be printable ASCII');
      if (!(el.heightMm > 0)) add('height must be positive');
    }
    if (el.kind === 'qr' && (el.data.length === 0 || !(el.sizeMm > 0))) add('needs data and a size');
    if (el.kind === 'box' && el.shade !== undefined && !(el.shade >= 0 && el.shade <= 1)) add('shade must be 0–1');
    if (el.kind === 'image' && el.png.length < 8) add('image is not a PNG');
  });
  return issues;
}

export class LabelValidationError extends Error {
  constructor(readonly issues: LabelIssue[]) {
    super(`invalid label: ${issues.map((i) => i.message).join('; ')}`);
    this.name = 'LabelValidationError';
  }
}

export function assertValidLabel(label: Label): void {
  const issues = validateLabel(label);
  if (issues.length > 0) throw new LabelValidationError(issues);
}

export const MM_PER_PT = 25.4 / 72;
