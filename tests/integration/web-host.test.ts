import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { connect } from 'node:net';
import { WebSocket } from 'ws';
import { startWebHost, type WebHost } from '../../main/hosts/web/web-host.js';
import { FakeCore } from '../unit/support/fake-core.js';

interface HttpReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end();
  });
}

type Opened = { ok: true; ws: WebSocket } | { ok: false; status: number };

function openSocket(port: number, headers: Record<string, string>): Promise<Opened> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, { headers });
    ws.once('open', () => resolve({ ok: true, ws }));
    ws.once('unexpected-response', (_req, res) => {
      resolve({ ok: false, status: res.statusCode ?? 0 });
      res.resume();
      ws.terminate();
    });
    ws.once('error', () => resolve({ ok: false, status: 0 }));
  });
}

function nextMessage(ws: WebSocket): Promise<Record<string, unknown>> {
  return new Promise((resolve) => ws.once('message', (data) => resolve(JSON.parse(data.toString()))));
}

describe('web host', () => {
  let dir: string;
  let host: WebHost;
  let core: FakeCore;
  let cookie: string;
  const announced: string[] = [];
  const logged: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'packdesk-web-'));
    const root = join(dir, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Packdesk shell</title>');
    writeFileSync(join(root, 'assets', 'app-abc123.js'), 'console.log("app")');
    writeFileSync(join(root, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(dir, 'secret.txt'), 'top secret');
    core = new FakeCore();
    host = await startWebHost({
      core,
      port: 0,
      staticDir: root,
      announce: (l) => announced.push(l),
      log: (l) => logged.push(l),
    });
  });

  afterAll(async () => {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const origin = () => `http://127.0.0.1:${host.port}`;
  const wsHeaders = () => ({ Cookie: cookie, Origin: origin() });

  it('announces exactly one parseable ready line', () => {
    expect(announced).toHaveLength(1);
    const m = /^Packdesk is ready at (http:\/\/127\.0\.0\.1:(\d+)\/\?t=([\w-]+))$/.exec(announced[0]);
    expect(m).not.toBeNull();
    expect(m![1]).toBe(host.url);
    expect(Number(m![2])).toBe(host.port);
    expect(m![3]).toBe(host.token);
  });

  it('answers the health check without a cookie', async () => {
    const r = await get(host.port, '/healthz');
    expect(r.status).toBe(200);
    expect(r.body).toBe('ok');
  });

  it('shows the bilingual landing page without the cookie', async () => {
    const r = await get(host.port, '/');
    expect(r.status).toBe(403);
    expect(r.body).toContain('Open the link Packdesk printed');
    expect(r.body).toContain('Hãy mở đường dẫn');
    expect(r.body).not.toContain('Packdesk shell');
    expect((await get(host.port, '/assets/app-abc123.js')).status).toBe(403);
  });

  it('refuses a wrong token without setting a cookie', async () => {
    const r = await get(host.port, '/?t=wrong-token-of-some-length');
    expect(r.status).toBe(403);
    expect(r.headers['set-cookie']).toBeUndefined();
  });

  it('trades the token for an HttpOnly SameSite=Strict cookie and redirects to /', async () => {
    const r = await get(host.port, `/?t=${host.token}`);
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/');
    const set = (r.headers['set-cookie'] ?? [])[0] ?? '';
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Strict/);
    cookie = set.split(';')[0];
    expect(cookie).toBe(`packdesk_${host.port}=${host.token}`);
  });

  it('serves the renderer with MIME types, CSP and an SPA fallback', async () => {
    const index = await get(host.port, '/', { Cookie: cookie });
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toBe(
      "default-src 'self'; img-src 'self' data: blob: https:; frame-src 'self' blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'",
    );
    expect(index.body).toContain('Packdesk shell');

    const js = await get(host.port, '/assets/app-abc123.js', { Cookie: cookie });
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toContain('immutable');
    expect((await get(host.port, '/assets/logo.svg', { Cookie: cookie })).headers['content-type']).toBe('image/svg+xml');

    const route = await get(host.port, '/orders/123', { Cookie: cookie });
    expect(route.status).toBe(200);
    expect(route.body).toContain('Packdesk shell');
    expect((await get(host.port, '/assets/missing.js', { Cookie: cookie })).status).toBe(404);

    const head = await get(host.port, '/', { Cookie: cookie }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect((await get(host.port, '/', { Cookie: cookie }, 'POST')).status).toBe(405);
  });

  it('refuses static path traversal', async () => {
    for (const path of ['/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e/secret.txt', '/..%5csecret.txt', '/a%00b']) {
      const r = await get(host.port, path, { Cookie: cookie });
      expect(r.status, path).toBe(403);
      expect(r.body).not.toContain('top secret');
    }
  });

  it('survives a request line the URL parser rejects', async () => {
    const raw = await new Promise<string>((resolve, reject) => {
      const sock = connect(host.port, '127.0.0.1', () => {
        sock.write(`GET http://[ HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nConnection: close\r\n\r\n`);
      });
      let data = '';
      sock.on('data', (d) => (data += d));
      sock.on('end', () => resolve(data));
      sock.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400/);
    expect((await get(host.port, '/healthz')).body).toBe('ok');
  });

  it('refuses requests whose Host names someone else (DNS rebinding)', async () => {
    const r = await get(host.port, '/', { Cookie: cookie, Host: `evil.example:${host.port}` });
    expect(r.status).toBe(403);
    expect((await get(host.port, '/', { Cookie: cookie, Host: `localhost:${host.port + 1}` })).status).toBe(403);
  });

  it('refuses a WebSocket without the cookie', async () => {
    expect(await openSocket(host.port, { Origin: origin() })).toEqual({ ok: false, status: 403 });
    expect(await openSocket(host.port, { Origin: origin(), Cookie: `packdesk_${host.port}=nope` })).toEqual({ ok: false, status: 403 });
  });

  it('refuses a WebSocket from another origin', async () => {
    expect(await openSocket(host.port, { Cookie: cookie, Origin: 'http://evil.example' })).toEqual({ ok: false, status: 403 });
    expect(await openSocket(host.port, { Cookie: cookie })).toEqual({ ok: false, status: 403 });
  });

  it('refuses a WebSocket with a foreign Host header', async () => {
    const evil = `evil.example:${host.port}`;
    expect(await openSocket(host.port, { Cookie: cookie, Origin: `http://${evil}`, Host: evil })).toEqual({ ok: false, status: 403 });
  });

  it('round-trips a call and forwards events on a local session', async () => {
    const opened = await openSocket(host.port, wsHeaders());
    if (!opened.ok) throw new Error(`socket refused: ${opened.status}`);
    const { ws } = opened;
    const session = core.sessions.at(-1)!;
    expect(session.info).toEqual({ remote: false });

    ws.send(JSON.stringify({ kind: 'call', id: 7, command: 'echo', input: { a: 1 } }));
    expect(await nextMessage(ws)).toEqual({ kind: 'result', id: 7, ok: true, value: { a: 1 } });

    ws.send(JSON.stringify({ kind: 'call', id: 8, command: 'fail', input: null }));
    expect(await nextMessage(ws)).toMatchObject({ kind: 'result', id: 8, ok: false, error: { code: 'NOT_FOUND' } });

    ws.send(JSON.stringify({ kind: 'call', id: 9, command: 'throw', input: null }));
    expect(await nextMessage(ws)).toMatchObject({ kind: 'result', id: 9, ok: false, error: { code: 'INTERNAL' } });

    const event = nextMessage(ws);
    session.emit({ name: 'orders.changed', payload: { ids: [1] } });
    expect(await event).toEqual({ kind: 'event', name: 'orders.changed', payload: { ids: [1] } });

    ws.close();
    await new Promise((r) => ws.once('close', r));
    await expect.poll(() => session.closed).toBe(true);
  });

  it('answers malformed messages with INPUT_INVALID when an id can be read, and keeps going', async () => {
    const opened = await openSocket(host.port, wsHeaders());
    if (!opened.ok) throw new Error('socket refused');
    const { ws } = opened;

    ws.send('{"kind":"call","id":41,"command":');
    expect(await nextMessage(ws)).toMatchObject({ kind: 'result', id: 41, ok: false, error: { code: 'INPUT_INVALID' } });

    ws.send(JSON.stringify({ kind: 'call', id: 42, input: 1 }));
    expect(await nextMessage(ws)).toMatchObject({ id: 42, ok: false, error: { code: 'INPUT_INVALID' } });

    ws.send(JSON.stringify({ kind: 'nonsense', id: 43 }));
    expect(await nextMessage(ws)).toMatchObject({ id: 43, ok: false, error: { code: 'INPUT_INVALID' } });

    ws.send('not json at all');
    ws.send('[1,2,3]');
    ws.send(Buffer.from([1, 2, 3]), { binary: true });
    ws.send(JSON.stringify({ kind: 'call', id: 44, command: 'echo', input: 'still alive' }));
    expect(await nextMessage(ws)).toEqual({ kind: 'result', id: 44, ok: true, value: 'still alive' });
    ws.close();
  });

  it('closes the sessions of open sockets when it stops', async () => {
    const dir2 = mkdtempSync(join(tmpdir(), 'packdesk-web2-'));
    const core2 = new FakeCore();
    const host2 = await startWebHost({ core: core2, port: 0, staticDir: dir2, token: 'a-fixed-token-for-tests', announce: () => {}, log: () => {} });
    const set = (await get(host2.port, '/?t=a-fixed-token-for-tests')).headers['set-cookie']![0].split(';')[0];
    const opened = await openSocket(host2.port, { Cookie: set, Origin: `http://127.0.0.1:${host2.port}` });
    expect(opened.ok).toBe(true);
    await host2.close();
    await expect.poll(() => core2.sessions.every((s) => s.closed)).toBe(true);
    rmSync(dir2, { recursive: true, force: true });
  });
});

describe('web host on the LAN', () => {
  it('marks sessions remote and warns', async () => {
    const core = new FakeCore();
    const logged: string[] = [];
    const host = await startWebHost({
      core,
      port: 0,
      host: '0.0.0.0',
      staticDir: tmpdir(),
      token: 'lan-token-for-the-test-1234',
      announce: () => {},
      log: (l) => logged.push(l),
    });
    try {
      expect(logged.join('\n')).toMatch(/LAN/);
      const set = (await get(host.port, '/?t=lan-token-for-the-test-1234')).headers['set-cookie']![0].split(';')[0];
      const opened = await openSocket(host.port, { Cookie: set, Origin: `http://127.0.0.1:${host.port}` });
      if (!opened.ok) throw new Error('socket refused');
      await expect.poll(() => core.sessions.length).toBe(1);
      expect(core.sessions[0].info).toEqual({ remote: true });
      opened.ws.close();
    } finally {
      await host.close();
    }
  });
});
