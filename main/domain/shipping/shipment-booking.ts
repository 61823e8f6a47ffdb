import { fail } from '../../api/errors.js';
import type { BookingForm } from '../../api/shipping.js';
import type { BookingRequest, CarrierId } from '../../connectors/carriers/carrier-connector.js';
import type { Store } from '../../store/store.js';
import { enqueue } from '../../sync/outbox.js';
import { readAccount } from '../connections/connection-service.js';
import { addEvent, readOrderRow } from '../orders/order-repo.js';
import { bookingParties, parcelItems } from './booking-request.js';
import { checkLimits, defaultCod, defaultInsurance, defaultParcel, CARRIER_LIMITS } from './shipping-rules.js';

export interface Actor { operatorId: number | null; at: number }

/** Orders a parcel can be booked for: confirmed with stock, not yet handed over. */
const BOOKABLE = new Set(['ready_to_pack', 'packing', 'packed']);

export function carrierOfAccount(store: Store, accountId: number): CarrierId {
  const a = readAccount(store, accountId);
  if (a.provider !== 'ghn' && a.provider !== 'viettelpost') fail('CONFLICT', `${a.name} is not a carrier account`, { reason: 'not_carrier' });
  if (!a.active) fail('CONFLICT', `${a.name} is switched off`, { reason: 'account_inactive' });
  return a.provider as CarrierId;
}

/** What the booking form starts from: COD the buyer owes, the parcel from the variants, the carrier's limits. */
export function bookingDefaults(store: Store, orderId: number, accountId: number | null, payer: 'seller' | 'buyer' = 'seller') {
  const o = readOrderRow(store, orderId);
  const lines = store
    .prepare('SELECT l.quantity, v.weight_g AS weightG, v.length_cm AS lengthCm, v.width_cm AS widthCm, v.height_cm AS heightCm FROM order_lines l JOIN variants v ON v.id = l.variant_id WHERE l.order_id = ?')
    .all(orderId) as { quantity: number; weightG: number; lengthCm: number; widthCm: number; heightCm: number }[];
  const carrier = accountId ? carrierOfAccount(store, accountId) : 'ghn';
  return {
    accountId,
    codVnd: defaultCod({ paymentMethod: o.payment_method, total: o.total, shippingFee: o.shipping_fee }, payer),
    payer,
    insuranceVnd: defaultInsurance(carrier, o.subtotal),
    ...defaultParcel(lines),
    limits: CARRIER_LIMITS[carrier],
    accountLimits: activeCarrierAccounts(store).map((a) => ({ accountId: a.id, carrier: a.provider, limits: CARRIER_LIMITS[a.provider] })),
  };
}

function activeCarrierAccounts(store: Store): { id: number; provider: CarrierId }[] {
  return store.prepare("SELECT id, provider FROM connector_accounts WHERE provider IN ('ghn', 'viettelpost') AND active = 1 ORDER BY id").all() as { id: number; provider: CarrierId }[];
}

/**
 * Records the shipment and its booking job in one transaction with the order event (DESIGN.md rule 4).
 * Our shipment code is the carrier-side order code, so a retry can never book twice.
 */
export function requestBooking(store: Store, form: BookingForm, actor: Actor): number {
  const order = readOrderRow(store, form.orderId);
  if (!BOOKABLE.has(order.status)) fail('TRANSITION_INVALID', `Order ${order.number} is ${order.status}; only confirmed orders not yet shipped can be booked`, { status: order.status });
  const carrier = carrierOfAccount(store, form.accountId);
  const live = store.prepare("SELECT code FROM shipments WHERE order_id = ? AND state NOT IN ('cancelled', 'booking_failed')").get(order.id) as { code: string } | undefined;
  if (live) fail('CONFLICT', `Order ${order.number} already has shipment ${live.code}; cancel it before booking again`, { reason: 'live_shipment', code: live.code });
  const violations = checkLimits(carrier, form);
  if (violations.length) {
    const v = violations[0];
    fail('CARRIER_LIMIT', `${v.field} ${v.value} is over the carrier's limit of ${v.limit}`, { field: v.field, limit: v.limit, value: v.value, carrier, all: violations });
  }
  const { from, to } = bookingParties(store, order, carrier);
  const items = parcelItems(store, order.id);
  const n = (store.prepare('SELECT count(*) AS n FROM shipments WHERE order_id = ?').get(order.id) as { n: number }).n + 1;
  const code = `${order.number}-${n}`;
  const request: BookingRequest = {
    code, from, to, serviceCode: form.serviceCode, payer: form.payer, inspection: form.inspection, note: form.note,
    content: items.map((i) => `${i.quantity}x ${i.name}`).join(', ').slice(0, 1000),
    codVnd: form.codVnd, insuranceVnd: form.insuranceVnd,
    parcel: { weightG: form.weightG, lengthCm: form.lengthCm, widthCm: form.widthCm, heightCm: form.heightCm, valueVnd: order.subtotal, items },
  };
  const r = store
    .prepare(`INSERT INTO shipments (code, order_id, account_id, carrier, state, service_code, service_name, payer, inspection, cod_amount, insurance_value,
      weight_g, length_cm, width_cm, height_cm, note, quoted_fee, request_json, created_by, created_at, updated_at)
      VALUES (?, ?, ?, ?, 'booking', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(code, order.id, form.accountId, carrier, form.serviceCode, form.serviceName, form.payer, form.inspection, form.codVnd, form.insuranceVnd,
      form.weightG, form.lengthCm, form.widthCm, form.heightCm, form.note, form.quotedFee ?? null, JSON.stringify(request), actor.operatorId, actor.at, actor.at);
  const shipmentId = Number(r.lastInsertRowid);
  enqueue(store, { kind: 'shipment.book', accountId: form.accountId, key: `book:${code}`, payload: { shipmentId }, subject: { type: 'shipment', id: shipmentId } }, actor.at);
  addEvent(store, { orderId: order.id, at: actor.at, operatorId: actor.operatorId, kind: 'shipment_requested', data: { code, carrier, serviceCode: form.serviceCode, codVnd: form.codVnd } });
  return shipmentId;
}
