import { CommandError } from '../../api/errors.js';
import { withRequestGate } from '../../connectors/carriers/shared/request-gate.js';
import type { CommandContext } from '../../core/context.js';
import { isJobError } from '../../sync/job-error.js';
import { sharedLimiter } from '../../sync/rate-limiter.js';

/** A connector failure met inside a command (quote, test, address download) as the command's error. */
export function asCommandError(error: unknown): unknown {
  if (!isJobError(error)) return error;
  const code = error.kind === 'offline' ? 'OFFLINE' : error.kind === 'auth' ? 'CARRIER_AUTH' : error.kind === 'permanent' ? 'CARRIER_REJECTED' : 'CARRIER_UNAVAILABLE';
  return new CommandError(code, error.message, { providerCode: error.code, hint: error.hint });
}

/**
 * Runs a command's carrier calls under the account's per-minute limit, shared with the job runner:
 * every request waits for a slot, so jobs and commands together never exceed the account's quota.
 */
export function withAccountLimit<T>(ctx: Pick<CommandContext, 'store' | 'now'>, accountId: number, fn: () => Promise<T>): Promise<T> {
  const limiter = sharedLimiter(ctx.store);
  if (!limiter) return fn();
  return withRequestGate(() => limiter.acquire(accountId, ctx.now), fn);
}

/** A command's call to a carrier: rate-limited for the account, failures as command errors. */
export async function carrierCall<T>(ctx: Pick<CommandContext, 'store' | 'now'>, accountId: number, fn: () => Promise<T>): Promise<T> {
  try {
    return await withAccountLimit(ctx, accountId, fn);
  } catch (error) {
    throw asCommandError(error);
  }
}
