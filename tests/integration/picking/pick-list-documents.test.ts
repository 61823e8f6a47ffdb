import { mkdirSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PDFiumLibrary } from '@hyzyla/pdfium';
import { describe, expect, it } from 'vitest';
import type { PickList } from '../../../main/api/picking.js';
import { bitmapFromGray, bitmapToPng } from '../../../main/devices/label/bitmap.js';
import { validateLabel } from '../../../main/devices/label/label-model.js';
import { renderLabel } from '../../../main/devices/label/raster.js';
import { formatPickListCode } from '../../../main/domain/picking/pick-list-code.js';
import { pickListLabelOf } from '../../../main/domain/picking/pick-list-document.js';
import { pickListPdf } from '../../../main/domain/picking/pick-list-pdf.js';
import { readBitmapBarcodes } from '../../fixtures/labels/read-barcodes.js';

const require = createRequire(import.meta.url);
// Set PICK_LIST_PNG_DIR to keep the rendered pages for a look.
const PNG_DIR = process.env.PICK_LIST_PNG_DIR;

function samplePickList(lineCount: number): PickList {
  const names = ['Áo sơ mi lụa tơ tằm cổ đức', 'Quần short kaki ống rộng', 'Đầm maxi hoa nhí dự tiệc', 'Giày thể thao đế êm'];
  const lines = Array.from({ length: lineCount }, (_, i) => ({
    variantId: i + 1,
    sku: `SKU-${String(i + 1).padStart(4, '0')}`,
    productName: `${names[i % names.length]} ${i + 1}`,
    attributes: [{ name: 'Màu', value: ['Đỏ', 'Xanh dương', 'Vàng'][i % 3] }, { name: 'Size', value: 'M' }],
    bin: i < lineCount - 3 ? `K${Math.floor(i / 20) + 1}-${(i % 20) + 1}` : null,
    quantity: (i % 4) + 1,
    orders: [{ orderId: 1, orderNumber: 'PD000101', quantity: 1 }, { orderId: 2, orderNumber: 'PD000102', quantity: i % 4 }].filter((o) => o.quantity > 0),
  }));
  return {
    id: 7, code: formatPickListCode(42), warehouseId: 1, warehouseCode: 'HCM', warehouseName: 'Kho Thủ Đức', status: 'open',
    note: 'Ưu tiên đơn hỏa tốc', createdBy: 'Nguyễn Văn Đức', createdAt: Date.UTC(2025, 0, 12, 3, 7), orderCount: 2, packedCount: 0, cancelledCount: 0,
    orders: [
      { id: 1, number: 'PD000101', status: 'ready_to_pack', channel: 'shopee', buyerName: 'Trần Thị Hằng', shipBy: null, units: 100 },
      { id: 2, number: 'PD000102', status: 'ready_to_pack', channel: 'manual', buyerName: 'Lê Văn Tám', shipBy: null, units: 200 },
    ],
    lines,
    totals: { orders: 2, skus: lines.length, units: lines.reduce((s, l) => s + l.quantity, 0) },
  };
}

describe('pick list documents', () => {
  it('paginates 200 lines on A4 with the title, barcode, counts and page number on every page, every line once', async () => {
    const p = samplePickList(200);
    const { bytes, pages } = await pickListPdf(p);
    expect(pages).toBeGreaterThanOrEqual(5);
    const wasm = readFileSync(require.resolve('@hyzyla/pdfium/pdfium.wasm'));
    const lib = await PDFiumLibrary.init({ wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer });
    const doc = await lib.loadDocument(new Uint8Array(bytes));
    try {
      expect(doc.getPageCount()).toBe(pages);
      let all = '';
      for (let i = 0; i < pages; i++) {
        const page = doc.getPage(i);
        const text = page.getText();
        expect(text, `page ${i + 1}`).toContain('PHIẾU LẤY HÀNG');
        expect(text).toContain('Kho: HCM – Kho Thủ Đức');
        expect(text).toContain(`2 đơn · 200 mã hàng · ${p.totals.units} sản phẩm`);
        expect(text).toContain(`Trang ${i + 1}/${pages}`);
        expect(text).toContain('Vị trí');
        all += text;
        const r = await page.render({ scale: 2, colorSpace: 'Gray', render: 'bitmap' });
        const bitmap = bitmapFromGray(r.data, r.width, r.height, 128);
        expect((await readBitmapBarcodes(bitmap)).map((b) => b.text), `barcode on page ${i + 1}`).toContain(p.code);
        if (PNG_DIR) {
          mkdirSync(PNG_DIR, { recursive: true });
          writeFileSync(join(PNG_DIR, `a4-page-${i + 1}.png`), bitmapToPng(bitmap));
        }
      }
      const positions = p.lines.map((l) => all.indexOf(l.sku));
      expect(positions.every((x) => x >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(all).toContain('Thứ tự đóng gói');
    } finally {
      doc.destroy();
    }
  }, 60_000);

  it('prints on an 80 mm roll in full and on a 100×150 label as far as it fits, with a scannable code', async () => {
    const roll = pickListLabelOf(samplePickList(12), '80mm');
    expect(validateLabel(roll)).toEqual([]);
    const rollTexts = roll.elements.flatMap((e) => (e.kind === 'text' ? [e.text] : []));
    expect(rollTexts.filter((t) => t.includes('SKU-'))).toHaveLength(12);
    const label = pickListLabelOf(samplePickList(200), '100x150');
    expect(validateLabel(label)).toEqual([]);
    expect(label.heightMm).toBe(150);
    const texts = label.elements.flatMap((e) => (e.kind === 'text' ? [e.text] : []));
    const shown = texts.filter((t) => t.includes('SKU-')).length;
    expect(shown).toBeGreaterThan(5);
    expect(texts).toContain(`… còn ${200 - shown} mã nữa: in bản A4`);
    for (const [name, l] of [['roll-80mm', roll], ['label-100x150', label]] as const) {
      const bitmap = renderLabel(l, { dpi: 203 });
      expect((await readBitmapBarcodes(bitmap)).map((b) => b.text)).toContain(formatPickListCode(42));
      if (PNG_DIR) writeFileSync(join(PNG_DIR, `${name}.png`), bitmapToPng(bitmap));
    }
  });
});
