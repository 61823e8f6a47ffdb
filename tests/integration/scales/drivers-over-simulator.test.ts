// The real drivers over the simulated scale, through the port: a weight counts only once it settles,
// motion and overload take it away, and unplugging is a clear error.
import { afterEach, describe, expect, it } from 'vitest';
import { createProtocol, type ProtocolId, type ScaleProtocol } from '../../../main/devices/scales/protocols.js';
import { createScaleDriver } from '../../../main/devices/scales/scale-driver.js';
import { createScaleMonitor, type ScaleSnapshot } from '../../../main/devices/scales/scale-monitor.js';
import { createSimulatedScale } from '../../../main/devices/scales/simulated-scale.js';
import type { ScalePort } from '../../../main/devices/scales/scale-port.js';

const SETTLE = 250;
const open: ScalePort[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((p) => p.close()));
});

async function rig(protocol: ProtocolId, ragged = false) {
  const sim = createSimulatedScale({ protocol, settleMs: SETTLE, intervalMs: 20, noiseGrams: 1, ragged });
  const port = createScaleDriver({ transport: sim.transport, protocol: createProtocol(protocol, { pollMs: 20 }) as ScaleProtocol, noDataMs: 1000 });
  open.push(port);
  const monitor = createScaleMonitor(port, { count: 3, toleranceGrams: 2 });
  await port.open();
  const until = async (test: (s: ScaleSnapshot) => boolean, ms = 3000) => {
    const end = Date.now() + ms;
    for (;;) {
      const s = monitor.snapshot(Date.now());
      if (test(s)) return s;
      if (Date.now() > end) throw new Error(`timed out; last snapshot ${JSON.stringify(s)}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  return { sim, port, monitor, until };
}

describe.each([
  ['hid_pos', false], ['mt_sics', false], ['cas', false], ['line', false], ['mt_sics', true], ['cas', true], ['line', true],
] as const)('%s over the simulator (ragged: %s)', (protocol, ragged) => {
  it('accepts a weight only after it settles, loses it on motion and overload', async () => {
    const { sim, monitor, until } = await rig(protocol, ragged);
    await until((s) => s.reason === 'zero');
    const placedAt = Date.now();
    sim.place(1234);
    expect(monitor.snapshot(Date.now()).usable).toBeNull();
    await until((s) => s.reason === 'motion' || s.reason === 'settling');
    const settled = await until((s) => s.usable !== null);
    expect(Date.now() - placedAt).toBeGreaterThanOrEqual(SETTLE);
    expect(Math.abs(settled.usable!.grams - 1234)).toBeLessThanOrEqual(2);

    sim.shake();
    await until((s) => s.usable === null && s.reason === 'motion');
    await until((s) => s.usable !== null);

    sim.place(40_000);
    await until((s) => s.reason === 'overweight', 3000);
    sim.remove();
    await until((s) => s.reason === 'zero');
  });

  it('surfaces an unplugged scale as a clear error and recovers after replugging', async () => {
    const { sim, port, monitor, until } = await rig(protocol, ragged);
    sim.place(500);
    await until((s) => s.usable !== null);
    sim.unplug();
    const s = monitor.snapshot(Date.now());
    expect(s).toMatchObject({ usable: null, reason: 'disconnected', connection: { state: 'disconnected', error: { code: 'SCALE_DISCONNECTED' } } });
    await expect(port.open()).rejects.toMatchObject({ code: 'SCALE_NOT_FOUND' });
    sim.plugIn();
    await port.open();
    await until((x) => x.usable?.grams !== undefined && Math.abs(x.usable.grams - 500) <= 2);
  });
});

describe('port commands', () => {
  it('tares an MT-SICS balance; CAS and HID-POS say they cannot', async () => {
    const sics = await rig('mt_sics');
    sics.sim.place(200);
    await sics.until((s) => s.usable !== null);
    await sics.port.tare();
    await sics.until((s) => s.reason === 'zero');
    for (const p of ['cas', 'hid_pos'] as const) {
      const { port } = await rig(p);
      await expect(port.tare()).rejects.toMatchObject({ code: 'SCALE_UNSUPPORTED' });
    }
  });

  it('reads through the async iterator and reports a silent scale', async () => {
    const { sim, port } = await rig('line');
    sim.place(300);
    const seen: number[] = [];
    for await (const r of port.readings()) {
      seen.push(r.grams);
      if (seen.length === 5) break;
    }
    expect(seen).toHaveLength(5);
    // A polled protocol whose device never answers: wrong baud rate, wrong protocol.
    const mute = createScaleDriver({
      transport: { open: async () => undefined, write: async () => undefined, close: async () => undefined },
      protocol: createProtocol('mt_sics', { pollMs: 20 }) as ScaleProtocol,
      noDataMs: 100,
    });
    open.push(mute);
    await mute.open();
    await new Promise((r) => setTimeout(r, 300));
    expect(mute.status()).toMatchObject({ state: 'error', error: { code: 'SCALE_NO_DATA' } });
  });
});
