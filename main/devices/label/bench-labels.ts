// Label benchmarks for `npm run bench`: encoding our 100×150 label, rasterising a carrier PDF.
// Wall-clock percentiles are what a packer waits; CPU time (process.cpuUsage, user + system) per
// run is reported beside them so a loaded machine can be told apart from our own cost.
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

const FAMILY = ['Trần', 'Nguyễn', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];
const GIVEN = ['Thị Ngọc Ánh', 'Văn Đức', 'Minh Khôi', 'Thu Hường', 'Quốc Việt', 'Bảo Trâm', 'Hữu Nghĩa', 'Thanh Tùng', 'Diệu Linh', 'Gia Huy'];
const STREETS = ['Đường Nguyễn Thị Minh Khai', 'Phố Hàng Bạc', 'Đường Lê Lợi', 'Ngõ 12 Phố Thái Hà', 'Đường Trần Hưng Đạo', 'Hẻm 45 Đường Cách Mạng Tháng Tám'];
const PLACES = [
  'Phường Đa Kao, Quận 1, Thành phố Hồ Chí Minh',
  'Phường Hàng Bạc, Quận Hoàn Kiếm, Thành phố Hà Nội',
  'Phường Thạch Thang, Quận Hải Châu, Thành phố Đà Nẵng',
  'Xã Tân Phú Trung, Huyện Củ Chi, Thành phố Hồ Chí Minh',
  'Phường Vĩnh Ninh, Thành phố Huế, Tỉnh Thừa Thiên Huế',
];
const PRODUCTS = ['Bộ ấm chén men rạn cổ', 'Bình hoa men lam vẽ tay', 'Đĩa sứ vẽ sen', 'Lọ lục bình men rạn', 'Bộ bát ăn cơm 10 chiếc', 'Cốc sứ in tên'];

/**
 * One order per run, as at the packing station: the shop, carrier and headings repeat, the
 * receiver, numbers, items and time change, so caches only hide what real use would repeat.
 */
export function benchOrder(i: number): ShippingLabelData {
  const n = i + 1000;
  return {
    ...DATA,
    trackingNumber: `VTP${String(1234567000 + n * 7919).slice(-10)}`,
    orderNumber: `PD-250301-${String(n)}`,
    receiver: {
      name: `${FAMILY[n % FAMILY.length]} ${GIVEN[(n * 7) % GIVEN.length]}`,
      phone: `09${String(10000000 + ((n * 104729) % 90000000))}`,
      address: `${(n % 97) + 1}/${(n % 13) + 1} ${STREETS[n % STREETS.length]}, ${PLACES[(n * 3) % PLACES.length]}`,
    },
    codAmount: n % 5 === 0 ? 0 : 100000 + ((n * 37000) % 2000000),
    weightGrams: 200 + ((n * 131) % 5000),
    items: [
      { name: PRODUCTS[n % PRODUCTS.length], quantity: 1 + (n % 3) },
      ...(n % 2 ? [{ name: PRODUCTS[(n + 3) % PRODUCTS.length], quantity: 1 }] : []),
    ],
    printedAt: (DATA.printedAt as number) + n * 60_000,
  };
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))] * 100) / 100;
}

interface Samples {
  wall: number[];
  cpu: number[];
}

/** Runs fn `warmup` times unmeasured (font registration, canvases, WASM, JIT), then `runs` times. */
async function time(runs: number, warmup: number, fn: (i: number) => Promise<unknown>): Promise<Samples> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const out: Samples = { wall: [], cpu: [] };
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await fn(i);
    out.wall.push(performance.now() - t);
    const d = process.cpuUsage(c);
    out.cpu.push((d.user + d.system) / 1000);
  }
  return out;
}

export async function benchLabels(opts: { runs?: number } = {}): Promise<BenchResult[]> {
  const runs = opts.runs ?? 200;
  const warmup = Math.min(10, Math.max(3, Math.round(runs / 10)));
  const base: PrinterProfile = { language: 'tspl', media: '100x150', dpi: 203, offsetXmm: 0, offsetYmm: 0, darkness: 8 };
  // Layout included: the packing station builds and encodes the label per order. TSPL and ZPL
  // alternate so both count and neither gets the other's warm caches in one long stretch.
  const encode = async (i: number) => {
    const label = shippingLabel(benchOrder(i < 0 ? 100000 - i : i));
    return encodeLabel(label, { ...base, language: i % 2 === 0 ? 'tspl' : 'zpl' });
  };
  const enc = await time(runs * 2, warmup, encode);

  // A carrier-like one-page A6 PDF, made with pdfmake as carriers' systems produce them.
  const pdf = await encodePdf(shippingLabel(DATA, 'a6'), { ...base, language: 'pdf', media: 'a6', dpi: 300 });
  const rasterRuns = Math.max(10, Math.round(runs / 4));
  const raster = await time(rasterRuns, 2, () => rasterizeDocument(pdf, { dpi: 203, media: '100x150', darkness: 8 }));

  return [
    { metric: 'label.encode_p50_ms', value: percentile(enc.wall, 0.5), unit: 'ms' },
    { metric: 'label.encode_p95_ms', value: percentile(enc.wall, 0.95), unit: 'ms' },
    { metric: 'label.encode_cpu_p50_ms', value: percentile(enc.cpu, 0.5), unit: 'ms' },
    { metric: 'label.encode_cpu_p95_ms', value: percentile(enc.cpu, 0.95), unit: 'ms' },
    { metric: 'label.pdf_raster_p50_ms', value: percentile(raster.wall, 0.5), unit: 'ms' },
    { metric: 'label.pdf_raster_p95_ms', value: percentile(raster.wall, 0.95), unit: 'ms' },
    { metric: 'label.pdf_raster_cpu_p95_ms', value: percentile(raster.cpu, 0.95), unit: 'ms' },
  ];
}
