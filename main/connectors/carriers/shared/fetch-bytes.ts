import { JobError } from '../../../sync/job-error.js';
import { errorForStatus, type HttpResponse } from '../../http-client.js';
import { parseRetryAfter } from '../../../sync/backoff.js';

// The shared http-client reads every body as text, which corrupts a PDF. Label downloads need the bytes,
// so this GET keeps them and maps failures the same way the helper does (offline / timeout / dropped).
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT', 'ENETDOWN']);

export interface BytesResponse {
  status: number;
  contentType: string;
  body: Buffer;
}

export async function fetchBytes(url: string, provider: string, timeoutMs = 30_000): Promise<BytesResponse> {
  const host = new URL(url).host;
  let res: Response;
  let body: Buffer;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    body = Buffer.from(await res.arrayBuffer());
  } catch (error) {
    const code = (error as { cause?: { code?: string } })?.cause?.code ?? (error as { code?: string })?.code ?? '';
    const name = (error as Error)?.name;
    if (UNREACHABLE.has(code)) throw new JobError('offline', 'NETWORK_UNREACHABLE', `Cannot reach ${host} (${code})`, { hint: 'Check the internet connection; the job waits and runs when it is back.' });
    if (name === 'TimeoutError' || name === 'AbortError') throw new JobError('transient', 'TIMEOUT', `No answer from ${host} in time`, { hint: 'The label is fetched again on the next attempt.' });
    throw new JobError('transient', 'CONNECTION_DROPPED', `The connection to ${host} broke (${code || (error as Error)?.message})`, { hint: 'The label is fetched again on the next attempt.' });
  }
  const contentType = res.headers.get('content-type') ?? '';
  if (res.status >= 400) {
    const text = body.toString('utf8');
    // Reuse the helper's status meaning (429 / 5xx / 401 / 4xx) through a minimal response view.
    const view: HttpResponse = { status: res.status, headers: res.headers, text, json: () => JSON.parse(text), retryAfterMs: (now = Date.now()) => parseRetryAfter(res.headers.get('retry-after'), now) };
    throw errorForStatus(view, provider) ?? new JobError('permanent', 'PROVIDER_REJECTED', `${provider} answered HTTP ${res.status}`);
  }
  return { status: res.status, contentType, body };
}
