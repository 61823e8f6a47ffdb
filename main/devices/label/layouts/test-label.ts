// Calibration label: shows whether size, offsets and darkness are right, whether Vietnamese
// renders, and whether a scanner behind a Vietnamese input method reads codes unchanged.
import type { Label, LabelElement } from '../label-model.js';
import { layoutArea, type PrinterProfile } from '../media.js';
import { Column } from './layout-kit.js';

export const VIETNAMESE_PANGRAM = 'Tiếng Việt: ắ ằ ẳ ẵ ặ ấ ầ ẩ ẫ ậ ế ề ể ễ ệ ố ồ ổ ỗ ộ ớ ờ ở ỡ ợ ứ ừ ử ữ ự đ Đ';
/** Sequences Telex/VNI input methods rewrite (hardware.md §1.1): DD→Đ, AA→Â, W→Ư, digits as tones. */
export const RISKY_BARCODE = 'DD-AA-W-12-SF-aw';

const MARGIN_MM = 2;

/** Corner marks and 10 mm ticks along the top and left edges. */
function sizeMarkers(w: number, h: number): LabelElement[] {
  const t = 0.25;
  const arm = 5;
  const els: LabelElement[] = [];
  const corner = (x: number, y: number, dx: number, dy: number) => {
    els.push({ kind: 'line', x1Mm: x, y1Mm: y + (dy * t) / 2, x2Mm: x + dx * arm, y2Mm: y + (dy * t) / 2, thicknessMm: t });
    els.push({ kind: 'line', x1Mm: x + (dx * t) / 2, y1Mm: y, x2Mm: x + (dx * t) / 2, y2Mm: y + dy * arm, thicknessMm: t });
  };
  const e = 0.5; // inset: the outermost dots are often lost to the label's edge tolerance
  corner(e, e, 1, 1);
  corner(w - e, e, -1, 1);
  corner(e, h - e, 1, -1);
  corner(w - e, h - e, -1, -1);
  for (let x = 10; x < w - 1; x += 10) els.push({ kind: 'line', x1Mm: x, y1Mm: e, x2Mm: x, y2Mm: e + (x % 50 === 0 ? 4 : 2.5), thicknessMm: t });
  for (let y = 10; y < h - 1; y += 10) els.push({ kind: 'line', x1Mm: e, y1Mm: y, x2Mm: e + (y % 50 === 0 ? 4 : 2.5), y2Mm: y, thicknessMm: t });
  return els;
}

export function testLabel(profile: PrinterProfile): Label {
  const area = layoutArea(profile.media);
  const full = build(profile, false);
  // Short stock (100×100): the bold pangram and the sentence go, the barcode gets shorter.
  return area.heightMm !== null && full.contentBottomMm > area.heightMm ? build(profile, true).label : full.label;
}

function build(profile: PrinterProfile, compact: boolean): { label: Label; contentBottomMm: number } {
  const area = layoutArea(profile.media);
  const widthMm = area.widthMm;
  const col = new Column(MARGIN_MM + 4, widthMm - 2 * MARGIN_MM - 4, MARGIN_MM + 4);
  const W = col.width;
  const fs = Math.min(1.2, Math.max(0.85, widthMm / 94));
  const pt = (n: number) => Math.round(n * fs * 2) / 2;

  col.text('NHÃN KIỂM TRA MÁY IN', { sizePt: pt(14), bold: true, align: 'center', maxLines: 2 });
  const sizeText = area.heightMm === null ? `cuộn ${profile.media}, in được ${widthMm} mm` : `${widthMm} × ${area.heightMm} mm`;
  col.text(`${sizeText} · ${profile.dpi} dpi · ${profile.language.toUpperCase()}`, { sizePt: pt(9), align: 'center' });
  col.text(`độ đậm ${profile.darkness} · lệch x ${profile.offsetXmm} mm, y ${profile.offsetYmm} mm`, { sizePt: pt(9), align: 'center' });
  col.rule(0.3, 1.2);

  // Darkness ramp: dithered greys 10 %…100 % and rules 1–4 dots thick (0.125 mm steps at 203 dpi).
  col.text('Thang độ đậm', { sizePt: pt(8.5), bold: true });
  const steps = 10;
  const cell = W / steps;
  for (let i = 0; i < steps; i++) {
    col.push({ kind: 'box', xMm: col.x + i * cell, yMm: col.y, widthMm: cell, heightMm: 6, shade: (i + 1) / steps, borderMm: i === 0 ? 0.15 : 0 });
  }
  col.gap(7);
  for (let i = 1; i <= 4; i++) {
    col.push({ kind: 'line', x1Mm: col.x, y1Mm: col.y + 1, x2Mm: col.x + W, y2Mm: col.y + 1, thicknessMm: (i * 25.4) / profile.dpi });
    col.gap(2);
  }
  col.rule(0.3, 1.2);

  col.text('Chữ tiếng Việt', { sizePt: pt(8.5), bold: true });
  col.text(VIETNAMESE_PANGRAM, { sizePt: pt(11) });
  if (!compact) {
    col.text(VIETNAMESE_PANGRAM, { sizePt: pt(11), bold: true });
    col.text('Quý khách vui lòng kiểm tra hàng trước khi nhận. Đơn giá: 1.234.567 ₫', { sizePt: pt(8) });
  }
  col.rule(0.3, 1.2);

  col.text('Mã vạch thử (quét ở chế độ gõ tiếng Anh, phải ra đúng):', { sizePt: pt(8.5), bold: true });
  col.gap(1);
  col.code128(RISKY_BARCODE, compact ? 9 : 12, { textSizePt: pt(10), maxModuleMm: 0.375 });
  col.gap(1);
  const contentBottomMm = col.y + MARGIN_MM;
  const heightMm = area.heightMm ?? Math.ceil(contentBottomMm + 4);
  const elements = [...col.elements, ...sizeMarkers(widthMm, heightMm)];
  return { label: { widthMm, heightMm, elements }, contentBottomMm };
}
