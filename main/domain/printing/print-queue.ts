import type { Store } from '../../store/store.js';
import { printDocument, type PrintDocument, type PrintPurpose } from './print-documents.js';

export interface PrintRequest {
  /** The station's name (stationNameOf(ctx)); its printer for `purpose` is chosen when the job runs. */
  station: string;
  purpose: PrintPurpose;
  document: PrintDocument;
  /** The order the document belongs to: a label for a cancelled order is refused, now and at print time. */
  orderId?: number;
  copies?: number;
}

/** Print workers in this process, woken so a job queued by a command starts without waiting for a poll. */
const wakers = new Set<() => void>();
export function onPrintEnqueued(fn: () => void): () => void {
  wakers.add(fn);
  return () => wakers.delete(fn);
}

/**
 * Queues a print job in the caller's transaction, so the job exists exactly when the domain change that
 * asked for it does (a label with its packed order). The worker prints it later, outside the transaction.
 */
export function enqueuePrint(store: Store, req: PrintRequest, now: number): { printJobId: number } {
  const document = printDocument.parse(req.document);
  const copies = Math.min(20, Math.max(1, Math.trunc(req.copies ?? 1)));
  const r = store
    .prepare(`INSERT INTO print_jobs (station, purpose, document_json, order_id, copies, status, run_after, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, 'queued', ?, ?, ?)`)
    .run(req.station, req.purpose, JSON.stringify(document), req.orderId ?? null, copies, now, now, now);
  // The worker reads committed rows only, so waking it early is harmless: it finds nothing new yet
  // or picks the job up right after the caller's transaction commits (setImmediate runs after it).
  setImmediate(() => {
    for (const w of wakers) w();
  });
  return { printJobId: Number(r.lastInsertRowid) };
}
