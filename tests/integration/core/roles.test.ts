import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../../main/api/index.js';
import { ROLE_RANK, type CommandSpec, type Role } from '../../../main/api/contract.js';
import type { Session } from '../../../main/core/core.js';
import { call, callError, makeCore, TEST_PIN, type TestCore } from '../../fixtures/core.js';
import { commandSamples, sampleWorld, type SampleIds } from '../../fixtures/command-samples.js';
import { storeChecksum } from '../../fixtures/store-checks.js';

const entries = Object.entries(contract as Record<string, CommandSpec>);
const below = (role: Role): Role[] => (['packer', 'manager', 'admin'] as Role[]).filter((r) => ROLE_RANK[r] < ROLE_RANK[role]);

describe('roles and sign-in', () => {
  let t: TestCore;
  let ids: SampleIds;
  let samples: Record<string, Record<string, unknown>>;
  let clock = Date.UTC(2025, 10, 27, 8, 0, 0);
  const sessions = new Map<Role, Session>();
  beforeAll(async () => {
    t = await makeCore({ now: () => clock });
    ids = await sampleWorld(t.admin);
    samples = commandSamples(ids);
    for (const r of ['packer', 'manager'] as Role[]) sessions.set(r, await t.signedIn(r));
  });
  afterAll(() => t.close());
  const checksum = () => storeChecksum(t.core.store.sqlite);

  it.each(entries.filter(([, s]) => s.role !== null).map(([n]) => n))('%s needs a signed-in operator', async (name) => {
    const before = checksum();
    expect(await callError(t.core.openSession(), name, samples[name] ?? {})).toMatchObject({ code: 'NOT_SIGNED_IN' });
    expect(checksum()).toBe(before);
  });

  it.each(entries.flatMap(([n, s]) => (s.role ? below(s.role).map((r) => [n, r, s.role] as const) : [])))('%s is refused to a %s (needs %s)', async (name, role, required) => {
    const before = checksum();
    expect(await callError(sessions.get(role)!, name, samples[name] ?? {})).toMatchObject({ code: 'FORBIDDEN', details: { required } });
    expect(checksum()).toBe(before);
  });

  it('lets a packer work orders but not adjust stock', async () => {
    const packer = sessions.get('packer')!;
    const before = checksum();
    expect((await callError(packer, 'inventory.adjust', samples['inventory.adjust'])).code).toBe('FORBIDDEN');
    expect((await callError(packer, 'inventory.receive', samples['inventory.receive'])).code).toBe('FORBIDDEN');
    expect(checksum()).toBe(before);
    expect((await call(packer, 'orders.get', { id: ids.orderId })).id).toBe(ids.orderId);
  });

  it('signs out: the session is refused afterwards, other sessions are not', async () => {
    const s = await t.signedIn('packer');
    await call(s, 'session.signOut', {});
    expect((await callError(s, 'orders.list', {})).code).toBe('NOT_SIGNED_IN');
    expect((await call(s, 'session.state', {})).operator).toBeNull();
    expect((await call(sessions.get('packer')!, 'orders.list', {})).items.length).toBeGreaterThan(0);
  });

  it('refuses a wrong PIN, an unknown operator and an inactive one with PIN_INVALID', async () => {
    const s = t.core.openSession();
    const op = await call(t.admin, 'operators.create', { name: 'Thu', role: 'packer', pin: '5678' });
    expect((await callError(s, 'session.signIn', { operatorId: op.id, pin: '5679' })).code).toBe('PIN_INVALID');
    expect((await callError(s, 'session.signIn', { operatorId: 999_999, pin: '5678' })).code).toBe('PIN_INVALID');
    await call(t.admin, 'operators.update', { id: op.id, active: false });
    expect((await callError(s, 'session.signIn', { operatorId: op.id, pin: '5678' })).code).toBe('PIN_INVALID');
    expect(s.signedIn).toBe(false);
  });

  it('locks an operator after 5 wrong PINs, even against the right one, until the lock runs out', async () => {
    const op = await call(t.admin, 'operators.create', { name: 'Khóa', role: 'packer', pin: TEST_PIN });
    const other = await call(t.admin, 'operators.create', { name: 'Không khóa', role: 'packer', pin: TEST_PIN });
    const s = t.core.openSession();
    for (let i = 0; i < 4; i++) expect((await callError(s, 'session.signIn', { operatorId: op.id, pin: '0000' })).code).toBe('PIN_INVALID');
    // Four wrong, then the right one: still open.
    await call(s, 'session.signIn', { operatorId: op.id, pin: TEST_PIN });
    await call(s, 'session.signOut', {});
    for (let i = 0; i < 5; i++) expect((await callError(s, 'session.signIn', { operatorId: op.id, pin: '0000' })).details).toBeUndefined();
    const locked = await callError(s, 'session.signIn', { operatorId: op.id, pin: TEST_PIN });
    expect(locked).toMatchObject({ code: 'PIN_INVALID', details: { lockedUntil: expect.any(Number) } });
    expect(s.signedIn).toBe(false);
    // Only that operator is locked.
    await call(t.core.openSession(), 'session.signIn', { operatorId: other.id, pin: TEST_PIN });
    clock += 30_000;
    expect((await callError(s, 'session.signIn', { operatorId: op.id, pin: TEST_PIN })).code).toBe('PIN_INVALID');
    clock = (locked.details!.lockedUntil as number) + 1;
    expect((await call(s, 'session.signIn', { operatorId: op.id, pin: TEST_PIN })).id).toBe(op.id);
  });

  it('cuts off an open session when its operator is demoted or deactivated', async () => {
    const manager = await t.signedIn('manager');
    const managerId = await t.operatorId('manager');
    await call(t.admin, 'operators.update', { id: managerId, role: 'packer' });
    let before = checksum();
    expect((await callError(manager, 'inventory.adjust', samples['inventory.adjust'])).code).toBe('FORBIDDEN');
    expect(checksum()).toBe(before);
    await call(t.admin, 'operators.update', { id: managerId, active: false });
    before = checksum();
    expect((await callError(manager, 'orders.create', samples['orders.create'])).code).toBe('NOT_SIGNED_IN');
    expect(checksum()).toBe(before);
    expect((await call(manager, 'session.state', {})).operator).toBeNull();
    await call(t.admin, 'operators.update', { id: managerId, role: 'manager', active: true });
  });

  it('keeps at least one active admin', async () => {
    const adminId = await t.operatorId('admin');
    expect(await callError(t.admin, 'operators.update', { id: adminId, role: 'manager' })).toMatchObject({ code: 'CONFLICT', details: { reason: 'last_admin' } });
    expect(await callError(t.admin, 'operators.update', { id: adminId, active: false })).toMatchObject({ code: 'CONFLICT' });
  });
});
