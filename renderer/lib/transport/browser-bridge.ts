import type { CallResult, ConnectionPayload, PackdeskBridge } from './types.js';
import { CONNECTION_EVENT } from './types.js';

/**
 * The part of a WebSocket this transport uses. Declared here rather than taken from the DOM lib so
 * the module also typechecks (and is tested) under Node, where `ws` stands in for the browser's.
 */
export interface SocketLike {
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export interface BrowserBridgeOptions {
  /** Defaults to ws(s)://<this page's host>/ws. */
  url?: string;
  createSocket?: (url: string) => SocketLike;
  /** How long a call made while disconnected waits for the link to come back. */
  offlineTimeoutMs?: number;
  /** Reconnect backoff bounds; the delay doubles from `min` up to `max`, with jitter. */
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
  random?: () => number;
}

export interface BrowserBridge extends PackdeskBridge {
  readonly connected: boolean;
  /** Stops reconnecting and fails every pending call. */
  close(): void;
}

const disconnected = (): CallResult => ({
  ok: false,
  error: { code: 'INTERNAL', message: 'Disconnected from Packdesk core' },
});

type CallError = Extract<CallResult, { ok: false }>['error'];
type Resolve = (r: CallResult) => void;
interface Queued {
  id: number;
  command: string;
  input: unknown;
  resolve: Resolve;
  timer: ReturnType<typeof setTimeout>;
}

function defaultUrl(): string {
  const loc = (globalThis as { location?: { protocol: string; host: string } }).location;
  if (!loc) throw new Error('installBrowserBridge: no page location to derive the WebSocket URL from');
  return `${loc.protocol === 'https:' ? 'wss:' : 'ws:'}//${loc.host}/ws`;
}

function defaultSocket(url: string): SocketLike {
  const WS = (globalThis as { WebSocket?: new (url: string) => SocketLike }).WebSocket;
  if (!WS) throw new Error('installBrowserBridge: this environment has no WebSocket');
  return new WS(url);
}

function toCallResult(msg: Record<string, unknown>): CallResult {
  if (msg.ok === true) return { ok: true, value: msg.value };
  const error = msg.error as CallError | undefined;
  if (error && typeof error === 'object' && typeof error.code === 'string') return { ok: false, error };
  return { ok: false, error: { code: 'INTERNAL', message: 'Malformed reply from Packdesk core' } };
}

export function createBrowserBridge(options: BrowserBridgeOptions = {}): BrowserBridge {
  const url = options.url ?? defaultUrl();
  const createSocket = options.createSocket ?? defaultSocket;
  const offlineTimeoutMs = options.offlineTimeoutMs ?? 10_000;
  const minDelay = options.reconnectMinMs ?? 250;
  const maxDelay = options.reconnectMaxMs ?? 5_000;
  const random = options.random ?? Math.random;

  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  // Sent calls wait for their reply; queued ones wait for a connection. They fail differently on a
  // drop: a sent call may have run, so it is never re-sent to the new session.
  const inflight = new Map<number, Resolve>();
  const queued: Queued[] = [];
  let socket: SocketLike | null = null;
  let connected = false;
  let closed = false;
  let attempt = 0;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  let nextId = 1;

  const emit = (event: string, payload: unknown): void => {
    const set = listeners.get(event);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        listener(payload);
      } catch (err) {
        console.error(`packdesk: a listener for "${event}" threw`, err);
      }
    }
  };

  const setConnected = (value: boolean): void => {
    if (connected === value) return;
    connected = value;
    emit(CONNECTION_EVENT, { connected: value } satisfies ConnectionPayload);
  };

  const send = (id: number, command: string, input: unknown, resolve: Resolve): void => {
    let text: string;
    try {
      text = JSON.stringify({ kind: 'call', id, command, input });
    } catch {
      return resolve({ ok: false, error: { code: 'INPUT_INVALID', message: 'Input could not be serialized' } });
    }
    inflight.set(id, resolve);
    try {
      socket!.send(text);
    } catch {
      inflight.delete(id);
      resolve(disconnected());
    }
  };

  const onMessage = (data: unknown): void => {
    if (typeof data !== 'string') return;
    let msg: unknown;
    try {
      msg = JSON.parse(data);
    } catch {
      return;
    }
    if (typeof msg !== 'object' || msg === null) return;
    const m = msg as Record<string, unknown>;
    if (m.kind === 'result' && typeof m.id === 'number') {
      const resolve = inflight.get(m.id);
      if (!resolve) return;
      inflight.delete(m.id);
      resolve(toCallResult(m));
    } else if (m.kind === 'event' && typeof m.name === 'string') {
      emit(m.name, m.payload);
    }
  };

  const scheduleReconnect = (): void => {
    if (closed || reconnectTimer) return;
    const base = Math.min(maxDelay, minDelay * 2 ** attempt);
    attempt++;
    // Jitter spreads the reconnects of several stations after the host restarts.
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      connect();
    }, base * (0.5 + random() * 0.5));
  };

  const connect = (): void => {
    if (closed) return;
    let s: SocketLike;
    try {
      s = createSocket(url);
    } catch {
      scheduleReconnect();
      return;
    }
    socket = s;
    s.onopen = () => {
      if (socket !== s) return;
      attempt = 0;
      setConnected(true);
      for (const q of queued.splice(0)) {
        clearTimeout(q.timer);
        send(q.id, q.command, q.input, q.resolve);
      }
    };
    s.onmessage = (ev) => {
      if (socket === s) onMessage(ev.data);
    };
    s.onerror = () => {
      // A close event always follows; reconnecting is decided there.
    };
    s.onclose = () => {
      if (socket !== s) return;
      socket = null;
      const lost = [...inflight.values()];
      inflight.clear();
      setConnected(false);
      for (const resolve of lost) resolve(disconnected());
      scheduleReconnect();
    };
  };

  const bridge: BrowserBridge = {
    mode: 'browser',
    get connected() {
      return connected;
    },
    call(command: string, input: unknown): Promise<CallResult> {
      return new Promise<CallResult>((resolve) => {
        if (closed) return resolve(disconnected());
        const id = nextId++;
        if (connected && socket) return send(id, command, input, resolve);
        const entry: Queued = {
          id,
          command,
          input,
          resolve,
          timer: setTimeout(() => {
            const at = queued.indexOf(entry);
            if (at >= 0) queued.splice(at, 1);
            resolve(disconnected());
          }, offlineTimeoutMs),
        };
        queued.push(entry);
      });
    },
    on(event: string, listener: (payload: unknown) => void): () => void {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      // Wrapped so the same function subscribed twice gets two independent subscriptions.
      const wrapped = (payload: unknown) => listener(payload);
      set.add(wrapped);
      return () => {
        set.delete(wrapped);
      };
    },
    close(): void {
      if (closed) return;
      closed = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      reconnectTimer = null;
      const s = socket;
      socket = null;
      s?.close(1000, 'closed');
      for (const q of queued.splice(0)) {
        clearTimeout(q.timer);
        q.resolve(disconnected());
      }
      for (const resolve of inflight.values()) resolve(disconnected());
      inflight.clear();
      setConnected(false);
    },
  };

  connect();
  return bridge;
}

/**
 * Puts the WebSocket transport on `window.packdesk` unless the Electron preload already put its
 * IPC bridge there. Call once, before the first render.
 */
export function installBrowserBridge(options?: BrowserBridgeOptions): PackdeskBridge {
  const g = globalThis as { packdesk?: PackdeskBridge };
  if (g.packdesk) return g.packdesk;
  const bridge = createBrowserBridge(options);
  // Read-only like the preload's contextBridge property, so app code cannot swap the transport.
  Object.defineProperty(globalThis, 'packdesk', { value: bridge, enumerable: true, configurable: true, writable: false });
  return bridge;
}
