import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { hostname, networkInterfaces } from 'node:os';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  createSessionToken,
  hasSessionCookie,
  isAllowedHostHeader,
  isLoopbackHost,
  isSameOrigin,
  sessionCookie,
  tokensEqual,
} from './access-guard.js';
import { serveStatic, sendLanding, sendText } from './http-responses.js';
import { attachSession, type HostCore } from './ws-connection.js';
import { DEFAULT_HOST } from './listen-options.js';
import { handleWebhook, isWebhookPath, type WebhookSink } from './webhook-route.js';

export type { HostCore, HostSession } from './ws-connection.js';

export interface WebHostOptions {
  core: HostCore & Partial<WebhookSink>;
  /** 0 picks any free port. */
  port: number;
  /** Defaults to 127.0.0.1; anything that is not loopback exposes the host to the LAN. */
  host?: string;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /** Fixed token for tests; a fresh random one per launch otherwise. */
  token?: string;
  /** Receives the single "ready" line; defaults to stdout, which launchers and tests parse. */
  announce?: (line: string) => void;
  /** Diagnostics; defaults to stderr so stdout keeps only the ready line. */
  log?: (line: string) => void;
}

export interface WebHost {
  /** The link to open: origin plus `?t=TOKEN`. */
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const WS_PATH = '/ws';
const MAX_MESSAGE_BYTES = 32 * 1024 * 1024;
const HEARTBEAT_MS = 30_000;

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

function lanAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (!a.internal && a.family === 'IPv4') out.push(a.address);
  }
  return out;
}

// A request line the URL parser rejects (e.g. `GET http://[ HTTP/1.1`) must not throw out of the
// request listener: that would take the whole host down.
function requestUrl(raw: string | undefined): URL | null {
  try {
    return new URL(raw ?? '/', 'http://host.invalid');
  } catch {
    return null;
  }
}

function rejectUpgrade(socket: Duplex, status: 403 | 404 | 400): void {
  const reason = status === 403 ? 'Forbidden' : status === 404 ? 'Not Found' : 'Bad Request';
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const host = opts.host?.trim() || DEFAULT_HOST;
  const token = opts.token ?? createSessionToken();
  if (token.length < 16) throw new Error('web host: the session token must be at least 16 characters');
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const announce = opts.announce ?? ((line: string) => process.stdout.write(`${line}\n`));
  const remote = !isLoopbackHost(host);
  const machine = hostname().toLowerCase();
  const ownNames = [machine, `${machine}.local`, host.toLowerCase()];
  let port = 0;

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES, perMessageDeflate: false });
  const alive = new WeakSet<WebSocket>();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = requestUrl(req.url);
    if (!url) return sendText(res, 400, 'Bad Request');
    if (isWebhookPath(url.pathname)) return handleWebhook(req, res, url.pathname, opts.core.webhook ? (opts.core as WebhookSink) : undefined);
    if (!isAllowedHostHeader(req.headers.host, port, ownNames)) return sendText(res, 403, 'Forbidden');
    if (url.pathname === '/healthz') return sendText(res, 200, 'ok');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendText(res, 405, 'Method Not Allowed');
    }
    const given = url.searchParams.get('t');
    if (given !== null && url.pathname === '/') {
      if (!tokensEqual(token, given)) return sendLanding(res);
      // Redirect so the token leaves the address bar and the history; from now on the cookie speaks.
      res.writeHead(303, { 'Set-Cookie': sessionCookie(port, token), Location: '/', 'Cache-Control': 'no-store' });
      return res.end();
    }
    if (!hasSessionCookie(req.headers.cookie, port, token)) return sendLanding(res);
    // The raw path, not the URL parser's normalised one: a request that tries to climb out with
    // dot segments is refused outright instead of being quietly re-rooted.
    const rawPath = req.url?.startsWith('/') ? req.url.split(/[?#]/)[0] : url.pathname;
    serveStatic(req, res, opts.staticDir, rawPath).catch((err: Error) => {
      log(`web host: serving ${rawPath} failed: ${err.message}`);
      if (!res.headersSent) sendText(res, 500, 'Internal Server Error');
      else res.destroy();
    });
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const url = requestUrl(req.url);
    if (!url) return rejectUpgrade(socket, 400);
    if (url.pathname !== WS_PATH) return rejectUpgrade(socket, 404);
    const trusted =
      isAllowedHostHeader(req.headers.host, port, ownNames) &&
      isSameOrigin(req.headers.origin, req.headers.host) &&
      hasSessionCookie(req.headers.cookie, port, token);
    if (!trusted) {
      log(`web host: refused a WebSocket from ${req.socket.remoteAddress ?? '?'} (origin ${req.headers.origin ?? 'none'})`);
      return rejectUpgrade(socket, 403);
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      alive.add(ws);
      ws.on('pong', () => alive.add(ws));
      attachSession(ws, opts.core, { remote }, log);
    });
  });

  // A laptop that sleeps or a tab killed by the OS never sends a close frame; without pings its
  // core session (and signed-in operator) would linger until the host stops.
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  server.on('error', (err) => log(`web host: ${err.message}`));

  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const origin = `http://${urlHost(shownHost)}:${port}`;
  const url = `${origin}/?t=${token}`;
  if (remote) {
    const where = host === '0.0.0.0' || host === '::' ? lanAddresses().join(', ') || host : host;
    log(
      `Packdesk đang mở cho mạng LAN (${where}:${port}); mọi thao tác cần đăng nhập bằng PIN. ` +
        `/ Packdesk is listening on the LAN (${where}:${port}); every action requires an operator PIN.`,
    );
  }
  announce(`Packdesk is ready at ${url}`);

  let closing: Promise<void> | null = null;
  return {
    url,
    origin,
    port,
    token,
    close() {
      closing ??= new Promise<void>((resolve) => {
        clearInterval(heartbeat);
        for (const ws of wss.clients) ws.close(1001, 'Packdesk is stopping');
        // A peer that never answers the close frame must not hold the shutdown hostage.
        const grace = setTimeout(() => {
          for (const ws of wss.clients) ws.terminate();
        }, 500);
        grace.unref();
        wss.close();
        server.close(() => {
          clearTimeout(grace);
          resolve();
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}
