import type { Role } from '../../api/contract.js';
import { fail } from '../../api/errors.js';
import type { Store } from '../../store/store.js';
import { hashPin } from './pin.js';

export interface OperatorRow {
  id: number;
  name: string;
  role: Role;
  pin_salt: string;
  pin_hash: string;
  active: number;
  created_at: number;
}

export const operatorRef = (r: Pick<OperatorRow, 'id' | 'name' | 'role'>) => ({ id: r.id, name: r.name, role: r.role });

export function getOperator(store: Store, id: number): OperatorRow {
  return (store.prepare('SELECT * FROM operators WHERE id = ?').get(id) as OperatorRow | undefined) ?? fail('NOT_FOUND', 'Operator not found', { entity: 'operator', id });
}

export function createOperator(store: Store, input: { name: string; role: Role; pin: string }, now: number): OperatorRow {
  const { salt, hash } = hashPin(input.pin);
  const r = store
    .prepare('INSERT INTO operators (name, role, pin_salt, pin_hash, active, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)')
    .run(input.name, input.role, salt, hash, now, now);
  return getOperator(store, Number(r.lastInsertRowid));
}

export const operatorCount = (store: Store): number =>
  (store.prepare('SELECT count(*) AS n FROM operators').get() as { n: number }).n;

/** The last active admin cannot be demoted or deactivated: nobody could manage operators again. */
export function assertAdminRemains(store: Store, changingId: number): void {
  const n = (store.prepare("SELECT count(*) AS n FROM operators WHERE role = 'admin' AND active = 1 AND id <> ?").get(changingId) as { n: number }).n;
  if (n === 0) fail('CONFLICT', 'At least one active admin must remain', { reason: 'last_admin' });
}
