import type { WebSocket, RawData } from 'ws';
import type { CallResult, CoreMessage, EventMessage } from '../../core/protocol.js';

// The web host needs only this slice of the core, so a test can hand it a small fake and the real
// `Core` from main/core/core.ts fits structurally.
export interface HostSession {
  call(command: string, input: unknown): Promise<CallResult>;
  onEvent(listener: (e: EventMessage) => void): () => void;
  close(): void;
}
export interface HostCore {
  openSession(info: { station?: string; remote?: boolean }): HostSession;
}

type ParsedCall =
  | { ok: true; id: number; command: string; input: unknown }
  | { ok: false; id: number | null; reason: string };

const isId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

export function parseClientMessage(text: string): ParsedCall {
  let msg: unknown;
  try {
    msg = JSON.parse(text);
  } catch {
    // Still answer the caller if its id survived the damage, so its promise doesn't hang.
    const m = /"id"\s*:\s*(\d{1,15})\b/.exec(text);
    return { ok: false, id: m ? Number(m[1]) : null, reason: 'Message is not valid JSON' };
  }
  if (typeof msg !== 'object' || msg === null || Array.isArray(msg)) {
    return { ok: false, id: null, reason: 'Message must be a JSON object' };
  }
  const { kind, id, command, input } = msg as Record<string, unknown>;
  if (!isId(id)) return { ok: false, id: null, reason: 'Message has no valid id' };
  if (kind !== 'call') return { ok: false, id, reason: 'Message kind must be "call"' };
  if (typeof command !== 'string' || command === '') return { ok: false, id, reason: 'Message has no command name' };
  return { ok: true, id, command, input };
}

function serialize(message: CoreMessage): string {
  try {
    return JSON.stringify(message);
  } catch (err) {
    // A result the core could not make JSON (a BigInt, a cycle) must still settle the caller.
    if (message.kind !== 'result') throw err;
    return JSON.stringify({
      kind: 'result',
      id: message.id,
      ok: false,
      error: { code: 'INTERNAL', message: 'Result could not be serialized' },
    } satisfies CoreMessage);
  }
}

/**
 * One socket, one core session: the session lives exactly as long as the socket, so a closed tab
 * or a dropped Wi-Fi link signs the operator out of that station.
 */
export function attachSession(socket: WebSocket, core: HostCore, info: { remote: boolean }, log: (msg: string) => void): void {
  const session = core.openSession({ remote: info.remote });
  let open = true;

  const send = (message: CoreMessage): void => {
    if (!open || socket.readyState !== socket.OPEN) return;
    try {
      socket.send(serialize(message));
    } catch (err) {
      log(`web host: could not send ${message.kind}: ${(err as Error).message}`);
    }
  };

  const unsubscribe = session.onEvent((e) => send({ kind: 'event', name: e.name, payload: e.payload }));

  socket.on('message', (data: RawData, isBinary: boolean) => {
    if (isBinary) {
      log('web host: ignored a binary frame');
      return;
    }
    const parsed = parseClientMessage(data.toString());
    if (!parsed.ok) {
      if (parsed.id !== null) {
        send({ kind: 'result', id: parsed.id, ok: false, error: { code: 'INPUT_INVALID', message: parsed.reason } });
      }
      return;
    }
    const { id, command, input } = parsed;
    let pending: Promise<CallResult>;
    try {
      pending = session.call(command, input);
    } catch (err) {
      pending = Promise.reject(err);
    }
    pending.then(
      (result) => send({ kind: 'result', id, ...result }),
      (err: unknown) => {
        log(`web host: ${command} threw: ${(err as Error)?.message ?? String(err)}`);
        send({ kind: 'result', id, ok: false, error: { code: 'INTERNAL', message: 'Internal error' } });
      },
    );
  });

  const finish = (): void => {
    if (!open) return;
    open = false;
    unsubscribe();
    try {
      session.close();
    } catch (err) {
      log(`web host: closing a session failed: ${(err as Error).message}`);
    }
  };
  socket.on('close', finish);
  socket.on('error', (err) => {
    log(`web host: socket error: ${err.message}`);
    finish();
  });
}
