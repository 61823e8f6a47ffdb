import type { CallResult } from '../../core/protocol.js';
import type { UtilityInbound, UtilityOutbound } from '../../core/utility-entry.js';
import type { OsPrintMessage, OsPrintResult } from '../../domain/printing/os-print-client.js';

/** The slice of Electron's UtilityProcess the relay uses; tests pass a fake. */
export interface UtilityChild {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface CoreRelayOptions {
  fork(): UtilityChild;
  init: { dataDir: string; secretKey?: Buffer };
  /** Core events, plus `connection` when the core goes away or comes back. */
  onEvent(name: string, payload: unknown): void;
  /** Prints a PDF on an OS printer for the core (main/hosts/electron/os-printer.ts). */
  onOsPrint?(m: OsPrintMessage): Promise<OsPrintResult>;
  callTimeoutMs?: number;
  maxRestarts?: number;
  log?(line: string): void;
}

type State = 'idle' | 'running' | 'failed' | 'stopping' | 'stopped';

interface Pending {
  resolve(result: CallResult): void;
  timer: ReturnType<typeof setTimeout>;
}

const internal = (message: string): CallResult => ({ ok: false, error: { code: 'INTERNAL', message } });

/**
 * Owns the core's utility process: numbers calls, matches replies, times them out, forwards
 * events, and restarts the process once if it dies (a second crash is a bug to surface, not loop).
 */
export class CoreRelay {
  readonly #opts: Required<Omit<CoreRelayOptions, 'log' | 'onOsPrint'>> & Pick<CoreRelayOptions, 'log' | 'onOsPrint'>;
  readonly #pending = new Map<number, Pending>();
  #child: UtilityChild | null = null;
  #state: State = 'idle';
  #restarts = 0;
  #nextId = 1;
  #stopped: (() => void) | null = null;

  constructor(opts: CoreRelayOptions) {
    this.#opts = { callTimeoutMs: 30_000, maxRestarts: 1, ...opts };
  }

  get state(): State {
    return this.#state;
  }

  start(): void {
    if (this.#state !== 'idle') throw new Error(`core relay: cannot start in state ${this.#state}`);
    this.#spawn();
  }

  call(command: string, input: unknown): Promise<CallResult> {
    const child = this.#child;
    if (this.#state !== 'running' || !child) return Promise.resolve(internal('Packdesk core is not running'));
    const id = this.#nextId++;
    return new Promise<CallResult>((resolve) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        this.#log(`core relay: ${command} got no answer in ${this.#opts.callTimeoutMs} ms`);
        resolve(internal('Packdesk core did not answer in time'));
      }, this.#opts.callTimeoutMs);
      this.#pending.set(id, { resolve, timer });
      try {
        child.postMessage({ kind: 'call', id, command, input } satisfies UtilityInbound);
      } catch (err) {
        clearTimeout(timer);
        this.#pending.delete(id);
        resolve(internal(`Could not reach Packdesk core: ${(err as Error).message}`));
      }
    });
  }

  /** Asks the core to close its database, waits up to `graceMs`, then kills it. */
  stop(graceMs = 5_000): Promise<void> {
    const child = this.#child;
    if (!child || this.#state === 'stopped' || this.#state === 'failed' || this.#state === 'idle') {
      this.#state = 'stopped';
      return Promise.resolve();
    }
    this.#state = 'stopping';
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.#log('core relay: the core did not stop in time; killing it');
        child.kill();
      }, graceMs);
      this.#stopped = () => {
        clearTimeout(timer);
        resolve();
      };
      try {
        child.postMessage({ kind: 'shutdown' } satisfies UtilityInbound);
      } catch {
        child.kill();
      }
    });
  }

  #spawn(): void {
    const child = this.#opts.fork();
    this.#child = child;
    this.#state = 'running';
    child.on('message', (message) => {
      if (this.#child === child) this.#onMessage(message as UtilityOutbound);
    });
    child.on('exit', (code) => {
      if (this.#child === child) this.#onExit(code);
    });
    const { dataDir, secretKey } = this.#opts.init;
    // A Uint8Array survives structured cloning as bytes; a Buffer would arrive as a plain one anyway.
    child.postMessage({
      kind: 'init',
      dataDir,
      ...(secretKey ? { secretKey: new Uint8Array(secretKey) } : {}),
    } satisfies UtilityInbound);
  }

  #onMessage(message: UtilityOutbound): void {
    if (!message || typeof message !== 'object') return;
    switch (message.kind) {
      case 'result': {
        const pending = this.#pending.get(message.id);
        if (!pending) return;
        this.#pending.delete(message.id);
        clearTimeout(pending.timer);
        const { kind: _kind, id: _id, ...result } = message;
        pending.resolve(result as CallResult);
        return;
      }
      case 'event':
        this.#opts.onEvent(message.name, message.payload);
        return;
      case 'os-print': {
        const child = this.#child;
        const answer = this.#opts.onOsPrint?.(message) ?? Promise.resolve({ kind: 'os-print-result' as const, id: message.id, ok: false, message: 'this shell cannot print to OS printers' });
        void answer.then((r) => {
          if (this.#child === child) child?.postMessage(r satisfies UtilityInbound);
        });
        return;
      }
      case 'ready':
        if (this.#restarts > 0) this.#opts.onEvent('connection', { connected: true });
        return;
      case 'fatal':
        this.#log(`core relay: the core failed to start: ${message.message}`);
        return;
    }
  }

  #onExit(code: number): void {
    this.#child = null;
    this.#failPending(internal('Packdesk core stopped'));
    if (this.#state === 'stopping') {
      this.#state = 'stopped';
      this.#stopped?.();
      return;
    }
    this.#log(`core relay: the core exited unexpectedly (code ${code})`);
    this.#opts.onEvent('connection', { connected: false });
    if (this.#restarts < this.#opts.maxRestarts) {
      this.#restarts++;
      this.#spawn();
    } else {
      this.#state = 'failed';
    }
  }

  #failPending(result: CallResult): void {
    for (const p of this.#pending.values()) {
      clearTimeout(p.timer);
      p.resolve(result);
    }
    this.#pending.clear();
  }

  #log(line: string): void {
    (this.#opts.log ?? ((l: string) => process.stderr.write(`${l}\n`)))(line);
  }
}
