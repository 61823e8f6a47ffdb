import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Label } from '../../devices/label/label-model.js';
import { packingSlip } from '../../devices/label/layouts/packing-slip.js';
import { shippingLabel } from '../../devices/label/layouts/shipping-label.js';
import { testLabel } from '../../devices/label/layouts/test-label.js';
import { sniffDocument } from '../../devices/label/pdf-raster.js';
import type { PrinterProfile } from '../../devices/label/media.js';
import type { Store } from '../../store/store.js';
import { pickListDocument } from '../picking/pick-list-document.js';
import { ownLabelData } from '../shipping/own-label.js';
import { shopeeAwbPending } from '../shopee-logistics/shopee-logistics-jobs.js';
import type { PrintDocument } from './print-documents.js';
import type { PrintMessageCode } from './print-job-rules.js';

// The document map: what each kind of print document is, read from the store (and the data folder)
// at the moment it prints. Synchronous store reads only; rendering to bytes happens in print-render.ts.

export type PrintSource =
  | { outcome: 'label'; label: Label; trackingNumber?: string }
  | { outcome: 'file'; bytes: Uint8Array; trackingNumber?: string }
  | { outcome: 'wait'; code: PrintMessageCode; detail?: string }
  | { outcome: 'refuse'; code: PrintMessageCode; detail?: string };

/** A carrier's label download still running for this shipment, started this recently, is worth waiting for. */
const DOWNLOAD_WAIT_MS = 20_000;

/** The order a document belongs to, so the cancelled-order gate applies to it. */
export function orderOfDocument(store: Store, doc: PrintDocument): number | null {
  if (doc.kind === 'packing-slip') return doc.orderId;
  if (doc.kind === 'shipment-label') {
    return (store.prepare('SELECT order_id FROM shipments WHERE id = ?').get(doc.shipmentId) as { order_id: number } | undefined)?.order_id ?? null;
  }
  return null;
}

/** Hard gate (issue 4 §3): nothing about a cancelled order prints, checked when the job runs. */
export function cancelledOrderGate(store: Store, orderId: number | null): Extract<PrintSource, { outcome: 'refuse' }> | null {
  if (orderId === null) return null;
  const o = store.prepare('SELECT number, status FROM orders WHERE id = ?').get(orderId) as { number: string; status: string } | undefined;
  return o?.status === 'cancelled' ? { outcome: 'refuse', code: 'ORDER_CANCELLED', detail: o.number } : null;
}

function shipmentSource(store: Store, dataDir: string, shipmentId: number, profile: PrinterProfile, now: number): PrintSource {
  const s = store.prepare('SELECT id, code, carrier, state, tracking_number, label_file FROM shipments WHERE id = ?').get(shipmentId) as
    { id: number; code: string; carrier: string; state: string; tracking_number: string | null; label_file: string | null } | undefined;
  if (!s) return { outcome: 'refuse', code: 'DOCUMENT_UNAVAILABLE', detail: `shipment ${shipmentId}` };
  if (['booking_failed', 'cancelling', 'cancelled'].includes(s.state)) return { outcome: 'refuse', code: 'SHIPMENT_NOT_LIVE', detail: s.code };
  if (s.state === 'booking' || !s.tracking_number) return { outcome: 'wait', code: 'SHIPMENT_BOOKING', detail: s.code };
  const trackingNumber = s.tracking_number;
  if (s.label_file && existsSync(join(dataDir, s.label_file))) {
    const bytes = readFileSync(join(dataDir, s.label_file));
    // Some carriers answer with an HTML print page: no printer takes that, our own layout does.
    if (sniffDocument(bytes)) return { outcome: 'file', bytes, trackingNumber };
  } else if (s.carrier === 'shopee') {
    // Shopee logistics: only Shopee's AWB will do (never our own layout). Wait while it is on its way.
    return shopeeAwbPending(store, s.id) ? { outcome: 'wait', code: 'LABEL_DOWNLOADING', detail: s.code } : { outcome: 'refuse', code: 'DOCUMENT_UNAVAILABLE', detail: s.code };
  } else {
    const download = store.prepare(`SELECT created_at FROM jobs WHERE kind = 'shipment.label' AND subject_type = 'shipment' AND subject_id = ?
      AND status IN ('queued', 'running') ORDER BY id DESC LIMIT 1`).get(s.id) as { created_at: number } | undefined;
    if (download && now - download.created_at < DOWNLOAD_WAIT_MS) return { outcome: 'wait', code: 'LABEL_DOWNLOADING', detail: s.code };
  }
  return { outcome: 'label', label: shippingLabel(ownLabelData(store, s.id, now), profile.media), trackingNumber };
}

function slipSource(store: Store, orderId: number, profile: PrinterProfile): PrintSource {
  const o = store.prepare(`SELECT o.number, o.created_at, o.buyer_name, o.shipping_fee, o.discount, o.total, o.payment_method, o.note,
      w.name AS shop, w.contact_phone FROM orders o JOIN warehouses w ON w.id = o.warehouse_id WHERE o.id = ?`).get(orderId) as
    { number: string; created_at: number; buyer_name: string; shipping_fee: number; discount: number; total: number; payment_method: string; note: string; shop: string; contact_phone: string } | undefined;
  if (!o) return { outcome: 'refuse', code: 'DOCUMENT_UNAVAILABLE', detail: `order ${orderId}` };
  const lines = store.prepare('SELECT name, sku, quantity, unit_price FROM order_lines WHERE order_id = ? ORDER BY id').all(orderId) as
    { name: string; sku: string; quantity: number; unit_price: number }[];
  return {
    outcome: 'label',
    label: packingSlip({
      shopName: o.shop, shopPhone: o.contact_phone || undefined, orderNumber: o.number, createdAt: o.created_at, customerName: o.buyer_name,
      lines: lines.map((l) => ({ name: l.name, sku: l.sku, quantity: l.quantity, unitPrice: l.unit_price })),
      shippingFee: o.shipping_fee, discount: o.discount, codAmount: o.payment_method === 'cod' ? o.total : undefined, note: o.note || undefined,
    }, profile.media),
  };
}

// Async so a document that must be fetched or rendered elsewhere can join without changing callers.
export async function resolveSource(store: Store, dataDir: string, doc: PrintDocument, profile: PrinterProfile, now: number): Promise<PrintSource> {
  const gate = cancelledOrderGate(store, orderOfDocument(store, doc));
  if (gate) return gate;
  switch (doc.kind) {
    case 'shipment-label':
      return shipmentSource(store, dataDir, doc.shipmentId, profile, now);
    case 'packing-slip':
      return slipSource(store, doc.orderId, profile);
    case 'test':
      return { outcome: 'label', label: testLabel(profile) };
    case 'pick-list':
      return { outcome: 'label', label: pickListDocument(store, doc.pickListId, profile.media) };
  }
}
