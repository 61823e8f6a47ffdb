import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core, type Session } from '../../../main/core/core.js';
import { call } from '../../fixtures/core.js';
import { readPngBarcodes } from '../../fixtures/labels/read-barcodes.js';
import { RISKY_BARCODE } from '../../../main/devices/label/layouts/test-label.js';
import { tempDir } from '../../fixtures/temp-dir.js';
import { waitFor } from '../../fixtures/shipping.js';

// The demo shop prints to virtual printers on loopback: its station has a TSPL label printer and an
// ESC/POS slip printer, and what they receive is listed, newest first, as images.

describe('the demo shop printers', () => {
  const dir = tempDir();
  let core: Core;
  let s: Session;
  beforeAll(async () => {
    core = await startCore({ dataDir: dir.path, autoBackup: false, log: () => {}, trackEveryMs: 0 });
    s = core.openSession();
    const { operators } = await call(s, 'session.startDemo', {});
    const admin = operators.find((o) => o.role === 'admin')!;
    await call(s, 'session.signIn', { operatorId: admin.id, pin: admin.pin });
  });
  afterAll(async () => {
    await core.close();
    dir.remove();
  });

  it('gives the demo station a TSPL 100×150 label printer and an ESC/POS 80 mm slip printer on loopback', async () => {
    const printers = await waitFor('the demo printers', async () => {
      const list = await call(s, 'printers.list', {});
      return list.length >= 2 ? list : undefined;
    });
    expect(printers.map((p) => [p.language, p.media, p.dpi, p.purposes[0], p.transport.kind === 'tcp' && p.transport.host])).toEqual([
      ['tspl', '100x150', 203, 'label', '127.0.0.1'],
      ['escpos', '80mm', 203, 'slip', '127.0.0.1'],
    ]);
    expect(await call(s, 'printers.status', { id: printers[0].id })).toMatchObject({ state: 'ready' });
  });

  it('shows a test print on the virtual printer screen, newest first, with its calibration barcode readable', async () => {
    const [label, slip] = await call(s, 'printers.list', {});
    await call(s, 'printers.test', { id: slip.id });
    await waitFor('the slip test', async () => (await call(s, 'printers.virtualRecent', {})).length >= 1 || undefined);
    await call(s, 'printers.test', { id: label.id });
    const recent = await waitFor('the label test', async () => {
      const list = await call(s, 'printers.virtualRecent', {});
      return list.length >= 2 ? list : undefined;
    });
    expect(recent.map((l) => [l.printer, l.language])).toEqual([['label', 'tspl'], ['slip', 'escpos']]);
    expect([recent[0].widthDots, recent[0].heightDots]).toEqual([800, 1200]);
    const codes = (await readPngBarcodes(Buffer.from(recent[0].pngBase64, 'base64'))).map((b) => b.text);
    expect(codes).toContain(RISKY_BARCODE);
  });
});
