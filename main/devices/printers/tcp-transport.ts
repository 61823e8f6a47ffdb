// Raw TCP (port 9100) — the one route that works for TSPL, ZPL and ESC/POS network printers alike.
import { Socket } from 'node:net';
import { languageOfContentType } from '../label/encoders/encode-label.js';
import type { PrinterLanguage } from '../label/media.js';
import { errorForStatus, PrinterError, type PrinterStatus, type PrintTransport } from './print-transport.js';
import { parseStatus, statusQuery } from './printer-status.js';

export interface TcpTransportOptions {
  host: string;
  port?: number; // default 9100
  connectTimeoutMs?: number; // default 3000
  /** Longest a whole job may take to leave once connected. Default 15 s. */
  writeTimeoutMs?: number;
  /** Ask for status before each job and refuse to send into a paper-out printer. Default true. */
  checkStatus?: boolean;
  statusTimeoutMs?: number; // default 700
}

function where(o: TcpTransportOptions): string {
  return `${o.host}:${o.port ?? 9100}`;
}

function connectError(err: NodeJS.ErrnoException, o: TcpTransportOptions): PrinterError {
  const w = where(o);
  switch (err.code) {
    case 'ECONNREFUSED':
      return new PrinterError('PRINTER_UNREACHABLE', `printer off or unreachable: ${w} refused the connection`, err);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EHOSTDOWN':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new PrinterError('PRINTER_UNREACHABLE', `printer off or unreachable: no route to ${w}`, err);
    case 'ETIMEDOUT':
      return new PrinterError('PRINTER_UNREACHABLE', `printer off or unreachable: ${w} did not answer`, err);
    default:
      return new PrinterError('PRINTER_CONNECTION_LOST', `connection to the printer at ${w} failed (${err.code ?? err.message})`, err);
  }
}

function connect(o: TcpTransportOptions): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    const timeout = o.connectTimeoutMs ?? 3000;
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new PrinterError('PRINTER_UNREACHABLE', `printer off or unreachable: ${where(o)} did not answer within ${timeout / 1000} s`));
    }, timeout);
    socket.once('error', (err) => {
      clearTimeout(timer);
      socket.destroy();
      reject(connectError(err, o));
    });
    socket.connect({ host: o.host, port: o.port ?? 9100 }, () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      socket.setNoDelay(true);
      resolve(socket);
    });
  });
}

/** Sends a status query on an open socket and waits briefly for a readable answer. */
function query(socket: Socket, language: PrinterLanguage, timeoutMs: number): Promise<PrinterStatus> {
  const q = statusQuery(language);
  if (!q) return Promise.resolve({ state: 'unknown' });
  return new Promise((resolve) => {
    let reply = Buffer.alloc(0);
    const done = (s: PrinterStatus) => {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('close', onClose);
      resolve(s);
    };
    const onData = (chunk: Buffer) => {
      reply = Buffer.concat([reply, chunk]);
      const s = parseStatus(language, reply);
      if (s) done(s);
    };
    const onClose = () => done({ state: 'unknown', detail: 'connection closed' });
    const timer = setTimeout(() => done({ state: 'unknown', detail: 'no answer' }), timeoutMs);
    socket.on('data', onData);
    socket.once('close', onClose);
    socket.write(q);
  });
}

export interface TcpTransport extends PrintTransport {
  status(language: PrinterLanguage): Promise<PrinterStatus>;
}

export function createTcpTransport(o: TcpTransportOptions): TcpTransport {
  // A printer that ignored one status query will ignore the next: stop paying the wait.
  let answersStatus: boolean | undefined;

  async function status(language: PrinterLanguage): Promise<PrinterStatus> {
    const socket = await connect(o);
    try {
      const s = await query(socket, language, o.statusTimeoutMs ?? 700);
      if (s.state !== 'unknown') answersStatus = true;
      return s;
    } finally {
      socket.destroy();
    }
  }

  async function send(bytes: Uint8Array, contentType: string): Promise<void> {
    const language = languageOfContentType(contentType);
    const socket = await connect(o);
    try {
      if ((o.checkStatus ?? true) && language && answersStatus !== false && statusQuery(language)) {
        const s = await query(socket, language, o.statusTimeoutMs ?? 700);
        if (s.state === 'unknown') answersStatus = s.detail === 'no answer' ? false : answersStatus;
        else answersStatus = true;
        const err = errorForStatus(s, where(o));
        if (err) throw err;
        if (socket.destroyed) throw new PrinterError('PRINTER_CONNECTION_LOST', `printer at ${where(o)} closed the connection before the label was sent`);
      }
      await writeAll(socket, bytes, o);
    } finally {
      socket.destroy();
    }
  }

  return { send, status };
}

/** Writes the job and half-closes; done when the bytes are flushed and the printer had a moment. */
function writeAll(socket: Socket, bytes: Uint8Array, o: TcpTransportOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const timeout = o.writeTimeoutMs ?? 15000;
    const timer = setTimeout(() => fail(new PrinterError('PRINTER_TIMEOUT', `printer at ${where(o)} stopped taking data (not all of the label was sent within ${timeout / 1000} s)`)), timeout);
    let settled = false;
    function fail(err: Error) {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(err);
    }
    function ok() {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve();
    }
    socket.on('error', (err: NodeJS.ErrnoException) =>
      fail(new PrinterError('PRINTER_CONNECTION_LOST', `printer at ${where(o)} dropped the connection while the label was sent (${err.code ?? err.message})`, err)),
    );
    socket.once('close', () => (socket.writableFinished ? ok() : fail(new PrinterError('PRINTER_CONNECTION_LOST', `printer at ${where(o)} closed the connection before the label was sent`))));
    // Half-close: the printer sees end-of-job; some answer by closing, others keep the line open.
    socket.end(bytes, () => setTimeout(ok, 50));
  });
}
