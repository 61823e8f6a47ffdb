// Writes each job to a path: a USB printer device (/dev/usb/lp0, \\.\COM3) or a plain file for
// capture and debugging.
import { writeFile } from 'node:fs/promises';
import { PrinterError, type PrintTransport } from './print-transport.js';

export function createFileTransport(path: string, opts: { append?: boolean } = {}): PrintTransport {
  return {
    async send(bytes: Uint8Array): Promise<void> {
      try {
        await writeFile(path, bytes, { flag: opts.append ? 'a' : 'w' });
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        if (err.code === 'ENOENT' || err.code === 'ENXIO' || err.code === 'ENODEV') {
          throw new PrinterError('PRINTER_UNREACHABLE', `printer off or unreachable: ${path} does not exist (is it plugged in and switched on?)`, err);
        }
        if (err.code === 'EACCES' || err.code === 'EPERM') {
          throw new PrinterError('PRINTER_ACCESS_DENIED', `no permission to write to ${path} (on Linux, add the user to the lp group)`, err);
        }
        if (err.code === 'EBUSY') throw new PrinterError('PRINTER_CONNECTION_LOST', `${path} is busy (another program is printing)`, err);
        throw new PrinterError('PRINTER_FAULT', `could not write to ${path}: ${err.message}`, err);
      }
    },
  };
}
