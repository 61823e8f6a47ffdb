import { SCALE_PROTOCOLS, SCALE_TRANSPORTS, type ScaleConfig } from '../../api/stations.js';
import type { LiveReading, scalesContract } from '../../api/scales.js';
import type { CommandContext, HandlersFor } from '../../core/context.js';
import { listHidScales } from '../../devices/scales/hid-transport.js';
import { asScaleError } from '../../devices/scales/scale-driver.js';
import { listSerialPorts } from '../../devices/scales/serial-transport.js';
import { getSetting } from '../shared/settings.js';
import { getStation, stationNameOf } from '../stations/station-repo.js';
import { buildScale, ensureOpen, readStationScale, stateOf, stateWithoutScale, stationScale } from './scale-service.js';

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

/** The station's scale settings; the demo shop's desk weighs on the simulated scale until a manager saves its own. */
function configFor(ctx: CommandContext): { name: string; config: ScaleConfig; demo: boolean } {
  const name = stationNameOf(ctx);
  const station = getStation(ctx.store, name);
  const demo = getSetting(ctx.store, 'demo') === '1';
  const config = demo && station.id === null && station.scale.transport === 'none'
    ? { ...station.scale, transport: 'simulated' as const, protocol: 'line' as const }
    : station.scale;
  return { name, config, demo };
}

export const scaleHandlers: HandlersFor<typeof scalesContract> = {
  'scales.list': {
    async: async () => {
      const [serialPorts, hid] = await Promise.all([listSerialPorts(), listHidScales()]);
      return {
        protocols: [...SCALE_PROTOCOLS],
        transports: [...SCALE_TRANSPORTS],
        serialPorts,
        hidScales: hid.map((d) => ({ device: `${hex4(d.vendorId)}:${hex4(d.productId)}`, label: d.label })),
      };
    },
  },
  'scales.read': {
    async: async (ctx) => {
      const { name, config, demo } = configFor(ctx);
      return readStationScale(ctx.store, name, config, ctx.now, demo);
    },
  },
  'scales.command': {
    async: async (ctx, { action }) => {
      const { name, config, demo } = configFor(ctx);
      await readStationScale(ctx.store, name, config, ctx.now, demo);
      const port = stationScale(ctx.store, name)?.port;
      if (!port) return { done: false, error: { code: 'SCALE_NOT_FOUND' as const, message: 'this station has no scale' } };
      try {
        await (action === 'tare' ? port.tare() : port.zero());
        return { done: true, error: null };
      } catch (e) {
        const err = asScaleError(e);
        return { done: false, error: { code: err.code, message: err.message } };
      }
    },
  },
  'scales.test': {
    async: async (ctx, { scale, durationMs, placeGrams }) => {
      if (scale.transport === 'none') return { ...stateWithoutScale(scale), readings: [] };
      // A short settle so a test run of a few seconds shows the weight being accepted.
      const built = buildScale(scale, { settleMs: Math.min(600, durationMs / 3), intervalMs: 100 });
      const port = built.opened?.port;
      const readings: (LiveReading & { raw: string })[] = [];
      const off = port?.onReading((r) => readings.length < 50 && readings.push({ grams: r.grams, stable: r.stable, status: r.status, at: r.at, raw: r.raw }));
      try {
        await ensureOpen({ opened: built.opened, opening: null, lastAttempt: 0 }, ctx.now(), durationMs);
        if (placeGrams && built.opened?.simulator) built.opened.simulator.place(placeGrams);
        if (port?.status().state === 'connected') await new Promise((r) => setTimeout(r, durationMs));
        return { ...stateOf(scale, built, ctx.now()), readings };
      } finally {
        off?.();
        built.monitor?.close();
        await port?.close();
      }
    },
  },
};
