import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppProtocolHandler } from '../../main/hosts/electron/app-protocol.js';

describe('app:// protocol handler', () => {
  let dir: string;
  let handle: (r: Request) => Promise<Response>;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'packdesk-app-'));
    const root = join(dir, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>shell</title>');
    writeFileSync(join(root, 'assets', 'app-1.js'), 'export {}');
    writeFileSync(join(dir, 'secret.txt'), 'top secret');
    handle = createAppProtocolHandler(root);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // Request refuses unknown schemes in some runtimes, so the handler's input is built duck-typed
  // the way Electron hands it over: a method and the raw URL text.
  const req = (url: string, method = 'GET') => ({ url, method }) as Request;

  it('serves files with their MIME type and the CSP', async () => {
    const res = await handle(req('app://packdesk/index.html'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'self'; img-src 'self' data: blob: https:; frame-src 'self' blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'",
    );
    expect(await res.text()).toContain('shell');
    const js = await handle(req('app://packdesk/assets/app-1.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('serves index.html for / and for client routes, 404 for missing assets', async () => {
    expect(await (await handle(req('app://packdesk/'))).text()).toContain('shell');
    expect(await (await handle(req('app://packdesk'))).text()).toContain('shell');
    expect(await (await handle(req('app://packdesk/orders/12?tab=1'))).text()).toContain('shell');
    expect((await handle(req('app://packdesk/assets/nope.js'))).status).toBe(404);
  });

  it('answers GET only', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS']) {
      const res = await handle(req('app://packdesk/index.html', method));
      expect(res.status, method).toBe(405);
    }
  });

  it('refuses paths that escape the renderer folder', async () => {
    for (const url of ['app://packdesk/..%2fsecret.txt', 'app://packdesk/%2e%2e/secret.txt', 'app://packdesk/assets/..%2F..%2Fsecret.txt', 'app://packdesk/..%5csecret.txt']) {
      const res = await handle(req(url));
      expect(res.status, url).toBe(403);
      expect(await res.text()).not.toContain('top secret');
    }
  });

  it('refuses other hosts', async () => {
    expect((await handle(req('app://other/index.html'))).status).toBe(404);
  });
});
