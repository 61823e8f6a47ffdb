/**
 * How a job attempt failed, which decides what the runner does next:
 * - `offline`: the provider could not be reached; the account waits for connectivity, no attempt is spent;
 * - `transient`: 5xx, timeouts, dropped connections; retried with backoff (the outcome may be unknown,
 *   so handlers look up by idempotency key before acting again);
 * - `rate_limited`: 429 or the provider's own code; retried after Retry-After;
 * - `auth`: credentials refused; stops and surfaces ("reconnect", "check token");
 * - `permanent`: the provider rejected the request (validation); stops and surfaces.
 */
export type JobErrorKind = 'offline' | 'transient' | 'rate_limited' | 'auth' | 'permanent';

export class JobError extends Error {
  readonly kind: JobErrorKind;
  readonly code: string;
  readonly hint: string;
  readonly retryAfterMs?: number;
  readonly raw?: unknown;
  /** No HTTP answer at all (the connection dropped or timed out): the network failed, not the provider. */
  readonly transport: boolean;

  constructor(kind: JobErrorKind, code: string, message: string, opts: { hint?: string; retryAfterMs?: number; raw?: unknown; transport?: boolean } = {}) {
    super(message);
    this.name = 'JobError';
    this.kind = kind;
    this.code = code;
    this.hint = opts.hint ?? '';
    this.retryAfterMs = opts.retryAfterMs;
    this.raw = opts.raw;
    this.transport = opts.transport ?? false;
  }

  get retryable(): boolean {
    return this.kind === 'offline' || this.kind === 'transient' || this.kind === 'rate_limited';
  }
}

export const isJobError = (e: unknown): e is JobError => e instanceof JobError;
