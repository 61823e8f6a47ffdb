import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeCore, TEST_PIN, type TestCore } from '../../fixtures/core.js';
import { addVariant, addWarehouse, orderInput } from '../../fixtures/builders.js';
import { ledgerProblems } from '../../fixtures/store-checks.js';
import { levelOf } from '../../fixtures/stock.js';
import { CHILD_TIMEOUT, spawnTs } from '../../fixtures/child-process.js';

// Two buyers, one unit left: whoever commits first gets it, the other waits for stock; never both.
describe('two orders racing for the last unit', () => {
  it('within one core: two sessions at once reserve it exactly once', async () => {
    const t = await makeCore();
    try {
      const w = (await addWarehouse(t.admin)).id;
      const variants = await Promise.all(Array.from({ length: 5 }, () => addVariant(t.admin, w, 1)));
      const [a, b] = [await t.signedIn('packer'), await t.signedIn('manager')];
      const results = await Promise.all(variants.flatMap((v) => [a, b].map((s) => s.call('orders.create', orderInput(w, [[v, 1]])))));
      for (let i = 0; i < variants.length; i++) {
        const pair = results.slice(i * 2, i * 2 + 2).map((r) => (r.ok ? (r.value as { status: string }).status : r.error.code));
        expect(pair.sort()).toEqual(['awaiting_stock', 'ready_to_pack']);
        expect(await levelOf(t.admin, w, variants[i])).toEqual({ onHand: 1, reserved: 1, available: 0 });
      }
      expect(ledgerProblems(t.core.store.sqlite)).toEqual([]);
    } finally {
      await t.close();
    }
  });

  describe('two OS processes on the same data file', () => {
    let t: TestCore;
    let w: number;
    let variants: number[];
    let packer: number;
    beforeAll(async () => {
      t = await makeCore();
      w = (await addWarehouse(t.admin)).id;
      variants = await Promise.all(Array.from({ length: 8 }, () => addVariant(t.admin, w, 1)));
      packer = await t.operatorId('packer');
      // The processes must see a finished store, so this core lets go of the file first.
      await t.core.close();
    });
    afterAll(() => t.close());

    it('reserves each last unit exactly once', async () => {
      const children = [0, 1].map(() => spawnTs('tests/fixtures/children/create-orders.ts', [t.dir, String(packer), TEST_PIN, String(w), ...variants.map(String)]));
      await Promise.all(children.map((c) => c.waitForLine((l) => l === 'ready')));
      for (const c of children) c.send('go');
      const ends = await Promise.all(children.map((c) => c.done));
      for (const e of ends) expect(e.code, e.stderr).toBe(0);
      const answers = ends.map((e) => e.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { ok: boolean; status?: string }));
      for (const list of answers) {
        expect(list).toHaveLength(variants.length);
        expect(list.every((r) => r.ok)).toBe(true);
      }
      for (let i = 0; i < variants.length; i++) {
        expect([answers[0][i].status, answers[1][i].status].sort()).toEqual(['awaiting_stock', 'ready_to_pack']);
      }

      const again = await makeCore({ dir: t.dir });
      try {
        for (const v of variants) expect(await levelOf(again.admin, w, v)).toEqual({ onHand: 1, reserved: 1, available: 0 });
        const count = await call(again.admin, 'orders.count', {});
        expect(count.byStatus).toEqual({ ready_to_pack: variants.length, awaiting_stock: variants.length });
        expect(ledgerProblems(again.core.store.sqlite)).toEqual([]);
      } finally {
        await again.core.close();
      }
    }, CHILD_TIMEOUT);
  });
});
