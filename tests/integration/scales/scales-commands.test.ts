// The scales commands through the core: the station's saved scale is opened by the core, a weight is
// offered only once settled, an unplugged scale is a state (not a failure) and typing stays possible.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeCore, type TestCore } from '../../fixtures/core.js';
import { closeScales, stationScale } from '../../../main/domain/scales/scale-service.js';
import type { Session } from '../../../main/core/core.js';

const until = async <T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 5000): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out; last ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('scales commands', () => {
  let t: TestCore;
  let packer: Session;
  let station: string;
  beforeAll(async () => {
    t = await makeCore();
    packer = await t.signedIn('packer');
    station = (await call(t.admin, 'stations.current', {})).name;
  });
  afterAll(async () => {
    await closeScales(t.core.store);
    await t.close();
  });

  it('says when the station has no scale', async () => {
    expect(await call(packer, 'scales.read', {})).toMatchObject({ connection: 'none', weight: null, reason: 'not_configured' });
    expect((await call(packer, 'scales.list', {})).protocols).toEqual(['hid_pos', 'mt_sics', 'cas', 'line']);
  });

  it("reads the station's scale once the weight settles, and reports an unplugged one", async () => {
    await call(t.admin, 'stations.update', { scale: { transport: 'simulated', protocol: 'mt_sics' } });
    const read = () => call(packer, 'scales.read', {});
    await until(read, (s) => s.connection === 'connected' && s.reason === 'zero');
    const sim = stationScale(t.core.store, station)!.simulator!;
    sim.place(800);
    const moving = await read();
    expect(moving.weight).toBeNull();
    const settled = await until(read, (s) => s.weight !== null);
    expect(settled.weight!.grams).toBe(800);
    expect(settled.live).toMatchObject({ grams: 800, stable: true, status: 'ok' });

    sim.unplug();
    expect(await read()).toMatchObject({ connection: 'disconnected', weight: null, reason: 'disconnected', error: { code: 'SCALE_DISCONNECTED' } });
    // The desk goes on: other commands answer, and the scale comes back once replugged.
    expect((await call(packer, 'stations.current', {})).scale.transport).toBe('simulated');
    sim.plugIn();
    await until(read, (s) => s.weight?.grams === 800, 8000);
  });

  it('tares where the protocol can and says so where it cannot', async () => {
    expect(await call(packer, 'scales.command', { action: 'tare' })).toEqual({ done: true, error: null });
    await call(t.admin, 'stations.update', { scale: { protocol: 'cas' } });
    expect(await call(packer, 'scales.command', { action: 'zero' })).toMatchObject({ done: false, error: { code: 'SCALE_UNSUPPORTED' } });
  });

  it('tests unsaved settings and refuses a broken line pattern', async () => {
    const run = await call(t.admin, 'scales.test', { scale: { transport: 'simulated', protocol: 'line' }, durationMs: 1500, placeGrams: 500 });
    expect(run.readings.length).toBeGreaterThan(3);
    expect(run.readings.at(-1)!.raw).toMatch(/^ST,GS,\+0000\.500kg$/);
    expect(run.weight).toMatchObject({ grams: 500 });
    const bad = await call(t.admin, 'scales.test', { scale: { transport: 'simulated', protocol: 'line', linePattern: '(' }, durationMs: 200 });
    expect(bad).toMatchObject({ connection: 'error', error: { code: 'SCALE_CONFIG_INVALID' }, readings: [] });
    const missing = await call(t.admin, 'scales.test', { scale: { transport: 'serial', protocol: 'cas', device: '/dev/packdesk-no-such-port' }, durationMs: 200 });
    expect(missing).toMatchObject({ connection: 'error', error: { code: 'SCALE_NOT_FOUND' } });
  });
});
