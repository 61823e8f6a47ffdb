// A 1-bit greyscale PNG writer for bitmaps. Going through the canvas means expanding to RGBA
// (4 MB for a 100×150 label) and a full-colour encode; a 1-bit PNG is ~30× less work and bytes.
import { deflateSync, inflateSync } from 'node:zlib';
import { createBitmap, type Bitmap } from './bitmap.js';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(parts: Uint8Array[]): number {
  let c = 0xffffffff;
  for (const p of parts) for (let i = 0; i < p.length; i++) c = CRC_TABLE[(c ^ p[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32([head.subarray(4), data]), 0);
  return Buffer.concat([head, data, crc]);
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** PNG greyscale depth 1 stores 0 = black, so our 1 = black bits are inverted on the way out. */
export function encodePng1(b: Bitmap): Buffer {
  const w = Math.max(1, b.widthDots);
  const h = Math.max(1, b.heightDots);
  const rowBytes = Math.ceil(w / 8);
  const raw = Buffer.alloc((rowBytes + 1) * h, 0xff);
  for (let y = 0; y < b.heightDots; y++) {
    const o = y * (rowBytes + 1);
    raw[o] = 0; // filter: none
    for (let i = 0; i < rowBytes; i++) raw[o + 1 + i] = ~b.data[y * b.bytesPerRow + i] & 0xff;
  }
  if (b.heightDots === 0) raw[0] = 0;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 6 })), chunk('IEND', new Uint8Array(0))]);
}

/** Reads back a PNG written by encodePng1 (tests and the reference images use it). */
export function decodePng1(png: Uint8Array): Bitmap {
  const buf = Buffer.from(png);
  if (!buf.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  let pos = 8;
  let w = 0;
  let h = 0;
  const idat: Buffer[] = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('ascii', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      w = data.readUInt32BE(0);
      h = data.readUInt32BE(4);
      if (data[8] !== 1 || data[9] !== 0) throw new Error('only 1-bit greyscale PNGs are supported');
    } else if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const out = createBitmap(w, h);
  for (let y = 0; y < h; y++) {
    const o = y * (out.bytesPerRow + 1);
    if (raw[o] !== 0) throw new Error('PNG row filters are not supported');
    for (let i = 0; i < out.bytesPerRow; i++) out.data[y * out.bytesPerRow + i] = ~raw[o + 1 + i] & 0xff;
  }
  // Padding bits past the width are white in the file; clear them so bitmaps compare equal.
  const spare = out.bytesPerRow * 8 - w;
  if (spare > 0) for (let y = 0; y < h; y++) out.data[y * out.bytesPerRow + out.bytesPerRow - 1] &= (0xff << spare) & 0xff;
  return out;
}
