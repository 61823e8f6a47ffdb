// Keeps the latest answer to "may this weight be used?" for one open scale: the port's readings run
// through the stability filter as they arrive, and a reading older than `staleMs` is not trusted (a
// scale that stopped talking must not leave yesterday's weight on screen).
import type { ScaleReading } from './reading.js';
import type { ScalePort, ScalePortStatus } from './scale-port.js';
import { initialStability, nextStability, type StabilityOptions, type StabilityState, type UnusableReason } from './stability.js';

export interface ScaleSnapshot {
  usable: { grams: number; at: number } | null;
  reason: UnusableReason | 'stale' | 'disconnected' | null;
  live: Pick<ScaleReading, 'grams' | 'stable' | 'status' | 'at'> | null;
  connection: ScalePortStatus;
}

export interface ScaleMonitor {
  snapshot(now: number): ScaleSnapshot;
  close(): void;
}

export function createScaleMonitor(port: ScalePort, options: StabilityOptions & { staleMs?: number }): ScaleMonitor {
  const staleMs = options.staleMs ?? 3000;
  let state: StabilityState = initialStability;
  const offReading = port.onReading((r) => (state = nextStability(state, r, options)));
  // A reconnect must not revive the weight measured before the cable came out.
  const offStatus = port.onStatus((s) => s.state !== 'connected' && s.error?.code !== 'SCALE_NO_DATA' && (state = initialStability));
  return {
    snapshot(now) {
      const connection = port.status();
      const last = state.last;
      const live = last && last.status !== 'error' ? { grams: last.grams, stable: last.stable, status: last.status, at: last.at } : null;
      if (connection.state !== 'connected') return { usable: null, reason: 'disconnected', live: null, connection };
      if (!last || now - last.at > staleMs) return { usable: null, reason: last ? 'stale' : 'no_reading', live: null, connection };
      return { usable: state.usable, reason: state.reason, live, connection };
    },
    close() {
      offReading();
      offStatus();
    },
  };
}
