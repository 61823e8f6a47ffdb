// Every fault kind on the GHN simulator, the per-token rate limit, and seeded reproducibility.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../../main/simulators/shared/clock.js';
import { startGhnSimulator, type GhnControl } from '../../../main/simulators/ghn/ghn-simulator.js';
import { send, transportError } from './sim-http.js';

const TOKEN = 'fault-token';
const SHOP = 7;
const HEADERS = { Token: TOKEN, ShopId: String(SHOP) };
let sim: Awaited<ReturnType<typeof startGhnSimulator>>;
let control: GhnControl;

const body = (clientOrderCode: string) => ({
  payment_type_id: 1,
  required_note: 'KHONGCHOXEMHANG',
  service_type_id: 2,
  to_name: 'Trần Văn Nam',
  to_phone: '0987654321',
  to_address: '88 Nguyễn Trãi',
  to_ward_code: '1A1610',
  to_district_id: 1493,
  weight: 300,
  length: 10,
  width: 10,
  height: 5,
  client_order_code: clientOrderCode,
});
const create = (code: string, timeoutMs?: number) => send(`${sim.url}/shiip/public-api/v2/shipping-order/create`, { body: body(code), headers: HEADERS, timeoutMs });

beforeAll(async () => {
  sim = await startGhnSimulator({ tokens: [TOKEN], shops: [SHOP], faults: { timeoutHoldMs: 200 } });
  control = sim.control;
});
afterAll(() => sim.close());
afterEach(() => control.reset());

describe('faults', () => {
  it('429 with Retry-After, without creating anything', async () => {
    control.setFaults({ rateLimitRate: 1, retryAfterSeconds: 7, timeoutHoldMs: 200 });
    const r = await create('F-429');
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('7');
    expect(control.orders()).toHaveLength(0);
  });

  it('502 with an HTML page or 503 with JSON, without creating anything', async () => {
    control.setFaults({ serverErrorRate: 1 });
    const seen = new Set<number>();
    for (let i = 0; i < 12; i++) {
      const r = await create(`F-5XX-${i}`);
      seen.add(r.status);
      if (r.status === 502) expect(r.text).toContain('<html>');
      else expect(r.json).toMatchObject({ code: 503 });
    }
    expect(seen).toEqual(new Set([502, 503]));
    expect(control.orders()).toHaveLength(0);
  });

  it('timeout: holds the request past the client timeout and creates nothing', async () => {
    control.setFaults({ timeoutRate: 1, timeoutHoldMs: 5_000 });
    const err = await transportError(create('F-TIMEOUT', 300));
    expect(err?.name).toBe('TimeoutError');
    expect(control.orders()).toHaveLength(0);
    expect(control.requests().at(-1)).toMatchObject({ status: 0, fault: 'timeout' });
  });

  it('timeout: drops the connection when the hold ends', async () => {
    control.setFaults({ timeoutRate: 1, timeoutHoldMs: 100 });
    const err = await transportError(create('F-HOLD', 3_000));
    expect(err).toBeInstanceOf(TypeError);
  });

  it('drop after commit: the order exists though the client heard nothing, and a retry gets the same code', async () => {
    control.failNext('dropAfterCommit', 1, '/shiip/public-api/v2/shipping-order/create');
    const err = await transportError(create('F-DROP'));
    expect(err).toBeInstanceOf(TypeError);
    const made = control.orders();
    expect(made).toHaveLength(1);
    expect(made[0].client_order_code).toBe('F-DROP');
    const retry = await create('F-DROP');
    expect(retry.json.data.order_code).toBe(made[0].order_code);
    expect(control.orders()).toHaveLength(1);
    expect(control.requests().map((r) => [r.status, r.fault, r.note])).toEqual([
      [0, 'dropAfterCommit', 'created'],
      [200, undefined, 'replayed'],
    ]);
  });

  it('malformed: truncated JSON with a consistent Content-Length, the order made', async () => {
    control.failNext('malformed');
    const r = await create('F-BAD-JSON');
    expect(r.status).toBe(200);
    expect(r.json).toBeUndefined();
    expect(() => JSON.parse(r.text)).toThrow();
    expect(r.text.startsWith('{"code":200')).toBe(true);
    expect(control.orders()).toHaveLength(1);
  });

  it('adds latency to business calls only', async () => {
    control.setFaults({ latencyMs: 150 });
    let t = Date.now();
    await create('F-SLOW');
    expect(Date.now() - t).toBeGreaterThanOrEqual(140);
    t = Date.now();
    await send(`${sim.url}/shiip/public-api/master-data/province`, { headers: { Token: TOKEN } });
    expect(Date.now() - t).toBeLessThan(140);
  });

  it('leaves master data alone by default and follows a custom path list', async () => {
    control.setFaults({ serverErrorRate: 1 });
    expect((await send(`${sim.url}/shiip/public-api/master-data/province`, { headers: { Token: TOKEN } })).status).toBe(200);
    control.setFaults({ serverErrorRate: 1, paths: ['/shiip/public-api/master-data/*'] });
    expect((await send(`${sim.url}/shiip/public-api/master-data/province`, { headers: { Token: TOKEN } })).status).toBeGreaterThanOrEqual(502);
    expect((await create('F-PATHS')).status).toBe(200);
  });

  it('answers a request body that is not JSON with a GHN error, and survives', async () => {
    const r = await send(`${sim.url}/shiip/public-api/v2/shipping-order/create`, { raw: '{"payment_type_id": 1,', headers: HEADERS });
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ code: 400, code_message: 'USER_ERR_COMMON' });
    expect((await create('F-AFTER')).status).toBe(200);
  });

  it('replays the same fault sequence for the same seed', async () => {
    const run = async () => {
      const s = await startGhnSimulator({ tokens: [TOKEN], shops: [SHOP], seed: 42, faults: { serverErrorRate: 0.3, rateLimitRate: 0.2 } });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 15; i++) {
          const r = await send(`${s.url}/shiip/public-api/v2/shipping-order/create`, { body: body(`S-${i}`), headers: HEADERS });
          statuses.push(r.status);
        }
        return { statuses, codes: s.control.orders().map((o) => o.order_code) };
      } finally {
        await s.close();
      }
    };
    const [a, b] = [await run(), await run()];
    expect(a).toEqual(b);
    expect(new Set(a.statuses).size).toBeGreaterThan(1);
  });
});

describe('rate limit per token', () => {
  it('answers 429 with Retry-After over the limit, and frees up after a minute', async () => {
    const clock = createManualClock();
    const limited = await startGhnSimulator({ tokens: [TOKEN, 'other'], shops: [SHOP], clock: clock.now, rateLimitPerMinute: 3 });
    try {
      const call = (token = TOKEN) => send(`${limited.url}/shiip/public-api/master-data/province`, { headers: { Token: token } });
      for (let i = 0; i < 3; i++) expect((await call()).status).toBe(200);
      clock.advance(20_000);
      const over = await call();
      expect(over.status).toBe(429);
      expect(over.headers.get('retry-after')).toBe('40');
      expect((await call('other')).status).toBe(200);
      clock.advance(40_000);
      expect((await call()).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
