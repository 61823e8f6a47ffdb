import { z } from 'zod';
import { fail } from '../../api/errors.js';
import type { SecretBox } from '../../core/secret-box.js';
import type { Store } from '../../store/store.js';
import { JobError } from '../../sync/job-error.js';
import { defineJobKind, enqueue } from '../../sync/outbox.js';
import { carrierFor } from '../connections/connector-cache.js';
import { addEvent } from '../orders/order-repo.js';
import { openException, resolveExceptions } from './exceptions.js';
import { readShipment } from './shipment-repo.js';
import { canDecideDelivery } from './shipment-state-rules.js';

// The shop's answer to a failed delivery (re-deliver or return), sent through the outbox: the carrier
// holds the parcel until it hears it (G3.6), and the answer must survive being offline.

export type Decision = 'return' | 'redeliver';
const KIND = 'shipment.decide';
const WORDS: Record<Decision, string> = { return: 'return to the shop', redeliver: 'deliver again' };

/** True while a decision for the shipment is on its way to the carrier. */
export const decisionInFlight = (store: Store, shipmentId: number): boolean =>
  store.prepare("SELECT 1 FROM jobs WHERE kind = ? AND subject_type = 'shipment' AND subject_id = ? AND status IN ('queued', 'running')").get(KIND, shipmentId) !== undefined;

export function requestDecision(store: Store, id: number, decision: Decision, actor: { operatorId: number | null; at: number }): void {
  const s = readShipment(store, id);
  if (!s.tracking_number || !canDecideDelivery(s.carrier, s.state)) {
    fail('CONFLICT', `Shipment ${s.code} is ${s.state}; the carrier asks for a decision only after a failed delivery`, { reason: 'no_decision_needed', code: s.code, state: s.state });
  }
  if (decisionInFlight(store, id)) fail('CONFLICT', `A decision for shipment ${s.code} is already being sent`, { reason: 'decision_in_flight', code: s.code });
  enqueue(store, {
    kind: KIND, accountId: s.account_id, key: `decide:${s.code}:${s.carrier_status ?? s.state}:${actor.at}`,
    payload: { shipmentId: id, decision }, subject: { type: 'shipment', id }, maxAttempts: 8,
  }, actor.at);
  store.prepare('UPDATE shipments SET error_code = NULL, error_message = NULL, error_hint = NULL, updated_at = ? WHERE id = ?').run(actor.at, id);
  addEvent(store, { orderId: s.order_id, at: actor.at, operatorId: actor.operatorId, kind: 'delivery_decision_requested', reason: WORDS[decision], data: { code: s.code, decision } });
}

export function decisionJobKind(deps: { secrets: SecretBox }) {
  return defineJobKind({
    kind: KIND,
    payload: z.object({ shipmentId: z.number().int().positive(), decision: z.enum(['return', 'redeliver']) }),
    async run(ctx, { shipmentId, decision }) {
      const s = readShipment(ctx.store, shipmentId);
      // The parcel moved on while the answer waited (delivered, returned by the carrier's own rule): nothing to say.
      if (!s.tracking_number || !canDecideDelivery(s.carrier, s.state)) return { skipped: s.state };
      const connector = carrierFor(ctx.store, deps.secrets, s.account_id);
      if (!connector.resolveFailedDelivery) throw new JobError('permanent', 'NOT_SUPPORTED', `${s.carrier} takes no decision through its API`, { hint: 'Answer the carrier in its portal.' });
      const r = await connector.resolveFailedDelivery(s.tracking_number, decision);
      if (!r.accepted) {
        throw new JobError('permanent', 'DECISION_REFUSED', r.message || 'The carrier refused the decision', {
          hint: 'The parcel may have moved on already; check its latest status, then call the carrier if it still waits.',
        });
      }
      return { message: r.message };
    },
    applyResult(store, { shipmentId, decision }, r: { message?: string; skipped?: string }, _job, now) {
      const s = readShipment(store, shipmentId);
      if (r.skipped) {
        addEvent(store, { orderId: s.order_id, at: now, operatorId: null, kind: 'delivery_decision_skipped', reason: `The parcel is ${r.skipped}`, data: { code: s.code, decision } });
        return;
      }
      store
        .prepare(`INSERT OR IGNORE INTO shipment_events (shipment_id, at, carrier_status, description, mapped, source, dedupe_key, received_at)
          VALUES (?, ?, ?, ?, 'unchanged', 'operator', ?, ?)`)
        .run(shipmentId, now, `decision:${decision}`, `Shop asked the carrier to ${WORDS[decision]}`, `${shipmentId}:decision:${decision}:${now}`, now);
      addEvent(store, { orderId: s.order_id, at: now, operatorId: null, kind: 'delivery_decision_sent', reason: WORDS[decision], data: { code: s.code, decision, message: r.message } });
      resolveExceptions(store, { shipmentId, kinds: ['delivery_failed', 'awaiting_decision', 'decision_refused'] }, `Decision sent: ${WORDS[decision]}`, null, now);
    },
    applyFailure(store, { shipmentId, decision }, error, _job, now) {
      const s = readShipment(store, shipmentId);
      store.prepare('UPDATE shipments SET error_code = ?, error_message = ?, error_hint = ?, updated_at = ? WHERE id = ?').run(error.code, error.message, error.hint, now, shipmentId);
      addEvent(store, { orderId: s.order_id, at: now, operatorId: null, kind: 'delivery_decision_failed', reason: error.message, data: { code: s.code, decision, errorCode: error.code } });
      openException(store, { kind: 'decision_refused', orderId: s.order_id, shipmentId, message: error.message, details: { decision, errorCode: error.code, hint: error.hint } }, now);
    },
  });
}
