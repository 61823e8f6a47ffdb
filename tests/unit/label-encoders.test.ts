// Encoder output: golden files for a fixed label, plus the rules each language depends on.
import { describe, expect, it } from 'vitest';
import { createBitmap, inkBounds } from '../../main/devices/label/bitmap.js';
import { CONTENT_TYPES, encodeBitmap, encodeLabel, languageOfContentType, PrinterProfileError } from '../../main/devices/label/encoders/encode-label.js';
import { ESCPOS_BAND_ROWS } from '../../main/devices/label/encoders/escpos.js';
import { rasterPage } from '../../main/devices/label/encoders/page.js';
import { zplCompressRows } from '../../main/devices/label/encoders/zpl.js';
import type { Label } from '../../main/devices/label/label-model.js';
import { packingSlip } from '../../main/devices/label/layouts/packing-slip.js';
import { shippingLabel } from '../../main/devices/label/layouts/shipping-label.js';
import type { PrinterProfile } from '../../main/devices/label/media.js';
import { zplGraphicBytes } from '../../main/devices/virtual-printer/decode-zpl.js';
import { expectGolden } from '../fixtures/labels/golden.js';
import { SAMPLE_SHIPMENT, SAMPLE_SLIP } from '../fixtures/labels/sample-data.js';

const P = (p: Partial<PrinterProfile>): PrinterProfile => ({ language: 'tspl', media: '100x150', dpi: 203, offsetXmm: 0, offsetYmm: 0, darkness: 8, ...p });
const label = shippingLabel(SAMPLE_SHIPMENT, '100x150');

describe('golden files', () => {
  it('TSPL of the sample shipping label', async () => {
    const { bytes, contentType } = await encodeLabel(label, P({ language: 'tspl' }));
    expect(contentType).toBe(CONTENT_TYPES.tspl);
    expectGolden('shipping-100x150-203.tspl', bytes);
  });

  it('ZPL of the sample shipping label', async () => {
    expectGolden('shipping-100x150-203.zpl', (await encodeLabel(label, P({ language: 'zpl' }))).bytes);
  });

  it('ESC/POS of the sample packing slip on 58 mm', async () => {
    expectGolden('slip-58mm-203.escpos.bin', (await encodeLabel(packingSlip(SAMPLE_SLIP, '58mm'), P({ language: 'escpos', media: '58mm' }))).bytes);
  });
});

describe('TSPL', () => {
  it('sets up the media, sends text as an inverted BITMAP and barcodes natively', async () => {
    const text = (await encodeLabel(label, P({ language: 'tspl', darkness: 11 }))).bytes.toString('latin1');
    const lines = text.split('\r\n');
    expect(lines.slice(0, 6)).toEqual(['SIZE 100 mm,150 mm', 'GAP 2 mm,0 mm', 'DIRECTION 1,0', 'REFERENCE 0,0', 'DENSITY 11', 'CLS']);
    expect(text).toMatch(/BARCODE \d+,\d+,"128",\d+,0,0,(\d),\1,"GHN5K7P3Q9VN"\r\n/);
    expect(text).toMatch(/BARCODE \d+,\d+,"128",\d+,0,0,(\d),\1,"PD-250112-0042"\r\n/);
    expect(text.endsWith('PRINT 1,1\r\n')).toBe(true);
  });

  it('writes 0 for a printed dot in BITMAP data', async () => {
    // One black 8×1 block at the top left: the payload byte must be 0x00, white bytes 0xFF.
    const one: Label = { widthMm: 10, heightMm: 10, elements: [{ kind: 'box', xMm: 0, yMm: 0, widthMm: 1, heightMm: 0.125, fill: true }] };
    const bytes = (await encodeLabel(one, P({ language: 'tspl', media: '100x100' }))).bytes;
    const at = bytes.indexOf('BITMAP ');
    const header = /^BITMAP (\d+),(\d+),(\d+),(\d+),0,/.exec(bytes.toString('latin1', at, at + 40))!;
    expect(header.slice(1, 5)).toEqual(['0', '0', '1', '1']);
    expect(bytes[at + header[0].length]).toBe(0x00);
  });

  it('keeps barcodes with characters TSPL or ZPL would interpret in the bitmap', async () => {
    const risky: Label = { widthMm: 100, heightMm: 30, elements: [{ kind: 'code128', xMm: 0, yMm: 2, widthMm: 100, heightMm: 15, data: 'A"B^C~D' }] };
    const tspl = (await encodeLabel(risky, P({ language: 'tspl' }))).bytes.toString('latin1');
    const zpl = (await encodeLabel(risky, P({ language: 'zpl' }))).bytes.toString('latin1');
    expect(tspl).not.toContain('BARCODE');
    expect(zpl).not.toContain('^BC');
    expect(tspl).toContain('BITMAP');
  });

  it('applies offsets to the bitmap and to native barcodes alike', async () => {
    const bar: Label = { widthMm: 100, heightMm: 30, elements: [{ kind: 'code128', xMm: 10, yMm: 5, widthMm: 80, heightMm: 10, data: 'ABC123' }] };
    const at = (t: string) => /BARCODE (\d+),(\d+)/.exec(t)!.slice(1).map(Number);
    const a = at((await encodeLabel(bar, P({ language: 'tspl' }))).bytes.toString('latin1'));
    const b = at((await encodeLabel(bar, P({ language: 'tspl', offsetXmm: 2, offsetYmm: -1 }))).bytes.toString('latin1'));
    expect([b[0] - a[0], b[1] - a[1]]).toEqual([16, -8]);
  });
});

describe('ZPL', () => {
  it('has the page setup, darkness on its 0–30 scale, native Code 128 and QR', async () => {
    const withQr: Label = { ...label, elements: [...label.elements, { kind: 'qr', xMm: 75, yMm: 2, sizeMm: 22, data: 'https://packdesk.vn/t/GHN5K7P3Q9VN' }] };
    const text = (await encodeLabel(withQr, P({ language: 'zpl', darkness: 10 }))).bytes.toString('latin1');
    expect(text.startsWith('~SD20\n^XA\n^CI28\n^PW800\n^LL1200\n^LH0,0\n')).toBe(true);
    expect(text).toMatch(/\^FO\d+,\d+\^BY\d\^BCN,\d+,N,N,N,A\^FDGHN5K7P3Q9VN\^FS/);
    expect(text).toMatch(/\^FO\d+,\d+\^BQN,2,\d+,M\^FDMA,https:\/\/packdesk\.vn\/t\/GHN5K7P3Q9VN\^FS/);
    expect(text.trimEnd().endsWith('^PQ1\n^XZ')).toBe(true);
  });

  it('compresses graphic fields losslessly (checked with the virtual printer’s own expander)', () => {
    const page = rasterPage(label, P({ language: 'zpl' }), { code128: true, qr: true }).bitmap;
    const compressed = zplCompressRows(page);
    expect(compressed.length).toBeLessThan(page.data.length / 2);
    expect(Buffer.from(zplGraphicBytes(compressed, page.data.length, page.bytesPerRow)).equals(Buffer.from(page.data))).toBe(true);
    // Awkward rows: all black, long runs past 400, single odd bytes, repeated rows.
    const odd = createBitmap(8 * 260, 4);
    odd.data.fill(0xff, 0, 260);
    odd.data[260 + 3] = 0x5a;
    odd.data.set(odd.data.subarray(260, 520), 520);
    odd.data[780 + 259] = 0x01;
    expect(Buffer.from(zplGraphicBytes(zplCompressRows(odd), odd.data.length, 260)).equals(Buffer.from(odd.data))).toBe(true);
  });
});

describe('ESC/POS', () => {
  it('sends the slip as GS v 0 bands of at most 256 rows at the roll width, then cuts', async () => {
    const bytes = (await encodeLabel(packingSlip(SAMPLE_SLIP, '58mm'), P({ language: 'escpos', media: '58mm' }))).bytes;
    let bands = 0;
    for (let i = bytes.indexOf(Buffer.from([0x1d, 0x76, 0x30])); i >= 0; i = bytes.indexOf(Buffer.from([0x1d, 0x76, 0x30]), i + 1)) {
      const wb = bytes[i + 4] + 256 * bytes[i + 5];
      const rows = bytes[i + 6] + 256 * bytes[i + 7];
      expect(wb).toBe(48); // 384 dots
      expect(rows).toBeLessThanOrEqual(ESCPOS_BAND_ROWS);
      bands++;
      i += 8 + wb * rows - 1;
    }
    expect(bands).toBeGreaterThan(1);
    expect(bytes.includes(Buffer.from([0x1d, 0x56, 0x00]))).toBe(true);
  });

  it('refuses label stock', async () => {
    await expect(encodeLabel(label, P({ language: 'escpos', media: '100x150' }))).rejects.toBeInstanceOf(PrinterProfileError);
  });
});

describe('PDF and bitmaps', () => {
  it('makes a one-page PDF of the media size with the bundled font embedded', async () => {
    const { bytes, contentType } = await encodeLabel(shippingLabel(SAMPLE_SHIPMENT, 'a6'), P({ language: 'pdf', media: 'a6' }));
    expect(contentType).toBe('application/pdf');
    const text = bytes.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toMatch(/BeVietnamPro/);
    // A6 = 105 × 148 mm = 297.64 × 419.53 pt
    expect(text).toMatch(/MediaBox \[0 0 297\.6\d* 419\.5\d*\]/);
  });

  it('carries a ready bitmap in every language', async () => {
    const b = createBitmap(800, 1200);
    b.data.fill(0xff, 0, 100 * 10);
    for (const language of ['tspl', 'zpl', 'pdf'] as const) {
      const { bytes, contentType } = await encodeBitmap(b, P({ language }));
      expect(languageOfContentType(contentType)).toBe(language);
      expect(bytes.length).toBeGreaterThan(50);
    }
    expect(inkBounds(b)).toEqual({ byteX: 0, y: 0, byteWidth: 100, height: 10 });
  });

  it('rejects invalid labels before encoding', async () => {
    await expect(encodeLabel({ widthMm: 10, heightMm: 10, elements: [{ kind: 'box', xMm: 5, yMm: 5, widthMm: 10, heightMm: 1 }] }, P({}))).rejects.toThrow(/outside/);
  });
});
