import { fail } from '../../api/errors.js';
import type { PackSession, ScanResult } from '../../api/packing.js';
import type { Store } from '../../store/store.js';
import type { VerifyLine } from './verify-rules.js';

export interface SessionRow {
  id: number; order_id: number; station: string; operator_id: number | null;
  status: 'open' | 'packed' | 'paused' | 'released' | 'cancelled';
  pause_reason: string | null; note: string; weight_g: number | null;
  override_by: number | null; override_reason: string | null; override_at: number | null;
  started_at: number; finished_at: number | null;
}

export function readSession(store: Store, id: number): SessionRow {
  return (store.prepare('SELECT * FROM pack_sessions WHERE id = ?').get(id) as SessionRow | undefined)
    ?? fail('NOT_FOUND', 'No such pack session', { entity: 'pack_session', id });
}

/** The open session of a station's desk; a session that is not open refuses further scans. */
export function readOpenSession(store: Store, id: number, station: string): SessionRow {
  const s = readSession(store, id);
  if (s.status !== 'open') fail('CONFLICT', `Pack session ${id} is ${s.status}`, { reason: 'session_closed', status: s.status });
  if (s.station.toLowerCase() !== station.toLowerCase()) fail('CONFLICT', `Order is open at station ${s.station}`, { reason: 'held_by_station', station: s.station });
  return s;
}

export const openSessionOfOrder = (store: Store, orderId: number): SessionRow | undefined =>
  store.prepare("SELECT * FROM pack_sessions WHERE order_id = ? AND status = 'open'").get(orderId) as SessionRow | undefined;

export const openSessionOfStation = (store: Store, station: string): SessionRow | undefined =>
  store.prepare("SELECT * FROM pack_sessions WHERE station = ? AND status = 'open' ORDER BY id DESC LIMIT 1").get(station) as SessionRow | undefined;

export const verifyLines = (store: Store, orderId: number): VerifyLine[] =>
  store.prepare('SELECT id, variant_id AS variantId, quantity, verified_qty AS verifiedQty FROM order_lines WHERE order_id = ? ORDER BY id').all(orderId) as VerifyLine[];

export interface ScanInsert { sessionId: number; code: string; variantId: number | null; lineId: number | null; quantity: number; result: ScanResult; typed: boolean; at: number }

export function insertScan(store: Store, s: ScanInsert): number {
  const r = store.prepare('INSERT INTO pack_scans (session_id, code, variant_id, line_id, quantity, result, typed, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(s.sessionId, s.code, s.variantId, s.lineId, s.quantity, s.result, s.typed ? 1 : 0, s.at);
  return Number(r.lastInsertRowid);
}

/** The last scan of the session that still stands (undone ones are gone from the packer's view). */
export const lastScan = (store: Store, sessionId: number) =>
  store.prepare('SELECT id, line_id AS lineId, variant_id AS variantId, quantity, result FROM pack_scans WHERE session_id = ? AND undone = 0 ORDER BY id DESC LIMIT 1')
    .get(sessionId) as { id: number; lineId: number | null; variantId: number | null; quantity: number; result: ScanResult } | undefined;

export function addVerified(store: Store, lineId: number, delta: number): void {
  store.prepare('UPDATE order_lines SET verified_qty = verified_qty + ? WHERE id = ?').run(delta, lineId);
}

/** Counts start over when an order leaves a desk unfinished: what is verified is what is in this box. */
export function clearVerified(store: Store, orderId: number): void {
  store.prepare('UPDATE order_lines SET verified_qty = 0 WHERE order_id = ?').run(orderId);
}

export function closeSession(store: Store, id: number, status: SessionRow['status'], at: number, extra: { pauseReason?: string; note?: string; weightG?: number | null } = {}): void {
  store.prepare('UPDATE pack_sessions SET status = ?, finished_at = ?, pause_reason = coalesce(?, pause_reason), note = coalesce(?, note), weight_g = coalesce(?, weight_g) WHERE id = ?')
    .run(status, at, extra.pauseReason ?? null, extra.note ?? null, extra.weightG ?? null, id);
}

export function sessionView(store: Store, id: number): PackSession {
  const s = readSession(store, id);
  const o = store.prepare('SELECT id, number, channel, external_id, status, buyer_name, note, payment_method, total, ship_by, warehouse_id FROM orders WHERE id = ?').get(s.order_id) as {
    id: number; number: string; channel: PackSession['order']['channel']; external_id: string | null; status: PackSession['order']['status']; buyer_name: string;
    note: string; payment_method: 'cod' | 'prepaid'; total: number; ship_by: number | null; warehouse_id: number;
  };
  const lines = store.prepare(`SELECT l.id, l.variant_id, l.sku, l.name, l.quantity, l.verified_qty, v.attributes_json, p.images_json,
      (SELECT group_concat(code, char(31)) FROM catalog_codes c WHERE c.variant_id = l.variant_id AND c.kind = 'barcode') AS barcodes,
      (SELECT bin_code FROM variant_locations vl WHERE vl.variant_id = l.variant_id AND vl.warehouse_id = ?) AS bin_code
    FROM order_lines l JOIN variants v ON v.id = l.variant_id JOIN products p ON p.id = v.product_id WHERE l.order_id = ? ORDER BY l.id`)
    .all(o.warehouse_id, o.id) as { id: number; variant_id: number; sku: string; name: string; quantity: number; verified_qty: number; attributes_json: string; images_json: string; barcodes: string | null; bin_code: string | null }[];
  const scans = store.prepare('SELECT id, code, line_id, quantity, result, typed, at FROM pack_scans WHERE session_id = ? AND undone = 0 ORDER BY id DESC LIMIT 20')
    .all(id) as { id: number; code: string; line_id: number | null; quantity: number; result: ScanResult; typed: number; at: number }[];
  const scanned = store.prepare("SELECT coalesce(sum(quantity), 0) AS n FROM pack_scans WHERE session_id = ? AND undone = 0 AND result = 'ok'").get(id) as { n: number };
  const op = s.operator_id === null ? undefined : (store.prepare('SELECT name FROM operators WHERE id = ?').get(s.operator_id) as { name: string } | undefined);
  const overrideBy = s.override_by === null ? undefined : (store.prepare('SELECT name FROM operators WHERE id = ?').get(s.override_by) as { name: string } | undefined);
  const sh = store.prepare("SELECT id, code, carrier, state, tracking_number FROM shipments WHERE order_id = ? AND state NOT IN ('cancelled', 'booking_failed') ORDER BY id DESC LIMIT 1")
    .get(o.id) as { id: number; code: string; carrier: string; state: string; tracking_number: string | null } | undefined;
  const packLines = lines.map((l) => ({
    id: l.id, variantId: l.variant_id, sku: l.sku, name: l.name,
    attributes: JSON.parse(l.attributes_json) as { name: string; value: string }[],
    imageUrl: (JSON.parse(l.images_json) as string[])[0] ?? null,
    barcodes: l.barcodes ? l.barcodes.split('\u001f') : [],
    binCode: l.bin_code, quantity: l.quantity, verifiedQty: l.verified_qty,
  }));
  return {
    id: s.id, status: s.status, station: s.station, operatorName: op?.name ?? null, startedAt: s.started_at,
    order: { id: o.id, number: o.number, channel: o.channel, externalId: o.external_id, status: o.status, buyerName: o.buyer_name, note: o.note, paymentMethod: o.payment_method, total: o.total, shipBy: o.ship_by },
    lines: packLines,
    totalUnits: packLines.reduce((n, l) => n + l.quantity, 0),
    verifiedUnits: packLines.reduce((n, l) => n + Math.min(l.verifiedQty, l.quantity), 0),
    scannedUnits: scanned.n,
    allVerified: packLines.length > 0 && packLines.every((l) => l.verifiedQty === l.quantity),
    recentScans: scans.map((x) => ({ id: x.id, code: x.code, lineId: x.line_id, quantity: x.quantity, result: x.result, typed: x.typed === 1, at: x.at })),
    override: s.override_at !== null ? { by: overrideBy?.name ?? null, reason: s.override_reason ?? '', at: s.override_at } : null,
    shipment: sh ? { id: sh.id, code: sh.code, carrier: sh.carrier, state: sh.state, trackingNumber: sh.tracking_number } : null,
  };
}
