import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import { CoreRelay, type UtilityChild } from '../../main/hosts/electron/core-relay.js';
import { registerCallHandler, type IpcMainLike, type InvokeEventLike } from '../../main/hosts/electron/ipc-bridge.js';
import type { CallResult } from '../../main/core/protocol.js';

class FakeChild extends EventEmitter implements UtilityChild {
  readonly inbox: Array<Record<string, unknown>> = [];
  killed = false;
  postMessage(message: unknown): void {
    this.inbox.push(message as Record<string, unknown>);
  }
  kill(): boolean {
    this.killed = true;
    this.emit('exit', 9);
    return true;
  }
  reply(message: unknown): void {
    this.emit('message', message);
  }
  calls() {
    return this.inbox.filter((m) => m.kind === 'call');
  }
}

describe('CoreRelay', () => {
  let children: FakeChild[];
  let events: Array<[string, unknown]>;
  let logs: string[];
  const latest = () => children[children.length - 1];
  const make = (extra: { secretKey?: Buffer } = {}) =>
    new CoreRelay({
      fork: () => {
        const c = new FakeChild();
        children.push(c);
        return c;
      },
      init: { dataDir: '/data/packdesk', ...extra },
      onEvent: (name, payload) => events.push([name, payload]),
      log: (l) => logs.push(l),
    });

  beforeEach(() => {
    children = [];
    events = [];
    logs = [];
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('starts the utility process with the data dir and the key as bytes', () => {
    const key = Buffer.alloc(32, 7);
    make({ secretKey: key }).start();
    const [init] = latest().inbox;
    expect(init.kind).toBe('init');
    expect(init.dataDir).toBe('/data/packdesk');
    expect(init.secretKey).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(init.secretKey as Uint8Array).equals(key)).toBe(true);
  });

  it('numbers calls and resolves each with its own reply', async () => {
    const relay = make();
    relay.start();
    const a = relay.call('orders.list', { page: 1 });
    const b = relay.call('orders.get', { id: 1 });
    const [ca, cb] = latest().calls();
    expect(ca).toEqual({ kind: 'call', id: ca.id, command: 'orders.list', input: { page: 1 } });
    latest().reply({ kind: 'result', id: cb.id, ok: true, value: 'B' });
    latest().reply({ kind: 'result', id: ca.id, ok: false, error: { code: 'NOT_FOUND', message: 'x' } });
    expect(await a).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'x' } });
    expect(await b).toEqual({ ok: true, value: 'B' });
  });

  it('times a call out after 30 s with INTERNAL and ignores the late reply', async () => {
    const relay = make();
    relay.start();
    const p = relay.call('slow', null);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(await p).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Packdesk core did not answer in time' } });
    latest().reply({ kind: 'result', id: latest().calls()[0].id, ok: true, value: 'late' });
  });

  it('forwards core events', () => {
    const relay = make();
    relay.start();
    latest().reply({ kind: 'event', name: 'orders.changed', payload: { ids: [1] } });
    latest().reply({ kind: 'ready' });
    expect(events).toEqual([['orders.changed', { ids: [1] }]]);
  });

  it('restarts a crashed core once, failing the calls it had, and tells the window', async () => {
    const relay = make();
    relay.start();
    const lost = relay.call('orders.pack', { id: 1 });
    latest().emit('exit', 139);
    expect(await lost).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(children).toHaveLength(2);
    expect(latest().inbox[0].kind).toBe('init');
    expect(events).toEqual([['connection', { connected: false }]]);
    latest().reply({ kind: 'ready' });
    expect(events.at(-1)).toEqual(['connection', { connected: true }]);

    const ok = relay.call('echo', 1);
    latest().reply({ kind: 'result', id: latest().calls()[0].id, ok: true, value: 1 });
    expect(await ok).toEqual({ ok: true, value: 1 });

    latest().emit('exit', 139);
    expect(children).toHaveLength(2);
    expect(relay.state).toBe('failed');
    expect(events.at(-1)).toEqual(['connection', { connected: false }]);
    expect(await relay.call('echo', 2)).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Packdesk core is not running' } });
  });

  it('ignores messages from a process it already replaced', () => {
    const relay = make();
    relay.start();
    const first = latest();
    first.emit('exit', 1);
    first.reply({ kind: 'event', name: 'stale', payload: null });
    expect(events.map(([n]) => n)).toEqual(['connection']);
  });

  it('stops by asking the core to drain, without restarting it', async () => {
    const relay = make();
    relay.start();
    const child = latest();
    const stopped = relay.stop();
    expect(child.inbox.at(-1)).toEqual({ kind: 'shutdown' });
    child.emit('exit', 0);
    await stopped;
    expect(children).toHaveLength(1);
    expect(relay.state).toBe('stopped');
    expect(events).toEqual([]);
  });

  it('kills a core that does not stop within the grace period', async () => {
    const relay = make();
    relay.start();
    const stopped = relay.stop(5_000);
    await vi.advanceTimersByTimeAsync(5_000);
    await stopped;
    expect(latest().killed).toBe(true);
    expect(children).toHaveLength(1);
  });
});

describe('registerCallHandler', () => {
  type Handler = (event: InvokeEventLike, ...args: unknown[]) => Promise<CallResult> | CallResult;
  const setup = () => {
    const handlers = new Map<string, Handler>();
    const ipc: IpcMainLike = {
      handle: (channel, h) => void handlers.set(channel, h),
      removeHandler: (channel) => void handlers.delete(channel),
    };
    const target = { call: vi.fn(async (command: string, input: unknown): Promise<CallResult> => ({ ok: true, value: { command, input } })) };
    const logs: string[] = [];
    const off = registerCallHandler(ipc, target, ['orders.list', 'session.signIn'], (l) => logs.push(l));
    return { handlers, target, logs, off };
  };
  const ours = { senderFrame: { url: 'app://packdesk/index.html', parent: null } };

  it('forwards a known command from our own page', async () => {
    const { handlers, target } = setup();
    const h = handlers.get('packdesk:call')!;
    expect(await h(ours, 'orders.list', { page: 2 })).toEqual({ ok: true, value: { command: 'orders.list', input: { page: 2 } } });
    expect(target.call).toHaveBeenCalledWith('orders.list', { page: 2 });
  });

  it('refuses unknown commands without forwarding', async () => {
    const { handlers, target } = setup();
    const h = handlers.get('packdesk:call')!;
    expect(await h(ours, 'store.rawSql', 'DROP TABLE orders')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
    expect(await h(ours, 42, null)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
    expect(await h(ours, 'constructor', null)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
    expect(target.call).not.toHaveBeenCalled();
  });

  it('refuses senders that are not our top-level app:// page', async () => {
    const { handlers, target, logs } = setup();
    const h = handlers.get('packdesk:call')!;
    for (const senderFrame of [
      { url: 'https://evil.example/', parent: null },
      { url: 'app://packdesk/index.html', parent: { url: 'app://packdesk/' } },
      null,
    ]) {
      expect(await h({ senderFrame }, 'orders.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(target.call).not.toHaveBeenCalled();
    expect(logs).toHaveLength(3);
  });

  it('can be removed', () => {
    const { handlers, off } = setup();
    off();
    expect(handlers.size).toBe(0);
  });
});
