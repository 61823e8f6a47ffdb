import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow } from 'electron';
import type { OsPrintMessage, OsPrintResult } from '../../domain/printing/os-print-client.js';

// Prints a PDF on a printer installed in the operating system, from the main process (the only one
// that can). Known pitfalls (specs/hardware.md §3.3): silent prints ignore a pageSize given by name
// and fall back to the driver's default paper, so the size always goes in microns; margins are
// 'none' so the label is not shrunk to fit the driver's margins.

export type OsPrintRequest = OsPrintMessage['request'];

/** Electron's page size for a label in millimetres: whole microns. */
export const pageSizeMicrons = (widthMm: number, heightMm: number) => ({ width: Math.round(widthMm * 1000), height: Math.round(heightMm * 1000) });

export async function printPdf(req: OsPrintRequest): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'packdesk-print-'));
  const file = join(dir, 'label.pdf');
  await writeFile(file, req.pdf);
  // A hidden window of its own: the app window's page is never what gets printed.
  const win = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true, javascript: false },
  });
  try {
    const printers = await win.webContents.getPrintersAsync();
    if (!printers.some((p) => p.name === req.printerName)) {
      throw Object.assign(new Error(`no printer named "${req.printerName}" is installed`), { code: 'PRINTER_UNREACHABLE' });
    }
    await win.loadURL(pathToFileURL(file).href);
    await new Promise<void>((resolve, reject) => {
      win.webContents.print(
        { silent: true, deviceName: req.printerName, pageSize: pageSizeMicrons(req.widthMm, req.heightMm), margins: { marginType: 'none' }, copies: Math.max(1, req.copies), printBackground: true },
        (success, failureReason) => (success ? resolve() : reject(Object.assign(new Error(`the printer refused the job: ${failureReason}`), { code: 'PRINTER_FAULT' }))),
      );
    });
  } finally {
    if (!win.isDestroyed()) win.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Answers one request from the core with its outcome. */
export async function answerOsPrint(m: OsPrintMessage, print: (r: OsPrintRequest) => Promise<void> = printPdf): Promise<OsPrintResult> {
  try {
    await print(m.request);
    return { kind: 'os-print-result', id: m.id, ok: true };
  } catch (err) {
    const e = err as Error & { code?: string };
    const code = e.code === 'PRINTER_UNREACHABLE' ? 'PRINTER_UNREACHABLE' : 'PRINTER_FAULT';
    return { kind: 'os-print-result', id: m.id, ok: false, code, message: e.message };
  }
}
