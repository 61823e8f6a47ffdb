import { ROLE_RANK, type Role } from '../../api/contract.js';
import { fail } from '../../api/errors.js';
import type { Store } from '../../store/store.js';
import { PinThrottle, verifyPin } from '../operators/pin.js';

// Who approves a manager's override at a packer's desk: the signed-in operator when they are a
// manager, or a manager who walks over and types their PIN into the override dialog.

// Wrong PINs per manager, per store (one per data folder; tests open many): five wrong ones lock that
// manager's PIN at the desk for a minute, as at sign-in, so a 4-digit PIN cannot be walked.
const throttles = new WeakMap<Store, PinThrottle>();
const throttleOf = (store: Store) => {
  let t = throttles.get(store);
  if (!t) throttles.set(store, (t = new PinThrottle()));
  return t;
};

export interface Approval { approverId: number; viaPin: boolean }

interface Caller { operatorId: number | null; role: Role | null }

export function approveOverride(store: Store, caller: Caller, typed: { managerId?: number; pin?: string }, now: number): Approval {
  if (typed.managerId === undefined) {
    if (typed.pin !== undefined) fail('INPUT_INVALID', 'A PIN needs the manager it belongs to', { reason: 'manager_missing' });
    if (caller.operatorId === null || caller.role === null || ROLE_RANK[caller.role] < ROLE_RANK.manager) {
      fail('FORBIDDEN', 'A manager approves an override: sign in as one or type a manager PIN', { reason: 'manager_required' });
    }
    return { approverId: caller.operatorId!, viaPin: false };
  }
  if (typed.pin === undefined) fail('INPUT_INVALID', 'Type the manager PIN', { reason: 'pin_missing' });
  const throttle = throttleOf(store);
  const locked = throttle.lockedUntil(typed.managerId, now);
  if (locked) fail('PIN_INVALID', 'Too many wrong PINs; wait before trying again', { reason: 'pin_locked', lockedUntil: locked });
  const op = store.prepare('SELECT id, role, pin_salt, pin_hash FROM operators WHERE id = ? AND active = 1').get(typed.managerId) as
    { id: number; role: Role; pin_salt: string; pin_hash: string } | undefined;
  if (!op) fail('NOT_FOUND', 'No such manager', { entity: 'operator', id: typed.managerId });
  if (!verifyPin(typed.pin!, op!.pin_salt, op!.pin_hash)) {
    throttle.fail(op!.id, now);
    fail('PIN_INVALID', 'Wrong manager PIN', { reason: 'pin_wrong' });
  }
  throttle.succeed(op!.id);
  // Checked after the PIN, so a wrong guess never tells which operators are managers.
  if (ROLE_RANK[op!.role] < ROLE_RANK.manager) fail('FORBIDDEN', 'Only a manager can approve an override', { reason: 'manager_required' });
  return { approverId: op!.id, viaPin: true };
}
