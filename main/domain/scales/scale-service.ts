// Which process drives the scale: the core. It already owns the other devices (DESIGN.md §1), runs the
// same under Electron, the web host and the CLI, keeps working when the window reloads, and lets the
// real drivers be tested in plain Node over the simulator. serialport and node-hid load their N-API
// prebuilds in Electron's utilityProcess as in Node. The renderer only polls `scales.read`.
// (A browser on another machine of the LAN weighs on this machine's scale or types the weight; a scale
// plugged into that browser's machine would need a Web Serial/WebHID transport in the renderer.)
import type { SCALE_ERROR_CODES, SCALE_READING_STATUSES, ScaleState } from '../../api/scales.js';
import type { ScaleConfig } from '../../api/stations.js';
import { startDemoLoad } from '../../devices/scales/demo-load.js';
import { createStationScale, type OpenedScale, type ScaleSetup } from '../../devices/scales/open-scale.js';
import { asScaleError } from '../../devices/scales/scale-driver.js';
import { createScaleMonitor, type ScaleMonitor } from '../../devices/scales/scale-monitor.js';
import type { ScaleError, ScaleErrorCode } from '../../devices/scales/scale-port.js';
import type { ReadingStatus } from '../../devices/scales/reading.js';
import type { SimulatedScaleOptions } from '../../devices/scales/simulated-scale.js';
import type { Store } from '../../store/store.js';

// The contract lists the devices' codes and statuses again (main/api stays free of device code);
// these fail to compile the day the two drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const codesMatch: Same<ScaleErrorCode, (typeof SCALE_ERROR_CODES)[number]> = true;
export const statusesMatch: Same<ReadingStatus, (typeof SCALE_READING_STATUSES)[number]> = true;

const RETRY_MS = 2_000;
const OPEN_WAIT_MS = 1_500;

interface Live {
  key: string;
  config: ScaleConfig;
  opened: OpenedScale | null;
  configError: ScaleError | null;
  monitor: ScaleMonitor | null;
  opening: Promise<void> | null;
  lastAttempt: number;
  stopDemo: (() => void) | null;
}

const services = new WeakMap<Store, Map<string, Live>>();
const stationsOf = (store: Store) => {
  let m = services.get(store);
  if (!m) services.set(store, (m = new Map()));
  return m;
};

export const setupOf = (config: ScaleConfig): ScaleSetup => ({
  transport: config.transport, protocol: config.protocol, device: config.device, baudRate: config.baudRate, linePattern: config.linePattern,
});

export const stateWithoutScale = (config: ScaleConfig): ScaleState => ({
  transport: config.transport, protocol: config.protocol, connection: 'none', error: null, weight: null, reason: 'not_configured', live: null,
});

/** Builds the port and its monitor; a config the devices refuse is kept as the error to show. */
export function buildScale(config: ScaleConfig, simulated?: Partial<SimulatedScaleOptions>): Pick<Live, 'opened' | 'configError' | 'monitor'> {
  try {
    const opened = createStationScale(setupOf(config), simulated);
    const monitor = opened ? createScaleMonitor(opened.port, { count: config.stableReadings, toleranceGrams: config.toleranceGrams }) : null;
    return { opened, configError: null, monitor };
  } catch (e) {
    return { opened: null, configError: asScaleError(e), monitor: null };
  }
}

/** Opens (or retries) without making a caller wait longer than OPEN_WAIT_MS for a slow device. */
export async function ensureOpen(live: Pick<Live, 'opened' | 'opening' | 'lastAttempt'>, now: number, wait = OPEN_WAIT_MS): Promise<void> {
  const port = live.opened?.port;
  if (!port) return;
  const { state, error } = port.status();
  const needsOpen = state === 'idle' || state === 'disconnected' || (state === 'error' && error?.code !== 'SCALE_NO_DATA');
  if (needsOpen && !live.opening && (state === 'idle' || now - live.lastAttempt >= RETRY_MS)) {
    live.lastAttempt = now;
    live.opening = port.open().catch(() => undefined).finally(() => (live.opening = null));
  }
  if (live.opening) await Promise.race([live.opening, new Promise((r) => setTimeout(r, wait).unref?.())]);
}

export function stateOf(config: ScaleConfig, live: Pick<Live, 'opened' | 'configError' | 'monitor'>, now: number): ScaleState {
  const base = { transport: config.transport, protocol: config.protocol };
  if (live.configError || !live.monitor) {
    const error = live.configError ? { code: live.configError.code, message: live.configError.message } : null;
    return { ...base, connection: 'error', error, weight: null, reason: 'error', live: null };
  }
  const snap = live.monitor.snapshot(now);
  const { state, error } = snap.connection;
  const reason = state === 'connecting' ? 'connecting' : snap.reason;
  return { ...base, connection: state, error, weight: snap.usable, reason: snap.usable ? null : reason ?? 'no_reading', live: snap.live };
}

/** The station's scale, connected on first use and re-created when its settings change. */
export async function readStationScale(store: Store, station: string, config: ScaleConfig, now: () => number, demo: boolean): Promise<ScaleState> {
  const stations = stationsOf(store);
  const key = JSON.stringify(config);
  let live = stations.get(station.toLowerCase());
  if (live && live.key !== key) {
    await closeLive(live);
    live = undefined;
  }
  if (config.transport === 'none') {
    stations.delete(station.toLowerCase());
    return stateWithoutScale(config);
  }
  if (!live) {
    live = { key, config, ...buildScale(config), opening: null, lastAttempt: 0, stopDemo: null };
    if (demo && live.opened?.simulator) live.stopDemo = startDemoLoad(live.opened.simulator);
    stations.set(station.toLowerCase(), live);
  }
  await ensureOpen(live, now());
  return stateOf(config, live, now());
}

export function stationScale(store: Store, station: string): OpenedScale | null {
  return stationsOf(store).get(station.toLowerCase())?.opened ?? null;
}

async function closeLive(live: Live): Promise<void> {
  live.stopDemo?.();
  live.monitor?.close();
  await live.opened?.port.close();
}

/** Closes every scale the core opened for this store (call when the core shuts down). */
export async function closeScales(store: Store): Promise<void> {
  const stations = services.get(store);
  if (!stations) return;
  services.delete(store);
  await Promise.all([...stations.values()].map(closeLive));
}
