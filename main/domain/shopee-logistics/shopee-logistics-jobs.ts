import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
  createShippingDocument, downloadShippingDocument, getShippingDocumentResult, getShippingParameter, getTrackingNumber, shipOrder,
  type ArrangeMethod, type PackageRef,
} from '../../connectors/marketplaces/shopee/shopee-logistics.js';
import { getOrderDetail } from '../../connectors/marketplaces/shopee/shopee-orders.js';
import type { ShopeeShop } from '../../connectors/marketplaces/shopee/shopee-shop.js';
import type { SecretBox } from '../../core/secret-box.js';
import type { Store } from '../../store/store.js';
import { isJobError, JobError } from '../../sync/job-error.js';
import { defineJobKind, enqueue, type JobKind } from '../../sync/outbox.js';
import { shopeeShopFor } from '../marketplaces/shopee/shopee-account.js';
import { addEvent } from '../orders/order-repo.js';
import { openException } from '../shipping/exceptions.js';
import { readShipment } from '../shipping/shipment-repo.js';
import { awbToKeep, ZipError } from './awb-zip.js';
import {
  AFTER_PICKUP, awbExtension, awbFileName, awbWindow, chooseMethod, packagesOf, PACKAGE_GONE, trackingPollDelayMs,
  type MethodChoice, type ShippingParams,
} from './shopee-logistics-rules.js';

// The outbox side of Shopee logistics: shopee.ship (arrange every package; idempotent: the order's
// packages are looked up first, and `package_already_shipped` means done) → shopee.tracking (polled with
// backoff until every package has a number) → shopee.awb (create → poll → download → stored in the data
// folder's labels/, as carrier labels are; only while the order is PROCESSED: never after SHIPPED).

const LABEL_DIR = 'labels';
export const AWB_SIZE = 'AWB';
const byShipment = z.object({ shipmentId: z.number().int().positive() });

interface Pkg { packageNumber: string; channel: string; logisticsStatus: string }

const refOf = (orderSn: string, packageNumber: string) => ({ orderSn, ...(packageNumber ? { packageNumber } : {}) });
const requestOf = (store: Store, shipmentId: number) => {
  const s = readShipment(store, shipmentId);
  return { s, req: JSON.parse(s.request_json) as { orderSn: string; choice: MethodChoice } };
};

export function toShippingParams(p: Awaited<ReturnType<typeof getShippingParameter>>): ShippingParams {
  return {
    infoNeeded: p.info_needed,
    pickup: p.pickup ? p.pickup.address_list.map((a) => ({
      addressId: a.address_id, address: [a.address, a.district, a.city, a.state].filter(Boolean).join(', '),
      timeSlots: a.time_slot_list.map((t) => ({ date: t.date, pickupTimeId: t.pickup_time_id, text: t.time_text ?? '' })),
    })) : null,
    dropoff: p.dropoff ? p.dropoff.branch_list.map((b) => ({ branchId: b.branch_id, address: [b.address, b.city, b.state].filter(Boolean).join(', ') })) : null,
  };
}

/** Shopee's "this package is already arranged" answer (§1.4: a second ship_order). */
const alreadyShipped = (e: unknown) => isJobError(e) && e.kind === 'permanent' && /package_already_shipped|already.?shipped|already.?arranged/i.test(`${e.message} ${String(e.raw ?? '')}`);

async function detailOf(shop: ShopeeShop, orderSn: string) {
  const [d] = await getOrderDetail(shop, [orderSn], ['package_list', 'shipping_carrier']);
  if (!d) throw new JobError('permanent', 'SHOPEE_ORDER_MISSING', `Shopee does not know order ${orderSn}`, { hint: 'The order may belong to another shop.' });
  return d;
}

const ARRANGED = new Set(['LOGISTICS_REQUEST_CREATED', ...PACKAGE_GONE]);

export function shopeeLogisticsJobKinds(deps: { dataDir: string; secrets: SecretBox }): JobKind<any, any>[] {
  // The core's clock signs the requests (Shopee refuses a timestamp 300 s off).
  const shopOf = (ctx: { store: Store; now(): number }, accountId: number) => shopeeShopFor(ctx.store, deps.secrets, accountId, { now: ctx.now });

  const ship = defineJobKind({
    kind: 'shopee.ship',
    payload: byShipment,
    // Order detail, then per package: parameters and ship_order.
    requests: () => 3,
    async run(ctx, { shipmentId }) {
      const { s, req } = requestOf(ctx.store, shipmentId);
      if (s.state !== 'booking') return { skipped: s.state };
      const shop = shopOf(ctx, s.account_id);
      // Looked up first, every run: a run after a lost answer finds the packages already arranged.
      const d = await detailOf(shop, req.orderSn);
      if (d.order_status === 'CANCELLED' || d.order_status === 'IN_CANCEL') {
        throw new JobError('permanent', 'SHOPEE_ORDER_CANCELLED', `Order ${req.orderSn} is ${d.order_status} on Shopee: not arranged`, { hint: 'Do not send the parcel.' });
      }
      if (d.order_status === 'UNPAID' || d.order_status === 'PENDING') {
        throw new JobError('permanent', 'SHOPEE_ORDER_NOT_READY', `Order ${req.orderSn} is ${d.order_status} on Shopee: it cannot be arranged yet`, { hint: 'Arrange it once Shopee shows it ready to ship.' });
      }
      const pkgs = packagesOf(d);
      const out: (Pkg & { reused: boolean })[] = [];
      for (const p of pkgs) {
        const done = ARRANGED.has(p.logisticsStatus) || (pkgs.length === 1 && (d.order_status === 'PROCESSED' || AFTER_PICKUP.has(d.order_status)));
        if (done) {
          out.push({ packageNumber: p.packageNumber, channel: p.shippingCarrier, logisticsStatus: p.logisticsStatus, reused: true });
          continue;
        }
        const ref = refOf(req.orderSn, p.packageNumber);
        const chosen = chooseMethod(toShippingParams(await getShippingParameter(shop, ref)), req.choice);
        if (!chosen.ok) throw new JobError('permanent', `SHOPEE_${chosen.code}`, chosen.message, { hint: 'Choose the method again on the order page (Giao hàng Shopee).' });
        let reused = false;
        try {
          await shipOrder(shop, ref, chosen.body as ArrangeMethod);
        } catch (error) {
          if (!alreadyShipped(error)) throw error;
          reused = true;
        }
        out.push({ packageNumber: p.packageNumber, channel: p.shippingCarrier, logisticsStatus: 'LOGISTICS_REQUEST_CREATED', reused });
      }
      return { packages: out, orderSn: req.orderSn };
    },
    applyResult(store, { shipmentId }, r: { packages?: (Pkg & { reused: boolean })[]; orderSn?: string }, _job, now) {
      if (!r.packages) return;
      const s = readShipment(store, shipmentId);
      const channel = [...new Set(r.packages.map((p) => p.channel).filter(Boolean))].join(', ');
      const ins = store.prepare(`INSERT INTO shopee_packages (shipment_id, package_number, order_sn, logistics_channel, logistics_status, shipped_at, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (shipment_id, package_number) DO UPDATE SET logistics_channel = excluded.logistics_channel,
        logistics_status = excluded.logistics_status, shipped_at = coalesce(shipped_at, excluded.shipped_at), updated_at = excluded.updated_at`);
      for (const p of r.packages) ins.run(shipmentId, p.packageNumber, r.orderSn!, p.channel, p.logisticsStatus, now, now, now);
      store.prepare(`UPDATE shipments SET state = 'booked', carrier_status = 'PROCESSED', service_name = ?, error_code = NULL, error_message = NULL, error_hint = NULL,
        updated_at = ? WHERE id = ?`).run(channel || 'Shopee', now, shipmentId);
      store.prepare(`INSERT OR IGNORE INTO shipment_events (shipment_id, at, carrier_status, description, mapped, source, dedupe_key, received_at)
        VALUES (?, ?, 'PROCESSED', 'Arranged with Shopee', 'booked', 'booking', ?, ?)`).run(shipmentId, now, `${shipmentId}:shopee-arranged`, now);
      addEvent(store, { orderId: s.order_id, at: now, operatorId: null, kind: 'shopee_arranged', data: { code: s.code, channel, packages: r.packages.map((p) => p.packageNumber), reused: r.packages.some((p) => p.reused) } });
      settleExceptions(store, s.order_id, `shopee-arrange:${s.code}`, 'Arranged with Shopee', now);
      enqueue(store, { kind: 'shopee.tracking', accountId: s.account_id, key: `shopee.tracking:${s.code}`, payload: { shipmentId }, subject: { type: 'shipment', id: shipmentId }, maxAttempts: 40 }, now);
    },
    applyFailure(store, { shipmentId }, error, _job, now) {
      const s = readShipment(store, shipmentId);
      if (s.state !== 'booking') return;
      store.prepare("UPDATE shipments SET state = 'booking_failed', error_code = ?, error_message = ?, error_hint = ?, updated_at = ? WHERE id = ?")
        .run(error.code, error.message, error.hint, now, shipmentId);
      addEvent(store, { orderId: s.order_id, at: now, operatorId: null, kind: 'shopee_arrange_failed', reason: error.message, data: { code: s.code, errorCode: error.code } });
      openException(store, { kind: 'booking_rejected', orderId: s.order_id, ref: `shopee-arrange:${s.code}`, message: error.message, details: { code: s.code, errorCode: error.code, hint: error.hint, carrier: 'shopee' } }, now);
    },
  });

  const tracking = defineJobKind({
    kind: 'shopee.tracking',
    payload: byShipment,
    requests: (job) => Math.max(1, Math.min(5, job.runs + 1)),
    async run(ctx, { shipmentId }) {
      const s = readShipment(ctx.store, shipmentId);
      if (s.state === 'cancelled' || s.state === 'booking_failed') return { skipped: s.state };
      const pkgs = ctx.store.prepare('SELECT package_number, order_sn, tracking_number FROM shopee_packages WHERE shipment_id = ? ORDER BY package_number').all(shipmentId) as
        { package_number: string; order_sn: string; tracking_number: string | null }[];
      const shop = shopOf(ctx, s.account_id);
      const found: { packageNumber: string; trackingNumber: string }[] = [];
      for (const p of pkgs) {
        if (p.tracking_number) continue;
        const t = await getTrackingNumber(shop, refOf(p.order_sn, p.package_number));
        if (t.tracking_number) found.push({ packageNumber: p.package_number, trackingNumber: t.tracking_number });
      }
      const missing = pkgs.filter((p) => !p.tracking_number && !found.some((f) => f.packageNumber === p.package_number)).length;
      // Shopee assigns numbers with a lag (§6): polled again, sooner at first, up to every 5 minutes.
      if (missing) {
        throw new JobError('transient', 'SHOPEE_TRACKING_PENDING', `Shopee has not assigned a tracking number yet (${missing} of ${pkgs.length} package(s))`, {
          hint: 'Packdesk asks again by itself.', retryAfterMs: trackingPollDelayMs(ctx.job.attempts + 1), raw: { found },
        });
      }
      return { found };
    },
    applyResult(store, { shipmentId }, r: { found?: { packageNumber: string; trackingNumber: string }[] }, _job, now) {
      if (!r.found) return;
      const upd = store.prepare('UPDATE shopee_packages SET tracking_number = ?, tracking_at = ?, updated_at = ? WHERE shipment_id = ? AND package_number = ?');
      for (const f of r.found) upd.run(f.trackingNumber, now, now, shipmentId, f.packageNumber);
      const s = readShipment(store, shipmentId);
      const first = store.prepare('SELECT tracking_number FROM shopee_packages WHERE shipment_id = ? AND tracking_number IS NOT NULL ORDER BY package_number LIMIT 1').pluck().get(shipmentId) as string | undefined;
      if (first && !s.tracking_number) {
        store.prepare("UPDATE shipments SET tracking_number = ?, state = CASE WHEN state = 'booking' THEN 'booked' ELSE state END, updated_at = ? WHERE id = ?").run(first, now, shipmentId);
        store.prepare('UPDATE orders SET tracking_number = ?, updated_at = ? WHERE id = ?').run(first, now, s.order_id);
        addEvent(store, { orderId: s.order_id, at: now, operatorId: null, kind: 'shipment_booked', data: { code: s.code, trackingNumber: first, carrier: 'shopee', packages: r.found } });
      }
      // The AWB is fetched now, while it still can be (it is gone once the order is SHIPPED).
      enqueueAwb(store, { id: s.id, code: s.code, account_id: s.account_id }, now);
    },
  });

  const awb = defineJobKind({
    kind: 'shopee.awb',
    payload: byShipment,
    requests: () => 4,
    async run(ctx, { shipmentId }) {
      const s = readShipment(ctx.store, shipmentId);
      if (s.state === 'cancelled' || s.state === 'booking_failed') return { skipped: s.state };
      const pkgs = ctx.store.prepare('SELECT package_number, order_sn, tracking_number FROM shopee_packages WHERE shipment_id = ? ORDER BY package_number').all(shipmentId) as
        { package_number: string; order_sn: string; tracking_number: string | null }[];
      if (!pkgs.length) return { skipped: 'no_packages' };
      const shop = shopOf(ctx, s.account_id);
      const d = await detailOf(shop, pkgs[0].order_sn);
      const window = awbWindow(d.order_status, packagesOf(d).map((p) => p.logisticsStatus), pkgs.every((p) => p.tracking_number));
      if (window === 'too_late') {
        throw new JobError('permanent', 'SHOPEE_AWB_TOO_LATE', `The Shopee AWB of ${s.code} can no longer be fetched: the order is ${d.order_status} on Shopee`, {
          hint: 'Shopee only gives the AWB between arranging and pickup; print it from Shopee Seller Centre if the parcel still needs one.',
        });
      }
      if (window === 'cancelled') throw new JobError('permanent', 'SHOPEE_ORDER_CANCELLED', `Order ${pkgs[0].order_sn} is ${d.order_status} on Shopee: no AWB`, { hint: 'Do not send the parcel.' });
      if (window === 'wait') throw new JobError('transient', 'SHOPEE_AWB_NOT_YET', `Shopee does not offer the AWB yet (order ${d.order_status})`, { hint: 'Packdesk asks again by itself.', retryAfterMs: 3_000 });
      const refs: PackageRef[] = pkgs.map((p) => ({ ...refOf(p.order_sn, p.package_number), trackingNumber: p.tracking_number! }));
      const statuses = async () => {
        try {
          return (await getShippingDocumentResult(shop, refs)).result_list.map((x) => ({ status: x.status ?? '', fail: x.fail_message || x.fail_error || '' }));
        } catch (error) {
          // Not created yet: Shopee refuses the question rather than answering "none".
          if (isJobError(error) && error.kind === 'permanent') return [];
          throw error;
        }
      };
      let result = await statuses();
      // Not created yet (Shopee answers FAILED "create the shipping document first", or nothing), or a
      // failed earlier attempt: (re)create once in this run; a FAILED right after our create is final.
      if (result.length < refs.length || result.some((x) => x.status !== 'READY' && x.status !== 'PROCESSING')) {
        await createShippingDocument(shop, refs);
        result = await statuses();
        const failed = result.find((x) => x.status === 'FAILED');
        if (failed) throw new JobError('permanent', 'SHOPEE_AWB_FAILED', `Shopee could not make the AWB: ${failed.fail || 'FAILED'}`, { hint: 'Retry the job; if it fails again, print the AWB from Shopee Seller Centre.' });
      }
      if (result.length < refs.length || result.some((x) => x.status !== 'READY')) {
        throw new JobError('transient', 'SHOPEE_AWB_PROCESSING', 'Shopee is still making the AWB', { hint: 'Packdesk asks again by itself.', retryAfterMs: 2_000 });
      }
      const doc = await downloadShippingDocument(shop, refs);
      const ext = awbExtension(doc.contentType, doc.body);
      let kept;
      try {
        // A thermal setup may get a ZIP of one PDF per package: the PDF is what prints.
        kept = awbToKeep(ext, doc.body, { orderSn: pkgs[0].order_sn, packageNumber: pkgs[0].package_number });
      } catch (error) {
        if (!(error instanceof ZipError)) throw error;
        const raw = keepLabel(deps.dataDir, awbFileName(s.code, ext), doc.body);
        throw new JobError('permanent', 'SHOPEE_AWB_ZIP_INVALID', `Shopee's AWB for ${s.code} came as a ZIP that cannot be read: ${error.message}`, {
          hint: `Retry the job; if it fails again, print the AWB from Shopee Seller Centre. The file received is kept as ${raw} for diagnosis.`, raw: { file: raw, problem: error.problem },
        });
      }
      return { file: keepLabel(deps.dataDir, awbFileName(s.code, kept.ext), kept.body), entry: kept.entry ?? null };
    },
    applyResult(store, { shipmentId }, r: { file?: string; entry?: string | null }, _job, now) {
      if (!r.file) return;
      store.prepare('INSERT INTO shipment_labels (shipment_id, size, file, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (shipment_id, size) DO UPDATE SET file = excluded.file')
        .run(shipmentId, AWB_SIZE, r.file, now);
      store.prepare('UPDATE shipments SET label_file = ?, label_format = ?, error_code = NULL, error_message = NULL, error_hint = NULL, updated_at = ? WHERE id = ?').run(r.file, AWB_SIZE, now, shipmentId);
      const s = readShipment(store, shipmentId);
      addEvent(store, { orderId: s.order_id, at: now, operatorId: null, kind: 'shopee_awb_stored', data: { code: s.code, file: r.file, ...(r.entry ? { zipEntry: r.entry } : {}) } });
      settleExceptions(store, s.order_id, `shopee-awb:${s.code}`, 'AWB stored', now);
    },
    applyFailure(store, { shipmentId }, error, _job, now) {
      const s = readShipment(store, shipmentId);
      store.prepare('UPDATE shipments SET error_code = ?, error_message = ?, error_hint = ?, updated_at = ? WHERE id = ?').run(error.code, error.message, error.hint, now, shipmentId);
      addEvent(store, { orderId: s.order_id, at: now, operatorId: null, kind: 'shopee_awb_failed', reason: error.message, data: { code: s.code, errorCode: error.code } });
      openException(store, { kind: 'carrier_exception', orderId: s.order_id, ref: `shopee-awb:${s.code}`, message: error.message, details: { code: s.code, errorCode: error.code, hint: error.hint, carrier: 'shopee' } }, now);
    },
  });

  return [ship, tracking, awb];
}

/** Writes a label file under labels/ and returns its path relative to the data folder. */
function keepLabel(dataDir: string, file: string, bytes: Uint8Array): string {
  const dir = join(dataDir, LABEL_DIR);
  mkdirSync(dir, { recursive: true });
  // Under a temporary name first: a crash never leaves half an AWB that looks whole.
  writeFileSync(join(dir, `${file}.partial`), bytes);
  renameSync(join(dir, `${file}.partial`), join(dir, file));
  return `${LABEL_DIR}/${file}`;
}

// Exceptions of Shopee shipments are raised on the order (shipment_id NULL, the shipment code in `ref`): the
// exceptions list and its carrier column know only GHN and Viettel Post.
function settleExceptions(store: Store, orderId: number, ref: string, resolution: string, now: number): void {
  store.prepare("UPDATE exceptions SET status = 'resolved', resolution = ?, resolved_at = ? WHERE status = 'open' AND order_id = ? AND shipment_id IS NULL AND ref = ?")
    .run(resolution, now, orderId, ref);
}

export function enqueueAwb(store: Store, s: { id: number; code: string; account_id: number }, now: number): number {
  return enqueue(store, { kind: 'shopee.awb', accountId: s.account_id, key: `shopee.awb:${s.code}`, payload: { shipmentId: s.id }, subject: { type: 'shipment', id: s.id }, maxAttempts: 30 }, now);
}

/** Whether the AWB of a Shopee shipment is still on its way (arrange, tracking number or download jobs pending). */
export function shopeeAwbPending(store: Store, shipmentId: number): boolean {
  return !!store.prepare(`SELECT 1 FROM jobs WHERE subject_type = 'shipment' AND subject_id = ? AND kind IN ('shopee.ship', 'shopee.tracking', 'shopee.awb')
    AND status IN ('queued', 'running') LIMIT 1`).get(shipmentId);
}
