import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../main/core/core.js';
import { enqueuePrint } from '../../../main/domain/printing/print-queue.js';
import { getSetting } from '../../../main/domain/shared/settings.js';
import { openSqlite } from '../../../main/store/open-database.js';
import { call } from '../../fixtures/core.js';
import { tempDir } from '../../fixtures/temp-dir.js';
import { addPrinter, labelsArrived, makePrintingCore, virtualPrinter, waitForJob } from './printing-world.js';

// Print jobs live in the store with the change that asked for them: a rolled-back transaction leaves
// none, a committed one survives the core stopping, and a job a crash left half-sent prints again.

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

describe('print jobs across a restart', () => {
  it('exist exactly when their transaction commits, survive a stop, and print when the printer comes up', async () => {
    const dir = tempDir('packdesk-print-restart-');
    const port = await freePort(); // nothing listens: the printer is off
    let t = await makePrintingCore(dir.path);
    let kept: number;
    try {
      await addPrinter(t.admin, { port });
      const station = getSetting(t.core.store, 'station');
      expect(() => t.core.store.tx(() => {
        enqueuePrint(t.core.store, { station, purpose: 'label', document: { kind: 'test' } }, Date.now());
        throw new Error('the packing command failed after queueing its label');
      })).toThrow(/packing command failed/);
      kept = t.core.store.tx(() => enqueuePrint(t.core.store, { station, purpose: 'label', document: { kind: 'test' }, copies: 2 }, Date.now())).printJobId;
      const queue = await call(t.admin, 'print.queue', {});
      expect(queue.map((j) => j.id)).toEqual([kept]);
      expect((await waitForJob(t.admin, kept, (j) => j.status === 'waiting')).messageCode).toBe('PRINTER_UNREACHABLE');
    } finally {
      await t.close();
    }

    // A crash in the middle of sending leaves the row 'printing'.
    const db = openSqlite(join(dir.path, DATABASE_FILE));
    db.prepare("UPDATE print_jobs SET status = 'printing' WHERE id = ?").run(kept!);
    db.close();

    const printer = await virtualPrinter(port);
    t = await makePrintingCore(dir.path);
    try {
      await waitForJob(t.admin, kept!, (j) => j.status === 'printed', 'printed');
      expect(await labelsArrived(printer, 2)).toHaveLength(2); // two copies
    } finally {
      await t.close();
      await printer.close();
      dir.remove();
    }
  });
});
