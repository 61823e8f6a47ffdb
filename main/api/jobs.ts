import { z } from 'zod';
import { command } from './contract.js';
import { empty, id, page } from './common.js';

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;

export const job = z.object({
  id,
  kind: z.string(),
  accountId: id.nullable(),
  accountName: z.string().nullable(),
  status: z.enum(JOB_STATUSES),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  runAfter: z.number(),
  error: z.object({ code: z.string(), message: z.string(), hint: z.string() }).nullable(),
  subject: z.object({ type: z.string(), id, label: z.string().nullable() }).nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
  finishedAt: z.number().nullable(),
});
export type Job = z.infer<typeof job>;

export const jobSummary = z.object({
  online: z.boolean(),
  paused: z.boolean(),
  queued: z.number().int(),
  running: z.number().int(),
  failed: z.number().int(),
});
export type JobSummary = z.infer<typeof jobSummary>;

export const jobsContract = {
  'jobs.summary': command({ role: 'packer', readonly: true, input: empty, output: jobSummary }),
  'jobs.list': command({
    role: 'packer',
    readonly: true,
    input: z.object({ statuses: z.array(z.enum(JOB_STATUSES)).default([]), kind: z.string().max(60).optional(), ...page }),
    output: z.object({ items: z.array(job), total: z.number().int() }),
  }),
  /** A failed or queued job runs again now, with its attempts reset. */
  'jobs.retry': command({ role: 'packer', input: z.object({ id }), output: job }),
  'jobs.cancel': command({ role: 'manager', input: z.object({ id }), output: job }),
  'jobs.pause': command({ role: 'manager', input: z.object({ paused: z.boolean() }), output: jobSummary }),
};
