import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { awbToKeep, pickAwbPdf, readZip, ZipError, type ZipProblem } from '../../../main/domain/shopee-logistics/awb-zip.js';

// ZIP archives built here: by the system's `zip` (stored, deflated, streamed with data descriptors, extra
// fields that differ between local and central headers) and by hand with zlib (to break them precisely).

const dir = mkdtempSync(join(tmpdir(), 'awb-zip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n${'stream of a label '.repeat(40)}\n%%EOF\n`, 'latin1');
const files = { '250701ABCDEF.pdf': pdf('order ABCDEF'), '250701XYZ.pdf': pdf('order XYZ'), 'readme.txt': Buffer.from('not a label') };

function zipCli(args: string[], names: string[]): Buffer {
  for (const [n, d] of Object.entries(files)) writeFileSync(join(dir, n), d);
  return execFileSync('zip', ['-q', ...args, '-', ...names], { cwd: dir });
}

/** A one-entry archive by hand: method 0 or 8, with the CRC and sizes as given (to corrupt them). */
function handZip(name: string, data: Buffer, o: { method?: number; crc?: number; flags?: number } = {}): Buffer {
  const method = o.method ?? 8;
  const packed = method === 8 ? deflateRawSync(data) : data;
  const n = Buffer.from(name, 'utf8');
  const crc = o.crc ?? crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(o.flags ?? 0x800, 6); local.writeUInt16LE(method, 8);
  local.writeUInt32LE(crc, 14); local.writeUInt32LE(packed.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(o.flags ?? 0x800, 8); central.writeUInt16LE(method, 10);
  central.writeUInt32LE(crc, 16); central.writeUInt32LE(packed.length, 20); central.writeUInt32LE(data.length, 24); central.writeUInt16LE(n.length, 28); central.writeUInt32LE(0, 42);
  const cdOffset = 30 + n.length + packed.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10); end.writeUInt32LE(46 + n.length, 12); end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, n, packed, central, n, end]);
}

const problemOf = (fn: () => unknown): ZipProblem | 'none' => {
  try {
    fn();
    return 'none';
  } catch (error) {
    if (error instanceof ZipError) return error.problem;
    throw error;
  }
};

describe('AWB ZIP reader', () => {
  it('reads deflated entries written by zip, byte for byte', () => {
    const out = readZip(zipCli(['-9'], Object.keys(files)));
    expect(out.map((f) => f.name)).toEqual(Object.keys(files));
    for (const f of out) expect(f.data.equals(files[f.name as keyof typeof files])).toBe(true);
  });

  it('reads stored entries', () => {
    const bytes = zipCli(['-0'], ['250701XYZ.pdf']);
    expect(bytes.includes(files['250701XYZ.pdf'])).toBe(true); // really stored
    expect(readZip(bytes)[0].data.equals(files['250701XYZ.pdf'])).toBe(true);
  });

  it('reads a streamed archive (data descriptors) from a file on disk too', () => {
    const path = join(dir, 'streamed.zip');
    writeFileSync(path, zipCli(['-9'], ['250701ABCDEF.pdf', '250701XYZ.pdf']));
    expect(readZip(readFileSync(path)).map((f) => f.data.length)).toEqual([files['250701ABCDEF.pdf'].length, files['250701XYZ.pdf'].length]);
  });

  it('reads an archive with a comment after the directory', () => {
    const bytes = handZip('a.pdf', pdf('x'));
    const withComment = Buffer.concat([bytes.subarray(0, bytes.length - 2), Buffer.from([5, 0]), Buffer.from('hello')]);
    expect(readZip(withComment)[0].name).toBe('a.pdf');
  });

  it('keeps the PDF of the package: named after the order, else after order and package, else the only/first PDF', () => {
    const all = readZip(zipCli([], Object.keys(files)));
    expect(pickAwbPdf(all, { orderSn: '250701XYZ', packageNumber: 'P1' }).name).toBe('250701XYZ.pdf');
    expect(pickAwbPdf(all, { orderSn: '250701ABCDEF', packageNumber: 'P1' }).name).toBe('250701ABCDEF.pdf');
    const two = [{ name: 'awb/250701Q_PKG1.pdf', data: pdf('1') }, { name: 'awb/250701Q_PKG2.pdf', data: pdf('2') }];
    expect(pickAwbPdf(two, { orderSn: '250701Q', packageNumber: 'PKG2' }).name).toBe('awb/250701Q_PKG2.pdf');
    expect(pickAwbPdf(two, { orderSn: '250701Q', packageNumber: 'OTHER' }).name).toBe('awb/250701Q_PKG1.pdf');
    expect(pickAwbPdf([{ name: 'label.bin', data: pdf('only') }, { name: 'x.txt', data: Buffer.from('t') }], { orderSn: 'NOPE', packageNumber: '' }).name).toBe('label.bin');
    expect(problemOf(() => pickAwbPdf([{ name: 'x.txt', data: Buffer.from('t') }], { orderSn: 'A', packageNumber: '' }))).toBe('no_pdf');
  });

  it('a ZIP AWB becomes its PDF; a PDF stays as it is', () => {
    const kept = awbToKeep('zip', zipCli([], ['250701XYZ.pdf', '250701ABCDEF.pdf']), { orderSn: '250701ABCDEF', packageNumber: '' });
    expect(kept).toMatchObject({ ext: 'pdf', entry: '250701ABCDEF.pdf' });
    expect(Buffer.from(kept.body).equals(files['250701ABCDEF.pdf'])).toBe(true);
    const asIs = awbToKeep('pdf', files['250701XYZ.pdf'], { orderSn: 'X', packageNumber: '' });
    expect(asIs).toEqual({ ext: 'pdf', body: files['250701XYZ.pdf'] });
  });

  it('refuses broken archives with the reason', () => {
    const good = handZip('a.pdf', pdf('a'));
    expect(readZip(good)[0].data.equals(pdf('a'))).toBe(true);
    expect(problemOf(() => readZip(handZip('a.pdf', pdf('a'), { crc: 1234 })))).toBe('crc');
    expect(problemOf(() => readZip(handZip('a.pdf', pdf('a'), { method: 12 })))).toBe('method');
    expect(problemOf(() => readZip(handZip('a.pdf', pdf('a'), { flags: 0x1 })))).toBe('encrypted');
    // A flipped byte in stored data: the CRC catches it.
    const stored = handZip('a.pdf', pdf('a'), { method: 0 });
    stored[40] ^= 0xff;
    expect(problemOf(() => readZip(stored))).toBe('crc');
    // Deflate stream damaged: it does not inflate or does not match.
    const deflated = handZip('a.pdf', pdf('a'));
    deflated.fill(0xff, 36, 50);
    expect(['corrupt', 'crc']).toContain(problemOf(() => readZip(deflated)));
    expect(problemOf(() => readZip(good.subarray(0, good.length - 30)))).toBe('not_zip');
    expect(problemOf(() => readZip(Buffer.concat([good.subarray(0, 20), good.subarray(good.length - 80)])))).toBe('truncated');
    expect(problemOf(() => readZip(files['250701XYZ.pdf']))).toBe('not_zip');
    expect(problemOf(() => readZip(Buffer.alloc(0)))).toBe('not_zip');
  });
});
