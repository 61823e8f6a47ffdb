// The raster: barcodes scan back to their data, modules are whole dots, Vietnamese marks are
// really drawn, darkness and offsets do what they say.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { code128Geometry } from '../../main/devices/label/barcode.js';
import { countInk, getPixel, inkBounds, type Bitmap } from '../../main/devices/label/bitmap.js';
import type { Code128Element, Label } from '../../main/devices/label/label-model.js';
import { packingSlip } from '../../main/devices/label/layouts/packing-slip.js';
import { shippingLabel } from '../../main/devices/label/layouts/shipping-label.js';
import { RISKY_BARCODE, testLabel, VIETNAMESE_PANGRAM } from '../../main/devices/label/layouts/test-label.js';
import { MEDIA, type Dpi, type MediaName } from '../../main/devices/label/media.js';
import { decodePng1, encodePng1 } from '../../main/devices/label/png-1bit.js';
import { renderLabel } from '../../main/devices/label/raster.js';
import { goldenPath, readGolden, writeGoldenIfAsked } from '../fixtures/labels/golden.js';
import { readBitmapBarcodes } from '../fixtures/labels/read-barcodes.js';
import { SAMPLE_SHIPMENT, SAMPLE_SLIP } from '../fixtures/labels/sample-data.js';

const DPIS: Dpi[] = [203, 300];

describe('barcodes scan back to their data', () => {
  it.each(DPIS)('shipping label at %i dpi: tracking and order number', async (dpi) => {
    const found = await readBitmapBarcodes(renderLabel(shippingLabel(SAMPLE_SHIPMENT), { dpi }));
    const texts = found.map((f) => f.text);
    expect(texts).toContain(SAMPLE_SHIPMENT.trackingNumber);
    expect(texts).toContain(SAMPLE_SHIPMENT.orderNumber);
  });

  it.each(['100x100', '58mm', '80mm'] as MediaName[])('shipping label on %s', async (media) => {
    const texts = (await readBitmapBarcodes(renderLabel(shippingLabel(SAMPLE_SHIPMENT, media), { dpi: 203 }))).map((f) => f.text);
    expect(texts).toContain(SAMPLE_SHIPMENT.trackingNumber);
    expect(texts).toContain(SAMPLE_SHIPMENT.orderNumber);
  });

  it('the test label’s risky code and the slip’s order number', async () => {
    const test = renderLabel(testLabel({ language: 'tspl', media: '100x150', dpi: 203, offsetXmm: 0, offsetYmm: 0, darkness: 8 }), { dpi: 203 });
    expect((await readBitmapBarcodes(test)).map((f) => f.text)).toContain(RISKY_BARCODE);
    const slip = renderLabel(packingSlip(SAMPLE_SLIP, '58mm'), { dpi: 203 });
    expect((await readBitmapBarcodes(slip)).map((f) => f.text)).toContain(SAMPLE_SLIP.orderNumber);
  });

  it('a QR code', async () => {
    const label: Label = { widthMm: 40, heightMm: 40, elements: [{ kind: 'qr', xMm: 5, yMm: 5, sizeMm: 30, data: 'https://packdesk.vn/đơn/42'.normalize('NFC') }] };
    expect((await readBitmapBarcodes(renderLabel(label, { dpi: 203 })))[0]?.text).toBe('https://packdesk.vn/đơn/42');
  });
});

/** Widths of the black and white runs along one row, from the first black dot to the last. */
function runs(b: Bitmap, y: number, x0: number, x1: number): number[] {
  const out: number[] = [];
  let x = x0;
  while (x < x1 && !getPixel(b, x, y)) x++;
  while (x < x1) {
    const colour = getPixel(b, x, y);
    let n = 0;
    while (x < x1 && getPixel(b, x, y) === colour) {
      n++;
      x++;
    }
    out.push(n);
  }
  while (out.length && out.length % 2 === 0) out.pop(); // trailing white
  return out;
}

describe('Code 128 modules are whole printer dots', () => {
  for (const dpi of DPIS) {
    for (const media of ['100x150', '100x100', '80mm', '58mm', 'a6'] as MediaName[]) {
      it(`${media} at ${dpi} dpi`, () => {
        const label = shippingLabel(SAMPLE_SHIPMENT, media);
        const bitmap = renderLabel(label, { dpi });
        for (const el of label.elements.filter((e): e is Code128Element => e.kind === 'code128')) {
          const g = code128Geometry(el, dpi);
          expect(Number.isInteger(g.moduleDots)).toBe(true);
          // Scanners and heads: at least 2 dots (0.25 mm at 203 dpi) for every code on the label.
          expect(g.moduleDots).toBeGreaterThanOrEqual(dpi === 203 ? 2 : 3);
          const row = runs(bitmap, g.yDots + Math.floor(g.heightDots / 2), g.xDots - 2, g.xDots + g.widthDots + 2);
          expect(row.length).toBeGreaterThan(10);
          for (const r of row) expect(r % g.moduleDots, `run of ${r} dots with ${g.moduleDots}-dot modules`).toBe(0);
          expect(row.reduce((a, b) => a + b, 0)).toBe(g.widthDots);
        }
      });
    }
  }
});

/** "Tiếng Việt: ắ …" → "Tieng Viet: a …": marks stripped, đ/Đ to d/D. */
function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

function textLabel(text: string, bold = false): Label {
  return { widthMm: 100, heightMm: 22, elements: [{ kind: 'text', xMm: 2, yMm: 1, widthMm: 96, text, sizePt: 11, bold }] };
}

function diff(a: Bitmap, b: Bitmap): number {
  let n = 0;
  for (let i = 0; i < a.data.length; i++) {
    let x = a.data[i] ^ b.data[i];
    while (x) {
      n += x & 1;
      x >>= 1;
    }
  }
  return n;
}

describe('Vietnamese text', () => {
  for (const dpi of DPIS) {
    for (const bold of [false, true]) {
      const name = `pangram-${dpi}${bold ? '-bold' : ''}.png`;
      it(`matches the reference image ${name}`, () => {
        const got = renderLabel(textLabel(VIETNAMESE_PANGRAM, bold), { dpi });
        writeGoldenIfAsked(name, encodePng1(got));
        expect(existsSync(goldenPath(name)), `${name} missing: run with UPDATE_GOLDEN=1`).toBe(true);
        const ref = decodePng1(readGolden(name));
        expect([ref.widthDots, ref.heightDots]).toEqual([got.widthDots, got.heightDots]);
        // Small tolerance: anti-aliasing thresholds may move an edge dot between Skia builds.
        expect(diff(got, ref)).toBeLessThan(countInk(ref) * 0.02);
      });
    }
  }

  it.each(DPIS)('draws the marks: the pangram differs from its folded ASCII at %i dpi', (dpi) => {
    const vi = renderLabel(textLabel(VIETNAMESE_PANGRAM), { dpi });
    const ascii = renderLabel(textLabel(fold(VIETNAMESE_PANGRAM)), { dpi });
    expect(fold(VIETNAMESE_PANGRAM)).toBe('Tieng Viet: a a a a a a a a a a e e e e e o o o o o o o o o o u u u u u d D');
    expect(countInk(vi)).toBeGreaterThan(countInk(ascii) * 1.15);
    expect(diff(vi, ascii)).toBeGreaterThan(countInk(ascii) * 0.2);
  });

  it('gives every toned letter its own shape at 203 dpi', () => {
    const letters = VIETNAMESE_PANGRAM.slice('Tiếng Việt: '.length).split(' ');
    const shapes = letters.map((l) => Buffer.from(renderLabel({ widthMm: 8, heightMm: 8, elements: [{ kind: 'text', xMm: 1, yMm: 1, widthMm: 6, text: l, sizePt: 11 }] }, { dpi: 203 }).data).toString('hex'));
    expect(new Set(shapes).size).toBe(letters.length);
  });
});

describe('darkness and offsets', () => {
  it('more darkness means more black dots in text', () => {
    const light = countInk(renderLabel(textLabel(VIETNAMESE_PANGRAM), { dpi: 203, darkness: 2 }));
    const dark = countInk(renderLabel(textLabel(VIETNAMESE_PANGRAM), { dpi: 203, darkness: 14 }));
    expect(dark).toBeGreaterThan(light * 1.1);
  });

  it('offsets shift everything by whole dots', () => {
    const label = shippingLabel(SAMPLE_SHIPMENT);
    const a = inkBounds(renderLabel(label, { dpi: 203 }))!;
    const b = inkBounds(renderLabel(label, { dpi: 203, offsetXmm: 2, offsetYmm: 1.5 }))!;
    expect(b.byteX - a.byteX).toBe(2); // 16 dots
    expect(b.y - a.y).toBe(12);
  });

  it('renders every media at its printable size', () => {
    for (const media of Object.keys(MEDIA) as MediaName[]) {
      const label = shippingLabel(SAMPLE_SHIPMENT, media);
      const b = renderLabel(label, { dpi: 203 });
      expect(b.widthDots).toBe(Math.round(MEDIA[media].printableWidthMm * 8));
    }
  });

  it('round-trips its 1-bit PNG', () => {
    const b = renderLabel(textLabel('Đơn hàng'), { dpi: 203 });
    expect(Buffer.from(decodePng1(encodePng1(b)).data).equals(Buffer.from(b.data))).toBe(true);
  });
});

describe('drawing without a full-page canvas', () => {
  // Shade, invert over text, text over text and over black, a diagonal rule, a scaled image, a QR
  // and text running off the label: the reference images were made by the full-page canvas
  // renderer this one replaced, and must match dot for dot.
  const overlaps = (): Label => ({
    widthMm: 60,
    heightMm: 40,
    elements: [
      { kind: 'box', xMm: 2, yMm: 2, widthMm: 30, heightMm: 10, shade: 0.4, borderMm: 0.3 },
      { kind: 'text', xMm: 3, yMm: 2, widthMm: 40, text: 'Ưu tiên giao gấp — Đà Nẵng', sizePt: 10, bold: true },
      { kind: 'text', xMm: 3.3, yMm: 2.4, widthMm: 40, text: 'Ưu tiên giao gấp — Đà Nẵng', sizePt: 10 },
      { kind: 'box', xMm: 1, yMm: 1, widthMm: 25, heightMm: 8, invert: true },
      { kind: 'text', xMm: 5, yMm: 4, widthMm: 40, text: 'chữ trên nền đen', sizePt: 9 },
      { kind: 'line', x1Mm: 0, y1Mm: 0, x2Mm: 50, y2Mm: 30, thicknessMm: 0.4 },
      { kind: 'text', xMm: 10, yMm: 12, widthMm: 40, text: 'qua đường chéo', sizePt: 12 },
      { kind: 'image', xMm: 5, yMm: 20, widthMm: 50, heightMm: 10, png: readFileSync(goldenPath('pangram-203.png')) },
      { kind: 'box', xMm: 40, yMm: 15, widthMm: 15, heightMm: 20, fill: true },
      { kind: 'text', xMm: 38, yMm: 18, widthMm: 20, text: 'Ồ Ẫ ỹ', sizePt: 14 },
      { kind: 'box', xMm: 37, yMm: 17, widthMm: 20, heightMm: 10, invert: true },
      { kind: 'qr', xMm: 30, yMm: 25, sizeMm: 14, data: 'hello' },
      { kind: 'text', xMm: -3, yMm: -1, widthMm: 70, text: 'Tràn ra ngoài mép nhãn', sizePt: 20 },
    ],
  });

  it.each(DPIS)('overlapping shapes, inverted boxes and clipped text at %i dpi', (dpi) => {
    const name = `overlaps-${dpi}.png`;
    // Twice: the second time every text line comes from the cache of rendered lines.
    for (let i = 0; i < 2; i++) {
      const got = renderLabel(overlaps(), { dpi, offsetXmm: 1.5, offsetYmm: -1 });
      writeGoldenIfAsked(name, encodePng1(got));
      expect(Buffer.from(got.data).equals(Buffer.from(decodePng1(readGolden(name)).data)), `${name}, pass ${i + 1}`).toBe(true);
    }
  });
});
