import { crc32, inflateRawSync } from 'node:zlib';

// Reading the ZIP some Shopee thermal setups get instead of a PDF air waybill (spec §1.4: one PDF per
// package). Pure, and only what such an archive needs (PKWARE APPNOTE 4.3): the end record, the central
// directory, local headers, stored and deflated entries, each checked against its CRC-32. No ZIP64, no
// encryption, no multi-disk: an AWB archive is a few small PDFs, and anything else is refused clearly.

export type ZipProblem = 'not_zip' | 'truncated' | 'zip64' | 'encrypted' | 'method' | 'corrupt' | 'crc' | 'too_large' | 'no_pdf';

export class ZipError extends Error {
  constructor(readonly problem: ZipProblem, message: string) {
    super(message);
    this.name = 'ZipError';
  }
}

export interface ZipFile {
  name: string;
  data: Buffer;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EOCD_MIN = 22;
/** An AWB is a few hundred KB; this bounds what one entry may inflate to (a ZIP bomb stops here). */
export const MAX_ENTRY_BYTES = 50 * 1024 * 1024;

function endRecord(buf: Buffer): number {
  // The end record sits in the last 22 bytes plus at most a 64 KB comment: searched backwards.
  const stop = Math.max(0, buf.length - EOCD_MIN - 0xffff);
  for (let i = buf.length - EOCD_MIN; i >= stop; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  throw new ZipError('not_zip', 'no ZIP end-of-directory record (not a ZIP, or cut short)');
}

/** Every file of the archive, in central-directory order, inflated and CRC-checked. Folders are skipped. */
export function readZip(bytes: Uint8Array): ZipFile[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < EOCD_MIN) throw new ZipError('not_zip', `${buf.length} bytes is too short for a ZIP`);
  const end = endRecord(buf);
  const count = buf.readUInt16LE(end + 10);
  const cdSize = buf.readUInt32LE(end + 12);
  const cdOffset = buf.readUInt32LE(end + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipError('zip64', 'ZIP64 archives are not supported');
  if (cdOffset + cdSize > end) throw new ZipError('truncated', 'the central directory lies outside the file');
  const files: ZipFile[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > end || buf.readUInt32LE(p) !== CENTRAL) throw new ZipError('truncated', `central directory entry ${n + 1} of ${count} is damaged`);
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const packed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    // Bit 11: UTF-8 names; otherwise CP437, read as latin1 (order numbers are ASCII either way).
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString(flags & 0x800 ? 'utf8' : 'latin1');
    p += 46 + nameLen + extraLen + commentLen;
    if (name.endsWith('/')) continue;
    if (flags & 0x1) throw new ZipError('encrypted', `${name} is encrypted`);
    if (packed === 0xffffffff || size === 0xffffffff || local === 0xffffffff) throw new ZipError('zip64', `${name} needs ZIP64`);
    if (size > MAX_ENTRY_BYTES) throw new ZipError('too_large', `${name} would unpack to ${size} bytes`);
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) throw new ZipError('truncated', `the local header of ${name} is missing`);
    // The local header's own name and extra lengths place the data (its extra may differ from the central one).
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + packed > buf.length) throw new ZipError('truncated', `${name} is cut short`);
    const raw = buf.subarray(start, start + packed);
    let data: Buffer;
    if (method === 0) data = Buffer.from(raw);
    else if (method === 8) {
      try {
        data = inflateRawSync(raw, { maxOutputLength: MAX_ENTRY_BYTES });
      } catch (error) {
        throw new ZipError('corrupt', `${name} does not inflate: ${(error as Error).message}`);
      }
    } else throw new ZipError('method', `${name} uses compression method ${method} (only stored and deflate are read)`);
    if (data.length !== size) throw new ZipError('corrupt', `${name} unpacks to ${data.length} bytes, the directory says ${size}`);
    if (crc32(data) !== crc) throw new ZipError('crc', `${name} fails its CRC check`);
    files.push({ name, data });
  }
  return files;
}

/** [?] Entry names in Shopee's AWB ZIP: `<order_sn>.pdf` (one package), `<order_sn>_<package_number>.pdf` assumed for more. */
export const awbEntryNames = (orderSn: string, packageNumber: string) => [`${orderSn}.pdf`, `${orderSn}_${packageNumber}.pdf`];

const baseName = (name: string) => name.slice(name.lastIndexOf('/') + 1);
const isPdf = (f: ZipFile) => f.data.subarray(0, 5).toString('latin1') === '%PDF-' || /\.pdf$/i.test(f.name);

/**
 * The PDF of a package in an AWB archive: the entry named after the order (or order and package), else one
 * naming the order, else the only PDF, else the first. Throws when the archive holds no PDF at all.
 */
export function pickAwbPdf(files: readonly ZipFile[], pkg: { orderSn: string; packageNumber: string }): ZipFile {
  const pdfs = files.filter(isPdf);
  if (!pdfs.length) throw new ZipError('no_pdf', `no PDF among ${files.length} file(s): ${files.map((f) => f.name).join(', ').slice(0, 200) || 'empty archive'}`);
  const names = awbEntryNames(pkg.orderSn, pkg.packageNumber).map((n) => n.toLowerCase());
  return pdfs.find((f) => names.includes(baseName(f.name).toLowerCase()))
    ?? pdfs.find((f) => baseName(f.name).toLowerCase().includes(pkg.orderSn.toLowerCase()))
    ?? pdfs[0];
}

/**
 * What to keep of a downloaded AWB: a ZIP is unpacked to its package's PDF (printable like any other AWB);
 * anything else is kept as downloaded. Throws a ZipError for an archive that cannot be read.
 */
export function awbToKeep<E extends string>(ext: E | 'zip', body: Uint8Array, pkg: { orderSn: string; packageNumber: string }): { ext: E | 'pdf'; body: Uint8Array; entry?: string } {
  if (ext !== 'zip') return { ext, body };
  const pdf = pickAwbPdf(readZip(body), pkg);
  return { ext: 'pdf', body: pdf.data, entry: pdf.name };
}
