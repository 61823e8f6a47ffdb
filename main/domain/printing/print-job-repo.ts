import { fail } from '../../api/errors.js';
import type { Store } from '../../store/store.js';
import { printDocument, type PrintDocument, type PrintPurpose } from './print-documents.js';
import { nextStatus, type PrintJobEvent, type PrintJobStatus, type PrintMessageCode } from './print-job-rules.js';

export interface PrintJobRow {
  id: number; station: string; purpose: PrintPurpose; document_json: string; order_id: number | null; copies: number; profile_id: number | null;
  status: PrintJobStatus; attempts: number; run_after: number; message_code: PrintMessageCode | null; message_detail: string | null;
  reprint_of: number | null; created_at: number; updated_at: number; printed_at: number | null;
}

export interface PrintJobView {
  id: number;
  station: string;
  purpose: PrintPurpose;
  document: PrintDocument;
  orderId: number | null;
  orderNumber: string | null;
  copies: number;
  profileId: number | null;
  profileName: string | null;
  status: PrintJobStatus;
  attempts: number;
  messageCode: PrintMessageCode | null;
  messageDetail: string | null;
  createdAt: number;
  updatedAt: number;
  printedAt: number | null;
}

export const readJobRow = (store: Store, id: number): PrintJobRow | undefined =>
  store.prepare('SELECT * FROM print_jobs WHERE id = ?').get(id) as PrintJobRow | undefined;

export function requireJob(store: Store, id: number): PrintJobRow {
  const row = readJobRow(store, id);
  if (!row) fail('NOT_FOUND', `Print job ${id} does not exist`, { entity: 'printJob', id });
  return row!;
}

/** This station's most recent jobs, newest first, with the order number and printer name to show. */
export function listJobs(store: Store, station: string, limit: number): PrintJobView[] {
  const rows = store.prepare(`SELECT j.*, o.number AS order_number, p.name AS profile_name FROM print_jobs j
      LEFT JOIN orders o ON o.id = j.order_id LEFT JOIN printer_profiles p ON p.id = j.profile_id
      WHERE j.station = ? ORDER BY j.id DESC LIMIT ?`).all(station, limit) as (PrintJobRow & { order_number: string | null; profile_name: string | null })[];
  return rows.map((r) => ({
    id: r.id, station: r.station, purpose: r.purpose, document: printDocument.parse(JSON.parse(r.document_json)), orderId: r.order_id,
    orderNumber: r.order_number, copies: r.copies, profileId: r.profile_id, profileName: r.profile_name, status: r.status, attempts: r.attempts,
    messageCode: r.message_code, messageDetail: r.message_detail, createdAt: r.created_at, updatedAt: r.updated_at, printedAt: r.printed_at,
  }));
}

export interface Move {
  event: PrintJobEvent;
  now: number;
  message?: { code: PrintMessageCode; detail?: string } | null;
  runAfter?: number;
  profileId?: number | null;
}

/**
 * Moves a job by the rules in print-job-rules.ts; returns false (and changes nothing) when the job is
 * not in a state the event applies to, which is how a cancel racing the worker loses cleanly.
 */
export function moveJob(store: Store, id: number, m: Move): boolean {
  const row = readJobRow(store, id);
  if (!row) return false;
  const to = nextStatus(row.status, m.event);
  if (!to) return false;
  const message = m.message === undefined ? (to === 'printed' || to === 'queued' ? null : { code: row.message_code, detail: row.message_detail }) : m.message;
  store.prepare(`UPDATE print_jobs SET status = ?, message_code = ?, message_detail = ?, run_after = ?, attempts = attempts + ?,
      profile_id = coalesce(?, profile_id), printed_at = ?, updated_at = ? WHERE id = ?`)
    .run(to, message?.code ?? null, message?.detail?.slice(0, 500) ?? null, m.runAfter ?? (to === 'queued' ? m.now : row.run_after),
      m.event === 'start' ? 1 : 0, m.profileId ?? null, to === 'printed' ? m.now : row.printed_at, m.now, id);
  return true;
}

/** Jobs a crash left 'printing' go back to the queue (a label may come out twice; none is lost). */
export function recoverPrinting(store: Store, now: number): number {
  return store.prepare("UPDATE print_jobs SET status = 'queued', run_after = ?, updated_at = ? WHERE status = 'printing'").run(now, now).changes;
}

export const pendingJobs = (store: Store): PrintJobRow[] =>
  store.prepare("SELECT * FROM print_jobs WHERE status IN ('queued', 'waiting') ORDER BY id").all() as PrintJobRow[];
