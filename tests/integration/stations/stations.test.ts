import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, callError, makeCore, TEST_PIN, type TestCore } from '../../fixtures/core.js';
import { addWarehouse } from '../../fixtures/builders.js';

describe('stations', () => {
  let t: TestCore;
  let first: number;
  let second: number;
  beforeAll(async () => {
    t = await makeCore();
    first = (await addWarehouse(t.admin)).id;
    second = (await addWarehouse(t.admin)).id;
  });
  afterAll(() => t.close());

  it('gives an unsaved station the defaults and the first active warehouse', async () => {
    const s = await call(t.admin, 'stations.current', {});
    expect(s).toMatchObject({ id: null, warehouseId: first, scanner: { minLength: 4, suffixCodes: ['Enter', 'NumpadEnter', 'Tab'] }, packing: { autoOpenNext: true }, scale: { transport: 'none' } });
  });

  it('saves a partial update without resetting the other options', async () => {
    await call(t.admin, 'stations.update', { scanner: { maxAvgMsPerChar: 40 }, packing: { printPackingSlip: true } });
    const s = await call(t.admin, 'stations.update', { warehouseId: second, scanner: { prefixCodes: ['F13'] } });
    expect(s.id).not.toBeNull();
    expect(s.warehouseId).toBe(second);
    expect(s.scanner).toMatchObject({ maxAvgMsPerChar: 40, prefixCodes: ['F13'], minLength: 4 });
    expect(s.packing).toMatchObject({ printPackingSlip: true, autoOpenNext: true });
    expect(await call(t.admin, 'stations.current', {})).toEqual(s);
  });

  it('keeps stations apart by name and lists them', async () => {
    await call(t.admin, 'stations.update', { name: 'Bàn 2', packing: { sound: false } });
    const list = await call(t.admin, 'stations.list', {});
    expect(list.map((s) => s.name)).toContain('Bàn 2');
    expect((await call(t.admin, 'stations.current', {})).packing.sound).toBe(true);
  });

  it('takes the station a browser names for itself', async () => {
    const s = t.core.openSession({ station: 'Bàn 2', remote: true });
    await call(s, 'session.signIn', { operatorId: await t.operatorId('packer'), pin: TEST_PIN });
    expect(await call(s, 'stations.current', {})).toMatchObject({ name: 'Bàn 2', packing: { sound: false } });
    expect((await call(s, 'session.state', {})).station).toBe('Bàn 2');
  });

  it('refuses bad values, unknown options and packers, changing nothing', async () => {
    const before = await call(t.admin, 'stations.current', {});
    expect((await callError(t.admin, 'stations.update', { scanner: { minLength: 0 } })).code).toBe('INPUT_INVALID');
    expect((await callError(t.admin, 'stations.update', { scanner: { prefixCodes: ['Ctrl+Ä'] } })).code).toBe('INPUT_INVALID');
    expect((await callError(t.admin, 'stations.update', { colour: 'red' })).code).toBe('INPUT_INVALID');
    expect((await callError(t.admin, 'stations.update', { warehouseId: 9999 })).code).toBe('NOT_FOUND');
    const packer = await t.signedIn('packer');
    expect((await callError(packer, 'stations.update', { packing: { sound: false } })).code).toBe('FORBIDDEN');
    expect(await call(t.admin, 'stations.current', {})).toEqual(before);
  });

  it('reads a stored option that no longer validates as its default', async () => {
    t.core.store.sqlite.prepare("UPDATE stations SET scanner_json = '{\"minLength\": -3}' WHERE name = 'Bàn 2'").run();
    const list = await call(t.admin, 'stations.list', {});
    expect(list.find((s) => s.name === 'Bàn 2')!.scanner.minLength).toBe(4);
  });
});
