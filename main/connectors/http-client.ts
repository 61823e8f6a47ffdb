import { JobError } from '../sync/job-error.js';
import { parseRetryAfter } from '../sync/backoff.js';
import { parseJsonLossless } from './lossless-json.js';

export interface HttpRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  /** Serialised as JSON with the right content type. */
  json?: unknown;
  body?: string;
  timeoutMs?: number;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  text: string;
  /** Lossless: integers above 2^53 come back as strings. Throws a `transient` JobError on bad JSON. */
  json<T = unknown>(): T;
  retryAfterMs(now?: number): number | undefined;
}

// Codes meaning the request never reached the provider: the account is offline, no attempt is spent.
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT', 'ENETDOWN']);

/** A fetch that got no HTTP answer, by what it means for the job: offline, or an unknown outcome. */
export function networkError(error: unknown, url: string, retryHint = 'The provider may have acted; the retry checks before acting again.'): JobError {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const code = cause?.code ?? (error as { code?: string })?.code ?? '';
  const name = (error as Error)?.name;
  if (UNREACHABLE.has(code)) {
    return new JobError('offline', 'NETWORK_UNREACHABLE', `Cannot reach ${new URL(url).host} (${code})`, { hint: 'Check the internet connection; the job waits and runs when it is back.', transport: true });
  }
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new JobError('transient', 'TIMEOUT', `No answer from ${new URL(url).host} in time`, { hint: retryHint, transport: true });
  }
  return new JobError('transient', 'CONNECTION_DROPPED', `The connection to ${new URL(url).host} broke (${code || (error as Error)?.message})`, { hint: retryHint, transport: true });
}

export async function httpRequest(req: HttpRequest): Promise<HttpResponse> {
  const headers: Record<string, string> = { Accept: 'application/json', ...req.headers };
  let body = req.body;
  if (req.json !== undefined) {
    body = JSON.stringify(req.json);
    headers['Content-Type'] ??= 'application/json';
  }
  let res: Response;
  let text: string;
  try {
    res = await fetch(req.url, { method: req.method ?? (body === undefined ? 'GET' : 'POST'), headers, body, signal: AbortSignal.timeout(req.timeoutMs ?? 20_000) });
    text = await res.text();
  } catch (error) {
    throw networkError(error, req.url);
  }
  return {
    status: res.status,
    headers: res.headers,
    text,
    json<T>() {
      try {
        return parseJsonLossless<T>(text);
      } catch {
        throw new JobError('transient', 'RESPONSE_MALFORMED', `The answer from ${new URL(req.url).host} is not JSON (HTTP ${res.status})`, {
          hint: 'The provider may be in maintenance; the job retries later.',
          raw: text.slice(0, 2000),
        });
      }
    },
    retryAfterMs: (now = Date.now()) => parseRetryAfter(res.headers.get('retry-after'), now),
  };
}

/**
 * Did the provider mean to send JSON? A body that starts like JSON but does not parse was cut or garbled
 * on the way: what the provider said is unknown, so it must not be read as the refusal its 4xx status
 * suggests (a cut "order not found" would end a booking that may well exist). Other text (an HTML error
 * page from a proxy, a wrong custom URL) keeps its HTTP meaning.
 */
export const looksLikeJson = (text: string): boolean => /^\s*[{[]/.test(text);

/** The generic meaning of an HTTP status, for providers that use statuses honestly. */
export function errorForStatus(res: HttpResponse, provider: string, message?: string): JobError | null {
  const detail = message ?? res.text.slice(0, 300);
  if (res.status === 429) return new JobError('rate_limited', 'RATE_LIMITED', `${provider} asks to slow down`, { retryAfterMs: res.retryAfterMs() ?? 30_000, raw: res.text.slice(0, 2000) });
  if (res.status >= 500) return new JobError('transient', 'PROVIDER_UNAVAILABLE', `${provider} answered HTTP ${res.status}: ${detail}`, { retryAfterMs: res.retryAfterMs(), raw: res.text.slice(0, 2000) });
  if (res.status === 401 || res.status === 403) return new JobError('auth', 'AUTH_REFUSED', `${provider} refused the credentials: ${detail}`, { hint: 'Check the account token in Settings → Connections.', raw: res.text.slice(0, 2000) });
  if (res.status >= 400) return new JobError('permanent', 'PROVIDER_REJECTED', `${provider} rejected the request: ${detail}`, { raw: res.text.slice(0, 2000) });
  return null;
}
