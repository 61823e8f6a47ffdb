// A label printer on loopback: raw TCP like port 9100, answers status queries, turns each job
// back into an image. The demo shop prints to it; tests use it to check what the encoders send.
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { decodeEscpos } from './decode-escpos.js';
import { decodeTspl, type DecodeResult } from './decode-tspl.js';
import { decodeZpl } from './decode-zpl.js';
import { detectLanguage, type JobLanguage } from './detect-language.js';

export interface VirtualLabel {
  id: number;
  at: number; // ms UTC when the job finished arriving
  language: JobLanguage;
  png: Buffer;
  raw: Buffer; // the whole job as received (status queries removed)
  widthDots: number;
  heightDots: number;
  warnings: string[];
}

export interface VirtualPrinterFaults {
  /** Status queries say "paper out" and jobs are dropped, like a printer with an empty roll. */
  paperOut: boolean;
  /** Status queries say "head open" and jobs are dropped. */
  headOpen: boolean;
  /** Connections are closed as soon as they open: a printer that is off or jammed. */
  offline: boolean;
}

export interface VirtualPrinterOptions {
  port?: number; // 0 = any free port (default)
  host?: string; // default 127.0.0.1
  dir?: string; // also keep PNG + raw bytes here
  keep?: number; // labels kept in memory, default 20
  dpi?: 203 | 300; // for TSPL sizes in mm, default 203
  /** A job ends when the client half-closes, or after this long without data. Default 400 ms. */
  idleMs?: number;
  onLabel?: (label: VirtualLabel) => void;
}

export interface VirtualPrinter {
  port: number;
  labels(): VirtualLabel[];
  /** Jobs received while faulted, counted so tests can see nothing was printed. */
  dropped(): number;
  setFault(faults: Partial<VirtualPrinterFaults>): void;
  /** Resolves once the jobs already received have been decoded. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

const TSPL_QUERY = Buffer.from([0x1b, 0x21, 0x3f]);
const ZPL_QUERY = Buffer.from('~HS', 'latin1');

/** Answers a status query at the start of `buf`; returns how many bytes it used (0 = none). */
function answerQuery(buf: Buffer, socket: Socket, f: VirtualPrinterFaults): number {
  if (buf.length >= 3 && buf.subarray(0, 3).equals(TSPL_QUERY)) {
    socket.write(Buffer.from([(f.headOpen ? 0x01 : 0) | (f.paperOut ? 0x04 : 0)]));
    return 3;
  }
  if (buf.length >= 3 && buf.subarray(0, 3).equals(ZPL_QUERY)) {
    const s1 = `030,${f.paperOut ? 1 : 0},0,0800,000,0,0,0,000,0,0,0`;
    const s2 = `000,0,${f.headOpen ? 1 : 0},0,0,2,6,0,00000000,1,000`;
    socket.write(Buffer.from(`\x02${s1}\x03\r\n\x02${s2}\x03\r\n\x021234,0\x03\r\n`, 'latin1'));
    let used = 3;
    while (buf[used] === 0x0d || buf[used] === 0x0a) used++;
    return used;
  }
  if (buf.length >= 3 && buf[0] === 0x10 && buf[1] === 0x04) {
    const n = buf[2];
    // Bits 1 and 4 are always set in ESC/POS real-time status bytes.
    let v = 0x12;
    if (n === 2 && f.headOpen) v |= 0x04;
    if (n === 4 && f.paperOut) v |= 0x60;
    if (n === 1 && (f.paperOut || f.headOpen)) v |= 0x08;
    socket.write(Buffer.from([v]));
    return 3;
  }
  return 0;
}

function decode(language: JobLanguage, job: Buffer, dpi: number): DecodeResult {
  if (language === 'tspl') return decodeTspl(job, { dpi });
  if (language === 'zpl') return decodeZpl(job);
  if (language === 'escpos') return decodeEscpos(job);
  return { labels: [], warnings: ['unknown printer language'] };
}

export async function startVirtualPrinter(opts: VirtualPrinterOptions = {}): Promise<VirtualPrinter> {
  const keep = opts.keep ?? 20;
  const faults: VirtualPrinterFaults = { paperOut: false, headOpen: false, offline: false };
  const stored: VirtualLabel[] = [];
  const sockets = new Set<Socket>();
  let nextId = 1;
  let droppedJobs = 0;
  let pending: Promise<void> = Promise.resolve();
  if (opts.dir) await mkdir(opts.dir, { recursive: true });

  async function finishJob(job: Buffer): Promise<void> {
    if (job.length === 0) return;
    if (faults.paperOut || faults.headOpen) {
      droppedJobs++;
      return;
    }
    const language = detectLanguage(job);
    let result: DecodeResult;
    try {
      result = decode(language, job, opts.dpi ?? 203);
    } catch (err) {
      result = { labels: [], warnings: [`could not decode: ${(err as Error).message}`] };
    }
    for (const l of result.labels) {
      const label: VirtualLabel = { id: nextId++, at: Date.now(), language, png: l.png, raw: job, widthDots: l.widthDots, heightDots: l.heightDots, warnings: result.warnings };
      stored.push(label);
      while (stored.length > keep) stored.shift();
      if (opts.dir) {
        const base = join(opts.dir, `${String(label.id).padStart(5, '0')}-${language}`);
        await writeFile(`${base}.png`, label.png);
        await writeFile(`${base}.raw`, job);
      }
      opts.onLabel?.(label);
    }
  }

  function onConnection(socket: Socket): void {
    if (faults.offline) {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    let buf = Buffer.alloc(0);
    let started = false; // job bytes seen: queries are only recognised before the job's data
    let timer: NodeJS.Timeout | undefined;
    const flush = () => {
      if (buf.length === 0) return;
      const job = buf;
      buf = Buffer.alloc(0);
      started = false;
      pending = pending.then(() => finishJob(job));
    };
    socket.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      while (!started && buf.length > 0) {
        const used = answerQuery(buf, socket, faults);
        if (used === 0) {
          // A partial query may still be arriving.
          if (buf.length < 3 && (buf[0] === 0x1b || buf[0] === 0x10 || buf[0] === 0x7e)) break;
          started = true;
        } else buf = buf.subarray(used);
      }
      if (timer) clearTimeout(timer);
      timer = setTimeout(flush, opts.idleMs ?? 400);
    });
    socket.on('end', () => {
      if (timer) clearTimeout(timer);
      flush();
      socket.end();
    });
    socket.on('close', () => {
      if (timer) clearTimeout(timer);
      flush();
      sockets.delete(socket);
    });
    socket.on('error', () => socket.destroy());
  }

  const server: Server = createServer({ allowHalfOpen: true }, onConnection);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    port,
    labels: () => [...stored],
    dropped: () => droppedJobs,
    setFault(f) {
      Object.assign(faults, f);
      if (faults.offline) for (const s of sockets) s.destroy();
    },
    idle: async () => {
      let last: Promise<void> | undefined;
      while (last !== pending) {
        last = pending;
        await last;
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
