// Pick list for a thermal printer: a receipt roll grows with the list; fixed labels (100×150,
// 100×100, A6…) show the lines that fit and say how many more are on the A4 copy. Each line has
// a box to tick, the bin first (where the picker walks) and the quantity in large figures.
import type { Label } from '../label-model.js';
import { layoutArea, type MediaName } from '../media.js';
import { textWidthMm } from '../text-layout.js';
import { Column, formatVnDateTime } from './layout-kit.js';

export interface PickListLabelLine {
  bin: string | null;
  sku: string;
  name: string;
  attributes: string; // already joined, e.g. "Màu: Đỏ · Size: M"
  quantity: number;
}

export interface PickListLabelData {
  code: string; // printed as Code 128: scanning it at a station opens the list's orders
  warehouse: string;
  createdAt: number | Date;
  orders: number;
  units: number;
  note?: string;
  lines: PickListLabelLine[];
}

const MARGIN_MM = 2;
const BOX_MM = 3.2;

function build(d: PickListLabelData, widthMm: number, fs: number, maxLines: number) {
  const col = new Column(MARGIN_MM, widthMm - 2 * MARGIN_MM, MARGIN_MM);
  const W = col.width;
  const pt = (n: number) => Math.round(n * fs * 2) / 2;
  col.text('PHIẾU LẤY HÀNG', { sizePt: pt(12), bold: true, align: 'center', maxLines: 1 });
  col.gap(0.8);
  col.code128(d.code, 9, { textSizePt: pt(8.5), maxModuleMm: 0.375 });
  col.gap(0.5);
  col.text(`Kho: ${d.warehouse}`, { sizePt: pt(8.5), maxLines: 1 });
  col.text(formatVnDateTime(d.createdAt), { sizePt: pt(8.5), maxLines: 1 });
  col.text(`${d.orders} đơn · ${d.lines.length} mã · ${d.units} sp`, { sizePt: pt(9), bold: true, maxLines: 1 });
  if (d.note?.trim()) col.text(d.note.trim(), { sizePt: pt(8), maxLines: 2 });
  col.rule(0.3, 0.8);

  const shown = d.lines.slice(0, maxLines);
  for (const line of shown) {
    const top = col.y;
    col.push({ kind: 'box', xMm: col.x, yMm: top + 0.4, widthMm: BOX_MM, heightMm: BOX_MM, borderMm: 0.25 });
    const qty = `×${line.quantity}`;
    const qtyW = textWidthMm(qty, pt(12), true) + 0.5;
    col.textAt(qty, col.x + W - qtyW, top, qtyW, { sizePt: pt(12), bold: true, align: 'right', maxLines: 1 });
    const textX = col.x + BOX_MM + 1.2;
    const textW = W - BOX_MM - 1.2 - qtyW - 1;
    col.text(`${line.bin ?? '—'}  ${line.sku}`, { sizePt: pt(9.5), bold: true, xMm: textX, widthMm: textW, maxLines: 1 });
    col.text(line.name, { sizePt: pt(8.5), xMm: textX, widthMm: textW, maxLines: 2 });
    if (line.attributes) col.text(line.attributes, { sizePt: pt(8), xMm: textX, widthMm: textW, maxLines: 1 });
    col.y = Math.max(col.y, top + BOX_MM + 0.8);
    col.gap(0.9);
  }
  const hidden = d.lines.length - shown.length;
  if (hidden > 0) col.text(`… còn ${hidden} mã nữa: in bản A4`, { sizePt: pt(9), bold: true, align: 'center', maxLines: 1 });
  return { elements: col.elements, heightMm: col.y + MARGIN_MM };
}

export function pickListLabel(data: PickListLabelData, media: MediaName = '80mm'): Label {
  const area = layoutArea(media);
  const fs = Math.min(1.2, Math.max(0.9, area.widthMm / 80));
  if (area.heightMm === null) {
    const { elements, heightMm } = build(data, area.widthMm, fs, data.lines.length);
    return { widthMm: area.widthMm, heightMm: Math.ceil(heightMm), elements };
  }
  // Fixed media: shrink a little first, then drop lines from the end (the remainder is counted).
  for (let maxLines = data.lines.length; maxLines >= 0; maxLines--) {
    for (const scale of [1, 0.9]) {
      const built = build(data, area.widthMm, fs * scale, maxLines);
      if (built.heightMm <= area.heightMm) return { widthMm: area.widthMm, heightMm: area.heightMm, elements: built.elements };
    }
  }
  const { elements } = build(data, area.widthMm, fs * 0.9, 0);
  return { widthMm: area.widthMm, heightMm: area.heightMm, elements };
}
