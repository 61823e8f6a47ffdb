import type { CommandErrorShape } from '../api/errors.js';

// The one message shape every transport carries (Electron IPC relay, WebSocket, utilityProcess port).
export type CallResult<T = unknown> = { ok: true; value: T } | { ok: false; error: CommandErrorShape };

export type ClientMessage = { kind: 'call'; id: number; command: string; input: unknown };

export type CoreMessage =
  | ({ kind: 'result'; id: number } & CallResult)
  | { kind: 'event'; name: string; payload: unknown };

export interface EventMessage {
  name: string;
  payload: unknown;
}
