import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// Spec §1.2 step 2: after approval the browser goes to `redirect?code=...&shop_id=...` (or
// `&main_account_id=...`). A desktop app has no public URL: a one-shot loopback listener catches it, and
// pasting the URL the browser ended on is the fallback.

export interface RedirectParams {
  code: string;
  shopId: string;
  mainAccountId: string;
  /** Our own value, added to the redirect we gave Shopee; '' when the URL has none. */
  state: string;
}

export type RedirectIssue = 'empty' | 'not_url' | 'no_code' | 'no_shop' | 'bad_shop_id';

/**
 * Reads code + shop from a redirected URL or its query string. Tolerates pasting with spaces, and a
 * redirect that already had a query (`?state=x?code=...`): every `key=value` after the first `?` counts.
 */
export function parseRedirectedUrl(input: string): { ok: true; params: RedirectParams } | { ok: false; issue: RedirectIssue } {
  const text = (input ?? '').trim();
  if (!text) return { ok: false, issue: 'empty' };
  const q = text.indexOf('?');
  let query: string;
  if (q >= 0) {
    const before = text.slice(0, q);
    if (before && !/^[a-z][a-z0-9+.-]*:\/\/[^\s/]+/i.test(before) && !before.startsWith('/')) return { ok: false, issue: 'not_url' };
    query = text.slice(q + 1);
  } else if (/(^|&)code=/.test(text)) {
    query = text;
  } else {
    return { ok: false, issue: /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(text) ? 'no_code' : 'not_url' };
  }
  const values = new Map<string, string>();
  for (const part of query.split('#')[0]!.split(/[?&]/)) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const key = safeDecode(part.slice(0, eq));
    if (!values.has(key)) values.set(key, safeDecode(part.slice(eq + 1)).trim());
  }
  const code = values.get('code') ?? '';
  if (!code) return { ok: false, issue: 'no_code' };
  const shopId = values.get('shop_id') ?? '';
  const mainAccountId = values.get('main_account_id') ?? '';
  if (!shopId && !mainAccountId) return { ok: false, issue: 'no_shop' };
  if ((shopId && !/^\d{1,10}$/.test(shopId)) || (mainAccountId && !/^\d{1,10}$/.test(mainAccountId))) return { ok: false, issue: 'bad_shop_id' };
  return { ok: true, params: { code, shopId, mainAccountId, state: values.get('state') ?? '' } };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

export const CALLBACK_PATH = '/shopee/callback';

export interface RedirectListener {
  port: number;
  /** The `redirect` to put in the auth link. */
  redirectUri: string;
  /** Resolves with the first callback that carries our state; rejects on timeout or close. */
  result: Promise<RedirectParams>;
  close(): void;
}

export class RedirectTimeout extends Error {
  constructor() {
    super('No redirect from Shopee arrived in time');
    this.name = 'RedirectTimeout';
  }
}

export class RedirectClosed extends Error {
  constructor() {
    super('The redirect listener was closed');
    this.name = 'RedirectClosed';
  }
}

const page = (title: string, text: string) =>
  `<!doctype html><html lang="vi"><meta charset="utf-8"><title>${title}</title><body style="font-family:sans-serif;margin:3rem"><h1>${title}</h1><p>${text}</p></body></html>`;

/**
 * Listens on 127.0.0.1 (never the LAN) on a free port, for one callback carrying `state`. A callback
 * with another state is refused and the listener keeps waiting; anything else is 404.
 */
export async function startRedirectListener(opts: { state: string; timeoutMs: number; port?: number }): Promise<RedirectListener> {
  let settle!: { resolve: (p: RedirectParams) => void; reject: (e: Error) => void };
  const result = new Promise<RedirectParams>((resolve, reject) => (settle = { resolve, reject }));
  result.catch(() => {});
  let done = false;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== CALLBACK_PATH) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const parsed = parseRedirectedUrl(req.url ?? '');
    if (!parsed.ok || parsed.params.state !== opts.state || done) {
      res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' })
        .end(page('Packdesk', 'Liên kết không hợp lệ hoặc đã dùng. / This link is not valid or was already used.'));
      return;
    }
    done = true;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', connection: 'close' })
      .end(page('Packdesk', 'Đã nhận kết nối Shopee, quay lại Packdesk. / Shopee authorization received — return to Packdesk.'));
    finish();
    settle.resolve(parsed.params);
  });
  const timer = setTimeout(() => {
    finish();
    settle.reject(new RedirectTimeout());
  }, opts.timeoutMs);
  timer.unref?.();
  function finish() {
    done = true;
    clearTimeout(timer);
    server.close();
    server.closeAllConnections?.();
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  // A forgotten link must not keep the core (or a test run) alive.
  server.unref();
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    redirectUri: `http://127.0.0.1:${port}${CALLBACK_PATH}?state=${encodeURIComponent(opts.state)}`,
    result,
    close() {
      if (done) return;
      finish();
      settle.reject(new RedirectClosed());
    },
  };
}
