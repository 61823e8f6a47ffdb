import { JobError } from '../../../sync/job-error.js';
import { errorForStatus, networkError, type HttpResponse } from '../../http-client.js';
import { parseRetryAfter } from '../../../sync/backoff.js';

// The shared http-client reads every body as text, which corrupts a PDF. Label downloads need the bytes,
// so this GET keeps them and maps failures the same way the helper does (offline / timeout / dropped).

export interface BytesResponse {
  status: number;
  contentType: string;
  body: Buffer;
}

export async function fetchBytes(url: string, provider: string, timeoutMs = 30_000): Promise<BytesResponse> {
  let res: Response;
  let body: Buffer;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    body = Buffer.from(await res.arrayBuffer());
  } catch (error) {
    throw networkError(error, url, 'The label is fetched again on the next attempt.');
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
