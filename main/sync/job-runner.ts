import type { Store } from '../store/store.js';
import { backoffMs } from './backoff.js';
import { JobError, isJobError } from './job-error.js';
import type { JobKind, JobRow } from './outbox.js';
import { RateLimiter, shareLimiter } from './rate-limiter.js';

export interface RunnerOptions {
  store: Store;
  kinds: JobKind<any, any>[];
  limits?: (accountId: number) => { perMinute: number; concurrency: number };
  now?: () => number;
  random?: () => number;
  pollMs?: number;
  /** Told after every change of job state, for the status bar and the jobs screen. */
  onChange?: (info: { jobId: number; status: JobRow['status']; subject?: { type: string; id: number } }) => void;
  onConnectivity?: (online: boolean) => void;
  log?: (message: string, error?: unknown) => void;
}

const OFFLINE_PROBE_MS = [2_000, 5_000, 10_000, 30_000];
const RAW_MAX_CHARS = 4000;

/** The provider's answer behind an error, as stored text: kept as given when text, as JSON otherwise. */
function rawText(raw: unknown): string | null {
  if (raw === undefined || raw === null) return null;
  let text: string;
  try {
    text = typeof raw === 'string' ? raw : raw instanceof Error ? (raw.stack ?? raw.message) : Buffer.isBuffer(raw) ? raw.toString('utf8') : JSON.stringify(raw);
  } catch {
    text = String(raw);
  }
  return text.slice(0, RAW_MAX_CHARS);
}
const GLOBAL_ACCOUNT = 0;

/**
 * Runs due jobs from the outbox with per-account rate limits and concurrency, retries with backoff and
 * jitter, honours Retry-After, waits out offline periods without spending attempts, and drains on stop.
 */
export class JobRunner {
  readonly limiter: RateLimiter;
  readonly #kinds: Map<string, JobKind<any, any>>;
  readonly #inflight = new Set<Promise<void>>();
  readonly #offline = new Map<number, { since: number; probes: number; probeAt: number }>();
  #timer: NodeJS.Timeout | null = null;
  #state: 'stopped' | 'running' | 'paused' | 'draining' = 'stopped';
  #online = true;

  constructor(private readonly o: RunnerOptions) {
    this.#kinds = new Map(o.kinds.map((k) => [k.kind, k]));
    this.limiter = new RateLimiter(o.limits ?? (() => ({ perMinute: 600, concurrency: 4 })));
    shareLimiter(o.store, this.limiter);
  }

  get online(): boolean {
    return this.#online;
  }

  get state() {
    return this.#state;
  }

  #now = () => (this.o.now ?? Date.now)();

  /** Jobs left `running` by a crash are queued again; their handlers look up before acting twice. */
  start(): void {
    const reset = this.o.store.prepare("UPDATE jobs SET status = 'queued', updated_at = ? WHERE status = 'running'").run(this.#now());
    if (reset.changes) this.o.log?.(`requeued ${reset.changes} jobs left running by the last stop`);
    this.#state = 'running';
    this.wake();
  }

  pause(): void {
    if (this.#state === 'running') this.#state = 'paused';
  }

  resume(): void {
    if (this.#state === 'paused') {
      this.#state = 'running';
      this.wake();
    }
  }

  /** Takes no new job and waits for the running ones to finish and commit. */
  async drain(): Promise<void> {
    this.#state = 'draining';
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    while (this.#inflight.size) await Promise.allSettled([...this.#inflight]);
    this.#state = 'stopped';
  }

  wake(delay = 0): void {
    if (this.#state !== 'running') return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.tick();
    }, delay);
    this.#timer.unref?.();
  }

  /** Starts every job that is due and allowed now; schedules the next look. */
  tick(): void {
    if (this.#state !== 'running') return;
    const now = this.#now();
    const due = this.o.store
      .prepare("SELECT * FROM jobs WHERE status = 'queued' AND run_after <= ? ORDER BY run_after, id LIMIT 200")
      .all(now) as JobRow[];
    let next = this.o.pollMs ?? 250;
    for (const job of due) {
      const account = job.account_id ?? GLOBAL_ACCOUNT;
      const offline = this.#offline.get(account);
      if (offline && offline.probeAt > now) {
        next = Math.min(next, offline.probeAt - now);
        continue;
      }
      const requests = this.#kinds.get(job.kind)?.requests?.(job) ?? 1;
      const wait = this.limiter.waitMs(account, now, requests);
      if (wait > 0) {
        next = Math.min(next, wait);
        continue;
      }
      const claimed = this.o.store.prepare("UPDATE jobs SET status = 'running', runs = runs + 1, updated_at = ? WHERE id = ? AND status = 'queued'").run(now, job.id);
      if (!claimed.changes) continue;
      if (offline) offline.probeAt = Number.POSITIVE_INFINITY; // one probe at a time while offline
      this.limiter.start(account, now, requests);
      const p = this.#execute({ ...job, status: 'running', runs: job.runs + 1 }).finally(() => {
        this.limiter.finish(account);
        this.#inflight.delete(p);
        this.wake();
      });
      this.#inflight.add(p);
    }
    this.wake(Math.max(10, next));
  }

  async #execute(job: JobRow): Promise<void> {
    const kind = this.#kinds.get(job.kind);
    if (!kind) return this.#fail(job, undefined, new JobError('permanent', 'JOB_KIND_UNKNOWN', `No handler for jobs of kind ${job.kind}`));
    let payload: unknown;
    try {
      payload = kind.payload.parse(JSON.parse(job.payload_json));
    } catch (error) {
      return this.#fail(job, undefined, new JobError('permanent', 'PAYLOAD_INVALID', `The stored job is unreadable: ${(error as Error).message}`));
    }
    let result: unknown;
    try {
      result = await kind.run({ store: this.o.store, now: this.#now, job }, payload);
    } catch (error) {
      const e = isJobError(error) ? error : new JobError('transient', 'INTERNAL', (error as Error)?.message ?? String(error), { raw: error });
      if (!isJobError(error)) this.o.log?.(`job ${job.id} (${job.kind}) threw`, error);
      return this.#retryOrFail(job, kind, payload, e);
    }
    const now = this.#now();
    try {
      this.o.store.tx(() => {
        kind.applyResult?.(this.o.store, payload, result, job, now);
        this.o.store
          .prepare("UPDATE jobs SET status = 'done', attempts = attempts + 1, result_json = ?, last_error_code = NULL, last_error_message = NULL, last_error_hint = NULL, last_error_raw = NULL, updated_at = ?, finished_at = ? WHERE id = ?")
          .run(JSON.stringify(result ?? null), now, now, job.id);
      });
    } catch (error) {
      // The provider acted but we could not record it: keep the job, the retry looks it up by its key.
      this.o.log?.(`job ${job.id} could not record its result`, error);
      return this.#retryOrFail(job, kind, payload, new JobError('transient', 'APPLY_FAILED', (error as Error).message));
    }
    this.#markOnline(job.account_id ?? GLOBAL_ACCOUNT);
    this.#changed(job, 'done');
  }

  #retryOrFail(job: JobRow, kind: JobKind<any, any>, payload: unknown, e: JobError): void {
    const now = this.#now();
    const account = job.account_id ?? GLOBAL_ACCOUNT;
    const outage = this.#offline.get(account);
    if (e.kind === 'offline') {
      const state = outage ?? { since: now, probes: 0, probeAt: 0 };
      state.probeAt = now + OFFLINE_PROBE_MS[Math.min(state.probes, OFFLINE_PROBE_MS.length - 1)];
      state.probes += 1;
      this.#offline.set(account, state);
      this.#setOnline(false);
      return this.#waitForConnection(job, e, state.probeAt, now);
    }
    // Requests already out when their account went offline come back dropped or timed out: the same
    // outage. They wait for the connection with the rest and spend no attempt (the retry still looks the
    // result up first). Not while a probe is out: its failure must reschedule the probes.
    if (e.transport && outage && Number.isFinite(outage.probeAt)) return this.#waitForConnection(job, e, outage.probeAt, now);
    this.#markOnline(account);
    const attempts = job.attempts + 1;
    if (!e.retryable || attempts >= job.max_attempts) return this.#fail({ ...job, attempts }, { kind, payload }, e);
    const delay = e.retryAfterMs ?? backoffMs(attempts, this.o.random);
    this.o.store
      .prepare("UPDATE jobs SET status = 'queued', attempts = ?, run_after = ?, last_error_code = ?, last_error_message = ?, last_error_hint = ?, last_error_raw = ?, updated_at = ? WHERE id = ?")
      .run(attempts, now + delay, e.code, e.message, e.hint, rawText(e.raw), now, job.id);
    this.#changed(job, 'queued');
  }

  #waitForConnection(job: JobRow, e: JobError, runAfter: number, now: number): void {
    this.o.store
      .prepare("UPDATE jobs SET status = 'queued', run_after = ?, last_error_code = ?, last_error_message = ?, last_error_hint = ?, last_error_raw = ?, updated_at = ? WHERE id = ?")
      .run(runAfter, e.code, e.message, e.hint, rawText(e.raw), now, job.id);
    this.#changed(job, 'queued');
  }

  #fail(job: JobRow, k: { kind: JobKind<any, any>; payload: unknown } | undefined, e: JobError): void {
    const now = this.#now();
    this.o.store.tx(() => {
      if (k) k.kind.applyFailure?.(this.o.store, k.payload, e, job, now);
      this.o.store
        .prepare("UPDATE jobs SET status = 'failed', attempts = ?, last_error_code = ?, last_error_message = ?, last_error_hint = ?, last_error_raw = ?, updated_at = ?, finished_at = ? WHERE id = ?")
        .run(Math.max(job.attempts, 1), e.code, e.message, e.hint, rawText(e.raw), now, now, job.id);
    });
    this.#changed(job, 'failed');
  }

  #markOnline(account: number): void {
    if (this.#offline.delete(account) && this.#offline.size === 0) this.#setOnline(true);
  }

  #setOnline(online: boolean): void {
    if (this.#online === online) return;
    this.#online = online;
    this.o.onConnectivity?.(online);
  }

  #changed(job: JobRow, status: JobRow['status']): void {
    this.o.onChange?.({ jobId: job.id, status, ...(job.subject_type && job.subject_id ? { subject: { type: job.subject_type, id: job.subject_id } } : {}) });
  }
}
