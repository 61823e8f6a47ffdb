// Reads ESC/POS back into receipt images: GS v 0 raster, text lines (font A cells, sizes, bold,
// alignment), feeds, Code 128 (GS k), cut. Unknown commands are skipped by their known lengths.
import type { DecodeResult, DecodedLabel } from './decode-tspl.js';
import { Page } from './page.js';

type Op =
  | { kind: 'bits'; y: number; x: number; bytesPerRow: number; rows: number; data: Uint8Array }
  | { kind: 'text'; y: number; text: string; h: number; align: number; charW: number }
  | { kind: 'code128'; y: number; data: string; module: number; h: number; align: number };

// Bytes of parameters after ESC x / GS x for commands we only skip.
const ESC_SKIP: Record<number, number> = { 0x20: 1, 0x21: 1, 0x24: 2, 0x2d: 1, 0x32: 0, 0x33: 1, 0x3d: 1, 0x44: 0, 0x45: 1, 0x47: 1, 0x4a: 1, 0x4d: 1, 0x52: 1, 0x54: 1, 0x56: 1, 0x61: 1, 0x64: 1, 0x70: 3, 0x74: 1, 0x7b: 1, 0x42: 2, 0x63: 2 };
const GS_SKIP: Record<number, number> = { 0x21: 1, 0x42: 1, 0x48: 1, 0x4c: 2, 0x57: 2, 0x66: 1, 0x68: 1, 0x77: 1, 0x61: 1, 0x62: 1 };

export function decodeEscpos(job: Uint8Array, opts: { widthDots?: number } = {}): DecodeResult {
  const b = Buffer.from(job);
  const labels: DecodedLabel[] = [];
  const warnings: string[] = [];
  let ops: Op[] = [];
  let y = 0;
  let align = 0;
  let size = { w: 1, h: 1 };
  let line = '';
  let barcode = { h: 162, module: 3 };
  let maxRasterW = 0;

  const flushText = (feed: boolean) => {
    const h = 24 * size.h;
    if (line) ops.push({ kind: 'text', y, text: line, h, align, charW: 12 * size.w });
    if (line || feed) y += h + 6;
    line = '';
  };
  const finish = () => {
    flushText(false);
    if (ops.length === 0) return;
    const width = opts.widthDots ?? (maxRasterW || 576);
    const page = new Page(width, Math.max(1, y));
    for (const op of ops) {
      if (op.kind === 'bits') page.bits(op.x, op.y, op.bytesPerRow, op.rows, op.data, 'or');
      else if (op.kind === 'text') {
        const w = op.text.length * op.charW;
        const x = op.align === 1 ? (width - w) / 2 : op.align === 2 ? width - w : 0;
        page.text(x, op.y, op.text, op.h);
      } else {
        page.code128(op.align === 1 ? width / 4 : 0, op.y, op.data, op.module, op.h, false);
      }
    }
    labels.push({ png: page.png(), widthDots: page.canvas.width, heightDots: page.canvas.height, copies: 1 });
    ops = [];
    y = 0;
  };

  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c === 0x1b) {
      const cmd = b[i + 1];
      if (cmd === 0x40) {
        align = 0;
        size = { w: 1, h: 1 };
        i += 2;
      } else if (cmd === 0x61) {
        align = b[i + 2] % 48;
        i += 3;
      } else if (cmd === 0x64) {
        flushText(false);
        y += b[i + 2] * 30;
        i += 3;
      } else if (cmd === 0x4a) {
        flushText(false);
        y += b[i + 2];
        i += 3;
      } else if (cmd === 0x21) {
        size = { w: b[i + 2] & 0x20 ? 2 : 1, h: b[i + 2] & 0x10 ? 2 : 1 };
        i += 3;
      } else i += 2 + (ESC_SKIP[cmd] ?? 0);
    } else if (c === 0x1d) {
      const cmd = b[i + 1];
      if (cmd === 0x76 && b[i + 2] === 0x30) {
        flushText(false);
        const wb = b[i + 4] + 256 * b[i + 5];
        const rows = b[i + 6] + 256 * b[i + 7];
        const data = new Uint8Array(b.subarray(i + 8, i + 8 + wb * rows));
        ops.push({ kind: 'bits', y, x: 0, bytesPerRow: wb, rows, data });
        maxRasterW = Math.max(maxRasterW, wb * 8);
        y += rows;
        i += 8 + wb * rows;
      } else if (cmd === 0x56) {
        const m = b[i + 2];
        i += m === 65 || m === 66 ? 4 : 3;
        finish();
      } else if (cmd === 0x21) {
        size = { w: (b[i + 2] >> 4) + 1, h: (b[i + 2] & 15) + 1 };
        i += 3;
      } else if (cmd === 0x68) {
        barcode.h = b[i + 2];
        i += 3;
      } else if (cmd === 0x77) {
        barcode.module = b[i + 2];
        i += 3;
      } else if (cmd === 0x6b) {
        flushText(false);
        const m = b[i + 2];
        let data: string;
        if (m >= 65) {
          const n = b[i + 3];
          data = b.toString('latin1', i + 4, i + 4 + n);
          i += 4 + n;
        } else {
          const end = b.indexOf(0, i + 3);
          data = b.toString('latin1', i + 3, end < 0 ? b.length : end);
          i = end < 0 ? b.length : end + 1;
        }
        if (m === 73) data = data.replace(/^\{[ABC]/, '');
        ops.push({ kind: 'code128', y, data, module: barcode.module, h: barcode.h, align });
        y += barcode.h + 10;
        barcode = { ...barcode };
      } else i += 2 + (GS_SKIP[cmd] ?? 0);
    } else if (c === 0x10 && b[i + 1] === 0x04) i += 3;
    else if (c === 0x1c) i += 2;
    else if (c === 0x0a) {
      flushText(true);
      i++;
    } else if (c >= 0x20) {
      line += String.fromCharCode(c);
      i++;
    } else i++;
  }
  finish();
  if (labels.length === 0) warnings.push('nothing printable in the job');
  return { labels, warnings };
}
