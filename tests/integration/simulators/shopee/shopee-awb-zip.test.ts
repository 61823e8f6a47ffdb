// The air waybill as a ZIP (some thermal setups get one): with the control's awbFormat 'zip',
// download_shipping_document answers application/zip holding one PDF per requested package, and the
// archive is one that the system's unzip lists, checks (CRC) and extracts.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../../../main/simulators/shared/clock.js';
import { DEMO_SHOPEE_PARTNER, DEMO_SHOPEE_SHOPS, DEMO_SHOPEE_SHOP_IDS, startShopeeSimulator, type ShopeeSimulatorHandle } from '../../../../main/simulators/shopee/index.js';
import { call, publicCall, shopCall, signedUrl, type Creds, type ShopCreds } from './shopee-http.js';

const SHOP = DEMO_SHOPEE_SHOP_IDS.main;
const clock = createManualClock(Date.UTC(2025, 6, 1, 1, 0, 0));
let sim: ShopeeSimulatorHandle;
let c: Creds;
let shop: ShopCreds;
const dir = mkdtempSync(join(tmpdir(), 'shopee-awb-zip-'));

beforeAll(async () => {
  sim = await startShopeeSimulator({
    clock: clock.now, partners: [DEMO_SHOPEE_PARTNER], shops: DEMO_SHOPEE_SHOPS, tickEveryMs: 0, seed: 3,
    timings: { trackingAfterMs: 0, documentAfterMs: 0 },
  });
  c = { url: sim.url, partnerId: sim.partnerId, partnerKey: sim.partnerKey, now: () => Math.floor(sim.control.now() / 1000) };
  const code = sim.control.issueAuthCode(SHOP);
  shop = { accessToken: (await publicCall(c, '/auth/token/get', { code, partner_id: c.partnerId, shop_id: SHOP })).json.access_token, shopId: SHOP };
});
afterAll(async () => {
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => sim.control.setAwbFormat('pdf'));

type Pkg = { order_sn: string; package_number: string };

/** Arranged (drop-off) and its document made: ready to download. */
async function printable(packages: Pkg[]): Promise<void> {
  for (const p of packages) expect((await shopCall(c, shop, '/logistics/ship_order', {}, { ...p, dropoff: {} })).json.error).toBe('');
  const made = await shopCall(c, shop, '/logistics/create_shipping_document', {}, { order_list: packages });
  expect(made.json.response.result_list.every((r: { fail_error?: string }) => r.fail_error === undefined)).toBe(true);
}

async function download(packages: Pkg[]): Promise<{ type: string | null; bytes: Buffer }> {
  const res = await fetch(signedUrl(c, '/api/v2/logistics/download_shipping_document', {}, shop), { method: 'POST', body: JSON.stringify({ order_list: packages }) });
  return { type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
}

const unzip = (args: string[]) => execFileSync('unzip', args, { encoding: 'latin1' });

describe('AWB as a ZIP', () => {
  it('one PDF per package named <order_sn>.pdf; PDF again once the setting goes back', async () => {
    const a = sim.control.createOrder({ shopId: SHOP });
    const b = sim.control.createOrder({ shopId: SHOP });
    const pkgs = [a, b].map((o) => ({ order_sn: o.order_sn, package_number: o.packages[0].package_number }));
    await printable(pkgs);

    expect((await call(`${sim.url}/__control/awb_format`, { format: 'zip' })).status).toBe(200);
    const zip = await download(pkgs);
    expect(zip.type).toBe('application/zip');
    const file = join(dir, 'two.zip');
    writeFileSync(file, zip.bytes);
    expect(unzip(['-t', file])).toContain('No errors detected');
    const listing = unzip(['-Z1', file]).trim().split('\n');
    expect(listing).toEqual([`${a.order_sn}.pdf`, `${b.order_sn}.pdf`]);
    for (const o of [a, b]) {
      const pdf = unzip(['-p', file, `${o.order_sn}.pdf`]);
      expect(pdf.startsWith('%PDF-')).toBe(true);
      const tracking = sim.control.order(o.order_sn)!.packages[0].tracking_number;
      expect(pdf).toContain(tracking);
      expect(pdf).toContain(o.order_sn);
    }

    expect((await call(`${sim.url}/__control/awb_format`, { format: 'tar' })).status).toBe(400);
    sim.control.setAwbFormat('pdf');
    const pdf = await download(pkgs);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('two packages of one split order get their package numbers in the entry names', async () => {
    const [x, y] = sim.control.items(SHOP).filter((i) => i.models[0].stock > 0);
    const split = sim.control.createOrder({ shopId: SHOP, lines: [{ itemId: x.item_id, modelId: x.models[0].model_id }, { itemId: y.item_id, modelId: y.models[0].model_id }], split: true });
    const pkgs = split.packages.map((p) => ({ order_sn: split.order_sn, package_number: p.package_number }));
    await printable(pkgs);
    sim.control.setAwbFormat('zip');
    const file = join(dir, 'split.zip');
    writeFileSync(file, (await download(pkgs)).bytes);
    expect(unzip(['-Z1', file]).trim().split('\n')).toEqual(pkgs.map((p) => `${split.order_sn}_${p.package_number}.pdf`));
    expect(unzip(['-t', file])).toContain('No errors detected');
  });
});
