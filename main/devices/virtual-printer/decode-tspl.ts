// Reads a TSPL job back into label images: SIZE, CLS, BITMAP, BAR, BOX, REVERSE, ERASE,
// TEXT (approximate glyphs), BARCODE "128", QRCODE, PRINT. Coordinates are printer dots.
import { Page, type BlitMode } from './page.js';

export interface DecodedLabel {
  png: Buffer;
  widthDots: number;
  heightDots: number;
  copies: number;
}

export interface DecodeResult {
  labels: DecodedLabel[];
  warnings: string[];
}

/** Splits "a,b,"c,d",e" on commas outside double quotes; quotes are removed. */
export function splitParams(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === '\\' && quoted && s[i + 1] === '"') {
      cur += '"';
      i++;
    } else if (ch === ',' && !quoted) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  out.push(cur.trim());
  return out;
}

/** "100 mm" → dots; a bare number is inches (TSPL's default unit); "dot" suffix is dots. */
function lengthToDots(v: string, dpi: number): number {
  const n = parseFloat(v);
  if (/mm/i.test(v)) return Math.round((n * dpi) / 25.4);
  if (/dot/i.test(v)) return Math.round(n);
  return Math.round(n * dpi);
}

// Cell heights of TSPL's resident fonts 1–8, in dots at 203 dpi.
const FONT_HEIGHT: Record<string, number> = { '1': 20, '2': 24, '3': 32, '4': 32, '5': 48, '6': 19, '7': 27, '8': 25 };

export function decodeTspl(job: Uint8Array, opts: { dpi?: number } = {}): DecodeResult {
  // 203 dpi heads are 8 dots/mm exactly.
  const dpi = (opts.dpi ?? 203) === 203 ? 203.2 : (opts.dpi ?? 203);
  const buf = Buffer.from(job);
  const labels: DecodedLabel[] = [];
  const warnings: string[] = [];
  let page: Page | undefined;
  let size = { w: Math.round((100 * dpi) / 25.4), h: Math.round((150 * dpi) / 25.4) };
  let ref = { x: 0, y: 0 };
  const paper = () => (page ??= new Page(size.w, size.h));
  let pos = 0;
  while (pos < buf.length) {
    let eol = buf.indexOf(0x0a, pos);
    if (eol < 0) eol = buf.length;
    let line = buf.toString('latin1', pos, eol).replace(/\r$/, '');
    const start = pos;
    pos = eol + 1;
    line = line.replace(/^[\s\x00]+/, '');
    if (!line) continue;
    const m = /^([A-Z]+)\s*(.*)$/i.exec(line);
    if (!m) {
      warnings.push(`unreadable line at byte ${start}`);
      continue;
    }
    const cmd = m[1].toUpperCase();
    if (cmd === 'BITMAP') {
      // Header "BITMAP x,y,wBytes,h,mode," then wBytes*h raw bytes: the line split above may have
      // cut through binary data, so re-read from the header.
      const headerStart = buf.indexOf('BITMAP', start, 'latin1');
      let commas = 0;
      let p = headerStart + 6;
      while (p < buf.length && commas < 5) if (buf[p++] === 0x2c) commas++;
      const [x, y, wb, h, mode] = buf.toString('latin1', headerStart + 6, p - 1).split(',').map((v) => parseInt(v.trim(), 10));
      const n = wb * h;
      const raw = buf.subarray(p, p + n);
      // TSPL: bit 0 = printed dot. Page.bits takes 1 = black.
      const inverted = new Uint8Array(raw.length);
      for (let i = 0; i < raw.length; i++) inverted[i] = ~raw[i] & 0xff;
      const modes: BlitMode[] = ['overwrite', 'or', 'xor'];
      paper().bits(x + ref.x, y + ref.y, wb, h, inverted, modes[mode] ?? 'overwrite');
      pos = p + n;
      if (buf[pos] === 0x0d) pos++;
      if (buf[pos] === 0x0a) pos++;
      continue;
    }
    const args = splitParams(m[2]);
    const num = (i: number) => parseFloat(args[i] ?? '0');
    switch (cmd) {
      case 'SIZE':
        size = { w: lengthToDots(args[0], dpi), h: lengthToDots(args[1] ?? args[0], dpi) };
        page = undefined;
        break;
      case 'REFERENCE':
        ref = { x: num(0), y: num(1) };
        break;
      case 'CLS':
        page = new Page(size.w, size.h);
        break;
      case 'BAR':
        paper().rect(num(0) + ref.x, num(1) + ref.y, num(2), num(3));
        break;
      case 'BOX': {
        const [x1, y1, x2, y2, t] = [num(0) + ref.x, num(1) + ref.y, num(2) + ref.x, num(3) + ref.y, num(4) || 1];
        const p = paper();
        p.rect(x1, y1, x2 - x1, t);
        p.rect(x1, y2 - t, x2 - x1, t);
        p.rect(x1, y1, t, y2 - y1);
        p.rect(x2 - t, y1, t, y2 - y1);
        break;
      }
      case 'REVERSE':
        paper().rect(num(0) + ref.x, num(1) + ref.y, num(2), num(3), 'xor');
        break;
      case 'ERASE':
        paper().rect(num(0) + ref.x, num(1) + ref.y, num(2), num(3), 'white');
        break;
      case 'TEXT': {
        const font = args[2] ?? '3';
        const ym = num(5) || 1;
        const h = (FONT_HEIGHT[font] ?? ym * 3) * (FONT_HEIGHT[font] ? ym : 1);
        paper().text(num(0) + ref.x, num(1) + ref.y, args[args.length - 1] ?? '', h);
        break;
      }
      case 'BARCODE': {
        const type = (args[2] ?? '').toUpperCase();
        if (type !== '128') {
          warnings.push(`BARCODE type ${type} not drawn`);
          break;
        }
        paper().code128(num(0) + ref.x, num(1) + ref.y, args[args.length - 1] ?? '', num(6) || 1, num(3), num(4) > 0);
        break;
      }
      case 'QRCODE': {
        const data = args[args.length - 1] ?? '';
        paper().qr(num(0) + ref.x, num(1) + ref.y, data, (args[2] ?? 'M').toUpperCase(), num(3) || 4);
        break;
      }
      case 'PRINT': {
        const p = paper();
        labels.push({ png: p.png(), widthDots: p.canvas.width, heightDots: p.canvas.height, copies: Math.max(1, num(0)) * Math.max(1, num(1) || 1) });
        break;
      }
      case 'GAP':
      case 'BLINE':
      case 'DIRECTION':
      case 'DENSITY':
      case 'SPEED':
      case 'OFFSET':
      case 'SET':
      case 'CODEPAGE':
      case 'HOME':
      case 'SOUND':
        break;
      default:
        warnings.push(`${cmd} ignored`);
    }
  }
  return { labels, warnings };
}
