import { fail } from '../api/errors.js';
import type { Job, jobsContract } from '../api/jobs.js';
import type { CommandContext, HandlersFor } from '../core/context.js';
import type { Store } from '../store/store.js';
import type { JobRow } from './outbox.js';

type Row = JobRow & { account_name: string | null; subject_label: string | null };

const SELECT = `SELECT j.*, a.name AS account_name,
    CASE j.subject_type WHEN 'order' THEN (SELECT number FROM orders o WHERE o.id = j.subject_id)
      WHEN 'shipment' THEN (SELECT o.number FROM shipments s JOIN orders o ON o.id = s.order_id WHERE s.id = j.subject_id) END AS subject_label
  FROM jobs j LEFT JOIN connector_accounts a ON a.id = j.account_id`;

const toJob = (r: Row): Job => ({
  id: r.id, kind: r.kind, accountId: r.account_id, accountName: r.account_name, status: r.status, attempts: r.attempts,
  maxAttempts: r.max_attempts, runAfter: r.run_after,
  error: r.last_error_code ? { code: r.last_error_code, message: r.last_error_message ?? '', hint: r.last_error_hint ?? '' } : null,
  subject: r.subject_type && r.subject_id ? { type: r.subject_type, id: r.subject_id, label: r.subject_label } : null,
  createdAt: r.created_at, updatedAt: r.updated_at, finishedAt: r.finished_at,
});

export function getJob(store: Store, id: number): Job {
  const row = store.prepare(`${SELECT} WHERE j.id = ?`).get(id) as Row | undefined;
  return row ? toJob(row) : fail('NOT_FOUND', 'Job not found', { entity: 'job', id });
}

export function jobSummary(ctx: CommandContext) {
  const counts = Object.fromEntries(
    (ctx.store.prepare("SELECT status, count(*) AS n FROM jobs WHERE status IN ('queued', 'running', 'failed') GROUP BY status").all() as { status: string; n: number }[]).map((r) => [r.status, r.n]),
  );
  return { online: ctx.services.jobs.online, paused: ctx.services.jobs.paused, queued: counts.queued ?? 0, running: counts.running ?? 0, failed: counts.failed ?? 0 };
}

export const jobHandlers: HandlersFor<typeof jobsContract> = {
  'jobs.summary': (ctx) => jobSummary(ctx),
  'jobs.list': (ctx, { statuses, kind, limit, offset }) => {
    const where: string[] = [];
    const params: unknown[] = [];
    if (statuses.length) { where.push(`j.status IN (${statuses.map(() => '?').join(', ')})`); params.push(...statuses); }
    if (kind) { where.push('j.kind = ?'); params.push(kind); }
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const items = (ctx.store.prepare(`${SELECT} ${w} ORDER BY j.updated_at DESC, j.id DESC LIMIT ? OFFSET ?`).all(...params, limit, offset) as Row[]).map(toJob);
    const total = (ctx.store.prepare(`SELECT count(*) AS n FROM jobs j ${w}`).get(...params) as { n: number }).n;
    return { items, total };
  },
  'jobs.retry': (ctx, { id }) => {
    const job = getJob(ctx.store, id);
    if (job.status !== 'failed' && job.status !== 'queued') fail('CONFLICT', `A ${job.status} job cannot be retried`, { reason: 'job_status', status: job.status });
    ctx.store.prepare("UPDATE jobs SET status = 'queued', attempts = 0, run_after = ?, updated_at = ?, finished_at = NULL WHERE id = ?").run(ctx.now(), ctx.now(), id);
    ctx.emit('jobs.changed', { ids: [id] });
    return getJob(ctx.store, id);
  },
  'jobs.cancel': (ctx, { id }) => {
    const job = getJob(ctx.store, id);
    // A running job may already have reached the provider; only jobs not started can be withdrawn.
    if (job.status !== 'queued' && job.status !== 'failed') fail('CONFLICT', `A ${job.status} job cannot be cancelled`, { reason: 'job_status', status: job.status });
    ctx.store.prepare("UPDATE jobs SET status = 'cancelled', updated_at = ?, finished_at = ? WHERE id = ?").run(ctx.now(), ctx.now(), id);
    ctx.emit('jobs.changed', { ids: [id] });
    return getJob(ctx.store, id);
  },
  'jobs.pause': (ctx, { paused }) => {
    if (paused) ctx.services.jobs.pause();
    else ctx.services.jobs.resume();
    ctx.emit('jobs.changed', {});
    return jobSummary(ctx);
  },
};
