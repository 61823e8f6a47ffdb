import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBrowserBridge, installBrowserBridge, type SocketLike } from '../../renderer/lib/transport/index.js';
import type { PackdeskBridge } from '../../renderer/lib/transport/types.js';

class FakeSocket implements SocketLike {
  onopen: ((ev: unknown) => void) | null = null;
  onclose: ((ev: unknown) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  readonly sent: Array<Record<string, unknown>> = [];
  closed = false;
  constructor(readonly url: string) {}
  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }
  close(): void {
    this.closed = true;
  }
  open(): void {
    this.onopen?.({});
  }
  drop(): void {
    this.onerror?.({});
    this.onclose?.({});
  }
  reply(message: unknown): void {
    this.onmessage?.({ data: typeof message === 'string' ? message : JSON.stringify(message) });
  }
}

describe('browser bridge', () => {
  let sockets: FakeSocket[];
  const latest = () => sockets[sockets.length - 1];
  const make = () =>
    createBrowserBridge({
      url: 'ws://127.0.0.1:1/ws',
      createSocket: (url) => {
        const s = new FakeSocket(url);
        sockets.push(s);
        return s;
      },
      random: () => 1,
    });

  beforeEach(() => {
    sockets = [];
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('connects at once and round-trips calls by id', async () => {
    const bridge = make();
    expect(sockets).toHaveLength(1);
    expect(latest().url).toBe('ws://127.0.0.1:1/ws');
    latest().open();
    const a = bridge.call('orders.list', { page: 1 });
    const b = bridge.call('orders.get', { id: 2 });
    const [m1, m2] = latest().sent;
    expect(m1).toEqual({ kind: 'call', id: m1.id, command: 'orders.list', input: { page: 1 } });
    expect(m2.id).not.toBe(m1.id);
    latest().reply({ kind: 'result', id: m2.id, ok: false, error: { code: 'NOT_FOUND', message: 'nope' } });
    latest().reply({ kind: 'result', id: m1.id, ok: true, value: [1, 2] });
    expect(await a).toEqual({ ok: true, value: [1, 2] });
    expect(await b).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'nope' } });
    expect(bridge.mode).toBe('browser');
  });

  it('holds calls made while connecting and sends them once open', async () => {
    const bridge = make();
    const pending = bridge.call('system.info', {});
    expect(latest().sent).toHaveLength(0);
    latest().open();
    const [m] = latest().sent;
    latest().reply({ kind: 'result', id: m.id, ok: true, value: 'v' });
    expect(await pending).toEqual({ ok: true, value: 'v' });
  });

  it('fails a call that waited 10 s for a connection', async () => {
    const bridge = make();
    const pending = bridge.call('system.info', {});
    await vi.advanceTimersByTimeAsync(9_999);
    let settled = false;
    void pending.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await pending).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Disconnected from Packdesk core' } });
    // It must not be sent later to a session that never asked for it.
    await vi.advanceTimersByTimeAsync(10_000);
    latest().open();
    expect(latest().sent).toHaveLength(0);
  });

  it('fails in-flight calls on a drop, reports the connection and reconnects with backoff', async () => {
    const bridge = make();
    const states: unknown[] = [];
    bridge.on('connection', (p) => states.push(p));
    latest().open();
    expect(bridge.connected).toBe(true);
    const inflight = bridge.call('orders.pack', { id: 1 });
    latest().drop();
    expect(await inflight).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(states).toEqual([{ connected: true }, { connected: false }]);

    await vi.advanceTimersByTimeAsync(249);
    expect(sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sockets).toHaveLength(2);
    latest().drop();
    await vi.advanceTimersByTimeAsync(499);
    expect(sockets).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(sockets).toHaveLength(3);
    for (let i = 0; i < 10; i++) {
      latest().drop();
      await vi.advanceTimersByTimeAsync(5_000);
    }
    expect(sockets).toHaveLength(13);

    const waiting = bridge.call('echo', 1);
    latest().open();
    expect(states.at(-1)).toEqual({ connected: true });
    const [m] = latest().sent;
    latest().reply({ kind: 'result', id: m.id, ok: true, value: 1 });
    expect(await waiting).toEqual({ ok: true, value: 1 });
    // The in-flight call was not replayed on the new session.
    expect(latest().sent.map((s) => s.command)).toEqual(['echo']);
  });

  it('survives a socket factory that throws', async () => {
    let fail = true;
    const bridge = createBrowserBridge({
      url: 'ws://x/ws',
      random: () => 1,
      createSocket: (url) => {
        if (fail) throw new Error('no network');
        const s = new FakeSocket(url);
        sockets.push(s);
        return s;
      },
    });
    fail = false;
    await vi.advanceTimersByTimeAsync(250);
    expect(sockets).toHaveLength(1);
    bridge.close();
  });

  it('delivers events to their listeners only, isolates throwing listeners, and unsubscribes', () => {
    const bridge = make();
    latest().open();
    const seen: unknown[] = [];
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    bridge.on('orders.changed', () => {
      throw new Error('listener bug');
    });
    const off = bridge.on('orders.changed', (p) => seen.push(p));
    bridge.on('stock.changed', () => seen.push('wrong'));
    latest().reply({ kind: 'event', name: 'orders.changed', payload: { ids: [3] } });
    expect(seen).toEqual([{ ids: [3] }]);
    expect(error).toHaveBeenCalled();
    off();
    off();
    latest().reply({ kind: 'event', name: 'orders.changed', payload: { ids: [4] } });
    expect(seen).toEqual([{ ids: [3] }]);
    error.mockRestore();
  });

  it('ignores garbage and replies to unknown ids', async () => {
    const bridge = make();
    latest().open();
    const p = bridge.call('echo', 1);
    latest().reply('not json');
    latest().reply({ kind: 'result', id: 999, ok: true, value: 'stray' });
    latest().reply({ kind: 'result', id: latest().sent[0].id, ok: false, error: 'weird' });
    expect(await p).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Malformed reply from Packdesk core' } });
  });

  it('refuses input it cannot serialize without sending anything', async () => {
    const bridge = make();
    latest().open();
    expect(await bridge.call('echo', { n: 1n })).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
    expect(latest().sent).toHaveLength(0);
  });

  it('close() fails everything pending and stops reconnecting', async () => {
    const bridge = make();
    const queued = bridge.call('a', 1);
    latest().open();
    const inflight = bridge.call('b', 2);
    bridge.close();
    expect(await queued).toMatchObject({ ok: false });
    expect(await inflight).toMatchObject({ ok: false });
    expect(latest().closed).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sockets).toHaveLength(1);
    expect(await bridge.call('c', 3)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});

describe('installBrowserBridge', () => {
  const g = globalThis as { packdesk?: PackdeskBridge; location?: unknown; WebSocket?: unknown };

  afterEach(() => {
    delete g.packdesk;
    delete g.location;
  });

  it('leaves the Electron preload bridge alone', () => {
    const preload: PackdeskBridge = { mode: 'electron', call: async () => ({ ok: true, value: null }), on: () => () => {} };
    g.packdesk = preload;
    expect(installBrowserBridge()).toBe(preload);
  });

  it('derives the same-origin /ws URL from the page and installs a read-only bridge', () => {
    const urls: string[] = [];
    g.location = { protocol: 'http:', host: '127.0.0.1:4123' };
    const bridge = installBrowserBridge({
      createSocket: (url) => {
        urls.push(url);
        return new FakeSocket(url);
      },
    });
    expect(urls).toEqual(['ws://127.0.0.1:4123/ws']);
    expect(g.packdesk).toBe(bridge);
    expect(bridge.mode).toBe('browser');
    expect(() => {
      'use strict';
      (g as Record<string, unknown>).packdesk = null;
    }).toThrow();
    (bridge as unknown as { close(): void }).close();
  });

  it('uses wss on https pages', () => {
    const urls: string[] = [];
    g.location = { protocol: 'https:', host: 'shop-pc.local:4123' };
    const bridge = installBrowserBridge({ createSocket: (url) => (urls.push(url), new FakeSocket(url)) });
    expect(urls).toEqual(['wss://shop-pc.local:4123/ws']);
    (bridge as unknown as { close(): void }).close();
  });
});
