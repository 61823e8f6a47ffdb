import { beforeAll, describe, expect, it, vi } from 'vitest';
import { COMMAND_NAMES } from '../../main/api/index.js';
import type { PackdeskBridge } from '../../renderer/lib/transport/types.js';

const e = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn(async (_channel: string, command: string, input: unknown): Promise<unknown> => ({ ok: true, value: { command, input } })),
  eventListeners: new Map<string, Array<(...args: unknown[]) => void>>(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => e.exposed.set(key, api) },
  ipcRenderer: {
    invoke: e.invoke,
    on: (channel: string, l: (...args: unknown[]) => void) => {
      e.eventListeners.set(channel, [...(e.eventListeners.get(channel) ?? []), l]);
    },
  },
}));

describe('preload', () => {
  let bridge: PackdeskBridge;
  const fire = (name: unknown, payload: unknown) => {
    for (const l of e.eventListeners.get('packdesk:event') ?? []) l({ sender: 'secret' }, name, payload);
  };

  beforeAll(async () => {
    await import('../../preload/index.js');
    bridge = e.exposed.get('packdesk') as PackdeskBridge;
  });

  it('exposes exactly one object, window.packdesk, with call/on/mode only', () => {
    expect([...e.exposed.keys()]).toEqual(['packdesk']);
    expect(Object.keys(bridge).sort()).toEqual(['call', 'mode', 'on']);
    expect(bridge.mode).toBe('electron');
    expect(e.eventListeners.size).toBe(1);
  });

  it('sends known commands over the call channel', async () => {
    const name = COMMAND_NAMES[0];
    expect(await bridge.call(name, { a: 1 })).toEqual({ ok: true, value: { command: name, input: { a: 1 } } });
    expect(e.invoke).toHaveBeenCalledWith('packdesk:call', name, { a: 1 });
  });

  it('refuses unknown command names without sending', async () => {
    e.invoke.mockClear();
    for (const name of ['store.exec', '__proto__', 'constructor', '', 42 as unknown as string]) {
      expect(await bridge.call(name, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
    }
    expect(e.invoke).not.toHaveBeenCalled();
  });

  it('turns an IPC failure into an INTERNAL result', async () => {
    e.invoke.mockRejectedValueOnce(new Error('An object could not be cloned.'));
    expect(await bridge.call(COMMAND_NAMES[0], { fn: () => 1 })).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'An object could not be cloned.' },
    });
  });

  it('routes events by name without leaking the IPC event, and unsubscribes', () => {
    const got: unknown[][] = [];
    const off = bridge.on('orders.changed', (...args) => got.push(args));
    bridge.on('connection', () => got.push(['wrong']));
    fire('orders.changed', { ids: [1] });
    expect(got).toEqual([[{ ids: [1] }]]);
    off();
    fire('orders.changed', { ids: [2] });
    fire(42, null);
    expect(got).toEqual([[{ ids: [1] }]]);
  });

  it('keeps other listeners running when one throws', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const got: unknown[] = [];
    bridge.on('stock.changed', () => {
      throw new Error('bug');
    });
    bridge.on('stock.changed', (p) => got.push(p));
    fire('stock.changed', 1);
    expect(got).toEqual([1]);
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });
});
