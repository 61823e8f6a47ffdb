import type { CallResult } from '../../core/protocol.js';
import { CALL_CHANNEL } from './channels.js';
import { isTrustedSender, type SenderFrameLike } from './url-policy.js';

export interface InvokeEventLike {
  readonly senderFrame: SenderFrameLike | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<CallResult> | CallResult): void;
  removeHandler(channel: string): void;
}

export interface CallTarget {
  call(command: string, input: unknown): Promise<CallResult>;
}

/**
 * The only IPC handler the shell installs. It re-checks what the preload already checked, since a
 * compromised renderer would not be running our preload's rules: the caller must be our own
 * top-level app:// page, and the command must be one of the contract's names.
 */
export function registerCallHandler(
  ipcMain: IpcMainLike,
  target: CallTarget,
  commandNames: readonly string[],
  log: (line: string) => void,
): () => void {
  const known = new Set(commandNames);
  ipcMain.handle(CALL_CHANNEL, async (event, command, input) => {
    if (!isTrustedSender(event.senderFrame)) {
      log(`ipc: refused a call from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
      return { ok: false, error: { code: 'FORBIDDEN', message: 'This page may not call Packdesk' } };
    }
    if (typeof command !== 'string' || !known.has(command)) {
      return { ok: false, error: { code: 'UNKNOWN_COMMAND', message: `Unknown command ${String(command).slice(0, 80)}` } };
    }
    return target.call(command, input);
  });
  return () => ipcMain.removeHandler(CALL_CHANNEL);
}
