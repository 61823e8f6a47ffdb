// Carrier label PDFs (and PNGs) become printer bitmaps that fill the media and still scan.
import { describe, expect, it } from 'vitest';
import { bitmapToPng, countInk } from '../../main/devices/label/bitmap.js';
import { encodeDocument } from '../../main/devices/label/encoders/encode-label.js';
import { encodePdf } from '../../main/devices/label/encoders/pdf.js';
import { shippingLabel } from '../../main/devices/label/layouts/shipping-label.js';
import type { PrinterProfile } from '../../main/devices/label/media.js';
import { rasterizeDocument, sniffDocument } from '../../main/devices/label/pdf-raster.js';
import { renderLabel } from '../../main/devices/label/raster.js';
import { readBitmapBarcodes } from '../fixtures/labels/read-barcodes.js';
import { SAMPLE_SHIPMENT } from '../fixtures/labels/sample-data.js';

const P = (p: Partial<PrinterProfile>): PrinterProfile => ({ language: 'tspl', media: '100x150', dpi: 203, offsetXmm: 0, offsetYmm: 0, darkness: 8, ...p });

describe('carrier documents to printer bitmaps', () => {
  it('rasterises page 1 of a PDF at 203 dpi to the 100×150 page, barcodes intact', async () => {
    // A carrier-style A6 PDF with vector bars, made by our own PDF encoder.
    const pdf = await encodePdf(shippingLabel(SAMPLE_SHIPMENT, 'a6'), P({ language: 'pdf', media: 'a6', dpi: 300 }));
    expect(sniffDocument(pdf)).toBe('pdf');
    const b = await rasterizeDocument(pdf, { dpi: 203, media: '100x150' });
    expect([b.widthDots, b.heightDots]).toEqual([800, 1200]);
    expect(countInk(b)).toBeGreaterThan(50000);
    const texts = (await readBitmapBarcodes(b)).map((f) => f.text);
    expect(texts).toContain(SAMPLE_SHIPMENT.trackingNumber);
  });

  it('turns a landscape page to fit portrait stock', async () => {
    const wide = await encodePdf({ widthMm: 150, heightMm: 100, elements: [{ kind: 'code128', xMm: 10, yMm: 20, widthMm: 130, heightMm: 30, data: 'LANDSCAPE1' }] }, P({ language: 'pdf', media: '80mm' }));
    const b = await rasterizeDocument(wide, { dpi: 203, media: '100x150' });
    expect([b.widthDots, b.heightDots]).toEqual([800, 1200]);
    expect((await readBitmapBarcodes(b)).map((f) => f.text)).toContain('LANDSCAPE1');
  });

  it('fits a PNG to a 58 mm roll keeping its aspect ratio', async () => {
    const png = bitmapToPng(renderLabel(shippingLabel(SAMPLE_SHIPMENT, '100x150'), { dpi: 300 }));
    const b = await rasterizeDocument(png, { dpi: 203, media: '58mm' });
    expect(b.widthDots).toBe(384);
    expect(b.heightDots).toBe(Math.round(384 * 1.5));
  });

  it('passes a PDF through for PDF printers and carries it as a graphic for thermal ones', async () => {
    const pdf = await encodePdf(shippingLabel(SAMPLE_SHIPMENT, 'a6'), P({ language: 'pdf', media: 'a6' }));
    const same = await encodeDocument(pdf, P({ language: 'pdf', media: 'a6' }));
    expect(Buffer.from(same.bytes).equals(Buffer.from(pdf))).toBe(true);
    const tspl = (await encodeDocument(pdf, P({ language: 'tspl' }))).bytes.toString('latin1');
    expect(tspl).toContain('BITMAP ');
    expect(tspl).toContain('PRINT 1,1');
    const zpl = (await encodeDocument(pdf, P({ language: 'zpl' }))).bytes.toString('latin1');
    expect(zpl).toMatch(/\^GFA,\d+,\d+,\d+,/);
  });

  it('refuses anything that is not a PDF or PNG', async () => {
    await expect(encodeDocument(Buffer.from('<html></html>'), P({}))).rejects.toThrow(/only PDF and PNG/);
  });
});
