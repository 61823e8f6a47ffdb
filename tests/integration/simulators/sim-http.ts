// Plain-HTTP helpers for the simulator tests: fetch only, no Packdesk client code (rule 13).

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed body; undefined when the body is not JSON. */
  json: any;
}

export async function send(url: string, init: { method?: string; headers?: Record<string, string>; body?: unknown; raw?: string; timeoutMs?: number } = {}): Promise<Reply> {
  const res = await fetch(url, {
    method: init.method ?? (init.body !== undefined || init.raw !== undefined ? 'POST' : 'GET'),
    headers: { 'content-type': 'application/json', ...(init.headers ?? {}) },
    body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
    signal: AbortSignal.timeout(init.timeoutMs ?? 5000),
  });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** Resolves to the error when the request fails at the transport level (dropped socket, timeout). */
export async function transportError(p: Promise<unknown>): Promise<Error | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    return e as Error;
  }
}

export interface ReceivedHook {
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

export interface Receiver {
  url: string;
  received: ReceivedHook[];
  /** Status codes to answer with, one per request, then 200. */
  failWith(statuses: number[]): void;
  close(): Promise<void>;
}

/** A tiny webhook receiver on loopback. */
export async function startReceiver(): Promise<Receiver> {
  const received: ReceivedHook[] = [];
  let script: number[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      res.statusCode = script.shift() ?? 200;
      res.end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    failWith: (statuses) => {
      script = [...statuses];
    },
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
