import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { startWebHost, type WebHost } from '../../main/hosts/web/web-host.js';
import { createBrowserBridge, type SocketLike } from '../../renderer/lib/transport/index.js';
import { FakeCore } from '../unit/support/fake-core.js';

// The browser transport against the real web host, with `ws` playing the browser's WebSocket and
// sending what a browser would: the cookie and the page's origin.
describe('browser bridge over the web host', () => {
  const token = 'integration-token-0123456789';
  let dir: string;
  let core: FakeCore;
  let host: WebHost;

  const start = async (port: number) =>
    startWebHost({ core, port, staticDir: dir, token, announce: () => {}, log: () => {} });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'packdesk-bridge-'));
    core = new FakeCore();
    host = await start(0);
  });
  afterAll(async () => {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const socketFor = (port: number) => (url: string) =>
    new WebSocket(url, {
      headers: { Cookie: `packdesk_${port}=${token}`, Origin: `http://127.0.0.1:${port}` },
    }) as unknown as SocketLike;

  it('calls, receives events, and reconnects to a restarted host with a fresh session', async () => {
    const port = host.port;
    const bridge = createBrowserBridge({ url: `ws://127.0.0.1:${port}/ws`, createSocket: socketFor(port), reconnectMinMs: 20, reconnectMaxMs: 50 });
    const states: unknown[] = [];
    bridge.on('connection', (p) => states.push(p));

    expect(await bridge.call('echo', { hello: 'xin chào' })).toEqual({ ok: true, value: { hello: 'xin chào' } });
    expect(await bridge.call('fail', null)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const got = new Promise((resolve) => {
      const off = bridge.on('stock.changed', (p) => {
        off();
        resolve(p);
      });
    });
    core.sessions[0].emit({ name: 'stock.changed', payload: { variantIds: [9] } });
    expect(await got).toEqual({ variantIds: [9] });

    const hanging = bridge.call('slow', null);
    await host.close();
    expect(await hanging).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: 'Disconnected from Packdesk core' } });
    await expect.poll(() => core.sessions[0].closed).toBe(true);

    host = await start(port);
    await expect.poll(() => bridge.connected, { timeout: 3000 }).toBe(true);
    expect(states).toEqual([{ connected: true }, { connected: false }, { connected: true }]);
    expect(core.sessions).toHaveLength(2);
    expect(await bridge.call('echo', 2)).toEqual({ ok: true, value: 2 });
    bridge.close();
  });
});
