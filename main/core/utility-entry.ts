import type { CallResult, ClientMessage, CoreMessage, EventMessage } from './protocol.js';
import { createOsPrintClient, type OsPrintMessage, type OsPrintResult } from '../domain/printing/os-print-client.js';
import type { OsPrint } from '../domain/printing/printer-transports.js';

// Runs the core inside Electron's utilityProcess. It talks to the main process only through
// `process.parentPort`; it never imports electron, so the core stays a plain Node program.

/** Main → utility. The key travels as a message, never in argv or env where `ps` could read it. */
export type UtilityInbound =
  | { kind: 'init'; dataDir: string; secretKey?: Uint8Array }
  | ClientMessage
  | OsPrintResult
  | { kind: 'shutdown' };

/** Utility → main. */
export type UtilityOutbound = CoreMessage | OsPrintMessage | { kind: 'ready' } | { kind: 'fatal'; message: string };

export interface PortLike {
  on(event: 'message', listener: (e: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

interface UtilitySession {
  call(command: string, input: unknown): Promise<CallResult>;
  onEvent(listener: (e: EventMessage) => void): () => void;
  close(): void;
}
interface UtilityCore {
  openSession(info: { station?: string; remote?: boolean }): UtilitySession;
  close(): Promise<void>;
}
export type StartCore = (opts: { dataDir: string; secretKey?: Buffer; osPrint?: OsPrint }) => Promise<UtilityCore>;

export interface ServeHooks {
  exit(code: number): void;
  log(line: string): void;
}

const internal = (message: string): CallResult => ({ ok: false, error: { code: 'INTERNAL', message } });

/**
 * Answers the main process: one `init`, then calls on ONE session (the Electron window is one
 * station), events pushed as they happen, and `shutdown` closing the core before exiting.
 */
export function serveCore(port: PortLike, startCore: StartCore, hooks: ServeHooks): { shutdown(): Promise<void> } {
  let core: UtilityCore | null = null;
  let session: UtilitySession | null = null;
  let unsubscribe: (() => void) | null = null;
  let stopping: Promise<void> | null = null;
  let markReady!: (s: UtilitySession | null) => void;
  // Calls may arrive before the core has opened its database; they wait here instead of failing.
  const ready = new Promise<UtilitySession | null>((resolve) => (markReady = resolve));
  const post = (m: UtilityOutbound) => port.postMessage(m);
  // OS printers are reached through the main process, which alone has Electron's printing.
  const osPrinter = createOsPrintClient(post);

  const init = async (dataDir: string, secretKey: Uint8Array | undefined): Promise<void> => {
    try {
      core = await startCore({ dataDir, secretKey: secretKey ? Buffer.from(secretKey) : undefined, osPrint: osPrinter.osPrint });
      if (stopping) return;
      session = core.openSession({ remote: false });
      unsubscribe = session.onEvent((e) => post({ kind: 'event', name: e.name, payload: e.payload }));
      markReady(session);
      post({ kind: 'ready' });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      hooks.log(`packdesk core: failed to start: ${message}`);
      markReady(null);
      post({ kind: 'fatal', message });
      hooks.exit(1);
    }
  };

  const answer = async (msg: ClientMessage): Promise<void> => {
    const s = await ready;
    let result: CallResult;
    if (!s || stopping) result = internal('Packdesk core is not running');
    else {
      try {
        result = await s.call(msg.command, msg.input);
      } catch (err) {
        hooks.log(`packdesk core: ${msg.command} threw: ${(err as Error)?.message ?? String(err)}`);
        result = internal('Internal error');
      }
    }
    post({ kind: 'result', id: msg.id, ...result });
  };

  const shutdown = (): Promise<void> => {
    stopping ??= (async () => {
      markReady(null);
      try {
        unsubscribe?.();
        session?.close();
        await core?.close();
        hooks.exit(0);
      } catch (err) {
        hooks.log(`packdesk core: shutdown failed: ${(err as Error).message}`);
        hooks.exit(1);
      }
    })();
    return stopping;
  };

  let initialised = false;
  port.on('message', ({ data }) => {
    const msg = data as UtilityInbound | null;
    if (!msg || typeof msg !== 'object') return;
    if (msg.kind === 'init' && !initialised) {
      initialised = true;
      void init(msg.dataDir, msg.secretKey);
    } else if (msg.kind === 'call' && Number.isSafeInteger(msg.id)) {
      void answer(msg);
    } else if (msg.kind === 'os-print-result') {
      osPrinter.onResult(msg);
    } else if (msg.kind === 'shutdown') {
      void shutdown();
    }
  });

  return { shutdown };
}

/**
 * The main process normally asks for `shutdown`; a signal or an orphaned child (the parent died
 * and we were re-parented) must still close the database cleanly.
 */
function watchForOrphaning(onOrphaned: () => void): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== parent) onOrphaned();
  }, 2_000);
  timer.unref();
}

const parentPort = (process as unknown as { parentPort?: PortLike }).parentPort;
if (parentPort) {
  const { startCore } = await import('./core.js');
  const server = serveCore(parentPort, startCore, {
    exit: (code) => process.exit(code),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void server.shutdown());
  watchForOrphaning(() => void server.shutdown());
}
