import { CommandError } from '../../api/errors.js';
import { isJobError } from '../../sync/job-error.js';

/** A connector failure met inside a command (quote, test, address download) as the command's error. */
export function asCommandError(error: unknown): unknown {
  if (!isJobError(error)) return error;
  const code = error.kind === 'offline' ? 'OFFLINE' : error.kind === 'auth' ? 'CARRIER_AUTH' : error.kind === 'permanent' ? 'CARRIER_REJECTED' : 'CARRIER_UNAVAILABLE';
  return new CommandError(code, error.message, { providerCode: error.code, hint: error.hint });
}

export async function carrierCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw asCommandError(error);
  }
}
