// Where a label sits on the printer's page, and which barcodes the printer may draw itself.
import { code128Geometry, qrGeometry, type Code128Geometry } from '../barcode.js';
import type { Bitmap } from '../bitmap.js';
import type { Label, LabelElement } from '../label-model.js';
import { dotsPerMm, MEDIA, type PrinterProfile } from '../media.js';
import { renderLabel } from '../raster.js';

export interface PagePlacement {
  widthMm: number;
  heightMm: number;
  originXmm: number; // label's top-left on the page, offsets included
  originYmm: number;
}

/**
 * Label stock and sheets: the page is the media, the label sits at its margin. Rolls: the page is
 * the printable width (the printer adds its own margins) and as tall as the label.
 */
export function pagePlacement(label: Label, profile: PrinterProfile): PagePlacement {
  const m = MEDIA[profile.media];
  if (m.kind === 'roll' || m.heightMm === null) {
    return { widthMm: label.widthMm, heightMm: label.heightMm, originXmm: profile.offsetXmm, originYmm: profile.offsetYmm };
  }
  return { widthMm: m.widthMm, heightMm: m.heightMm, originXmm: m.marginMm + profile.offsetXmm, originYmm: m.marginMm + profile.offsetYmm };
}

/**
 * Characters every TSPL and ZPL firmware takes literally inside a quoted/field string. Anything
 * else (quotes, backslash, ^ ~ > <) has a meaning to one of them, so such data is rasterised
 * instead — still on whole dots, so it scans just as well.
 */
const NATIVE_SAFE = /^[A-Za-z0-9 .\-_/+$%:#*]+$/;

export interface NativeBarcode {
  index: number;
  el: LabelElement;
  code128?: Code128Geometry;
  qr?: ReturnType<typeof qrGeometry>;
}

export interface RasterPage {
  bitmap: Bitmap; // the whole page, native barcodes left white
  natives: NativeBarcode[]; // geometry in page dots
  offsetDots: { x: number; y: number };
}

/** Renders the page and lists the barcodes the printer draws, positioned in page dots. */
export function rasterPage(label: Label, profile: PrinterProfile, allow: { code128: boolean; qr: boolean }): RasterPage {
  const page = pagePlacement(label, profile);
  const dpm = dotsPerMm(profile.dpi);
  const offsetDots = { x: Math.round(page.originXmm * dpm), y: Math.round(page.originYmm * dpm) };
  const pageW = Math.round(page.widthMm * dpm);
  const pageH = Math.round(page.heightMm * dpm);
  const natives: NativeBarcode[] = [];
  label.elements.forEach((el, index) => {
    if (el.kind === 'code128' && allow.code128 && NATIVE_SAFE.test(el.data)) {
      const g = code128Geometry(el, profile.dpi);
      const x = g.xDots + offsetDots.x;
      const y = g.yDots + offsetDots.y;
      // Shifted partly off the page: the printer would clip or refuse it; the raster clips cleanly.
      if (x >= 0 && y >= 0 && x + g.widthDots <= pageW && y + g.heightDots <= pageH) natives.push({ index, el, code128: { ...g, xDots: x, yDots: y } });
    }
    if (el.kind === 'qr' && allow.qr && NATIVE_SAFE.test(el.data)) {
      const g = qrGeometry(el, profile.dpi);
      const x = g.xDots + offsetDots.x;
      const y = g.yDots + offsetDots.y;
      const side = g.size * g.moduleDots;
      if (g.moduleDots <= 10 && x >= 0 && y >= 0 && x + side <= pageW && y + side <= pageH) natives.push({ index, el, qr: { ...g, xDots: x, yDots: y } });
    }
  });
  const nativeSet = new Set(natives.map((n) => n.index));
  const bitmap = renderLabel(label, {
    dpi: profile.dpi,
    darkness: profile.darkness,
    offsetXmm: page.originXmm,
    offsetYmm: page.originYmm,
    page,
    native: (_el, i) => nativeSet.has(i),
  });
  return { bitmap, natives, offsetDots };
}
