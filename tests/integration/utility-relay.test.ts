import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCore } from '../../main/core/core.js';
import { serveCore, type PortLike } from '../../main/core/utility-entry.js';
import { CoreRelay, type UtilityChild } from '../../main/hosts/electron/core-relay.js';

/**
 * The Electron path without Electron: the main-process relay and the utility entry joined by an
 * in-memory channel that structured-clones like a real MessagePort, around the real core on a
 * temporary data folder.
 */
function linkedPair() {
  const toChild = new EventEmitter();
  const toParent = new EventEmitter();
  const child = new EventEmitter() as EventEmitter & UtilityChild;
  child.postMessage = (m: unknown) => setImmediate(() => toChild.emit('message', { data: structuredClone(m) }));
  child.kill = () => (child.emit('exit', 9), true);
  toParent.on('message', (m) => child.emit('message', m));
  const port: PortLike = {
    on: (_event, l) => toChild.on('message', l),
    postMessage: (m) => setImmediate(() => toParent.emit('message', structuredClone(m))),
  };
  return { child, port };
}

describe('core relay ↔ utility entry ↔ real core', () => {
  let dir: string;
  let relay: CoreRelay;
  const events: Array<[string, unknown]> = [];
  let exitCode: number | null = null;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'packdesk-utility-'));
    const { child, port } = linkedPair();
    serveCore(port, (opts) => startCore({ ...opts, autoBackup: false, log: () => {} }), {
      exit: (code) => {
        exitCode = code;
        child.emit('exit', code);
      },
      log: () => {},
    });
    relay = new CoreRelay({
      fork: () => child,
      init: { dataDir: dir, secretKey: Buffer.alloc(32, 1) },
      onEvent: (name, payload) => events.push([name, payload]),
      log: () => {},
    });
    relay.start();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers a command that needs no sign-in', async () => {
    const result = await relay.call('session.state', {});
    expect(result.ok).toBe(true);
  });

  it('enforces sign-in for everything else', async () => {
    const result = await relay.call('orders.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
  });

  it('validates input in the core', async () => {
    const result = await relay.call('session.signIn', { operatorId: 'not a number' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
  });

  it('drains and closes the database on stop', async () => {
    await relay.stop(5_000);
    expect(exitCode).toBe(0);
    expect(relay.state).toBe('stopped');
    expect(events.filter(([n]) => n === 'connection')).toEqual([]);
  });
});
