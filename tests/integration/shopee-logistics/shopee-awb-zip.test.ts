import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullShopee } from '../../../main/domain/intake/intake-pull.js';
import { readZip } from '../../../main/domain/shopee-logistics/awb-zip.js';
import { startShopeeSimulator, type ShopeeSimulatorHandle } from '../../../main/simulators/shopee/index.js';
import { call } from '../../fixtures/core.js';
import { untilShopeeJobs } from './shopee-jobs-until.js';
import { connectCore, PARTNER, shopSeed, SHOP_ID, type IntakeSetup } from '../intake/intake-fixture.js';

// Shopee answering the AWB download with a ZIP (simulator control awbFormat 'zip', spec §1.4: some thermal
// setups): the job unpacks it and keeps the package's PDF, printable like any AWB; a ZIP that cannot be read
// is a clear job error with the received file kept, and a retry stores the PDF.

const DOWNLOAD = '/api/v2/logistics/download_shipping_document';
const skus = ['IT0-M', 'IT0-L', 'IT1-M', 'IT1-L'];

describe('Shopee AWB as a ZIP', () => {
  let sim: ShopeeSimulatorHandle;
  let x: IntakeSetup;
  const db = () => x.t.core.store.sqlite;
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const line = (i: number, m: number) => {
    const item = sim.control.items(SHOP_ID)[i];
    return { itemId: item.item_id, modelId: item.models[m].model_id, qty: 1 };
  };

  async function arranged(opts: { split?: boolean } = {}): Promise<{ id: number; sn: string }> {
    const o = sim.control.createOrder({ shopId: SHOP_ID, lines: opts.split ? [line(0, 0), line(1, 1)] : [line(1, 0)], split: opts.split });
    await wait(1100); // the pull's update-time window is in whole seconds
    await pullShopee({ store: x.t.core.store, secrets: x.t.core.secrets, now: () => sim.control.now(), sleep: async () => {} }, x.accountId);
    const id = db().prepare("SELECT id FROM orders WHERE channel = 'shopee' AND external_id = ?").pluck().get(o.order_sn) as number;
    await call(x.t.admin, 'shopeeLogistics.arrange', { orderId: id, method: 'auto' });
    return { id, sn: o.order_sn };
  }

  const shipment = (orderId: number) => db().prepare("SELECT id, code, label_file, error_code, error_message, error_hint FROM shipments WHERE order_id = ? AND carrier = 'shopee'").get(orderId) as
    { id: number; code: string; label_file: string | null; error_code: string | null; error_message: string | null; error_hint: string | null } | undefined;

  // The tracking poll backs off in real seconds: queued Shopee jobs are made due now.
  const until = <T>(what: string, fn: () => T | undefined | null | false, ms?: number) => untilShopeeJobs(db, () => db().prepare("UPDATE jobs SET run_after = 0 WHERE status = 'queued' AND kind LIKE 'shopee.%'").run(), what, fn, ms);

  const zipEntryOf = (orderId: number) => {
    const data = db().prepare("SELECT data_json FROM order_events WHERE order_id = ? AND kind = 'shopee_awb_stored'").pluck().get(orderId) as string | undefined;
    return data ? (JSON.parse(data) as { zipEntry?: string }).zipEntry : undefined;
  };

  beforeAll(async () => {
    sim = await startShopeeSimulator({ partners: [PARTNER], shops: [shopSeed(2, 100)], tickEveryMs: 0, generation: { ordersPerMinute: 0 }, timings: { trackingAfterMs: 0, documentAfterMs: 0 } });
    sim.control.setAwbFormat('zip');
    x = await connectCore(sim, { stock: 100, skus, core: { now: () => sim.control.now(), core: { runJobs: true, jobs: { pollMs: 5, random: () => 0 }, trackEveryMs: 0, demoNetwork: false } } });
  }, 60_000);
  afterAll(async () => {
    await x?.t.close();
    await sim?.close();
  });

  it('keeps the PDF of the order out of the ZIP, printable like any AWB', async () => {
    const o = await arranged();
    const s = await until('AWB stored', () => shipment(o.id)?.label_file ? shipment(o.id) : undefined);
    expect(s!.label_file).toBe(`labels/${s!.code}-AWB.pdf`);
    const bytes = readFileSync(join(x.t.dir, s!.label_file!));
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.toString('latin1')).toContain(`Ma don hang: ${o.sn}`);
    expect(zipEntryOf(o.id)).toBe(`${o.sn}.pdf`);
    // Shopee really answered a ZIP.
    expect(sim.control.requests().filter((r) => r.path === DOWNLOAD).length).toBeGreaterThan(0);
    const label = await call(x.t.admin, 'shipping.label', { id: s!.id });
    expect(Buffer.from(label.contentBase64, 'base64').equals(bytes)).toBe(true);
    expect((await call(x.t.admin, 'shopeeLogistics.status', { orderId: o.id })).shipment).toMatchObject({ awb: 'stored' });
  }, 60_000);

  it('a split order’s ZIP holds a PDF per package; the first package’s is kept', async () => {
    const o = await arranged({ split: true });
    const s = await until('AWB stored', () => shipment(o.id)?.label_file ? shipment(o.id) : undefined, 30_000);
    const first = db().prepare('SELECT package_number FROM shopee_packages WHERE shipment_id = ? ORDER BY package_number LIMIT 1').pluck().get(s!.id) as string;
    expect(zipEntryOf(o.id)).toBe(`${o.sn}_${first}.pdf`);
    expect(readFileSync(join(x.t.dir, s!.label_file!)).toString('latin1')).toContain(`Kien hang: ${first}`);
  }, 60_000);

  it('a ZIP that cannot be read is a clear job error, the received file kept; a retry stores the PDF', async () => {
    sim.control.failNext('malformed', 1, DOWNLOAD); // the answer cut in half, HTTP clean
    const o = await arranged();
    const s = await until('AWB refused', () => shipment(o.id)?.error_code ? shipment(o.id) : undefined, 30_000);
    expect(s).toMatchObject({ error_code: 'SHOPEE_AWB_ZIP_INVALID', label_file: null });
    expect(s!.error_message).toMatch(new RegExp(`${s!.code}.*ZIP that cannot be read`));
    const kept = `labels/${s!.code}-AWB.zip`;
    expect(s!.error_hint).toContain(kept);
    const raw = readFileSync(join(x.t.dir, kept));
    expect(raw.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(() => readZip(raw)).toThrow(/end-of-directory/);
    const job = db().prepare("SELECT id, status, last_error_code FROM jobs WHERE kind = 'shopee.awb' AND subject_id = ?").get(s!.id) as { id: number; status: string; last_error_code: string };
    expect(job).toMatchObject({ status: 'failed', last_error_code: 'SHOPEE_AWB_ZIP_INVALID' });
    expect(db().prepare("SELECT count(*) FROM exceptions WHERE order_id = ? AND status = 'open'").pluck().get(o.id)).toBe(1);

    await call(x.t.admin, 'jobs.retry', { id: job.id });
    const fixed = await until('AWB stored after the retry', () => shipment(o.id)?.label_file ? shipment(o.id) : undefined);
    expect(readFileSync(join(x.t.dir, fixed!.label_file!)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(fixed!.error_code).toBeNull();
    expect(db().prepare("SELECT count(*) FROM exceptions WHERE order_id = ? AND status = 'open'").pluck().get(o.id)).toBe(0);
    expect(existsSync(join(x.t.dir, kept))).toBe(true); // still there for whoever looks into it
  }, 60_000);
});
