import { fail } from '../../api/errors.js';
import type { Shipment } from '../../api/shipping.js';
import type { Store } from '../../store/store.js';
import { canDecideDelivery, CANCELLABLE_STATES, type StoredShipmentState } from './shipment-state-rules.js';

export interface ShipmentRow {
  id: number; code: string; order_id: number; account_id: number; carrier: 'ghn' | 'viettelpost'; state: StoredShipmentState;
  carrier_status: string | null; tracking_number: string | null; service_code: string; service_name: string; payer: 'seller' | 'buyer';
  inspection: 'try' | 'look' | 'none'; cod_amount: number; insurance_value: number; weight_g: number; length_cm: number; width_cm: number;
  height_cm: number; note: string; quoted_fee: number | null; fee: number | null; expected_delivery_at: number | null; sort_code: string | null;
  request_json: string; response_json: string | null; label_file: string | null; label_format: string | null; cod_collected: number;
  cod_collected_at: number | null; payout_id: number | null; error_code: string | null; error_message: string | null; error_hint: string | null;
  created_at: number; updated_at: number;
}

export function readShipment(store: Store, id: number): ShipmentRow {
  return (store.prepare('SELECT * FROM shipments WHERE id = ?').get(id) as ShipmentRow | undefined) ?? fail('NOT_FOUND', 'Shipment not found', { entity: 'shipment', id });
}

type Joined = ShipmentRow & { order_number: string; account_name: string; label_sizes: string | null; withdrawable: number; deciding: number };
// withdrawable: the booking job has not been picked up yet, so the booking can still be taken back locally.
const SELECT = `SELECT s.*, o.number AS order_number, a.name AS account_name,
    (SELECT group_concat(l.size) FROM shipment_labels l WHERE l.shipment_id = s.id) AS label_sizes,
    EXISTS (SELECT 1 FROM jobs j WHERE j.idempotency_key = 'book:' || s.code AND j.status = 'queued' AND j.runs = 0) AS withdrawable,
    EXISTS (SELECT 1 FROM jobs j WHERE j.subject_type = 'shipment' AND j.subject_id = s.id AND j.kind = 'shipment.decide' AND j.status IN ('queued', 'running')) AS deciding
  FROM shipments s JOIN orders o ON o.id = s.order_id JOIN connector_accounts a ON a.id = s.account_id`;

function toShipment(r: Joined, events: Shipment['events']): Shipment {
  return {
    id: r.id, code: r.code, orderId: r.order_id, orderNumber: r.order_number, accountId: r.account_id, accountName: r.account_name, carrier: r.carrier,
    state: r.state, carrierStatus: r.carrier_status, trackingNumber: r.tracking_number, serviceCode: r.service_code, serviceName: r.service_name,
    payer: r.payer, inspection: r.inspection, codAmount: r.cod_amount, insuranceValue: r.insurance_value, weightG: r.weight_g, lengthCm: r.length_cm,
    widthCm: r.width_cm, heightCm: r.height_cm, note: r.note, quotedFee: r.quoted_fee, fee: r.fee, expectedDeliveryAt: r.expected_delivery_at,
    sortCode: r.sort_code, hasLabel: r.label_file !== null, codCollected: r.cod_collected, payoutId: r.payout_id,
    labelSize: r.label_file ? r.label_format : null, labelSizes: r.label_sizes ? r.label_sizes.split(',').sort() : [],
    error: r.error_code ? { code: r.error_code, message: r.error_message ?? '', hint: r.error_hint ?? '' } : null,
    cancellable: (CANCELLABLE_STATES.has(r.state) && r.tracking_number !== null) || (r.state === 'booking' && r.withdrawable === 1),
    decidable: r.tracking_number !== null && canDecideDelivery(r.carrier, r.state) && r.deciding === 0,
    createdAt: r.created_at, updatedAt: r.updated_at, events,
  };
}

export function getShipment(store: Store, id: number): Shipment {
  const r = store.prepare(`${SELECT} WHERE s.id = ?`).get(id) as Joined | undefined;
  if (!r) fail('NOT_FOUND', 'Shipment not found', { entity: 'shipment', id });
  const events = store
    .prepare('SELECT at, carrier_status AS carrierStatus, description, mapped, source, location FROM shipment_events WHERE shipment_id = ? ORDER BY at, id')
    .all(id) as Shipment['events'];
  return toShipment(r!, events);
}

export function shipmentsOfOrder(store: Store, orderId: number): Shipment[] {
  // Shopee-logistics shipments (carrier 'shopee') are shown by their own panel (main/domain/shopee-logistics).
  return (store.prepare("SELECT id FROM shipments WHERE order_id = ? AND carrier <> 'shopee' ORDER BY id DESC").all(orderId) as { id: number }[]).map((r) => getShipment(store, r.id));
}

export function listShipments(store: Store, f: { states: string[]; carrier?: string; accountId?: number; query: string; limit: number; offset: number; payoutId?: number | null }) {
  const where: string[] = ["s.carrier <> 'shopee'"];
  const params: unknown[] = [];
  if (f.states.length) { where.push(`s.state IN (${f.states.map(() => '?').join(', ')})`); params.push(...f.states); }
  if (f.carrier) { where.push('s.carrier = ?'); params.push(f.carrier); }
  if (f.accountId !== undefined) { where.push('s.account_id = ?'); params.push(f.accountId); }
  if (f.payoutId === null) where.push('s.payout_id IS NULL');
  if (f.query) { where.push('(s.tracking_number = ? OR o.number = ? OR s.code = ?)'); params.push(f.query, f.query, f.query); }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const items = (store.prepare(`${SELECT} ${w} ORDER BY s.updated_at DESC, s.id DESC LIMIT ? OFFSET ?`).all(...params, f.limit, f.offset) as Joined[])
    .map((r) => { const { events: _events, ...rest } = toShipment(r, []); return rest; });
  const total = (store.prepare(`SELECT count(*) AS n FROM shipments s JOIN orders o ON o.id = s.order_id ${w}`).get(...params) as { n: number }).n;
  return { items, total };
}
