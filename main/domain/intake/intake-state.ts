import type { Store } from '../../store/store.js';

// The per-account intake row: settings (poll interval, warehouse), the cursor, and the figures the
// sync status panel shows. Read and written with prepared statements inside the callers' transactions.

export interface IntakeRow {
  account_id: number;
  poll_every_ms: number;
  warehouse_id: number | null;
  watermark: number | null;
  window_from: number | null;
  window_to: number | null;
  page_cursor: string | null;
  last_success_at: number | null;
  last_attempt_at: number | null;
  last_error_at: number | null;
  last_error_code: string | null;
  last_error: string | null;
  pulled_day: string;
  pulled_today: number;
  updated_at: number;
}

export const DEFAULT_POLL_MS = 60_000;

/** The account's intake row, created on first use (warehouse: the first active main warehouse). */
export function intakeRow(store: Store, accountId: number, now: number): IntakeRow {
  const read = () => store.prepare('SELECT * FROM intake_accounts WHERE account_id = ?').get(accountId) as IntakeRow | undefined;
  const row = read();
  if (row) return row;
  const warehouse = store.sqlite.prepare("SELECT id FROM warehouses WHERE active = 1 ORDER BY type = 'main' DESC, id LIMIT 1").pluck().get() as number | undefined;
  store.prepare('INSERT INTO intake_accounts (account_id, warehouse_id, updated_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(accountId, warehouse ?? null, now);
  return read()!;
}

/** Day key in Asia/Ho_Chi_Minh (UTC+7), for "orders pulled today". */
export const vnDay = (ms: number): string => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);

export interface CursorAdvance {
  /** Still inside the window: the next page's cursor. */
  nextCursor?: string;
  /** The window was walked to its end: the new watermark. */
  watermark?: number;
  window: { timeFrom: number; timeTo: number };
  created: number;
}

/** Moves the cursor; runs in the same transaction as the page it follows (DESIGN.md rule 5). */
export function advanceCursor(store: Store, accountId: number, a: CursorAdvance, now: number): void {
  const day = vnDay(now);
  if (a.watermark !== undefined) {
    store.prepare(`UPDATE intake_accounts SET watermark = ?, window_from = NULL, window_to = NULL, page_cursor = NULL,
        pulled_today = CASE WHEN pulled_day = ? THEN pulled_today + ? ELSE ? END, pulled_day = ?, updated_at = ? WHERE account_id = ?`)
      .run(a.watermark, day, a.created, a.created, day, now, accountId);
  } else {
    store.prepare(`UPDATE intake_accounts SET window_from = ?, window_to = ?, page_cursor = ?,
        pulled_today = CASE WHEN pulled_day = ? THEN pulled_today + ? ELSE ? END, pulled_day = ?, updated_at = ? WHERE account_id = ?`)
      .run(a.window.timeFrom, a.window.timeTo, a.nextCursor ?? '', day, a.created, a.created, day, now, accountId);
  }
}

/** How many sync errors an account keeps (newest). */
export const KEEP_ERRORS = 500;

export function recordError(store: Store, accountId: number, e: { code: string; message: string; externalId?: string | null; raw?: unknown }, now: number): void {
  const raw = e.raw === undefined ? '' : typeof e.raw === 'string' ? e.raw : JSON.stringify(e.raw);
  store.prepare('INSERT INTO intake_errors (account_id, at, code, message, external_id, raw) VALUES (?, ?, ?, ?, ?, ?)')
    .run(accountId, now, e.code.slice(0, 80), e.message.slice(0, 1000), e.externalId ?? null, raw.slice(0, 16_000));
  store.prepare(`DELETE FROM intake_errors WHERE account_id = ? AND id <= (SELECT id FROM intake_errors WHERE account_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)`)
    .run(accountId, accountId, KEEP_ERRORS);
}

export function markAttempt(store: Store, accountId: number, outcome: { ok: true } | { ok: false; code: string; message: string }, now: number): void {
  if (outcome.ok) {
    store.prepare('UPDATE intake_accounts SET last_attempt_at = ?, last_success_at = ?, last_error_code = NULL, last_error = NULL, updated_at = ? WHERE account_id = ?')
      .run(now, now, now, accountId);
  } else {
    store.prepare('UPDATE intake_accounts SET last_attempt_at = ?, last_error_at = ?, last_error_code = ?, last_error = ?, updated_at = ? WHERE account_id = ?')
      .run(now, now, outcome.code.slice(0, 80), outcome.message.slice(0, 1000), now, accountId);
  }
}
