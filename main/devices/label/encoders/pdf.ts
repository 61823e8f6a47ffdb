// PDF for OS printers (A5/A6 sheets, label printers with a driver) and for previews: vector text
// in the bundled font, vector bars and QR modules, images embedded as PNG.
import { createRequire } from 'node:module';
import { code128Geometry, qrGeometry } from '../barcode.js';
import { encodePng1 } from '../png-1bit.js';
import type { Bitmap } from '../bitmap.js';
import { labelFontBytes } from '../fonts.js';
import { MM_PER_PT, type BoxElement, type Label, type LabelElement } from '../label-model.js';
import { dotsPerMm, type PrinterProfile } from '../media.js';
import { code128TextPlacement } from '../raster.js';
import { placeText } from '../text-layout.js';
import { pagePlacement } from './page.js';

type Node = Record<string, unknown>;
interface PdfMake {
  virtualfs: { writeFileSync(name: string, data: Buffer): void; existsSync(name: string): boolean };
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: Node): { getBuffer(): Promise<Buffer> };
}

const require = createRequire(import.meta.url);
let pdfmake: PdfMake | undefined;

const FONT = 'PackdeskLabel';
/** Be Vietnam Pro's ascender (hhea) in ems: pdfkit puts the baseline this far below a text's y. */
const PDF_ASCENT_EM = 1.0;

function lib(): PdfMake {
  if (!pdfmake) {
    const pm = require('pdfmake') as PdfMake;
    // Labels never need a URL or a file: refusing both keeps a crafted image source from reading
    // local files or reaching the network.
    pm.setUrlAccessPolicy(() => false);
    pm.setLocalAccessPolicy(() => false);
    const bytes = labelFontBytes();
    pm.virtualfs.writeFileSync('packdesk-label-regular.ttf', bytes.regular);
    pm.virtualfs.writeFileSync('packdesk-label-bold.ttf', bytes.bold);
    pdfmake = pm;
  }
  return pdfmake;
}

const MM = 72 / 25.4; // PDF points per mm

function rect(x: number, y: number, w: number, h: number, color: string): Node {
  return { type: 'rect', x: x * MM, y: y * MM, w: w * MM, h: h * MM, color };
}

function shapes(items: Node[]): Node {
  return { canvas: items, absolutePosition: { x: 0, y: 0 } };
}

function textNode(text: string, xMm: number, baselineMm: number, sizePt: number, bold: boolean | undefined, color: string): Node {
  return {
    text,
    font: FONT,
    fontSize: sizePt,
    bold: !!bold,
    color,
    noWrap: true,
    absolutePosition: { x: xMm * MM, y: (baselineMm - PDF_ASCENT_EM * sizePt * MM_PER_PT) * MM },
  };
}

function inside(el: LabelElement, box: BoxElement): boolean {
  const x = 'xMm' in el ? el.xMm : Math.min(el.x1Mm, el.x2Mm);
  const y = 'yMm' in el ? el.yMm : Math.min(el.y1Mm, el.y2Mm);
  return x >= box.xMm - 0.01 && y >= box.yMm - 0.01 && x <= box.xMm + box.widthMm && y <= box.yMm + box.heightMm;
}

/**
 * PDF has no "invert what is below", so an invert box is drawn black first and the elements
 * before it that start inside it are drawn white — the same look as the raster's XOR.
 */
function planInverts(label: Label): { whiteIndexes: Set<number>; earlyBoxes: Map<number, BoxElement[]> } {
  const whiteIndexes = new Set<number>();
  const earlyBoxes = new Map<number, BoxElement[]>();
  label.elements.forEach((el, i) => {
    if (el.kind !== 'box' || !el.invert) return;
    const covered = label.elements.slice(0, i).map((e, j) => (inside(e, el) ? j : -1)).filter((j) => j >= 0);
    const first = covered.length ? Math.min(...covered) : i;
    covered.forEach((j) => whiteIndexes.add(j));
    earlyBoxes.set(first, [...(earlyBoxes.get(first) ?? []), el]);
  });
  return { whiteIndexes, earlyBoxes };
}

function elementNodes(el: LabelElement, color: string, profile: PrinterProfile): Node[] {
  const dpm = dotsPerMm(profile.dpi);
  switch (el.kind) {
    case 'text':
      return placeText(el).lines.map((l) => textNode(l.text, l.xMm, l.baselineMm, el.sizePt, el.bold, color));
    case 'code128': {
      // Geometry at the printer's dpi keeps bar widths identical to the thermal output.
      const g = code128Geometry(el, profile.dpi);
      const nodes = [shapes(g.bars.map((b) => rect((g.xDots + b.x) / dpm, g.yDots / dpm, b.w / dpm, g.heightDots / dpm, color)))];
      if (el.humanReadable) {
        const t = code128TextPlacement(el, profile.dpi);
        nodes.push(textNode(t.text, t.xMm, t.baselineMm, t.sizePt, true, color));
      }
      return nodes;
    }
    case 'qr': {
      const g = qrGeometry(el, profile.dpi);
      const m = g.moduleDots / dpm;
      const items: Node[] = [];
      for (let r = 0; r < g.size; r++) for (let c = 0; c < g.size; c++) if (g.cells[r * g.size + c]) items.push(rect(g.xDots / dpm + c * m, g.yDots / dpm + r * m, m, m, color));
      return [shapes(items)];
    }
    case 'image':
      return [{ image: `data:image/png;base64,${Buffer.from(el.png).toString('base64')}`, fit: [el.widthMm * MM, el.heightMm * MM], absolutePosition: { x: el.xMm * MM, y: el.yMm * MM } }];
    case 'line':
      return [shapes([{ type: 'line', x1: el.x1Mm * MM, y1: el.y1Mm * MM, x2: el.x2Mm * MM, y2: el.y2Mm * MM, lineWidth: el.thicknessMm * MM, lineColor: color }])];
    case 'box': {
      const items: Node[] = [];
      if (el.shade) {
        const v = Math.round(255 * (1 - el.shade)).toString(16).padStart(2, '0');
        items.push(rect(el.xMm, el.yMm, el.widthMm, el.heightMm, `#${v}${v}${v}`));
      }
      if (el.fill) items.push(rect(el.xMm, el.yMm, el.widthMm, el.heightMm, color));
      if (el.borderMm) {
        const b = el.borderMm;
        items.push({ type: 'rect', x: (el.xMm + b / 2) * MM, y: (el.yMm + b / 2) * MM, w: (el.widthMm - b) * MM, h: (el.heightMm - b) * MM, lineWidth: b * MM, lineColor: color });
      }
      return items.length ? [shapes(items)] : [];
    }
  }
}

/** The label as a one-page PDF; the page is the media (sheets, label stock) or the label (rolls). */
export async function encodePdf(label: Label, profile: PrinterProfile): Promise<Buffer> {
  const pm = lib();
  const page = pagePlacement(label, profile);
  const { whiteIndexes, earlyBoxes } = planInverts(label);
  const content: Node[] = [];
  label.elements.forEach((el, i) => {
    for (const box of earlyBoxes.get(i) ?? []) content.push(shapes([rect(box.xMm, box.yMm, box.widthMm, box.heightMm, 'black')]));
    if (el.kind === 'box' && el.invert && !el.fill && !el.borderMm && !el.shade) return;
    content.push(...elementNodes(el, whiteIndexes.has(i) ? 'white' : 'black', profile));
  });
  // Offsets and margins: every absolute position shifts by the label's origin on the page.
  for (const node of content) {
    const pos = node.absolutePosition as { x: number; y: number };
    node.absolutePosition = { x: pos.x + page.originXmm * MM, y: pos.y + page.originYmm * MM };
  }
  pm.setFonts({ [FONT]: { normal: 'packdesk-label-regular.ttf', bold: 'packdesk-label-bold.ttf', italics: 'packdesk-label-regular.ttf', bolditalics: 'packdesk-label-bold.ttf' } });
  const doc = pm.createPdf({
    pageSize: { width: page.widthMm * MM, height: page.heightMm * MM },
    pageMargins: [0, 0, 0, 0],
    defaultStyle: { font: FONT },
    info: { title: 'Packdesk label', creator: 'Packdesk', producer: 'Packdesk' },
    content,
  });
  return doc.getBuffer();
}

/** A pre-rendered bitmap (e.g. a carrier label for a sheet printer) as a one-page PDF. */
export async function encodePdfBitmap(bitmap: Bitmap, pageMm: { widthMm: number; heightMm: number }): Promise<Buffer> {
  const pm = lib();
  pm.setFonts({ [FONT]: { normal: 'packdesk-label-regular.ttf', bold: 'packdesk-label-bold.ttf', italics: 'packdesk-label-regular.ttf', bolditalics: 'packdesk-label-bold.ttf' } });
  const doc = pm.createPdf({
    pageSize: { width: pageMm.widthMm * MM, height: pageMm.heightMm * MM },
    pageMargins: [0, 0, 0, 0],
    defaultStyle: { font: FONT },
    content: [{ image: `data:image/png;base64,${encodePng1(bitmap).toString('base64')}`, width: pageMm.widthMm * MM, absolutePosition: { x: 0, y: 0 } }],
  });
  return doc.getBuffer();
}
