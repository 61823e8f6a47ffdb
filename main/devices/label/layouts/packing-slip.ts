// Packing slip: the list of what is in the parcel, for a receipt roll or an A6 sheet. On rolls
// it grows with the order; on fixed media it shrinks, then lists the first lines and a count.
import type { Label } from '../label-model.js';
import { layoutArea, type MediaName } from '../media.js';
import { textWidthMm } from '../text-layout.js';
import { Column, formatVnd, formatVnDateTime } from './layout-kit.js';

export interface PackingSlipLine {
  name: string;
  sku?: string;
  quantity: number;
  unitPrice: number; // whole đồng
}

export interface PackingSlipData {
  shopName: string;
  shopPhone?: string;
  orderNumber: string; // printed as Code 128 so the packer can scan the slip
  createdAt: number | Date;
  customerName?: string;
  lines: PackingSlipLine[];
  shippingFee?: number;
  discount?: number;
  codAmount?: number;
  note?: string;
}

const MARGIN_MM = 2;

function build(d: PackingSlipData, widthMm: number, fs: number, maxLines: number) {
  const col = new Column(MARGIN_MM, widthMm - 2 * MARGIN_MM, MARGIN_MM);
  const W = col.width;
  const pt = (n: number) => Math.round(n * fs * 2) / 2;
  col.text(d.shopName, { sizePt: pt(13), bold: true, align: 'center', maxLines: 2 });
  if (d.shopPhone) col.text(`ĐT: ${d.shopPhone}`, { sizePt: pt(8.5), align: 'center', maxLines: 1 });
  col.gap(1);
  col.text('PHIẾU ĐÓNG GÓI', { sizePt: pt(11), bold: true, align: 'center', maxLines: 1 });
  col.text(`Đơn ${d.orderNumber} · ${formatVnDateTime(d.createdAt)}`, { sizePt: pt(8.5), align: 'center', maxLines: 2 });
  if (d.customerName) col.text(`Khách: ${d.customerName}`, { sizePt: pt(8.5), maxLines: 1 });
  col.rule(0.3, 1);

  const shown = d.lines.slice(0, maxLines);
  // On a 58 mm roll "SKU · 2 × 189.000 ₫" and the line total do not share one line: the SKU
  // gets its own line there so the quantity and prices are never cut.
  const narrow = W < 60;
  for (const line of shown) {
    col.text(line.name, { sizePt: pt(9), bold: true, maxLines: 2 });
    if (narrow && line.sku) col.text(line.sku, { sizePt: pt(8), maxLines: 1 });
    const total = formatVnd(line.quantity * line.unitPrice);
    const totalW = textWidthMm(total, pt(9), true) + 0.5;
    const left = `${line.sku && !narrow ? `${line.sku} · ` : ''}${line.quantity} × ${formatVnd(line.unitPrice)}`;
    const y = col.y;
    col.textAt(total, col.x + W - totalW, y, totalW, { sizePt: pt(9), bold: true, align: 'right', maxLines: 1 });
    col.text(left, { sizePt: pt(8.5), widthMm: W - totalW - 1, maxLines: 2 });
    col.gap(0.6);
  }
  const hidden = d.lines.length - shown.length;
  if (hidden > 0) col.text(`… và ${hidden} dòng khác`, { sizePt: pt(8.5), maxLines: 1 });
  col.rule(0.3, 1);

  const subtotal = d.lines.reduce((s, l) => s + l.quantity * l.unitPrice, 0);
  const quantity = d.lines.reduce((s, l) => s + l.quantity, 0);
  const row = (label: string, value: string, bold = false, size = 9) => {
    const vw = textWidthMm(value, pt(size), true) + 0.5;
    col.textAt(value, col.x + W - vw, col.y, vw, { sizePt: pt(size), bold: true, align: 'right', maxLines: 1 });
    col.text(label, { sizePt: pt(size), bold, widthMm: W - vw - 1, maxLines: 2 });
  };
  row(`Tạm tính (${quantity} sp)`, formatVnd(subtotal));
  if (d.discount) row('Giảm giá', formatVnd(-d.discount));
  if (d.shippingFee) row('Phí vận chuyển', formatVnd(d.shippingFee));
  if (d.codAmount !== undefined) row(narrow ? 'COD' : 'Thu hộ (COD)', d.codAmount > 0 ? formatVnd(d.codAmount) : 'Không thu tiền', true, narrow ? 10 : 10.5);
  if (d.note?.trim()) {
    col.gap(1);
    col.text(d.note.trim(), { sizePt: pt(8.5), align: 'center', maxLines: 3 });
  }
  col.gap(1.5);
  col.code128(d.orderNumber, 8, { textSizePt: pt(8), maxModuleMm: 0.375 });
  return { elements: col.elements, heightMm: col.y + MARGIN_MM };
}

export function packingSlip(data: PackingSlipData, media: MediaName = '80mm'): Label {
  const area = layoutArea(media);
  const fs = Math.min(1.3, Math.max(0.95, area.widthMm / 90));
  if (area.heightMm === null) {
    const { elements, heightMm } = build(data, area.widthMm, fs, data.lines.length);
    return { widthMm: area.widthMm, heightMm: Math.ceil(heightMm), elements };
  }
  // Fixed media: shrink a little first, then drop lines from the end (the count stays visible).
  for (let maxLines = data.lines.length; maxLines >= 1; maxLines--) {
    for (const scale of [1, 0.9, 0.82]) {
      const built = build(data, area.widthMm, fs * scale, maxLines);
      if (built.heightMm <= area.heightMm) return { widthMm: area.widthMm, heightMm: area.heightMm, elements: built.elements };
    }
  }
  const { elements } = build(data, area.widthMm, fs * 0.82, 1);
  return { widthMm: area.widthMm, heightMm: area.heightMm, elements };
}
