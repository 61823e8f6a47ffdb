// The HTTP side every simulator shares: loopback-only node:http server, exact-path routing, safe
// body parsing, fault injection in front of the handlers, and the request log.

import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from './clock.js';
import type { FaultInjector, FaultKind } from './fault-injector.js';
import { BodyTooLargeError, parseJsonBody, readRawBytes, type JsonBody } from './json-body.js';
import type { RequestLog } from './request-log.js';

export interface SimRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** The body's bytes as received (binary uploads); rawBody is their utf8 reading. */
  bytes: Buffer;
  body: JsonBody;
  /** First value of a header; names are case-insensitive on the wire, node lower-cases them. */
  header(name: string): string | undefined;
}

export interface SimReply {
  status: number;
  headers?: Record<string, string>;
  /** Serialised as JSON. */
  json?: unknown;
  /** Sent as is (HTML, CSV, an intentionally empty body). */
  text?: string;
  bytes?: Uint8Array;
  contentType?: string;
  /** Recorded in the request log: what the handler did ("created", "replayed", …). */
  note?: string;
}

export type SimHandler = (req: SimRequest) => SimReply | Promise<SimReply>;

export interface Route {
  methods: readonly string[];
  /** Exact path, or a prefix ending in `/*` (a path parameter such as a file id follows). */
  path: string;
  handler: SimHandler;
}

export interface SimServerOptions {
  port?: number;
  routes: readonly Route[];
  faults: FaultInjector;
  log: RequestLog;
  clock: Clock;
  /** Unknown path (404) or known path with the wrong method (405), in the provider's style. */
  notFound(req: SimRequest, status: 404 | 405): SimReply;
  /** An injected 429 in the provider's style; the server adds `Retry-After`. */
  rateLimitReply(retryAfterSeconds: number): SimReply;
  /** Runs after fault injection and before routing, e.g. a per-token rate limit. */
  gate?(req: SimRequest): SimReply | undefined;
  /** Largest body accepted (bigger → 413); default MAX_BODY_BYTES. Raise it for file uploads. */
  maxBodyBytes?: number;
}

export interface SimServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

interface Encoded {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  logText?: string;
}

function encode(reply: SimReply): Encoded {
  const headers: Record<string, string> = { ...(reply.headers ?? {}) };
  let body: Buffer;
  let logText: string | undefined;
  if (reply.bytes) {
    body = Buffer.from(reply.bytes);
    headers['content-type'] ??= reply.contentType ?? 'application/octet-stream';
  } else if (reply.text !== undefined) {
    body = Buffer.from(reply.text, 'utf8');
    logText = reply.text;
    headers['content-type'] ??= reply.contentType ?? 'text/plain; charset=utf-8';
  } else {
    logText = JSON.stringify(reply.json ?? null);
    body = Buffer.from(logText, 'utf8');
    headers['content-type'] ??= reply.contentType ?? 'application/json; charset=utf-8';
  }
  headers['content-length'] = String(body.length);
  return { status: reply.status, headers, body, logText };
}

const flatten = (h: IncomingHttpHeaders): Record<string, string> =>
  Object.fromEntries(Object.entries(h).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v ?? '')]));

const SERVER_ERROR_HTML =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

export function startSimServer(options: SimServerOptions): Promise<SimServer> {
  const { faults, log, clock } = options;
  const held = new Set<NodeJS.Timeout>();
  let closed = false;

  const route = (method: string, path: string): Route | 405 | undefined => {
    const exact = options.routes.filter((r) => r.path === path);
    const byPath = exact.length > 0 ? exact : options.routes.filter((r) => r.path.endsWith('/*') && path.startsWith(r.path.slice(0, -1)));
    if (byPath.length === 0) return undefined;
    return byPath.find((r) => r.methods.includes(method)) ?? 405;
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = clock();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let bytes: Buffer = Buffer.alloc(0);
    try {
      bytes = await readRawBytes(req, options.maxBodyBytes);
    } catch (e) {
      const status = e instanceof BodyTooLargeError ? 413 : 400;
      if (!res.destroyed) res.writeHead(status, { 'content-type': 'text/plain' }).end(String(status));
      return;
    }
    const rawBody = bytes.toString('utf8');
    const body = parseJsonBody(rawBody);
    // A binary upload would sit in the log as megabytes of mojibake: its size says enough.
    const multipart = /^multipart\//i.test(String(req.headers['content-type'] ?? ''));
    const logged = multipart ? `<${String(req.headers['content-type']).split(';')[0]}, ${bytes.length} bytes>` : rawBody;
    const sim: SimRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      rawBody,
      bytes,
      body,
      header: (name) => {
        const v = req.headers[name.toLowerCase()];
        return Array.isArray(v) ? v[0] : v;
      },
    };
    const record = (status: number, extra: { fault?: FaultKind; note?: string; response?: string }) =>
      log.add({
        at: started,
        method: sim.method,
        path: sim.path,
        query: Object.fromEntries(url.searchParams),
        headers: flatten(req.headers),
        body: body.kind === 'ok' ? body.value : body.kind === 'invalid' ? logged : undefined,
        status,
        durationMs: clock() - started,
        ...extra,
      });

    const decision = faults.decide(sim.path);
    if (decision.delayMs > 0) await new Promise((r) => setTimeout(r, decision.delayMs));
    if (closed) return void req.socket.destroy();

    const send = (enc: Encoded, extra: { fault?: FaultKind; note?: string } = {}) => {
      record(enc.status, { ...extra, response: enc.logText });
      if (!res.destroyed) res.writeHead(enc.status, enc.headers).end(enc.body);
    };

    switch (decision.kind) {
      case 'timeout': {
        record(0, { fault: 'timeout' });
        const timer = setTimeout(() => {
          held.delete(timer);
          req.socket.destroy();
        }, faults.holdMs());
        held.add(timer);
        // A client that gives up first frees the hold; no timer should outlive its socket.
        req.socket.once('close', () => {
          clearTimeout(timer);
          held.delete(timer);
        });
        return;
      }
      case 'serverError': {
        // Gateways answer with an HTML page as often as with JSON; clients must survive both.
        const reply: SimReply = faults.flip()
          ? { status: 502, text: SERVER_ERROR_HTML, contentType: 'text/html' }
          : { status: 503, json: { code: 503, message: 'Service Unavailable', data: null } };
        return send(encode(reply), { fault: 'serverError' });
      }
      case 'rateLimit': {
        const seconds = faults.retryAfterSeconds();
        const reply = options.rateLimitReply(seconds);
        return send(encode({ ...reply, headers: { ...reply.headers, 'retry-after': String(seconds) } }), { fault: 'rateLimit' });
      }
      default:
        break;
    }

    let reply: SimReply;
    try {
      reply = options.gate?.(sim) ?? (await dispatch(sim));
    } catch (e) {
      // A simulator bug must show up as a loud 500, never as a hung request.
      reply = { status: 500, json: { message: `simulator error: ${e instanceof Error ? e.message : String(e)}` } };
    }
    if (decision.replyDelayMs > 0) {
      // Held like a timeout fault, so closing the server never waits for it.
      await new Promise((r) => held.add(setTimeout(r, decision.replyDelayMs)));
      if (closed) return void req.socket.destroy();
    }
    const enc = encode(reply);

    if (decision.kind === 'dropAfterCommit') {
      record(0, { fault: 'dropAfterCommit', note: reply.note, response: enc.logText });
      req.socket.destroy();
      return;
    }
    if (decision.kind === 'malformed') {
      // Cut the body in half but keep Content-Length consistent: the HTTP exchange is clean, the JSON is not.
      const cut = enc.body.subarray(0, Math.max(0, Math.floor(enc.body.length / 2)));
      const headers = { ...enc.headers, 'content-length': String(cut.length) };
      return send({ status: enc.status, headers, body: cut, logText: cut.toString('utf8') }, { fault: 'malformed', note: reply.note });
    }
    send(enc, { note: reply.note });
  }

  async function dispatch(sim: SimRequest): Promise<SimReply> {
    const found = route(sim.method, sim.path);
    if (found === undefined) return options.notFound(sim, 404);
    if (found === 405) return options.notFound(sim, 405);
    return found.handler(sim);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent && !res.destroyed) res.writeHead(500).end();
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}`,
        port,
        close: () =>
          new Promise<void>((done) => {
            closed = true;
            for (const t of held) clearTimeout(t);
            held.clear();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
