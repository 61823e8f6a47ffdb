import { fail } from '../../api/errors.js';
import { refuseIfCancelRequested } from './marketplace-hold.js';
import type { Store } from '../../store/store.js';
import { addEvent, readOrderRow, setStatus } from '../orders/order-repo.js';
import type { Actor } from '../orders/order-reservation.js';
import { openException, resolveOrderExceptions } from './pack-exceptions.js';
import type { Approval } from './pack-override-approval.js';
import {
  addVerified, clearVerified, closeSession, insertScan, lastScan, openSessionOfOrder, openSessionOfStation, readOpenSession, readSession, verifyLines,
} from './pack-session-repo.js';
import { scanLookups, variantOfCode } from './scan-lookups.js';
import { judgeScan, judgeTypedQuantity } from './verify-rules.js';

// Opening, scanning, undoing, leaving and pausing an order at a station. Each function runs inside the
// command's one transaction: a scan's log row and its verified_qty change commit together.

export interface Desk { station: string; warehouseId: number | null; allowTypedQuantity: boolean }

const scannedUnits = (store: Store, sessionId: number): number =>
  (store.prepare("SELECT coalesce(sum(quantity), 0) AS n FROM pack_scans WHERE session_id = ? AND undone = 0 AND result = 'ok'").get(sessionId) as { n: number }).n;

export function openOrder(store: Store, orderId: number, desk: Desk, actor: Actor): number {
  const order = readOrderRow(store, orderId);
  const held = openSessionOfOrder(store, orderId);
  if (held) {
    if (held.station.toLowerCase() === desk.station.toLowerCase()) return held.id;
    fail('CONFLICT', `Order ${order.number} is open at station ${held.station}`, { reason: 'held_by_station', station: held.station, number: order.number });
  }
  if (order.status === 'cancelled') fail('TRANSITION_INVALID', `Order ${order.number} is cancelled`, { reason: 'order_cancelled', number: order.number });
  refuseIfCancelRequested(store, order);
  // `packing` without a session: moved by hand from the order page, or left by an old desk; taken over.
  if (order.status !== 'ready_to_pack' && order.status !== 'packing') {
    fail('TRANSITION_INVALID', `Order ${order.number} is ${order.status}, not ready to pack`, { reason: 'not_ready', status: order.status, number: order.number });
  }
  // Its stock is reserved in its own warehouse: a desk elsewhere cannot ship it.
  if (desk.warehouseId !== null && order.warehouse_id !== desk.warehouseId) {
    fail('CONFLICT', `Order ${order.number} ships from another warehouse`, { reason: 'other_warehouse', number: order.number });
  }
  const current = openSessionOfStation(store, desk.station);
  if (current) {
    // Counted units of a cancelled order are worth nothing: that desk is free.
    const cancelled = readOrderRow(store, current.order_id).status === 'cancelled';
    if (!cancelled && scannedUnits(store, current.id) > 0) fail('CONFLICT', 'Another order is open at this station with scanned items', { reason: 'station_busy', sessionId: current.id });
    releaseSession(store, current.id, desk.station, actor);
  }
  if (order.status === 'ready_to_pack') setStatus(store, order, 'packing', { ...actor, kind: 'packing_started', data: { station: desk.station } });
  else addEvent(store, { orderId, at: actor.at, operatorId: actor.operatorId, kind: 'packing_started', data: { station: desk.station } });
  clearVerified(store, orderId);
  // Scanning a paused order's number means the packer has what was missing.
  resolveOrderExceptions(store, orderId, 'pack_paused', `Reopened at ${desk.station}`, actor);
  const r = store.prepare("INSERT INTO pack_sessions (order_id, station, operator_id, status, started_at) VALUES (?, ?, ?, 'open', ?)")
    .run(orderId, desk.station, actor.operatorId, actor.at);
  return Number(r.lastInsertRowid);
}

export interface ScanOutcome { result: 'ok' | 'wrong_item' | 'extra_unit' | 'order_cancelled' | 'unknown'; lineId: number | null; sku: string | null; name: string | null; verifiedQty: number; quantity: number }

export function scanItem(store: Store, sessionId: number, code: string, typed: number | undefined, desk: Desk, actor: Actor): ScanOutcome {
  const s = readOpenSession(store, sessionId, desk.station);
  const order = readOrderRow(store, s.order_id);
  if (order.status !== 'packing' && order.status !== 'cancelled') {
    fail('CONFLICT', `Order ${order.number} is ${order.status} now`, { reason: 'order_moved', status: order.status, number: order.number });
  }
  const lines = verifyLines(store, order.id);
  // The order's own products first: a product SKU names the one variant of it this order has.
  const inOrder = scanLookups(store, desk.warehouseId, null).productInOrder(code, order.id);
  const v = inOrder ? { id: inOrder.variantId, sku: inOrder.sku, name: inOrder.name } : variantOfCode(store, code);
  const variantId = v?.id ?? null;
  const log = (result: ScanOutcome['result'], lineId: number | null, qty: number, isTyped: boolean) =>
    insertScan(store, { sessionId, code, variantId, lineId, quantity: qty, result, typed: isTyped, at: actor.at });

  if (typed !== undefined && order.status !== 'cancelled') {
    const last = lastScan(store, sessionId) ?? null;
    const j = judgeTypedQuantity(desk.allowTypedQuantity, lines, last, variantId, typed);
    if (!j.ok && j.reason !== 'extra_unit') {
      fail('QUANTITY_INVALID', `A typed quantity is not taken here (${j.reason})`, { reason: j.reason, ...(j.line ? { verifiedQty: j.line.verifiedQty, quantity: j.line.quantity } : {}) });
    }
    if (!j.ok) {
      if (!j.line) throw new Error('unreachable: an extra unit always names its line');
      log('extra_unit', j.line.id, 0, true);
      return outcome(store, 'extra_unit', j.line.id, j.line.verifiedQty, j.line.quantity);
    }
    if (j.add > 0) {
      log('ok', j.line.id, j.add, true);
      addVerified(store, j.line.id, j.add);
    }
    return outcome(store, 'ok', j.line.id, j.line.verifiedQty + j.add, j.line.quantity);
  }
  const j = judgeScan(order.status === 'cancelled', lines, variantId);
  log(j.result, j.line?.id ?? null, j.add, false);
  if (j.result === 'ok') addVerified(store, j.line!.id, 1);
  return outcome(store, j.result, j.line?.id ?? null, (j.line?.verifiedQty ?? 0) + j.add, j.line?.quantity ?? 0, v);
}

function outcome(store: Store, result: ScanOutcome['result'], lineId: number | null, verifiedQty: number, quantity: number, named?: { sku: string; name: string } | null): ScanOutcome {
  const line = lineId === null ? undefined : (store.prepare('SELECT sku, name FROM order_lines WHERE id = ?').get(lineId) as { sku: string; name: string } | undefined);
  const n = line ?? named ?? null;
  return { result, lineId, sku: n?.sku ?? null, name: n?.name ?? null, verifiedQty, quantity };
}

/** Takes back the last counted scan; refused scans changed nothing, so there is nothing of theirs to undo. */
export function undoLastScan(store: Store, sessionId: number, desk: Desk): void {
  readOpenSession(store, sessionId, desk.station);
  const last = store.prepare("SELECT id, line_id, quantity FROM pack_scans WHERE session_id = ? AND undone = 0 AND result = 'ok' AND quantity > 0 ORDER BY id DESC LIMIT 1")
    .get(sessionId) as { id: number; line_id: number; quantity: number } | undefined;
  if (!last) fail('NOT_FOUND', 'Nothing to undo', { reason: 'nothing_to_undo' });
  store.prepare('UPDATE pack_scans SET undone = 1 WHERE id = ?').run(last!.id);
  addVerified(store, last!.line_id, -last!.quantity);
}

/** The packer leaves the order unfinished: it goes back to the queue with its counts cleared. */
export function releaseSession(store: Store, sessionId: number, station: string, actor: Actor): number {
  const s = readOpenSession(store, sessionId, station);
  const order = readOrderRow(store, s.order_id);
  if (order.status === 'packing') {
    setStatus(store, order, 'ready_to_pack', { ...actor, kind: 'packing_released', data: { station } });
    clearVerified(store, order.id);
  }
  closeSession(store, sessionId, order.status === 'cancelled' ? 'cancelled' : 'released', actor.at);
  return order.id;
}

/** The session keeps the approver (override_by); the order event has the packer as its actor. */
export function overrideGate(store: Store, sessionId: number, reason: string, approval: Approval, actor: Actor): void {
  const s = readSession(store, sessionId);
  if (s.status !== 'open') fail('CONFLICT', `Pack session ${sessionId} is ${s.status}`, { reason: 'session_closed', status: s.status });
  const lines = verifyLines(store, s.order_id);
  store.prepare('UPDATE pack_sessions SET override_by = ?, override_reason = ?, override_at = ? WHERE id = ?').run(approval.approverId, reason, actor.at, sessionId);
  addEvent(store, {
    orderId: s.order_id, at: actor.at, operatorId: actor.operatorId, kind: 'packing_override', reason,
    data: {
      station: s.station, approvedBy: approval.approverId, viaPin: approval.viaPin,
      lines: lines.filter((l) => l.verifiedQty !== l.quantity).map((l) => ({ lineId: l.id, verifiedQty: l.verifiedQty, quantity: l.quantity })),
    },
  });
}

/**
 * A paused order goes back to ready_to_pack (the state machine has no held state; its stock stays
 * reserved) with an open exception, which keeps it out of the pack queue until someone resolves it or
 * scans its number again. Its counts are cleared: whoever resumes verifies the box as it then is.
 */
export function pauseSession(store: Store, sessionId: number, reason: 'missing_item' | 'damaged' | 'other', note: string, station: string, actor: Actor): { orderId: number; exceptionId: number | null } {
  const s = readOpenSession(store, sessionId, station);
  const order = readOrderRow(store, s.order_id);
  if (order.status !== 'packing') fail('TRANSITION_INVALID', `Order ${order.number} is ${order.status}`, { reason: order.status === 'cancelled' ? 'order_cancelled' : 'not_ready', status: order.status, number: order.number });
  setStatus(store, order, 'ready_to_pack', { ...actor, kind: 'packing_paused', reason: note || reason, data: { station, pauseReason: reason } });
  clearVerified(store, order.id);
  closeSession(store, sessionId, 'paused', actor.at, { pauseReason: reason, note });
  const exceptionId = openException(store, {
    kind: 'pack_paused', orderId: order.id,
    message: `Packing of ${order.number} paused at ${station}: ${reason.replace('_', ' ')}${note ? ` (${note})` : ''}`,
    details: { reason, note, station, number: order.number },
  }, actor.at);
  return { orderId: order.id, exceptionId };
}
