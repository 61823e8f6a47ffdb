import type { IncomingMessage, ServerResponse } from 'node:http';

export type WebhookProvider = 'viettelpost' | 'ghn';
export interface WebhookSink {
  webhook(provider: WebhookProvider, headers: Record<string, string | string[] | undefined>, body: unknown): { status: number; body: string };
}

const PATHS: Record<string, WebhookProvider> = { '/webhooks/viettelpost': 'viettelpost', '/webhooks/ghn': 'ghn' };
const MAX_BODY = 1024 * 1024;

export const isWebhookPath = (pathname: string): boolean => pathname in PATHS;

/**
 * Carrier status callbacks, for setups that expose the web host (through a relay or a tunnel). They
 * carry no session: each is authenticated by the secret configured on the carrier account, checked by
 * the core, and the Host header is not required to be ours because a relay forwards them.
 */
export function handleWebhook(req: IncomingMessage, res: ServerResponse, pathname: string, sink: WebhookSink | undefined): void {
  const reply = (status: number, body: string) => {
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(body);
  };
  if (!sink) return reply(404, '{"error":true,"message":"webhooks are not enabled"}');
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    return reply(405, '{"error":true,"message":"POST only"}');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (c: Buffer) => {
    size += c.length;
    if (size > MAX_BODY) {
      reply(413, '{"error":true,"message":"too large"}');
      req.destroy();
      return;
    }
    chunks.push(c);
  });
  req.on('end', () => {
    if (res.headersSent) return;
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return reply(400, '{"error":true,"message":"body is not JSON"}');
    }
    try {
      const r = sink.webhook(PATHS[pathname], req.headers, body);
      reply(r.status, r.body);
    } catch (error) {
      reply(500, JSON.stringify({ error: true, message: (error as Error).message }));
    }
  });
}
