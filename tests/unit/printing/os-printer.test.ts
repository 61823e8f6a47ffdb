import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { CoreRelay, type UtilityChild } from '../../../main/hosts/electron/core-relay.js';
import { createOsPrintClient, type OsPrintMessage } from '../../../main/domain/printing/os-print-client.js';
import { PrinterError } from '../../../main/devices/printers/print-transport.js';

// Electron cannot run here: BrowserWindow is replaced by a recorder, and what is checked is what the
// shell asks of it (a hidden sandboxed window, silent print to the named printer, page size in microns,
// no margins) and how the answer travels back to the core.
const e = vi.hoisted(() => {
  const state = {
    printers: [{ name: 'XP-470B' }] as { name: string }[],
    printOutcome: { success: true, reason: '' },
    windows: [] as { options: Record<string, unknown>; loaded: string | null; loadedBytes: Buffer | null; printed: Record<string, unknown> | null; destroyed: boolean }[],
  };
  class FakeWindow {
    record: (typeof state.windows)[number];
    constructor(options: Record<string, unknown>) {
      this.record = { options, loaded: null, loadedBytes: null, printed: null, destroyed: false };
      state.windows.push(this.record);
    }
    webContents = {
      getPrintersAsync: async () => state.printers,
      print: (opts: Record<string, unknown>, cb: (ok: boolean, reason: string) => void) => {
        this.record.printed = opts;
        cb(state.printOutcome.success, state.printOutcome.reason);
      },
    };
    async loadURL(url: string) {
      this.record.loaded = url;
      const { readFileSync: read } = await import('node:fs');
      const { fileURLToPath: toPath } = await import('node:url');
      this.record.loadedBytes = read(toPath(url));
    }
    isDestroyed() {
      return this.record.destroyed;
    }
    destroy() {
      this.record.destroyed = true;
    }
  }
  return { state, FakeWindow };
});
vi.mock('electron', () => ({ BrowserWindow: e.FakeWindow }));

const { answerOsPrint, pageSizeMicrons } = await import('../../../main/hosts/electron/os-printer.js');

const PDF = Buffer.from('%PDF-1.4\n% label\n');
const request = { printerName: 'XP-470B', pdf: new Uint8Array(PDF), widthMm: 100, heightMm: 150, copies: 2 };

describe('printing a PDF on an OS printer', () => {
  it('prints silently on the named printer in a hidden sandboxed window, page size in microns, no margins', async () => {
    const r = await answerOsPrint({ kind: 'os-print', id: 7, request });
    expect(r).toEqual({ kind: 'os-print-result', id: 7, ok: true });
    const w = e.state.windows.at(-1)!;
    expect(w.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });
    expect(w.loadedBytes).toEqual(PDF);
    expect(w.printed).toEqual({ silent: true, deviceName: 'XP-470B', pageSize: { width: 100_000, height: 150_000 }, margins: { marginType: 'none' }, copies: 2, printBackground: true });
    expect(w.destroyed).toBe(true);
    // The temporary PDF is gone once printed.
    expect(existsSync(fileURLToPath(w.loaded!))).toBe(false);
  });

  it('says the printer is missing before trying, and passes on the driver refusing the job', async () => {
    expect(await answerOsPrint({ kind: 'os-print', id: 8, request: { ...request, printerName: 'Không có' } }))
      .toMatchObject({ ok: false, code: 'PRINTER_UNREACHABLE', message: expect.stringContaining('Không có') });
    e.state.printOutcome = { success: false, reason: 'Print job failed' };
    expect(await answerOsPrint({ kind: 'os-print', id: 9, request })).toMatchObject({ ok: false, code: 'PRINTER_FAULT', message: expect.stringContaining('Print job failed') });
    e.state.printOutcome = { success: true, reason: '' };
    expect(e.state.windows.every((w) => w.destroyed)).toBe(true);
  });

  it('rounds millimetres to whole microns (80 mm roll, 52.5 mm tall)', () => {
    expect(pageSizeMicrons(80, 52.5)).toEqual({ width: 80_000, height: 52_500 });
  });
});

class FakeChild extends EventEmitter implements UtilityChild {
  readonly inbox: Record<string, unknown>[] = [];
  postMessage(message: unknown): void {
    this.inbox.push(message as Record<string, unknown>);
  }
  kill(): boolean {
    return true;
  }
}

describe('the core asking the shell to print', () => {
  it('travels core → relay → os printer → core, and a refusal becomes a PrinterError the queue waits on', async () => {
    const child = new FakeChild();
    const seen: OsPrintMessage[] = [];
    const relay = new CoreRelay({
      fork: () => child, init: { dataDir: '/data' }, onEvent: () => {}, log: () => {},
      onOsPrint: async (m) => {
        seen.push(m);
        return m.request.printerName === 'XP-470B' ? { kind: 'os-print-result', id: m.id, ok: true } : { kind: 'os-print-result', id: m.id, ok: false, code: 'PRINTER_UNREACHABLE', message: 'no printer' };
      },
    });
    relay.start();
    // The utility side: its client posts through the child's port; results come back in its inbox.
    const client = createOsPrintClient((m) => child.emit('message', m));
    const deliver = async () => {
      await new Promise((r) => setTimeout(r, 0));
      for (const m of child.inbox.splice(0)) if (m.kind === 'os-print-result') client.onResult(m as never);
    };
    const ok = client.osPrint(request);
    await deliver();
    await expect(ok).resolves.toBeUndefined();
    const refused = client.osPrint({ ...request, printerName: 'Máy khác' });
    await deliver();
    await expect(refused).rejects.toBeInstanceOf(PrinterError);
    await expect(refused).rejects.toMatchObject({ code: 'PRINTER_UNREACHABLE' });
    expect(seen.map((m) => m.request.printerName)).toEqual(['XP-470B', 'Máy khác']);
  });
});
