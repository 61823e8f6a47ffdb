import type { CallResult, EventMessage } from '../../../main/core/protocol.js';
import type { HostCore, HostSession } from '../../../main/hosts/web/ws-connection.js';

/**
 * Stands in for main/core/core.ts in host tests. Commands: `echo` returns its input, `fail` returns a
 * NOT_FOUND error value, `throw` throws, `slow` never settles, anything else is UNKNOWN_COMMAND.
 */
export class FakeSession implements HostSession {
  closed = false;
  readonly calls: Array<{ command: string; input: unknown }> = [];
  readonly #listeners = new Set<(e: EventMessage) => void>();

  constructor(readonly info: { station?: string; remote?: boolean }) {}

  async call(command: string, input: unknown): Promise<CallResult> {
    this.calls.push({ command, input });
    switch (command) {
      case 'echo':
        return { ok: true, value: input };
      case 'fail':
        return { ok: false, error: { code: 'NOT_FOUND', message: 'No such thing' } };
      case 'throw':
        throw new Error('core blew up');
      case 'slow':
        return new Promise<CallResult>(() => {});
      default:
        return { ok: false, error: { code: 'UNKNOWN_COMMAND', message: `Unknown command ${command}` } };
    }
  }

  onEvent(listener: (e: EventMessage) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit(e: EventMessage): void {
    for (const l of this.#listeners) l(e);
  }

  get listenerCount(): number {
    return this.#listeners.size;
  }

  get signedIn(): boolean {
    return false;
  }

  close(): void {
    this.closed = true;
    this.#listeners.clear();
  }
}

export class FakeCore implements HostCore {
  readonly sessions: FakeSession[] = [];
  closed = false;
  readonly dataDir = '/nonexistent/packdesk-fake';

  openSession(info: { station?: string; remote?: boolean }): FakeSession {
    const s = new FakeSession(info);
    this.sessions.push(s);
    return s;
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
