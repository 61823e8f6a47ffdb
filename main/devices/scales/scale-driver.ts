// The driver joins a protocol to a byte transport: it frames and decodes what arrives, polls the
// scales that must be asked, answers handshakes, and turns transport failures into port status.
// It never throws from a data callback: a bad frame is an error reading, a lost device a status.
import type { ScaleProtocol } from './protocols.js';
import type { ScaleReading } from './reading.js';
import { ScaleError, type ByteTransport, type ScalePort, type ScalePortStatus } from './scale-port.js';

export interface ScaleDriverOptions {
  transport: ByteTransport;
  protocol: ScaleProtocol;
  now?: () => number;
  /** No frame for this long while connected = SCALE_NO_DATA (wrong baud rate, wrong protocol, cable). */
  noDataMs?: number;
}

export function createScaleDriver(opts: ScaleDriverOptions): ScalePort {
  const { transport, protocol } = opts;
  const now = opts.now ?? Date.now;
  const noDataMs = opts.noDataMs ?? 3000;
  const readingListeners = new Set<(r: ScaleReading) => void>();
  const statusListeners = new Set<(s: ScalePortStatus) => void>();
  let status: ScalePortStatus = { state: 'idle', error: null };
  let poll: ReturnType<typeof setInterval> | null = null;
  let watchdog: ReturnType<typeof setTimeout> | null = null;
  let lastFrameAt = 0;

  const setStatus = (next: ScalePortStatus) => {
    status = next;
    for (const l of [...statusListeners]) l(next);
  };
  const fail = (error: ScaleError, state: 'disconnected' | 'error') => setStatus({ state, error: { code: error.code, message: error.message } });
  const stopTimers = () => {
    if (poll) clearInterval(poll);
    if (watchdog) clearInterval(watchdog);
    poll = watchdog = null;
  };
  const send = (bytes: Uint8Array) => transport.write(bytes).catch((e) => fail(asScaleError(e), 'error'));

  const onData = (chunk: Uint8Array) => {
    const frames = framer.push(chunk);
    for (const frame of frames) {
      const at = now();
      lastFrameAt = at;
      if (status.state === 'error' && status.error?.code === 'SCALE_NO_DATA') setStatus({ state: 'connected', error: null });
      const outcome = protocol.decode(frame, at);
      if (!outcome) continue;
      if ('reply' in outcome) void send(outcome.reply);
      else for (const l of [...readingListeners]) l(outcome.reading);
    }
  };
  let framer = protocol.createFramer();

  const port: ScalePort = {
    protocol: protocol.id,
    status: () => status,
    async open() {
      if (status.state === 'connected' || status.state === 'connecting') return;
      framer = protocol.createFramer();
      setStatus({ state: 'connecting', error: null });
      try {
        await transport.open({
          data: onData,
          closed: (error) => {
            stopTimers();
            if (status.state !== 'idle') fail(error ?? new ScaleError('SCALE_DISCONNECTED', 'the scale was disconnected'), 'disconnected');
          },
        });
      } catch (e) {
        const error = asScaleError(e);
        fail(error, 'error');
        throw error;
      }
      lastFrameAt = now();
      setStatus({ state: 'connected', error: null });
      if (protocol.request && protocol.pollMs) {
        void send(protocol.request);
        poll = setInterval(() => void send(protocol.request!), protocol.pollMs);
        poll.unref?.();
      }
      watchdog = setInterval(() => {
        if (status.state === 'connected' && now() - lastFrameAt > noDataMs) {
          fail(new ScaleError('SCALE_NO_DATA', `no data from the scale for ${Math.round(noDataMs / 1000)} s — check the cable, baud rate and protocol`), 'error');
        }
      }, Math.max(50, Math.min(1000, noDataMs / 4)));
      watchdog.unref?.();
    },
    onReading(listener) {
      readingListeners.add(listener);
      return () => readingListeners.delete(listener);
    },
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    readings: (signal) => iterate(port, signal),
    async requestWeight() {
      if (protocol.request) await transport.write(protocol.request);
    },
    tare: () => command(protocol.tare, 'tare'),
    zero: () => command(protocol.zero, 'zero'),
    async close() {
      stopTimers();
      const was = status.state;
      setStatus({ state: 'idle', error: null });
      if (was !== 'idle') await transport.close().catch(() => undefined);
    },
  };
  const command = async (bytes: Uint8Array | undefined, name: string) => {
    if (!bytes) throw new ScaleError('SCALE_UNSUPPORTED', `this scale's protocol (${protocol.id}) cannot ${name} from the computer — use the scale's own key`);
    if (status.state !== 'connected') throw new ScaleError('SCALE_DISCONNECTED', 'the scale is not connected');
    await transport.write(bytes);
  };
  return port;
}

export function asScaleError(e: unknown): ScaleError {
  return e instanceof ScaleError ? e : new ScaleError('SCALE_OPEN_FAILED', e instanceof Error ? e.message : String(e), e);
}

/** Readings as an async iterator over the listener API; ends when the port goes idle or the signal aborts. */
function iterate(port: ScalePort, signal?: AbortSignal): AsyncIterable<ScaleReading> {
  return {
    [Symbol.asyncIterator]() {
      const queue: ScaleReading[] = [];
      let wake: (() => void) | null = null;
      let done = false;
      const finish = () => {
        done = true;
        offReading();
        offStatus();
        wake?.();
      };
      const offReading = port.onReading((r) => {
        queue.push(r);
        wake?.();
      });
      const offStatus = port.onStatus((s) => s.state === 'idle' && finish());
      signal?.addEventListener('abort', finish, { once: true });
      return {
        async next(): Promise<IteratorResult<ScaleReading>> {
          while (!queue.length && !done) await new Promise<void>((r) => (wake = r));
          wake = null;
          const value = queue.shift();
          return value ? { value, done: false } : { value: undefined, done: true };
        },
        async return() {
          finish();
          return { value: undefined, done: true };
        },
      };
    },
  };
}
