// Our own shipping label, built from shipment data. Priorities, top to bottom, follow what the
// carrier's hub and the courier look at: carrier, tracking barcode, sort/route code, receiver,
// COD amount; sender, content and note come last and are the first to shrink.
import { elementBounds, type Label } from '../label-model.js';
import { layoutArea, type MediaName } from '../media.js';
import { textBlockHeightMm, textWidthMm, wrapText } from '../text-layout.js';
import { Column, fitSizePt, formatVnd, formatVnDateTime, formatWeight } from './layout-kit.js';

export interface LabelParty {
  name: string;
  phone: string;
  address: string; // full address on one string: street, ward, (district,) province
}

export interface ShippingLabelData {
  carrierName: string; // "Giao Hàng Nhanh", "Viettel Post"
  serviceName?: string; // "Chuẩn", "Nhanh"
  trackingNumber: string; // Code 128, printable ASCII
  sortCode?: string; // hub sorting code, printed big
  routeCode?: string; // delivery route / station
  sender: LabelParty;
  receiver: LabelParty;
  codAmount: number; // whole đồng; 0 = nothing to collect
  weightGrams: number;
  items: { name: string; quantity: number }[];
  orderNumber: string; // our order number, Code 128
  note?: string;
  printedAt: number | Date; // shown in Asia/Ho_Chi_Minh
}

interface Density {
  barMm: number; // tracking barcode height
  receiverLines: number;
  senderLines: number;
  contentLines: number;
  noteLines: number; // -1 = no note
  gap: number; // space around rules
}

// Tried in order on fixed-height media until the label fits, each at the font scales below before
// giving up lines: a complete address in a slightly smaller font beats a cut one in a big font.
const DENSITIES: Density[] = [
  { barMm: 18, receiverLines: 4, senderLines: 2, contentLines: 3, noteLines: 2, gap: 1.4 },
  { barMm: 15, receiverLines: 4, senderLines: 2, contentLines: 2, noteLines: 2, gap: 1.1 },
  { barMm: 13, receiverLines: 4, senderLines: 1, contentLines: 2, noteLines: 1, gap: 0.8 },
  { barMm: 12, receiverLines: 3, senderLines: 1, contentLines: 2, noteLines: 1, gap: 0.8 },
  { barMm: 10, receiverLines: 3, senderLines: 1, contentLines: 1, noteLines: 1, gap: 0.5 },
  // Last resorts for 100×100 stock with long addresses: sender address, then content and note go.
  { barMm: 9, receiverLines: 3, senderLines: 0, contentLines: 1, noteLines: 0, gap: 0.4 },
  { barMm: 8, receiverLines: 2, senderLines: 0, contentLines: 0, noteLines: -1, gap: 0.3 },
];
const FONT_SCALES = [1, 0.94, 0.88, 0.82];

// On rolls the label grows, so nothing needs cutting short except absurdly long input.
const CONTINUOUS: Density = { barMm: 16, receiverLines: 30, senderLines: 8, contentLines: 20, noteLines: 10, gap: 1.4 };

const MARGIN_MM = 3;

/** "2 × Áo thun; 1 × Quần jean" cut to whole items that fit, then "+N sản phẩm khác". */
export function contentSummary(items: ShippingLabelData['items'], sizePt: number, widthMm: number, maxLines: number): string {
  const total = items.reduce((n, i) => n + i.quantity, 0);
  const parts = items.map((i) => `${i.quantity} × ${i.name.trim()}`);
  const head = `Nội dung (${total} sp): `;
  for (let k = parts.length; k >= 1; k--) {
    const rest = parts.length - k;
    const text = head + parts.slice(0, k).join('; ') + (rest > 0 ? `; +${rest} sản phẩm khác` : '');
    if (!wrapText(text, sizePt, false, widthMm, maxLines).truncated) return text;
  }
  // Even the first item does not fit: shorten its name, keep the count of the others visible.
  const rest = parts.length - 1;
  const suffix = rest > 0 ? `; +${rest} sản phẩm khác` : '';
  const first = [...(parts[0] ?? '')];
  for (let n = first.length - 1; n > 0; n--) {
    const text = `${head}${first.slice(0, n).join('').trimEnd()}…${suffix}`;
    if (!wrapText(text, sizePt, false, widthMm, maxLines).truncated) return text;
  }
  return head + (parts[0] ?? '');
}

function build(d: ShippingLabelData, widthMm: number, k: Density, scale: number): { elements: Label['elements']; heightMm: number } {
  const narrow = widthMm < 80;
  const fs = scale * Math.min(1.35, Math.max(0.82, widthMm / 94));
  const col = new Column(MARGIN_MM, widthMm - 2 * MARGIN_MM, MARGIN_MM);
  const W = col.width;
  // Half-point steps; nothing under 7 pt, which is about the floor for 203 dpi with diacritics.
  const pt = (n: number) => Math.max(7, Math.round(n * fs * 2) / 2);

  // Header: carrier name left, service and print time right (stacked on narrow rolls).
  const when = `In: ${formatVnDateTime(d.printedAt)}`;
  if (narrow) {
    col.text(d.carrierName, { sizePt: fitSizePt(d.carrierName, pt(18), 11, W), bold: true, maxLines: 2 });
    col.text([d.serviceName, when].filter(Boolean).join(' · '), { sizePt: pt(8), maxLines: 2 });
  } else {
    const rightW = Math.max(textWidthMm(when, pt(8)), d.serviceName ? textWidthMm(d.serviceName, pt(9), true) : 0) + 1;
    const carrierPt = fitSizePt(d.carrierName, pt(18), 10, W - rightW - 2);
    const top = col.y;
    const hCarrier = col.text(d.carrierName, { sizePt: carrierPt, bold: true, maxLines: 1, widthMm: W - rightW - 2 });
    let ry = top;
    if (d.serviceName) ry += col.textAt(d.serviceName, col.x + W - rightW, ry, rightW, { sizePt: pt(9), bold: true, align: 'right', maxLines: 1 });
    ry += col.textAt(when, col.x + W - rightW, ry, rightW, { sizePt: pt(8), align: 'right', maxLines: 1 });
    col.y = Math.max(top + hCarrier, ry);
  }
  col.rule(0.4, k.gap);

  // Tracking number: the biggest thing on the label, with its text in bold under the bars.
  // The symbol may use the label's full width: its quiet zones are inside the element, and on a
  // 58 mm roll the page margins would otherwise push 12-character numbers down to 1-dot modules.
  col.code128(d.trackingNumber, k.barMm * Math.min(1.3, fs), { textSizePt: pt(14), maxModuleMm: 0.5, xMm: 0, widthMm });
  col.rule(0.4, k.gap);

  // Sort code and route code: read from a distance at the hub. Side by side when they fit.
  if (d.sortCode || d.routeCode) {
    const routePt0 = pt(22);
    const routeW = d.routeCode ? Math.min(W * 0.4, textWidthMm(d.routeCode, routePt0, true) + 6) : 0;
    const sortPt0 = pt(28);
    const sideBySide = !narrow || !d.sortCode || !d.routeCode || textWidthMm(d.sortCode, 16, true) <= W - routeW - 2;
    const sortW = sideBySide ? W - routeW - (routeW ? 2 : 0) : W;
    let rowTop = col.y;
    let sortH = 0;
    if (d.sortCode) {
      const sortPt = fitSizePt(d.sortCode, sortPt0, 11, sortW);
      sortH = col.textAt(d.sortCode, col.x, rowTop, sortW, { sizePt: sortPt, bold: true, maxLines: 2 });
      if (!sideBySide) {
        rowTop += sortH + 1;
        sortH = 0;
      }
    }
    let routeH = 0;
    if (d.routeCode) {
      const routePt = fitSizePt(d.routeCode, routePt0, 10, routeW - 3);
      routeH = textBlockHeightMm(1, routePt) + 1;
      const bx = sideBySide ? col.x + W - routeW : col.x;
      col.textAt(d.routeCode, bx + 1.5, rowTop + 0.5, routeW - 3, { sizePt: routePt, bold: true, align: 'center', maxLines: 1 });
      col.push({ kind: 'box', xMm: bx, yMm: rowTop, widthMm: routeW, heightMm: Math.max(routeH, sortH), invert: true });
    }
    col.y = rowTop + Math.max(sortH, routeH);
    col.rule(0.4, k.gap);
  }

  // Receiver: name and phone bold on one line, then the full address (it wraps, never clipped
  // silently: the last line ends with an ellipsis if the density allows too few lines).
  col.text('NGƯỜI NHẬN', { sizePt: pt(8), bold: true });
  if (narrow) {
    col.text(d.receiver.name, { sizePt: pt(12), bold: true, maxLines: 2 });
    col.text(d.receiver.phone, { sizePt: pt(12), bold: true, maxLines: 1 });
  } else {
    const phoneW = textWidthMm(d.receiver.phone, pt(12), true) + 1;
    const nameTop = col.y;
    const nameH = col.textAt(d.receiver.name, col.x, nameTop, W - phoneW - 2, { sizePt: pt(12), bold: true, maxLines: 2 });
    col.textAt(d.receiver.phone, col.x + W - phoneW, nameTop, phoneW, { sizePt: pt(12), bold: true, align: 'right', maxLines: 1 });
    col.y = nameTop + nameH;
  }
  col.text(d.receiver.address, { sizePt: pt(11), maxLines: k.receiverLines });
  col.rule(0.3, k.gap);

  // Sender: smaller, one line for name and phone.
  col.text(`Người gửi: ${d.sender.name} · ${d.sender.phone}`, { sizePt: pt(8.5), bold: true, maxLines: narrow ? 2 : 1 });
  if (k.senderLines > 0) col.text(d.sender.address, { sizePt: pt(8.5), maxLines: k.senderLines });
  col.rule(0.3, k.gap);

  if (k.contentLines > 0) {
    col.text(contentSummary(d.items, pt(9), W, k.contentLines), { sizePt: pt(9), maxLines: k.contentLines });
    col.rule(0.3, k.gap);
  }

  // COD: white on black so the courier cannot miss it; "KHÔNG THU TIỀN" stays black on white.
  const rowTop = col.y;
  const codW = narrow ? W : W * 0.62;
  const pad = 1.2;
  let codH: number;
  if (d.codAmount > 0) {
    const amount = formatVnd(d.codAmount);
    const amountPt = fitSizePt(amount, pt(22), 12, codW - 2 * pad);
    const h1 = col.textAt('THU HỘ (COD)', col.x + pad, rowTop + pad, codW - 2 * pad, { sizePt: pt(9), bold: true, maxLines: 1 });
    const h2 = col.textAt(amount, col.x + pad, rowTop + pad + h1, codW - 2 * pad, { sizePt: amountPt, bold: true, maxLines: 1 });
    codH = h1 + h2 + 2 * pad;
    col.push({ kind: 'box', xMm: col.x, yMm: rowTop, widthMm: codW, heightMm: codH, invert: true });
  } else {
    const h = col.textAt('KHÔNG THU TIỀN', col.x + pad, rowTop + pad, codW - 2 * pad, { sizePt: fitSizePt('KHÔNG THU TIỀN', pt(16), 10, codW - 2 * pad), bold: true, align: 'center', maxLines: 1 });
    codH = h + 2 * pad;
    col.push({ kind: 'box', xMm: col.x, yMm: rowTop, widthMm: codW, heightMm: codH, borderMm: 0.5 });
  }
  const weight = `Khối lượng: ${formatWeight(d.weightGrams)}`;
  if (narrow) {
    col.y = rowTop + codH + 1;
    col.text(weight, { sizePt: pt(10), bold: true, maxLines: 1 });
  } else {
    const wx = col.x + codW + 2;
    const wy = rowTop + Math.max(0, (codH - textBlockHeightMm(2, pt(10))) / 2);
    col.textAt(weight, wx, wy, W - codW - 2, { sizePt: pt(10), bold: true, maxLines: 2 });
    col.y = rowTop + codH;
  }
  col.rule(0.3, k.gap);

  // Order number barcode (small) and the note side by side on wide labels.
  const orderTop = col.y;
  const orderW = narrow ? W : Math.min(W * 0.55, 52);
  // On narrow rolls the order barcode gets its own row across the whole width (2-dot modules).
  const orderCol = narrow ? new Column(0, widthMm, orderTop) : new Column(col.x, orderW, orderTop);
  orderCol.code128(d.orderNumber, 7 * Math.min(1.3, fs), { textSizePt: pt(8), align: narrow ? 'center' : 'left', maxModuleMm: 0.375 });
  col.push(...orderCol.elements);
  const note = d.note?.trim() && k.noteLines >= 0 ? `Ghi chú: ${d.note.trim()}` : '';
  if (narrow) {
    col.y = orderCol.y + 1;
    col.text(note, { sizePt: pt(8.5), maxLines: k.noteLines + 1 });
  } else {
    const noteH = col.textAt(note, col.x + orderW + 2, orderTop, W - orderW - 2, { sizePt: pt(8.5), maxLines: k.noteLines + 1 });
    col.y = Math.max(orderCol.y, orderTop + noteH);
  }
  return { elements: col.elements, heightMm: col.y + MARGIN_MM };
}

/** The shipping label for any supported media: dense enough to fit fixed labels, growing on rolls. */
export function shippingLabel(data: ShippingLabelData, media: MediaName = '100x150'): Label {
  const area = layoutArea(media);
  if (area.heightMm === null) {
    const { elements, heightMm } = build(data, area.widthMm, CONTINUOUS, 1);
    return { widthMm: area.widthMm, heightMm: Math.ceil(heightMm), elements };
  }
  let last: ReturnType<typeof build> | undefined;
  for (const k of DENSITIES) {
    for (const scale of FONT_SCALES) {
      last = build(data, area.widthMm, k, scale);
      if (last.heightMm <= area.heightMm) return { widthMm: area.widthMm, heightMm: area.heightMm, elements: last.elements };
    }
  }
  // Nothing fits (absurd input): the smallest version without what falls off the bottom, so the
  // packer still gets a label with the tracking barcode and the receiver rather than an error.
  const h = area.heightMm;
  const kept = last!.elements.filter((el) => {
    const b = elementBounds(el);
    return b.y + b.h <= h && (el.kind !== 'text' || el.yMm + textBlockHeightMm(1, el.sizePt) <= h);
  });
  return { widthMm: area.widthMm, heightMm: h, elements: kept };
}

export function shippingLabel100x150(data: ShippingLabelData): Label {
  return shippingLabel(data, '100x150');
}
