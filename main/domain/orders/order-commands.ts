import { CommandError, fail } from '../../api/errors.js';
import type { z } from 'zod';
import type { ordersContract } from '../../api/orders.js';
import type { Store } from '../../store/store.js';
import { toStoredAddress } from '../shared/address.js';
import { nextCounter } from '../shared/settings.js';
import { foldText } from '../shared/text-fold.js';
import { requireActiveWarehouse } from '../warehouses/warehouse-handlers.js';
import { resolveBuyer, validPhoneOrEmpty } from './order-buyer.js';
import { amountIssue, formatOrderNumber, orderAmounts } from './order-amounts.js';
import { addEvent, readLines, readOrderRow, setStatus, type OrderRow } from './order-repo.js';
import { promoteWaiting, releaseAll, reserveOrPark, type Actor } from './order-reservation.js';
import { checkTransition, EDITABLE, HOLDS_RESERVATION, pathTo, TRANSITIONS, type OrderStatus } from './order-state-machine.js';
import { indexOrder } from './order-search-index.js';
import { moveStock } from '../inventory/stock-ledger.js';

type CreateInput = z.output<(typeof ordersContract)['orders.create']['input']>;
type UpdateInput = z.output<(typeof ordersContract)['orders.update']['input']>;

interface VariantForLine { id: number; sku: string; price: number; active: number; product_name: string; attributes_json: string }

function resolveLines(store: Store, lines: CreateInput['lines']) {
  return lines.map((l, index) => {
    const v = store
      // A retired product retires its variants too (catalog.setActive flips the product only).
      .prepare('SELECT v.id, v.sku, v.price, v.active AND p.active AS active, p.name AS product_name, v.attributes_json FROM variants v JOIN products p ON p.id = v.product_id WHERE v.id = ?')
      .get(l.variantId) as VariantForLine | undefined;
    if (!v) fail('NOT_FOUND', 'Product variant not found', { entity: 'variant', id: l.variantId, field: `lines.${index}.variantId` });
    if (!v!.active) fail('VARIANT_INACTIVE', `${v!.sku} is no longer sold`, { sku: v!.sku, field: `lines.${index}.variantId` });
    const attrs = (JSON.parse(v!.attributes_json) as { value: string }[]).map((a) => a.value).join(' / ');
    return { variantId: v!.id, sku: v!.sku, name: attrs ? `${v!.product_name} (${attrs})` : v!.product_name, quantity: l.quantity, unitPrice: l.unitPrice ?? v!.price };
  });
}

/** Creation and edits refuse the same amounts: a discount beyond the order, or a total past the ceiling. */
function checkedAmounts(lines: ReturnType<typeof resolveLines>, input: { shippingFee: number; discount: number }) {
  const amounts = orderAmounts(lines, input.shippingFee, input.discount);
  const issue = amountIssue(amounts.subtotal, input.shippingFee, input.discount);
  if (issue) fail('INPUT_INVALID', issue.path === 'discount' ? 'Discount is larger than the order' : 'The order total is too large', { issues: [issue] });
  return amounts;
}

/** The recipient's phone is the one the carrier calls: checked and kept in local form, as on customers. */
const orderAddress = (address: CreateInput['address']) =>
  toStoredAddress({ ...address, phone: validPhoneOrEmpty(address.phone, 'address.phone') });

function writeLines(store: Store, orderId: number, lines: ReturnType<typeof resolveLines>): void {
  const insert = store.prepare('INSERT INTO order_lines (order_id, variant_id, sku, name, quantity, unit_price) VALUES (?, ?, ?, ?, ?, ?)');
  for (const l of lines) insert.run(orderId, l.variantId, l.sku, l.name, l.quantity, l.unitPrice);
}

export function createManualOrder(store: Store, input: CreateInput, actor: Actor): number {
  requireActiveWarehouse(store, input.warehouseId);
  const buyer = resolveBuyer(store, input, actor.at);
  const lines = resolveLines(store, input.lines);
  const { subtotal, total } = checkedAmounts(lines, input);
  const number = formatOrderNumber(nextCounter(store, 'order_number'));
  const address = orderAddress(input.address);
  const r = store
    .prepare(`INSERT INTO orders (number, channel, source, status, warehouse_id, customer_id, buyer_name, buyer_phone, search_name, address_json,
      payment_method, subtotal, shipping_fee, discount, total, note, ship_by, created_by, created_at, updated_at)
      VALUES (?, 'manual', ?, 'new', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(number, input.source, input.warehouseId, buyer.customerId, buyer.name, buyer.phone, foldText(buyer.name), JSON.stringify(address),
      input.paymentMethod, subtotal, input.shippingFee, input.discount, total, input.note, input.shipBy ?? null, actor.operatorId, actor.at, actor.at);
  const id = Number(r.lastInsertRowid);
  writeLines(store, id, lines);
  indexOrder(store, id, number, buyer.name, buyer.phone, lines.map((l) => l.sku));
  addEvent(store, { orderId: id, at: actor.at, operatorId: actor.operatorId, kind: 'created', to: 'new', data: { source: input.source } });
  if (input.confirm) reserveOrPark(store, readOrderRow(store, id), actor, 'confirmed');
  return id;
}

export function confirmOrder(store: Store, id: number, actor: Actor) {
  const order = readOrderRow(store, id);
  if (order.status !== 'new') fail('TRANSITION_INVALID', `Order ${order.number} is ${order.status}, not new`, { from: order.status, to: 'ready_to_pack' });
  return reserveOrPark(store, order, actor, 'confirmed');
}

/** Edits are allowed until packing starts; the order gives back its stock and reserves again. */
export function updateOrder(store: Store, input: UpdateInput, actor: Actor): number[] {
  const order = readOrderRow(store, input.id);
  if (!EDITABLE.has(order.status)) fail('ORDER_LOCKED', `Order ${order.number} can no longer be edited (${order.status})`, { status: order.status });
  if (order.version !== input.version) fail('CONFLICT', 'The order changed meanwhile; reload it', { reason: 'version', current: order.version });
  // The carrier holds the old address and contents: the booking must go before the order can change.
  const live = store.prepare("SELECT code FROM shipments WHERE order_id = ? AND state NOT IN ('cancelled', 'booking_failed')").get(order.id) as { code: string } | undefined;
  if (live) fail('ORDER_LOCKED', `Order ${order.number} has shipment ${live.code}; cancel the shipment before editing`, { reason: 'live_shipment', code: live.code });
  if (order.warehouse_id !== input.warehouseId) requireActiveWarehouse(store, input.warehouseId);
  const before = readLines(store, order.id);
  const freed = releaseAll(store, order, actor, 'order edited');
  const buyer = resolveBuyer(store, input, actor.at);
  const lines = resolveLines(store, input.lines);
  const { subtotal, total } = checkedAmounts(lines, input);
  store.prepare('DELETE FROM order_lines WHERE order_id = ?').run(order.id);
  writeLines(store, order.id, lines);
  store
    .prepare(`UPDATE orders SET source = ?, warehouse_id = ?, customer_id = ?, buyer_name = ?, buyer_phone = ?, search_name = ?, address_json = ?,
      payment_method = ?, subtotal = ?, shipping_fee = ?, discount = ?, total = ?, note = ?, ship_by = ?, updated_at = ?, version = version + 1 WHERE id = ?`)
    .run(input.source, input.warehouseId, buyer.customerId, buyer.name, buyer.phone, foldText(buyer.name), JSON.stringify(orderAddress(input.address)),
      input.paymentMethod, subtotal, input.shippingFee, input.discount, total, input.note, input.shipBy ?? null, actor.at, order.id);
  indexOrder(store, order.id, order.number, buyer.name, buyer.phone, lines.map((l) => l.sku), true);
  addEvent(store, {
    orderId: order.id, at: actor.at, operatorId: actor.operatorId, kind: 'edited',
    data: { before: before.map((l) => ({ sku: l.sku, quantity: l.quantity })), after: lines.map((l) => ({ sku: l.sku, quantity: l.quantity })) },
  });
  const edited = readOrderRow(store, order.id);
  if (order.status !== 'new') reserveOrPark(store, edited, actor, 're-reserved');
  // Stock the edit gave back may complete an older waiting order.
  return promoteWaiting(store, order.warehouse_id, freed, actor);
}

export function cancelOrder(store: Store, id: number, reason: string, actor: Actor): number[] {
  const order = readOrderRow(store, id);
  if (TRANSITIONS[order.status].cancelled !== 'cancel') {
    fail('TRANSITION_INVALID', `Order ${order.number} is ${order.status} and cannot be cancelled`, { from: order.status, to: 'cancelled' });
  }
  const freed = releaseAll(store, order, actor, reason);
  setStatus(store, order, 'cancelled', { ...actor, kind: 'cancelled', reason });
  return promoteWaiting(store, order.warehouse_id, freed, actor);
}

/** Operator-driven moves along `manual` edges, with the state machine's guards. */
export function transitionOrder(store: Store, id: number, to: OrderStatus, reason: string, trackingNumber: string | undefined, actor: Actor): void {
  const order = readOrderRow(store, id);
  if (TRANSITIONS[order.status][to] !== 'manual') {
    fail('TRANSITION_INVALID', `Order ${order.number} cannot go from ${order.status} to ${to}`, { from: order.status, to });
  }
  if (trackingNumber) store.prepare('UPDATE orders SET tracking_number = ? WHERE id = ?').run(trackingNumber, id);
  const lines = readLines(store, id);
  const check = checkTransition(
    { status: order.status, trackingNumber: trackingNumber || order.tracking_number, lines: lines.map((l) => ({ quantity: l.quantity, reservedQty: l.reserved_qty, verifiedQty: l.verified_qty })) },
    to,
  );
  if (!check.ok) {
    throw new CommandError(check.code, check.code === 'GUARD_FAILED' ? `Order ${order.number} cannot be ${to}: ${check.guard}` : `Not allowed: ${order.status} → ${to}`, { ...check });
  }
  if (to === 'shipped' && HOLDS_RESERVATION.has(order.status)) shipStock(store, order, lines, actor);
  setStatus(store, order, to, { ...actor, kind: 'status', reason, data: trackingNumber ? { trackingNumber } : {} });
}

/** Handing the parcel over takes the reserved units out of stock. */
function shipStock(store: Store, order: OrderRow, lines: ReturnType<typeof readLines>, actor: Actor): void {
  for (const l of lines) {
    if (l.reserved_qty === 0) continue;
    moveStock(store, { variantId: l.variant_id, warehouseId: order.warehouse_id, kind: 'ship', onHandDelta: -l.reserved_qty, reservedDelta: -l.reserved_qty, orderId: order.id, operatorId: actor.operatorId, at: actor.at }, { sku: l.sku });
    store.prepare('UPDATE order_lines SET reserved_qty = 0 WHERE id = ?').run(l.id);
  }
}

/**
 * Moves an order to where its parcel is, step by step along the lifecycle, each step with its event
 * and stock effect (shipping takes the reserved units out). Returns false when the order cannot get
 * there (cancelled meanwhile, say): the caller raises an exception instead of forcing it.
 */
export function followCarrier(store: Store, id: number, target: OrderStatus, reason: string, actor: Actor): boolean {
  const order = readOrderRow(store, id);
  const path = pathTo(order.status, target);
  if (!path) return order.status === target;
  for (const step of path) {
    if (step === 'shipped' && HOLDS_RESERVATION.has(order.status)) shipStock(store, order, readLines(store, id), actor);
    setStatus(store, order, step, { ...actor, kind: 'carrier', reason });
  }
  return true;
}
