// A minimal ZIP writer (PKWARE APPNOTE 4.3): local file headers, deflated or stored data, the central
// directory and its end record. Enough for the air waybill archives some Shopee thermal setups get:
// a handful of small PDFs, no ZIP64, no encryption, no data descriptors.

import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

/** MS-DOS date and time fields, as ZIP stores modification times (local time of the archive; UTC here). */
function dosTime(ms: number): { time: number; date: number } {
  const d = new Date(ms);
  const time = (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2);
  const date = ((Math.max(1980, d.getUTCFullYear()) - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate();
  return { time, date };
}

const STORED = 0;
const DEFLATE = 8;
/** General purpose bit 11: names are UTF-8. */
const UTF8_NAMES = 0x0800;

/** The archive's bytes; each entry deflated unless that would not make it smaller (then stored). */
export function buildZip(entries: readonly ZipEntry[], modifiedMs: number): Buffer {
  const { time, date } = dosTime(modifiedMs);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const deflated = deflateRawSync(e.data);
    const method = deflated.length < e.data.length ? DEFLATE : STORED;
    const body = method === DEFLATE ? deflated : Buffer.from(e.data);
    const crc = crc32(e.data);

    // The fields both headers share, in the same order: flags, method, time, date, CRC, sizes, name length.
    const shared = (header: Buffer, at: number) => {
      header.writeUInt16LE(UTF8_NAMES, at);
      header.writeUInt16LE(method, at + 2);
      header.writeUInt16LE(time, at + 4);
      header.writeUInt16LE(date, at + 6);
      header.writeUInt32LE(crc, at + 8);
      header.writeUInt32LE(body.length, at + 12);
      header.writeUInt32LE(e.data.length, at + 16);
      header.writeUInt16LE(name.length, at + 20);
    };
    const local = Buffer.alloc(30); // extra field length (28) stays 0
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    shared(local, 6);
    locals.push(local, name, body);

    const central = Buffer.alloc(46); // extra, comment, disk number, internal and external attributes stay 0
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by: 2.0, MS-DOS attributes
    central.writeUInt16LE(20, 6);
    shared(central, 8);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);

    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
