// Media sizes and the printer profile. Label stock has a fixed height; receipt rolls are
// continuous (the label grows with its content); A5/A6 are sheets for OS printers with margins.

export type MediaName = '100x150' | '100x100' | '80mm' | '58mm' | 'a5' | 'a6';
export type PrinterLanguage = 'escpos' | 'tspl' | 'zpl' | 'pdf';
export type Dpi = 203 | 300;

export interface Media {
  name: MediaName;
  kind: 'label' | 'roll' | 'sheet';
  /** Paper size; heightMm is null for continuous rolls. */
  widthMm: number;
  heightMm: number | null;
  /**
   * The area a layout may use. Rolls print narrower than the paper (58 mm paper: 48 mm / 384 dots
   * at 203 dpi; 80 mm paper: 72 mm / 576 dots); sheets keep 5 mm because OS drivers cannot print
   * to the edge.
   */
  printableWidthMm: number;
  marginMm: number; // offset of the printable area from the paper's left/top edge
  gapMm: number; // gap between labels on label stock (TSPL GAP)
}

export const MEDIA: Record<MediaName, Media> = {
  '100x150': { name: '100x150', kind: 'label', widthMm: 100, heightMm: 150, printableWidthMm: 100, marginMm: 0, gapMm: 2 },
  '100x100': { name: '100x100', kind: 'label', widthMm: 100, heightMm: 100, printableWidthMm: 100, marginMm: 0, gapMm: 2 },
  '80mm': { name: '80mm', kind: 'roll', widthMm: 80, heightMm: null, printableWidthMm: 72, marginMm: 4, gapMm: 0 },
  '58mm': { name: '58mm', kind: 'roll', widthMm: 58, heightMm: null, printableWidthMm: 48, marginMm: 5, gapMm: 0 },
  a5: { name: 'a5', kind: 'sheet', widthMm: 148, heightMm: 210, printableWidthMm: 138, marginMm: 5, gapMm: 0 },
  a6: { name: 'a6', kind: 'sheet', widthMm: 105, heightMm: 148, printableWidthMm: 95, marginMm: 5, gapMm: 0 },
};

/** The label a layout builds for this media: printable width × printable height (null = grows). */
export function layoutArea(media: MediaName): { widthMm: number; heightMm: number | null } {
  const m = MEDIA[media];
  return { widthMm: m.printableWidthMm, heightMm: m.heightMm === null ? null : m.heightMm - 2 * m.marginMm };
}

export interface PrinterProfile {
  language: PrinterLanguage;
  media: MediaName;
  dpi: Dpi;
  offsetXmm: number; // shifts everything right (+) or left (−): fixes labels loaded off-centre
  offsetYmm: number; // shifts everything down (+) or up (−)
  /** 0–15 (TSPL DENSITY scale); ZPL gets twice this on its 0–30 scale. Also sets the raster threshold. */
  darkness: number;
}

export const DEFAULT_PROFILE: PrinterProfile = {
  language: 'tspl',
  media: '100x150',
  dpi: 203,
  offsetXmm: 0,
  offsetYmm: 0,
  darkness: 8,
};

/**
 * Dots per millimetre. 203 dpi heads are 8 dots/mm exactly (203.2 dpi); 300 dpi is 11.81 dots/mm
 * (hardware.md §3.1: 100×150 mm ≈ 1181×1772 dots at 300 dpi).
 */
export function dotsPerMm(dpi: Dpi): number {
  return dpi === 203 ? 8 : dpi / 25.4;
}

export function mmToDots(mm: number, dpi: Dpi): number {
  return Math.round(mm * dotsPerMm(dpi));
}

export function checkProfile(p: PrinterProfile): string[] {
  const problems: string[] = [];
  if (!['escpos', 'tspl', 'zpl', 'pdf'].includes(p.language)) problems.push(`unknown language ${String(p.language)}`);
  if (!(p.media in MEDIA)) problems.push(`unknown media ${String(p.media)}`);
  if (p.dpi !== 203 && p.dpi !== 300) problems.push('dpi must be 203 or 300');
  if (!Number.isFinite(p.offsetXmm) || !Number.isFinite(p.offsetYmm) || Math.abs(p.offsetXmm) > 20 || Math.abs(p.offsetYmm) > 20) {
    problems.push('offsets must be within ±20 mm');
  }
  if (!(p.darkness >= 0 && p.darkness <= 15)) problems.push('darkness must be 0–15');
  if (p.language === 'escpos' && MEDIA[p.media]?.kind !== 'roll') problems.push('ESC/POS prints on 58 mm or 80 mm rolls');
  return problems;
}
