// Label benchmarks for `npm run bench`: encoding our 100×150 label, rasterising a carrier PDF.
import { shippingLabel, type ShippingLabelData } from './layouts/shipping-label.js';
import { encodeLabel } from './encoders/encode-label.js';
import { encodePdf } from './encoders/pdf.js';
import type { PrinterProfile } from './media.js';
import { rasterizeDocument } from './pdf-raster.js';

export interface BenchResult {
  metric: string;
  value: number;
  unit: string;
}

const DATA: ShippingLabelData = {
  carrierName: 'Viettel Post',
  serviceName: 'Chuyển phát nhanh',
  trackingNumber: 'VTP1234567890',
  sortCode: 'HNI-CG-03',
  routeCode: 'B7',
  sender: { name: 'Cửa hàng Đồ Gốm Bát Tràng', phone: '0912345678', address: 'Số 8 Ngõ 4 Phố Giang Cao, Xã Bát Tràng, Huyện Gia Lâm, Thành phố Hà Nội' },
  receiver: {
    name: 'Trần Thị Ngọc Ánh',
    phone: '0978123456',
    address: '27/5 Đường Nguyễn Thị Minh Khai, Phường Đa Kao, Quận 1, Thành phố Hồ Chí Minh, gần ngã tư Hai Bà Trưng',
  },
  codAmount: 856000,
  weightGrams: 2350,
  items: [
    { name: 'Bộ ấm chén men rạn cổ', quantity: 1 },
    { name: 'Bình hoa men lam vẽ tay', quantity: 2 },
  ],
  orderNumber: 'PD-250301-1187',
  note: 'Hàng dễ vỡ — xin nhẹ tay, không xếp chồng.',
  printedAt: Date.UTC(2025, 2, 1, 2, 30),
};

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] * 100) / 100;
}

async function time(runs: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  await fn(-1); // warm-up: font registration, canvas, WASM
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    samples.push(performance.now() - t);
  }
  return samples;
}

export async function benchLabels(opts: { runs?: number } = {}): Promise<BenchResult[]> {
  const runs = opts.runs ?? 200;
  const base: PrinterProfile = { language: 'tspl', media: '100x150', dpi: 203, offsetXmm: 0, offsetYmm: 0, darkness: 8 };
  // Layout included: the packing station builds and encodes the label per order. The order number
  // changes per run so no cache hides the work.
  const encode = (language: 'tspl' | 'zpl') => (i: number) => encodeLabel(shippingLabel({ ...DATA, orderNumber: `PD-250301-${String(1000 + i)}` }), { ...base, language });
  const encodeSamples = [...(await time(runs, encode('tspl'))), ...(await time(runs, encode('zpl')))];

  // A carrier-like one-page A6 PDF, made with pdfmake as carriers' systems produce them.
  const pdf = await encodePdf(shippingLabel(DATA, 'a6'), { ...base, language: 'pdf', media: 'a6', dpi: 300 });
  const rasterRuns = Math.max(10, Math.round(runs / 4));
  const rasterSamples = await time(rasterRuns, () => rasterizeDocument(pdf, { dpi: 203, media: '100x150', darkness: 8 }));

  return [
    { metric: 'label.encode_p95_ms', value: p95(encodeSamples), unit: 'ms' },
    { metric: 'label.pdf_raster_p95_ms', value: p95(rasterSamples), unit: 'ms' },
  ];
}
