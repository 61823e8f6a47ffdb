import { describe, expect, it } from 'vitest';
import { canMarkPicked, isPickListDone, pickProgress } from '../../../main/domain/picking/pick-list-lifecycle.js';

describe('pick list lifecycle', () => {
  it('counts orders packed or further along, and cancelled ones apart', () => {
    expect(pickProgress(['ready_to_pack', 'packing', 'packed', 'shipped', 'delivered', 'cancelled', 'returned'])).toEqual({ packed: 4, cancelled: 1, total: 7 });
    expect(pickProgress([])).toEqual({ packed: 0, cancelled: 0, total: 0 });
  });

  it('is done only when every order is packed, later or cancelled, and only from open or picked', () => {
    expect(isPickListDone('open', pickProgress(['packed', 'cancelled']))).toBe(true);
    expect(isPickListDone('picked', pickProgress(['shipped']))).toBe(true);
    expect(isPickListDone('picked', pickProgress(['cancelled', 'cancelled']))).toBe(true);
    expect(isPickListDone('open', pickProgress(['packed', 'packing']))).toBe(false);
    expect(isPickListDone('open', pickProgress(['packed', 'ready_to_pack']))).toBe(false);
    expect(isPickListDone('cancelled', pickProgress(['packed']))).toBe(false);
    expect(isPickListDone('done', pickProgress(['packed']))).toBe(false);
    expect(isPickListDone('open', pickProgress([]))).toBe(false);
  });

  it('lets the picker mark an open or picked list, never a closed one', () => {
    expect(canMarkPicked('open')).toBeNull();
    expect(canMarkPicked('picked')).toBeNull();
    expect(canMarkPicked('done')).toEqual({ reason: 'pick_list_closed', status: 'done' });
    expect(canMarkPicked('cancelled')).toEqual({ reason: 'pick_list_closed', status: 'cancelled' });
  });
});
