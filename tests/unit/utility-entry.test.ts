import { describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import { serveCore, type PortLike, type StartCore } from '../../main/core/utility-entry.js';
import { FakeCore } from './support/fake-core.js';

class FakePort extends EventEmitter implements PortLike {
  readonly outbox: Array<Record<string, unknown>> = [];
  postMessage(message: unknown): void {
    this.outbox.push(message as Record<string, unknown>);
  }
  send(data: unknown): void {
    this.emit('message', { data });
  }
}

const settle = () => new Promise((r) => setTimeout(r, 0));

function setup(start?: StartCore) {
  const port = new FakePort();
  const core = new FakeCore();
  const startCore = vi.fn(start ?? (async () => core));
  const exits: number[] = [];
  const logs: string[] = [];
  const server = serveCore(port, startCore, { exit: (c) => exits.push(c), log: (l) => logs.push(l) });
  return { port, core, startCore, exits, logs, server };
}

describe('utility entry', () => {
  it('starts the core from the init message, with the key as a Buffer, and opens one local session', async () => {
    const { port, core, startCore } = setup();
    port.send({ kind: 'init', dataDir: '/d', secretKey: new Uint8Array(32).fill(3) });
    port.send({ kind: 'init', dataDir: '/other' });
    await settle();
    expect(startCore).toHaveBeenCalledOnce();
    const opts = startCore.mock.calls[0][0];
    expect(opts.dataDir).toBe('/d');
    expect(Buffer.isBuffer(opts.secretKey)).toBe(true);
    expect(opts.secretKey).toHaveLength(32);
    expect(core.sessions).toHaveLength(1);
    expect(core.sessions[0].info).toEqual({ remote: false });
    expect(port.outbox).toEqual([{ kind: 'ready' }]);
  });

  it('holds calls that arrive before the core is up, then answers them in order', async () => {
    let release!: () => void;
    const core = new FakeCore();
    const { port } = setup(() => new Promise((r) => (release = () => r(core))));
    port.send({ kind: 'call', id: 1, command: 'echo', input: 'early' });
    port.send({ kind: 'init', dataDir: '/d' });
    await settle();
    expect(port.outbox).toEqual([]);
    release();
    await settle();
    expect(port.outbox).toEqual([{ kind: 'ready' }, { kind: 'result', id: 1, ok: true, value: 'early' }]);
  });

  it('answers calls, turns throws into INTERNAL and forwards events', async () => {
    const { port, core } = setup();
    port.send({ kind: 'init', dataDir: '/d' });
    await settle();
    port.send({ kind: 'call', id: 2, command: 'fail', input: null });
    port.send({ kind: 'call', id: 3, command: 'throw', input: null });
    port.send({ kind: 'call', id: 'x', command: 'echo', input: null });
    port.send(null);
    await settle();
    core.sessions[0].emit({ name: 'orders.changed', payload: [1] });
    expect(port.outbox.slice(1)).toEqual([
      { kind: 'result', id: 2, ok: false, error: { code: 'NOT_FOUND', message: 'No such thing' } },
      { kind: 'result', id: 3, ok: false, error: { code: 'INTERNAL', message: 'Internal error' } },
      { kind: 'event', name: 'orders.changed', payload: [1] },
    ]);
  });

  it('reports a core that fails to start and exits non-zero', async () => {
    const { port, exits } = setup(async () => {
      throw new Error('database is locked');
    });
    port.send({ kind: 'init', dataDir: '/d' });
    port.send({ kind: 'call', id: 4, command: 'echo', input: 1 });
    await settle();
    expect(port.outbox).toContainEqual({ kind: 'fatal', message: 'database is locked' });
    expect(port.outbox).toContainEqual({ kind: 'result', id: 4, ok: false, error: { code: 'INTERNAL', message: 'Packdesk core is not running' } });
    expect(exits).toEqual([1]);
  });

  it('drains on shutdown: closes the session and the core, then exits 0', async () => {
    const { port, core, exits } = setup();
    port.send({ kind: 'init', dataDir: '/d' });
    await settle();
    port.send({ kind: 'shutdown' });
    await settle();
    expect(core.sessions[0].closed).toBe(true);
    expect(core.closed).toBe(true);
    expect(exits).toEqual([0]);
    port.send({ kind: 'call', id: 5, command: 'echo', input: 1 });
    await settle();
    expect(port.outbox.at(-1)).toEqual({ kind: 'result', id: 5, ok: false, error: { code: 'INTERNAL', message: 'Packdesk core is not running' } });
  });

  it('shuts down once even when asked twice (signal and message)', async () => {
    const { port, core, exits, server } = setup();
    port.send({ kind: 'init', dataDir: '/d' });
    await settle();
    const closeSpy = vi.spyOn(core, 'close');
    await Promise.all([server.shutdown(), server.shutdown()]);
    expect(closeSpy).toHaveBeenCalledOnce();
    expect(exits).toEqual([0]);
  });
});
