// The channel's push policy (DESIGN.md rule 6; issue 5 §4): how many units a listing shows, from our
// available stock. Pure: the job that pushes and the listings screen both call it.

export interface PushPolicy {
  /** Push at all (off: listings keep what the marketplace has). */
  enabled: boolean;
  /** Share of available stock shown on this channel, 0–100 %. */
  sharePercent: number;
  /** Units kept back from the channel (taken off before the share). */
  reserveUnits: number;
  /** Available below this → show 0 (the last units are not offered where peers sell them too). */
  zeroBelow: number;
  /** At most this many shown; null = no cap. */
  maxShown: number | null;
  /** Warehouses that feed the channel; empty = all. */
  warehouseIds: number[];
}

export const DEFAULT_POLICY: PushPolicy = { enabled: true, sharePercent: 100, reserveUnits: 0, zeroBelow: 0, maxShown: null, warehouseIds: [] };

export interface PushInput {
  /** Available (on hand − reserved) per warehouse of the linked variant. */
  levels: { warehouseId: number; available: number }[];
  /** Shopee's promotion-reserved stock of the model: update_stock refuses anything below it (spec §1.4, §6). */
  marketplaceReserved: number;
}

export interface PushQuantity {
  /** The quantity to write to the marketplace. */
  quantity: number;
  /** Our available stock in the feeding warehouses (negative levels count as 0). */
  available: number;
  /** What the policy alone gave, before the promotion floor. */
  policyQuantity: number;
  /** True when the promotion-reserved floor raised the quantity above the policy's. */
  raisedToReserved: boolean;
}

/**
 * available = Σ max(0, on hand − reserved) over the feeding warehouses;
 * policy = 0 if available < zeroBelow, else min(maxShown, floor((available − reserve) × share%)), ≥ 0;
 * quantity = max(policy, marketplace reserved) — Shopee rejects a stock below its promotion reserve, so the
 * floor wins (flagged, so the operator sees the listing may sell what we no longer have).
 */
export function pushQuantity(policy: PushPolicy, input: PushInput): PushQuantity {
  const feeds = policy.warehouseIds.length ? new Set(policy.warehouseIds) : null;
  const available = input.levels.reduce((sum, l) => (feeds && !feeds.has(l.warehouseId) ? sum : sum + Math.max(0, Math.trunc(l.available))), 0);
  let q = 0;
  if (available > 0 && available >= policy.zeroBelow) {
    const afterReserve = Math.max(0, available - Math.max(0, policy.reserveUnits));
    const share = Math.min(100, Math.max(0, policy.sharePercent));
    q = Math.floor((afterReserve * share) / 100);
    if (policy.maxShown !== null) q = Math.min(q, Math.max(0, policy.maxShown));
  }
  const floor = Math.max(0, Math.trunc(input.marketplaceReserved));
  return { quantity: Math.max(q, floor), available, policyQuantity: q, raisedToReserved: floor > q };
}

/** Where a drift check stands for one listing (issue 5 §4: Shopee's stock differs from what we pushed). */
export type DriftVerdict = 'in_step' | 'repush' | 'watch';

/**
 * Shopee showing MORE than we pushed risks an oversell: re-push at once. Showing LESS is usually orders
 * Shopee took that our intake has not pulled yet (Shopee lowers seller stock on each order): re-pushing
 * then would put those units back on sale, so it is only re-pushed when it is still lower at the next check.
 */
export function driftVerdict(lastPushed: number | null, shopeeStock: number, lowerBefore: boolean): DriftVerdict {
  if (lastPushed === null || shopeeStock === lastPushed) return 'in_step';
  if (shopeeStock > lastPushed) return 'repush';
  return lowerBefore ? 'repush' : 'watch';
}
