import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { COMMAND_NAMES } from '../main/api/index.js';
import type { CallResult } from '../main/core/protocol.js';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../main/hosts/electron/channels.js';
import type { PackdeskBridge } from '../renderer/lib/transport/types.js';

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
}

/**
 * Builds the one object the page gets. Unknown command names are refused here, before any IPC, so
 * a typo fails fast and a hostile script cannot probe the main process with arbitrary channels;
 * the main process checks again anyway.
 */
export function createElectronBridge(ipc: IpcRendererLike, commandNames: readonly string[]) {
  const known = new Set(commandNames);
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  // One IPC subscription for all events; listeners never see the IpcRendererEvent (it carries the
  // sender object, which must not leak into the page).
  ipc.on(EVENT_CHANNEL, (_event, name, payload) => {
    if (typeof name !== 'string') return;
    for (const listener of [...(listeners.get(name) ?? [])]) {
      try {
        listener(payload);
      } catch (err) {
        console.error(`packdesk: a listener for "${name}" threw`, err);
      }
    }
  });

  return {
    mode: 'electron',
    async call(command: string, input: unknown): Promise<CallResult> {
      if (typeof command !== 'string' || !known.has(command)) {
        return { ok: false, error: { code: 'UNKNOWN_COMMAND', message: `Unknown command ${String(command).slice(0, 80)}` } };
      }
      try {
        return (await ipc.invoke(CALL_CHANNEL, command, input)) as CallResult;
      } catch (err) {
        // invoke rejects when the input cannot be cloned or the main process handler is missing.
        return { ok: false, error: { code: 'INTERNAL', message: (err as Error)?.message ?? 'IPC failed' } };
      }
    },
    on(event: string, listener: (payload: unknown) => void): () => void {
      if (typeof event !== 'string' || typeof listener !== 'function') return () => {};
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const wrapped = (payload: unknown) => listener(payload);
      set.add(wrapped);
      return () => {
        set.delete(wrapped);
      };
    },
  } as const satisfies PackdeskBridge;
}

contextBridge.exposeInMainWorld('packdesk', createElectronBridge(ipcRenderer, COMMAND_NAMES));
