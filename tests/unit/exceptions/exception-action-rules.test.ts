import { describe, expect, it } from 'vitest';
import { actionsFor, checkAction, SHIP_AFTER_CANCEL, type ActionFacts } from '../../../main/domain/exceptions/exception-action-rules.js';

// Which of the operator's actions an exception offers, and "ship anyway" only where the channel allows it.

const packed = (channel: ActionFacts['channel'], marketplaceStatus = ''): ActionFacts => ({ channel, orderStatus: 'packed', marketplaceStatus });

describe('exception actions', () => {
  it('ship anyway: never a cancelled marketplace order; the shop\'s own channels decide for themselves', () => {
    expect(checkAction('ship_anyway', packed('shopee', 'CANCELLED'))).toEqual({ allowed: false, reason: 'marketplace_cancelled' });
    expect(checkAction('ship_anyway', packed('lazada', 'canceled'))).toEqual({ allowed: false, reason: 'marketplace_cancelled' });
    expect(checkAction('ship_anyway', packed('tiktok', 'CANCELLED'))).toEqual({ allowed: false, reason: 'marketplace_cancelled' });
    expect(checkAction('ship_anyway', packed('manual'))).toEqual({ allowed: true, reason: null });
    expect(checkAction('ship_anyway', packed('website'))).toEqual({ allowed: true, reason: null });
    expect(Object.entries(SHIP_AFTER_CANCEL).filter(([, ok]) => ok).map(([c]) => c).sort()).toEqual(['manual', 'website']);
  });

  it('unpack and restock: only while the parcel is on our shelf', () => {
    expect(checkAction('unpack_restock', packed('shopee', 'CANCELLED'))).toEqual({ allowed: true, reason: null });
    expect(checkAction('unpack_restock', { ...packed('shopee'), orderStatus: 'packing' }).allowed).toBe(true);
    for (const s of ['shipped', 'delivered', 'delivery_failed', 'returning', 'completed'] as const) {
      expect(checkAction('unpack_restock', { ...packed('shopee'), orderStatus: s })).toEqual({ allowed: false, reason: 'parcel_left' });
    }
  });

  it('nothing is allowed on an order already cancelled', () => {
    for (const a of ['unpack_restock', 'ship_anyway', 'rearrange'] as const) {
      expect(checkAction(a, { channel: 'manual', orderStatus: 'cancelled', marketplaceStatus: '' })).toEqual({ allowed: false, reason: 'already_cancelled' });
    }
  });

  it('re-arrange: a Shopee order whose pickup failed (RETRY_SHIP) and nothing else', () => {
    expect(checkAction('rearrange', packed('shopee', 'RETRY_SHIP'))).toEqual({ allowed: true, reason: null });
    expect(checkAction('rearrange', packed('shopee', 'PROCESSED'))).toEqual({ allowed: false, reason: 'not_retry' });
    expect(checkAction('rearrange', packed('lazada', 'RETRY_SHIP'))).toEqual({ allowed: false, reason: 'not_marketplace_logistics' });
  });

  it('each kind lists its own actions; other kinds none', () => {
    expect(actionsFor('marketplace_cancel_after_pack', packed('shopee', 'CANCELLED'))).toEqual([
      { action: 'unpack_restock', allowed: true, reason: null },
      { action: 'ship_anyway', allowed: false, reason: 'marketplace_cancelled' },
    ]);
    expect(actionsFor('marketplace_pickup_retry', packed('shopee', 'RETRY_SHIP'))).toEqual([{ action: 'rearrange', allowed: true, reason: null }]);
    expect(actionsFor('delivery_failed', packed('shopee'))).toEqual([]);
  });
});
