import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../main/core/core.js';
import { call, callError, TEST_PIN } from '../../fixtures/core.js';
import { storeChecksum } from '../../fixtures/store-checks.js';
import { packWorld, type PackWorld } from './pack-world.js';

// A manager approving an override at the packer's desk by typing their PIN in the dialog: the packer
// stays signed in, the manager is recorded as the approver, wrong PINs change nothing and lock out.
describe("a manager's PIN override at the packer's desk", () => {
  let w: PackWorld;
  let desk: Session;
  let managerId: number;
  let packerId: number;
  let a: Awaited<ReturnType<PackWorld['product']>>;

  beforeAll(async () => {
    w = await packWorld();
    desk = await w.desk('Bàn 2');
    managerId = await w.t.operatorId('manager');
    packerId = await w.t.operatorId('packer');
    a = await w.product();
  }, 60_000);
  afterAll(() => w.close());

  async function halfScanned() {
    const o = await w.order([[a.variantId, 3]]);
    const s = await call(desk, 'packing.open', { orderId: o.id });
    await call(desk, 'packing.scan', { sessionId: s.id, code: a.barcode });
    return { o, s };
  }

  it('records the manager as the approver and the packer as the actor, then the order packs', async () => {
    const { o, s } = await halfScanned();
    const over = await call(desk, 'packing.override', { sessionId: s.id, reason: 'Tem mã vạch rách', managerId, pin: TEST_PIN });
    expect(over.override).toMatchObject({ by: 'Test manager', reason: 'Tem mã vạch rách' });
    expect(w.db.prepare('SELECT override_by FROM pack_sessions WHERE id = ?').pluck().get(s.id)).toBe(managerId);
    const ev = (await call(desk, 'orders.get', { id: o.id })).events.find((e) => e.kind === 'packing_override');
    expect(ev).toMatchObject({ operatorName: 'Test packer', reason: 'Tem mã vạch rách', data: { approvedBy: managerId, viaPin: true, lines: [{ verifiedQty: 1, quantity: 3 }] } });
    expect((await call(desk, 'packing.complete', { sessionId: s.id, weightGrams: 500 })).orderId).toBe(o.id);
  });

  it('refuses a wrong PIN, a packer\'s own PIN, a PIN without its manager and no PIN at all, changing nothing', async () => {
    const { s } = await halfScanned();
    const before = storeChecksum(w.db);
    expect(await callError(desk, 'packing.override', { sessionId: s.id, reason: 'x', managerId, pin: '9999' })).toMatchObject({ code: 'PIN_INVALID', details: { reason: 'pin_wrong' } });
    expect(await callError(desk, 'packing.override', { sessionId: s.id, reason: 'x', managerId: packerId, pin: TEST_PIN })).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'manager_required' } });
    expect(await callError(desk, 'packing.override', { sessionId: s.id, reason: 'x', pin: TEST_PIN })).toMatchObject({ code: 'INPUT_INVALID' });
    expect(await callError(desk, 'packing.override', { sessionId: s.id, reason: 'x', managerId })).toMatchObject({ code: 'INPUT_INVALID' });
    expect(await callError(desk, 'packing.override', { sessionId: s.id, reason: 'x' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await callError(desk, 'packing.override', { sessionId: s.id, reason: 'x', managerId: 999_999, pin: TEST_PIN })).toMatchObject({ code: 'NOT_FOUND' });
    expect(storeChecksum(w.db)).toBe(before);
    expect((await call(desk, 'packing.current', {}))!.override).toBeNull();
    await call(desk, 'packing.release', { sessionId: s.id });
  });

  it('locks the manager\'s PIN at the desk after five wrong ones, even the right PIN, for a while', async () => {
    const { s } = await halfScanned();
    // The first test's good PIN reset the count; the second test made one wrong guess.
    for (let i = 0; i < 4; i++) await callError(desk, 'packing.override', { sessionId: s.id, reason: 'x', managerId, pin: '0000' });
    const before = storeChecksum(w.db);
    expect(await callError(desk, 'packing.override', { sessionId: s.id, reason: 'x', managerId, pin: TEST_PIN })).toMatchObject({ code: 'PIN_INVALID', details: { reason: 'pin_locked' } });
    expect(storeChecksum(w.db)).toBe(before);
  });
});
