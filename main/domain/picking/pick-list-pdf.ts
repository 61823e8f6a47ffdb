// The A4 pick list: a table that flows over as many pages as it needs, with the title, the
// barcode, the warehouse and the counts repeated at the top of every page (a picker who carries
// page 3 alone can still scan it) and the column heads repeated above each page's rows.
import { createRequire } from 'node:module';
import type { PickList } from '../../api/picking.js';
import { code128Pattern } from '../../devices/label/barcode.js';
import { labelFontBytes } from '../../devices/label/fonts.js';
import { formatVnDateTime } from '../../devices/label/layouts/layout-kit.js';
import { attributesText } from './pick-list-rules.js';

type Node = Record<string, unknown>;
interface PdfMake {
  virtualfs: { writeFileSync(name: string, data: Buffer): void };
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: Node): { getBuffer(): Promise<Buffer> };
}

const require = createRequire(import.meta.url);
const FONT = 'PackdeskPickList';
const PT_PER_MM = 72 / 25.4;
const HEADER_PT = 104;

function lib(): PdfMake {
  const pm = require('pdfmake') as PdfMake;
  // The document never needs a URL or a file: refusing both keeps crafted text from reaching either.
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy(() => false);
  const bytes = labelFontBytes();
  pm.virtualfs.writeFileSync('packdesk-picklist-regular.ttf', bytes.regular);
  pm.virtualfs.writeFileSync('packdesk-picklist-bold.ttf', bytes.bold);
  pm.setFonts({ [FONT]: { normal: 'packdesk-picklist-regular.ttf', bold: 'packdesk-picklist-bold.ttf', italics: 'packdesk-picklist-regular.ttf', bolditalics: 'packdesk-picklist-bold.ttf' } });
  return pm;
}

/** Code 128 bars as vector rectangles: 0.33 mm modules scan well from paper at arm's length. */
function barcode(data: string, heightPt: number): Node {
  const module = 0.33 * PT_PER_MM;
  const rects: Node[] = [];
  let x = 0;
  code128Pattern(data).forEach((w, i) => {
    if (i % 2 === 0) rects.push({ type: 'rect', x, y: 0, w: w * module, h: heightPt, color: 'black' });
    x += w * module;
  });
  return { stack: [{ canvas: rects, width: x }, { text: data, fontSize: 9, bold: true, alignment: 'center', margin: [0, 2, 0, 0] }], width: x };
}

// A fresh node per row: pdfmake writes layout state into the nodes it is given.
const checkbox = (): Node => ({ canvas: [{ type: 'rect', x: 0, y: 1, w: 9, h: 9, lineWidth: 0.8, lineColor: 'black' }] });

function header(p: PickList, page: number, pages: number): Node {
  const counts = `${p.totals.orders} đơn · ${p.totals.skus} mã hàng · ${p.totals.units} sản phẩm`;
  return {
    margin: [28, 24, 28, 0],
    columns: [
      {
        width: '*',
        stack: [
          { text: 'PHIẾU LẤY HÀNG', fontSize: 16, bold: true },
          { text: `Kho: ${p.warehouseCode} – ${p.warehouseName}`, fontSize: 10, margin: [0, 3, 0, 0] },
          { text: `Ngày tạo: ${formatVnDateTime(p.createdAt)}${p.createdBy ? ` · Người tạo: ${p.createdBy}` : ''}`, fontSize: 10 },
          { text: counts, fontSize: 10, bold: true },
          p.note ? { text: `Ghi chú: ${p.note}`, fontSize: 9, italics: true, maxHeight: 12 } : { text: '' },
        ],
      },
      { width: 'auto', stack: [barcode(p.code, 34), { text: `Trang ${page}/${pages}`, fontSize: 8, alignment: 'right', margin: [0, 2, 0, 0] }] },
    ],
  };
}

function lineRows(p: PickList): Node[][] {
  const head: Node[] = ['', 'Vị trí', 'SKU', 'Sản phẩm', 'SL'].map((t) => ({ text: t, bold: true, fontSize: 9, fillColor: '#e8e8e8' }));
  head[4] = { ...head[4], alignment: 'right' };
  const rows = p.lines.map((l) => {
    const attrs = attributesText(l.attributes);
    const orders = l.orders.map((o) => `${o.orderNumber} ×${o.quantity}`).join(', ');
    return [
      checkbox(),
      { text: l.bin ?? '—', bold: true, fontSize: 10 },
      { text: l.sku, fontSize: 9 },
      { stack: [{ text: l.productName, fontSize: 9 }, { text: [attrs ? { text: `${attrs}   `, fontSize: 8, color: '#222' } : '', { text: orders, fontSize: 7, color: '#555' }] }] },
      { text: String(l.quantity), bold: true, fontSize: 12, alignment: 'right' },
    ];
  });
  return [head, ...rows];
}

function orderRows(p: PickList): Node[][] {
  const head = ['#', 'Đơn hàng', 'Người mua', 'SL'].map((t) => ({ text: t, bold: true, fontSize: 9, fillColor: '#e8e8e8' }));
  return [head, ...p.orders.map((o, i) => [String(i + 1), { text: o.number, bold: true }, o.buyerName, { text: String(o.units), alignment: 'right' }].map((c) => (typeof c === 'string' ? { text: c, fontSize: 9 } : { fontSize: 9, ...c })))];
}

export async function pickListPdf(p: PickList): Promise<{ bytes: Buffer; pages: number }> {
  const pm = lib();
  const doc = pm.createPdf({
    pageSize: 'A4',
    pageMargins: [28, HEADER_PT, 28, 28],
    defaultStyle: { font: FONT, fontSize: 9 },
    info: { title: `Phiếu lấy hàng ${p.code}`, creator: 'Packdesk', producer: 'Packdesk' },
    header: (page: number, pages: number) => header(p, page, pages),
    content: [
      {
        table: { headerRows: 1, dontBreakRows: true, widths: [12, 62, 90, '*', 34], body: lineRows(p) },
        layout: { hLineWidth: () => 0.5, vLineWidth: () => 0, hLineColor: () => '#999', paddingTop: () => 3, paddingBottom: () => 3 },
      },
      { text: 'Thứ tự đóng gói', bold: true, fontSize: 11, margin: [0, 12, 0, 4] },
      {
        table: { headerRows: 1, dontBreakRows: true, widths: [24, 90, '*', 34], body: orderRows(p) },
        layout: { hLineWidth: () => 0.5, vLineWidth: () => 0, hLineColor: () => '#bbb' },
      },
    ],
  });
  const bytes = await doc.getBuffer();
  return { bytes, pages: countPages(bytes) };
}

/** Page objects in the PDF: pdfkit writes each as an uncompressed dictionary with /Type /Page. */
export function countPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
}
