import { fail } from '../../api/errors.js';
import type { Store } from '../../store/store.js';
import { openException } from './exceptions.js';
import { listShipments } from './shipment-repo.js';

const OUTSTANDING = ['booked', 'picking', 'picked', 'in_transit', 'delivering', 'delivery_failed', 'awaiting_decision'];

/** Per carrier account: COD still on the road, COD delivered but not yet paid out, and past payouts. */
export function codSummary(store: Store, accountId: number) {
  const out = store
    .prepare(`SELECT coalesce(sum(cod_amount), 0) AS v, count(*) AS n FROM shipments WHERE account_id = ? AND cod_amount > 0 AND state IN (${OUTSTANDING.map(() => '?').join(', ')})`)
    .get(accountId, ...OUTSTANDING) as { v: number; n: number };
  const unpaid = listShipments(store, { states: ['delivered'], accountId, query: '', limit: 500, offset: 0, payoutId: null }).items.filter((s) => s.codCollected > 0);
  const payouts = (store
    .prepare(`SELECT p.id, p.amount, p.expected, p.paid_at AS paidAt, p.reference, p.note, (SELECT count(*) FROM shipments s WHERE s.payout_id = p.id) AS shipmentCount
      FROM cod_payouts p WHERE p.account_id = ? ORDER BY p.paid_at DESC, p.id DESC LIMIT 200`)
    .all(accountId) as { id: number; amount: number; expected: number; paidAt: number; reference: string; note: string; shipmentCount: number }[])
    .map((p) => ({ ...p, mismatch: p.amount !== p.expected }));
  return {
    outstandingVnd: out.v, outstandingCount: out.n,
    deliveredUnpaidVnd: unpaid.reduce((s, x) => s + x.codCollected, 0), deliveredUnpaid: unpaid, payouts,
  };
}

/**
 * Marks a carrier's payout against delivered shipments. A payout that differs from what those
 * shipments collected is recorded as it is and flagged for the operator, never adjusted silently.
 */
export function recordPayout(store: Store, input: { accountId: number; amount: number; paidAt: number; reference: string; note: string; shipmentIds: number[] }, operatorId: number | null, now: number) {
  const ids = [...new Set(input.shipmentIds)];
  const rows = store
    .prepare(`SELECT id, account_id, state, cod_collected, payout_id, code FROM shipments WHERE id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as { id: number; account_id: number; state: string; cod_collected: number; payout_id: number | null; code: string }[];
  if (rows.length !== ids.length) fail('NOT_FOUND', 'Some shipments do not exist', { entity: 'shipment' });
  for (const r of rows) {
    if (r.account_id !== input.accountId) fail('CONFLICT', `${r.code} belongs to another carrier account`, { reason: 'other_account', code: r.code });
    if (r.payout_id !== null) fail('CONFLICT', `${r.code} is already in a payout`, { reason: 'already_paid', code: r.code });
    if (r.state !== 'delivered') fail('CONFLICT', `${r.code} is not delivered`, { reason: 'not_delivered', code: r.code });
  }
  const expected = rows.reduce((s, r) => s + r.cod_collected, 0);
  const id = Number(store
    .prepare('INSERT INTO cod_payouts (account_id, amount, expected, paid_at, reference, note, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(input.accountId, input.amount, expected, input.paidAt, input.reference, input.note, operatorId, now).lastInsertRowid);
  store.prepare('UPDATE shipments SET payout_id = ?, updated_at = ? WHERE id IN (SELECT value FROM json_each(?))').run(id, now, JSON.stringify(ids));
  const mismatch = expected !== input.amount;
  if (mismatch) {
    openException(store, { kind: 'cod_mismatch', ref: `payout:${id}`, message: `Payout ${input.reference || id}: expected ${expected} ₫, received ${input.amount} ₫`, details: { payoutId: id, expected, amount: input.amount, difference: input.amount - expected } }, now);
  }
  return { id, expected, amount: input.amount, mismatch };
}
