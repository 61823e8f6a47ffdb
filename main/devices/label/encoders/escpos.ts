// ESC/POS for 58/80 mm receipt printers, built with node-thermal-printer's buffer API (no device
// is opened: the interface object below refuses to send). Everything is one raster image —
// Vietnamese code pages exist on some printers only (hardware.md §3.2) — sent as GS v 0 bands.
import { createRequire } from 'node:module';
import { cropBytes, type Bitmap } from '../bitmap.js';
import type { Label } from '../label-model.js';
import { MEDIA, type PrinterProfile } from '../media.js';
import { encodePng1 } from '../png-1bit.js';
import { rasterPage } from './page.js';

interface ThermalPrinterLike {
  alignLeft(): void;
  printImageBuffer(png: Buffer): Promise<Buffer>;
  cut(): void;
  getBuffer(): Buffer;
  clear(): void;
}

const require = createRequire(import.meta.url);
const ntp = require('node-thermal-printer') as {
  ThermalPrinter: new (cfg: Record<string, unknown>) => ThermalPrinterLike;
  PrinterTypes: Record<string, string>;
};

/** Encoding only; the transports in main/devices/printers do the sending. */
const NO_DEVICE = {
  execute: async () => {
    throw new Error('the ESC/POS encoder does not send; use a PrintTransport');
  },
  isPrinterConnected: async () => false,
};

/**
 * Cheap printers have small receive buffers and some cap GS v 0 at a few hundred rows, so a long
 * slip goes as bands of at most this many rows.
 */
export const ESCPOS_BAND_ROWS = 256;

export async function encodeEscposBitmap(bitmap: Bitmap): Promise<Buffer> {
  const printer = new ntp.ThermalPrinter({ type: ntp.PrinterTypes.EPSON, interface: NO_DEVICE, width: 48 });
  printer.clear();
  printer.alignLeft();
  for (let y = 0; y < bitmap.heightDots; y += ESCPOS_BAND_ROWS) {
    const band = cropBytes(bitmap, 0, y, bitmap.bytesPerRow, Math.min(ESCPOS_BAND_ROWS, bitmap.heightDots - y));
    await printer.printImageBuffer(encodePng1(band));
  }
  printer.cut();
  return printer.getBuffer();
}

export async function encodeEscpos(label: Label, profile: PrinterProfile): Promise<Buffer> {
  if (MEDIA[profile.media].kind !== 'roll') throw new Error(`ESC/POS prints on receipt rolls, not ${profile.media}`);
  const { bitmap } = rasterPage(label, profile, { code128: false, qr: false });
  return encodeEscposBitmap(bitmap);
}
