// Status queries per language and how to read the answers. Printers that do not answer are
// common (many clones ignore these), so "no answer" means "unknown", never an error.
import type { PrinterLanguage } from '../label/media.js';
import type { PrinterStatus } from './print-transport.js';

/** TSPL `ESC ! ?` → one status byte. */
export const TSPL_STATUS_QUERY = Buffer.from([0x1b, 0x21, 0x3f]);
/** ZPL `~HS` → three STX…ETX strings. */
export const ZPL_STATUS_QUERY = Buffer.from('~HS\r\n', 'latin1');
/** ESC/POS `DLE EOT 2` (offline cause) and `DLE EOT 4` (paper sensor) → one byte each. */
export const ESCPOS_STATUS_QUERY = Buffer.from([0x10, 0x04, 0x02, 0x10, 0x04, 0x04]);

export function statusQuery(language: PrinterLanguage): Buffer | null {
  if (language === 'tspl') return TSPL_STATUS_QUERY;
  if (language === 'zpl') return ZPL_STATUS_QUERY;
  if (language === 'escpos') return ESCPOS_STATUS_QUERY;
  return null;
}

/** Bytes needed before the answer can be read; null while more may come. */
export function parseStatus(language: PrinterLanguage, reply: Buffer): PrinterStatus | null {
  if (language === 'tspl') return reply.length >= 1 ? parseTspl(reply[0]) : null;
  if (language === 'escpos') return reply.length >= 2 ? parseEscpos(reply[0], reply[1]) : null;
  if (language === 'zpl') return parseZpl(reply.toString('latin1'));
  return { state: 'unknown' };
}

/** TSPL status byte: 0x01 head open, 0x02 paper jam, 0x04 paper out, 0x08 ribbon out, 0x10 pause, 0x20 printing, 0x80 other. */
export function parseTspl(b: number): PrinterStatus {
  if (b & 0x01) return { state: 'head_open' };
  if (b & 0x04) return { state: 'paper_out' };
  if (b & 0x02) return { state: 'error', detail: 'paper jam' };
  if (b & 0x08) return { state: 'error', detail: 'ribbon out' };
  if (b & 0x10) return { state: 'paused' };
  if (b & 0x80) return { state: 'error', detail: 'printer error' };
  return { state: 'ready' };
}

/** ESC/POS: offline-cause byte (0x04 cover open) then paper-sensor byte (0x60 paper end). */
export function parseEscpos(offline: number, paper: number): PrinterStatus {
  if (paper & 0x60) return { state: 'paper_out' };
  if (offline & 0x04) return { state: 'head_open' };
  if (offline & 0x40) return { state: 'error', detail: 'printer error' };
  return { state: 'ready' };
}

/**
 * ~HS string 1 is "aaa,b,c,…" with b = paper out and c = pause; string 2 is "mmm,n,o,…" with
 * o = head up. Each string is framed by STX (0x02) and ETX (0x03).
 */
export function parseZpl(text: string): PrinterStatus | null {
  const strings = [...text.matchAll(/\x02([^\x03]*)\x03/g)].map((m) => m[1].split(','));
  if (strings.length < 2) return null;
  const [s1, s2] = strings;
  if (s2[2] === '1') return { state: 'head_open' };
  if (s1[1] === '1') return { state: 'paper_out' };
  if (s1[2] === '1') return { state: 'paused' };
  return { state: 'ready' };
}
