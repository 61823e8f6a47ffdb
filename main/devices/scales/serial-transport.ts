// Serial scales (RS-232, USB virtual COM) through the `serialport` package. It is loaded on first use:
// a shop without a serial scale never loads the native binding, and a build without it reports
// SCALE_DRIVER_MISSING instead of failing to start.
import { ScaleError, type ByteTransport } from './scale-port.js';

export interface SerialOptions {
  path: string;
  baudRate: number;
}

type SerialModule = typeof import('serialport');

async function loadSerial(): Promise<SerialModule> {
  try {
    return await import('serialport');
  } catch (e) {
    throw new ScaleError('SCALE_DRIVER_MISSING', 'the serial port driver is not installed in this build', e);
  }
}

/** Maps the OS's open/IO errors to what the operator can act on. */
export function serialError(e: unknown, path: string): ScaleError {
  const text = e instanceof Error ? e.message : String(e);
  if (/ENOENT|no such file|cannot find|File not found/i.test(text)) return new ScaleError('SCALE_NOT_FOUND', `no serial port ${path}`, e);
  if (/EACCES|permission|access denied/i.test(text)) return new ScaleError('SCALE_ACCESS_DENIED', `no permission to open ${path} (Linux: add the user to the dialout group)`, e);
  if (/EBUSY|resource busy|in use/i.test(text)) return new ScaleError('SCALE_OPEN_FAILED', `${path} is in use by another program`, e);
  return new ScaleError('SCALE_OPEN_FAILED', `${path}: ${text}`, e);
}

export function createSerialTransport(opts: SerialOptions): ByteTransport {
  let port: InstanceType<SerialModule['SerialPort']> | null = null;
  return {
    async open(events) {
      if (!opts.path.trim()) throw new ScaleError('SCALE_CONFIG_INVALID', 'no serial port chosen for the scale');
      const { SerialPort } = await loadSerial();
      const p = new SerialPort({ path: opts.path, baudRate: opts.baudRate, autoOpen: false });
      await new Promise<void>((resolve, reject) => p.open((err) => (err ? reject(serialError(err, opts.path)) : resolve())));
      port = p;
      p.on('data', (chunk: Buffer) => events.data(new Uint8Array(chunk)));
      p.on('error', () => undefined); // an IO error is followed by 'close', which reports it
      p.on('close', (err?: Error) => {
        if (port !== p) return;
        port = null;
        events.closed(err ? new ScaleError('SCALE_DISCONNECTED', `the scale on ${opts.path} was disconnected`, err) : undefined);
      });
    },
    async write(bytes) {
      const p = port;
      if (!p) throw new ScaleError('SCALE_DISCONNECTED', 'the scale is not connected');
      await new Promise<void>((resolve, reject) => p.write(Buffer.from(bytes), (err) => (err ? reject(serialError(err, opts.path)) : resolve())));
    },
    async close() {
      const p = port;
      port = null;
      if (p?.isOpen) await new Promise<void>((resolve) => p.close(() => resolve()));
    },
  };
}

export interface SerialPortInfo {
  path: string;
  label: string;
}

/** The machine's serial ports for the settings screen; an empty list when the driver is missing. */
export async function listSerialPorts(): Promise<SerialPortInfo[]> {
  try {
    const { SerialPort } = await loadSerial();
    const ports = await SerialPort.list();
    return ports.map((p) => ({ path: p.path, label: [p.path, p.manufacturer, p.serialNumber].filter(Boolean).join(' · ') }));
  } catch {
    return [];
  }
}
