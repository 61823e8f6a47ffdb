// Reads ZPL II back into label images: ^XA…^XZ with ^PW ^LL ^LH ^FO ^FT ^GFA (plain hex, ASCII
// compression, :Z64:/:B64:) ^GB ^FR ^BY ^BC ^BQ ^A ^FD ^FS. Written from the ZPL manual's rules,
// not from our encoder, so the two check each other.
import { inflateSync } from 'node:zlib';
import type { DecodeResult, DecodedLabel } from './decode-tspl.js';
import { Page } from './page.js';

/** Expands ^GFA data to raw bytes (1 = black). */
export function zplGraphicBytes(data: string, totalBytes: number, bytesPerRow: number): Uint8Array {
  const b64 = /^:(Z64|B64):([^:]*)(:[0-9a-fA-F]{4})?$/.exec(data.trim());
  if (b64) {
    const bin = Buffer.from(b64[2], 'base64');
    return new Uint8Array(b64[1] === 'Z64' ? inflateSync(bin) : bin);
  }
  const out = new Uint8Array(totalBytes);
  const digitsPerRow = bytesPerRow * 2;
  const rows = Math.ceil(totalBytes / bytesPerRow);
  let row = 0;
  let col = 0; // hex digit within the row
  let count = 0;
  let prevRow: Uint8Array | null = null;
  const put = (nibble: number) => {
    if (row >= rows) return;
    const idx = row * bytesPerRow + (col >> 1);
    out[idx] |= col % 2 === 0 ? nibble << 4 : nibble;
    col++;
    if (col === digitsPerRow) endRow();
  };
  const endRow = () => {
    prevRow = out.slice(row * bytesPerRow, (row + 1) * bytesPerRow);
    row++;
    col = 0;
  };
  for (const ch of data) {
    if (row >= rows) break;
    const c = ch.charCodeAt(0);
    if (c >= 0x47 && c <= 0x59) count += c - 0x46; // G–Y: 1–19
    else if (c >= 0x67 && c <= 0x7a) count += (c - 0x66) * 20; // g–z: 20–400
    else if (/[0-9A-Fa-f]/.test(ch)) {
      const v = parseInt(ch, 16);
      for (let i = 0; i < Math.max(1, count); i++) put(v);
      count = 0;
    } else if (ch === ',') endRowFill(0);
    else if (ch === '!') endRowFill(15);
    else if (ch === ':') {
      if (prevRow) out.set(prevRow, row * bytesPerRow);
      endRow();
    }
  }
  return out;

  /** Fills the rest of the current row (all of it when it has not started). */
  function endRowFill(nibble: number) {
    const r = row;
    while (row === r && row < rows) put(nibble);
  }
}

interface FieldState {
  x: number;
  y: number;
  reverse: boolean;
  barcode?: { kind: 'code128'; height: number; hr: boolean } | { kind: 'qr'; mag: number };
  fontHeight: number;
}

export function decodeZpl(job: Uint8Array, opts: { widthDots?: number; heightDots?: number } = {}): DecodeResult {
  const text = Buffer.from(job).toString('latin1');
  const labels: DecodedLabel[] = [];
  const warnings: string[] = [];
  for (const m of text.matchAll(/\^XA([\s\S]*?)\^XZ/g)) {
    const body = m[1];
    // Commands are "^XX" or "~XX" followed by parameters up to the next command prefix;
    // ^FD data runs to ^FS (it may contain '~' but not '^').
    const cmds = [...body.matchAll(/[\^~]([A-Z0-9@]{2})([^\^~]*)/gi)].map((c) => ({ name: c[1].toUpperCase(), arg: c[2] }));
    let width = opts.widthDots ?? 800;
    let height = opts.heightDots ?? 1200;
    for (const c of cmds) {
      if (c.name === 'PW') width = parseInt(c.arg, 10) || width;
      if (c.name === 'LL') height = parseInt(c.arg, 10) || height;
    }
    const page = new Page(width, height);
    let home = { x: 0, y: 0 };
    let by = { module: 2, height: 10 };
    let f: FieldState = { x: 0, y: 0, reverse: false, fontHeight: 30 };
    for (const c of cmds) {
      const p = c.arg.split(',');
      const n = (i: number, d = 0) => (p[i] !== undefined && p[i].trim() !== '' ? parseFloat(p[i]) : d);
      switch (c.name) {
        case 'LH':
          home = { x: n(0), y: n(1) };
          break;
        case 'FO':
        case 'FT':
          f = { ...f, x: home.x + n(0), y: home.y + n(1) };
          break;
        case 'FR':
          f.reverse = true;
          break;
        case 'BY':
          by = { module: n(0, 2), height: n(2, by.height) };
          break;
        case 'BC':
          f.barcode = { kind: 'code128', height: n(1, by.height), hr: (p[2] ?? 'Y').trim().toUpperCase() !== 'N' };
          break;
        case 'BQ':
          f.barcode = { kind: 'qr', mag: n(2, 2) };
          break;
        case 'A0':
        case 'A@':
          f.fontHeight = n(1, 30);
          break;
        case 'GF': {
          // ^GFA,b,c,d,data — the data itself may contain commas (compressed rows).
          const [format, , total, perRow] = p;
          const data = p.slice(4).join(',');
          if ((format ?? 'A').trim().toUpperCase() !== 'A') {
            warnings.push('only ^GFA graphic fields are drawn');
            break;
          }
          const bytesPerRow = parseInt(perRow, 10);
          const bytes = zplGraphicBytes(data, parseInt(total, 10), bytesPerRow);
          page.bits(f.x, f.y, bytesPerRow, Math.ceil(bytes.length / bytesPerRow), bytes, f.reverse ? 'xor' : 'or');
          break;
        }
        case 'GB': {
          const [w, h, t] = [n(0, 1), n(1, 1), n(2, 1)];
          const color = (p[3] ?? 'B').trim().toUpperCase() === 'W' ? 'white' : 'black';
          const mode = f.reverse ? 'xor' : color;
          if (t >= Math.min(w, h)) page.rect(f.x, f.y, Math.max(w, t), Math.max(h, t), mode);
          else {
            page.rect(f.x, f.y, w, t, mode);
            page.rect(f.x, f.y + h - t, w, t, mode);
            page.rect(f.x, f.y + t, t, h - 2 * t, mode);
            page.rect(f.x + w - t, f.y + t, t, h - 2 * t, mode);
          }
          break;
        }
        case 'FD': {
          const data = c.arg;
          if (f.barcode?.kind === 'code128') page.code128(f.x, f.y, data, by.module, f.barcode.height, f.barcode.hr);
          else if (f.barcode?.kind === 'qr') {
            // "MA,data": error correction letter, input mode, comma, then the data.
            const qm = /^([HQML])([AM]),([\s\S]*)$/.exec(data);
            page.qr(f.x, f.y, qm ? qm[3] : data, qm ? qm[1] : 'Q', f.barcode.mag);
          } else page.text(f.x, f.y, data, f.fontHeight);
          break;
        }
        case 'FS':
          f = { x: 0, y: 0, reverse: false, fontHeight: f.fontHeight };
          break;
        case 'PW':
        case 'LL':
        case 'CI':
        case 'PQ':
        case 'SD':
        case 'MD':
        case 'PR':
        case 'LR':
        case 'PO':
        case 'MN':
        case 'MT':
          break;
        default:
          warnings.push(`^${c.name} ignored`);
      }
    }
    labels.push({ png: page.png(), widthDots: page.canvas.width, heightDots: page.canvas.height, copies: 1 });
  }
  return { labels, warnings };
}
