// The virtual printer's paper: a canvas in printer dots. Deliberately separate from the label
// renderer (as a simulator shares no code with what it checks): a bug in one shows up in the other.
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import bwipjs from 'bwip-js';

export type BlitMode = 'overwrite' | 'or' | 'xor';

export class Page {
  readonly canvas: Canvas;
  readonly ctx: SKRSContext2D;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.canvas = createCanvas(Math.max(1, Math.round(width)), Math.max(1, Math.round(height)));
    this.ctx = this.canvas.getContext('2d');
    this.clear();
  }

  clear(): void {
    this.ctx.globalCompositeOperation = 'source-over';
    this.ctx.fillStyle = '#ffffff';
    this.ctx.fillRect(0, 0, this.canvas.width, this.canvas.height);
  }

  rect(x: number, y: number, w: number, h: number, mode: 'black' | 'white' | 'xor' = 'black'): void {
    if (w <= 0 || h <= 0) return;
    const c = this.ctx;
    if (mode === 'xor') {
      c.globalCompositeOperation = 'difference';
      c.fillStyle = '#ffffff';
    } else c.fillStyle = mode === 'black' ? '#000000' : '#ffffff';
    c.fillRect(Math.round(x), Math.round(y), Math.round(w), Math.round(h));
    c.globalCompositeOperation = 'source-over';
  }

  /** Bits with 1 = black, MSB first, `bytesPerRow` bytes per row. */
  bits(x: number, y: number, bytesPerRow: number, rows: number, data: Uint8Array, mode: BlitMode = 'overwrite'): void {
    const x0 = Math.max(0, Math.round(x));
    const y0 = Math.max(0, Math.round(y));
    const w = Math.min(bytesPerRow * 8, this.canvas.width - x0);
    const h = Math.min(rows, this.canvas.height - y0);
    if (w <= 0 || h <= 0) return;
    const img = this.ctx.getImageData(x0, y0, w, h);
    const px = img.data;
    for (let r = 0; r < h; r++) {
      for (let c = 0; c < w; c++) {
        const bit = (data[r * bytesPerRow + (c >> 3)] >> (7 - (c & 7))) & 1;
        const p = (r * w + c) * 4;
        const black = px[p] < 128;
        const out = mode === 'overwrite' ? bit === 1 : mode === 'or' ? black || bit === 1 : black !== (bit === 1);
        px[p] = px[p + 1] = px[p + 2] = out ? 0 : 255;
        px[p + 3] = 255;
      }
    }
    this.ctx.putImageData(img, x0, y0);
  }

  /** Printer-font text, approximated with a sans-serif of the same cell height. */
  text(x: number, y: number, text: string, heightDots: number): void {
    this.ctx.fillStyle = '#000000';
    this.ctx.font = `${Math.max(6, heightDots)}px sans-serif`;
    this.ctx.textBaseline = 'top';
    this.ctx.fillText(text, x, y);
  }

  code128(x: number, y: number, data: string, moduleDots: number, heightDots: number, humanReadable: boolean): void {
    const raw = bwipjs.raw({ bcid: 'code128', text: data });
    const first = raw[0];
    if (!first || !('sbs' in first)) return;
    let cx = x;
    first.sbs.forEach((w, i) => {
      if (i % 2 === 0) this.rect(cx, y, w * moduleDots, heightDots);
      cx += w * moduleDots;
    });
    if (humanReadable) this.text(x, y + heightDots + 2, data, Math.max(16, moduleDots * 8));
  }

  qr(x: number, y: number, data: string, ecLevel: string, cellDots: number): void {
    const raw = bwipjs.raw('qrcode', data, `eclevel=${ecLevel}`);
    const first = raw[0];
    if (!first || !('pixs' in first)) return;
    for (let r = 0; r < first.pixy; r++) {
      for (let c = 0; c < first.pixx; c++) if (first.pixs[r * first.pixx + c]) this.rect(x + c * cellDots, y + r * cellDots, cellDots, cellDots);
    }
  }

  png(): Buffer {
    return this.canvas.toBuffer('image/png');
  }
}
