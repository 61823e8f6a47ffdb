import type { z } from 'zod';
import type { Store } from '../store/store.js';
import type { JobError } from './job-error.js';

export interface JobRow {
  id: number; kind: string; account_id: number | null; idempotency_key: string; coalesce_key: string | null;
  payload_json: string; status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled'; attempts: number; runs: number; max_attempts: number;
  run_after: number; last_error_code: string | null; last_error_message: string | null; last_error_hint: string | null; last_error_raw: string | null;
  result_json: string | null; subject_type: string | null; subject_id: number | null; created_at: number; updated_at: number;
  finished_at: number | null;
}

export interface EnqueueInput {
  kind: string;
  accountId?: number | null;
  /** Stable across retries and restarts; a second enqueue with the same key returns the first job. */
  key: string;
  payload: unknown;
  coalesceKey?: string;
  subject?: { type: string; id: number };
  runAfter?: number;
  maxAttempts?: number;
}

/**
 * Inserts a job in the caller's transaction, so it exists exactly when the domain change does. A job
 * with the same idempotency key is returned as it is; a queued job with the same coalesce key takes
 * the newer payload instead of adding a second push.
 */
export function enqueue(store: Store, job: EnqueueInput, now: number): number {
  const existing = store.prepare('SELECT id FROM jobs WHERE idempotency_key = ?').get(job.key) as { id: number } | undefined;
  if (existing) return existing.id;
  if (job.coalesceKey) {
    const queued = store.prepare("SELECT id FROM jobs WHERE coalesce_key = ? AND status = 'queued'").get(job.coalesceKey) as { id: number } | undefined;
    if (queued) {
      store.prepare('UPDATE jobs SET payload_json = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(job.payload), now, queued.id);
      return queued.id;
    }
  }
  const r = store
    .prepare(`INSERT INTO jobs (kind, account_id, idempotency_key, coalesce_key, payload_json, status, attempts, max_attempts, run_after,
      subject_type, subject_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'queued', 0, ?, ?, ?, ?, ?, ?)`)
    .run(job.kind, job.accountId ?? null, job.key, job.coalesceKey ?? null, JSON.stringify(job.payload), job.maxAttempts ?? 12,
      job.runAfter ?? now, job.subject?.type ?? null, job.subject?.id ?? null, now, now);
  return Number(r.lastInsertRowid);
}

export const readJob = (store: Store, id: number): JobRow | undefined =>
  store.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined;

export interface JobContext {
  store: Store;
  now(): number;
  job: JobRow;
}

/**
 * One kind of job. `run` talks to the outside world and must not write to the store; what it returns is
 * applied by `applyResult` in the same transaction that marks the job done, so a crash between the
 * provider's answer and our commit leaves the job queued and the retry finds the result by its key.
 */
export interface JobKind<P = unknown, R = unknown> {
  kind: string;
  payload: z.ZodType<P>;
  run(ctx: JobContext, payload: P): Promise<R>;
  /**
   * At most how many provider requests one run makes (default 1): the account's rate limit counts each,
   * so a run that looks up before acting again does not push the account over its quota.
   */
  requests?(job: JobRow): number;
  applyResult?(store: Store, payload: P, result: R, job: JobRow, now: number): void;
  applyFailure?(store: Store, payload: P, error: JobError, job: JobRow, now: number): void;
}

export const defineJobKind = <P, R>(k: JobKind<P, R>): JobKind<P, R> => k;
