// Pure rules of Shopee logistics (spec marketplaces.md §1.4, §1.5, §6): which arrange method a request
// becomes, which packages an order has, when the AWB may be fetched, how the tracking poll backs off.

export type MethodChoice =
  | { method: 'pickup'; addressId?: string; pickupTimeId?: string }
  | { method: 'dropoff'; branchId?: string }
  /** At the packing station: whatever Shopee offers, drop-off first (it needs nothing), else the first pickup slot. */
  | { method: 'auto' };

export interface ShippingParams {
  infoNeeded: { pickup?: string[]; dropoff?: string[]; non_integrated?: string[] };
  pickup: { addressId: string; address: string; timeSlots: { date: number; pickupTimeId: string; text: string }[] }[] | null;
  dropoff: { branchId: string; address: string }[] | null;
}

/** The `ship_order` body part: `{pickup:{…}}` or `{dropoff:{…}}` (ids as the wire wants them). */
export type ShipBody =
  | { pickup: { address_id: number; pickup_time_id?: string } }
  | { dropoff: { branch_id?: number } };

export type MethodResult = { ok: true; body: ShipBody; method: 'pickup' | 'dropoff' } | { ok: false; code: 'METHOD_UNAVAILABLE' | 'PICKUP_SLOT_REQUIRED' | 'BRANCH_REQUIRED'; message: string };

const offersPickup = (p: ShippingParams) => p.infoNeeded.pickup !== undefined || (p.pickup?.length ?? 0) > 0;
const offersDropoff = (p: ShippingParams) => p.infoNeeded.dropoff !== undefined || p.dropoff !== null;

/**
 * The arrange body for a choice, checked against what Shopee offers for the package. A pickup needs an
 * address and, when Shopee lists time slots, one of them; a drop-off names a branch only when Shopee
 * asks for `branch_id` (send `"dropoff":{}` otherwise, §1.4).
 */
export function chooseMethod(params: ShippingParams, choice: MethodChoice): MethodResult {
  if (choice.method === 'auto') {
    if (offersDropoff(params) && !(params.infoNeeded.dropoff ?? []).includes('branch_id')) return { ok: true, method: 'dropoff', body: { dropoff: {} } };
    if (offersDropoff(params) && params.dropoff?.length) return chooseMethod(params, { method: 'dropoff', branchId: params.dropoff[0].branchId });
    const address = params.pickup?.[0];
    if (address) return chooseMethod(params, { method: 'pickup', addressId: address.addressId, pickupTimeId: address.timeSlots[0]?.pickupTimeId });
    return { ok: false, code: 'METHOD_UNAVAILABLE', message: 'Shopee offers neither pickup nor drop-off for this package' };
  }
  if (choice.method === 'pickup') {
    if (!offersPickup(params)) return { ok: false, code: 'METHOD_UNAVAILABLE', message: 'Shopee offers no pickup for this package' };
    const address = choice.addressId ? params.pickup?.find((a) => a.addressId === choice.addressId) : params.pickup?.[0];
    if (!address) return { ok: false, code: 'PICKUP_SLOT_REQUIRED', message: 'Pick one of the pickup addresses Shopee lists' };
    const needsSlot = address.timeSlots.length > 0 || (params.infoNeeded.pickup ?? []).includes('pickup_time_id');
    const slot = choice.pickupTimeId ? address.timeSlots.find((s) => s.pickupTimeId === choice.pickupTimeId) : undefined;
    if (needsSlot && !slot) return { ok: false, code: 'PICKUP_SLOT_REQUIRED', message: choice.pickupTimeId ? 'That pickup time is no longer offered: pick another' : 'Pick a pickup time' };
    return { ok: true, method: 'pickup', body: { pickup: { address_id: Number(address.addressId), ...(slot ? { pickup_time_id: slot.pickupTimeId } : {}) } } };
  }
  if (!offersDropoff(params)) return { ok: false, code: 'METHOD_UNAVAILABLE', message: 'Shopee offers no drop-off for this package' };
  const needsBranch = (params.infoNeeded.dropoff ?? []).includes('branch_id');
  const branch = choice.branchId ? params.dropoff?.find((b) => b.branchId === choice.branchId) : undefined;
  if (choice.branchId && !branch) return { ok: false, code: 'BRANCH_REQUIRED', message: 'That drop-off branch is not offered: pick another' };
  if (needsBranch && !branch) return { ok: false, code: 'BRANCH_REQUIRED', message: 'Pick a drop-off branch' };
  return { ok: true, method: 'dropoff', body: { dropoff: branch ? { branch_id: Number(branch.branchId) } : {} } };
}

/** A package as intake stored it (`package_list` of the order detail). */
export interface PackageInfo { packageNumber: string; logisticsStatus: string; shippingCarrier: string }

/**
 * The packages of an order: every entry of `package_list` (split orders have several, and every
 * logistics call must name its `package_number`, §6); an order without a list is one package named ''.
 */
export function packagesOf(payload: unknown): PackageInfo[] {
  const p = (payload ?? {}) as { package_list?: unknown; shipping_carrier?: unknown };
  const list = Array.isArray(p.package_list) ? p.package_list : [];
  const carrier = typeof p.shipping_carrier === 'string' ? p.shipping_carrier : '';
  const out = list
    .map((x) => x as { package_number?: unknown; logistics_status?: unknown; shipping_carrier?: unknown })
    .filter((x) => typeof x.package_number === 'string' && x.package_number !== '')
    .map((x) => ({
      packageNumber: x.package_number as string,
      logisticsStatus: typeof x.logistics_status === 'string' ? x.logistics_status : '',
      shippingCarrier: typeof x.shipping_carrier === 'string' && x.shipping_carrier ? x.shipping_carrier : carrier,
    }));
  return out.length ? out : [{ packageNumber: '', logisticsStatus: '', shippingCarrier: carrier }];
}

/** Shopee order statuses after which the package has left: no more arranging, no more AWB (§1.5, hardware §3.2). */
export const AFTER_PICKUP = new Set(['SHIPPED', 'TO_CONFIRM_RECEIVE', 'COMPLETED', 'TO_RETURN']);
export const PACKAGE_GONE = new Set(['LOGISTICS_PICKUP_DONE', 'LOGISTICS_DELIVERY_DONE', 'LOGISTICS_DELIVERY_FAILED', 'LOGISTICS_LOST']);

/** Whether arranging shipment may be asked for an order in this Shopee status. */
export function arrangeBlocker(status: string, hold: string): null | 'cancelled' | 'in_cancel' | 'unpaid' | 'shipped' | 'not_ready' {
  if (status === 'CANCELLED') return 'cancelled';
  if (status === 'IN_CANCEL' || hold === 'in_cancel') return 'in_cancel';
  if (status === 'UNPAID' || status === 'PENDING' || hold === 'unpaid' || hold === 'pending') return 'unpaid';
  if (AFTER_PICKUP.has(status)) return 'shipped';
  if (status !== 'READY_TO_SHIP' && status !== 'RETRY_SHIP' && status !== 'PROCESSED') return 'not_ready';
  return null;
}

/**
 * When the AWB may be fetched (§1.4: printable only while the order is PROCESSED — after arrange,
 * before pickup; hardware §3.2: not fetchable after SHIPPED). `wait`: not yet (no tracking number, or
 * Shopee has not moved the order to PROCESSED); `too_late`: the chance is gone for good.
 */
export function awbWindow(orderStatus: string, packageStatuses: readonly string[], allTracked: boolean): 'fetch' | 'wait' | 'too_late' | 'cancelled' {
  if (orderStatus === 'CANCELLED' || orderStatus === 'IN_CANCEL') return 'cancelled';
  if (AFTER_PICKUP.has(orderStatus) || packageStatuses.some((s) => PACKAGE_GONE.has(s))) return 'too_late';
  if (!allTracked) return 'wait';
  if (orderStatus === 'PROCESSED' || orderStatus === 'RETRY_SHIP') return 'fetch';
  // READY_TO_SHIP with tracking numbers already: Shopee has not caught up yet.
  return 'wait';
}

/**
 * Tracking number poll delays: Shopee may take minutes to assign one (§6; docs suggest ~5 min). Short
 * at first (the usual case is seconds), then doubling up to 5 minutes.
 */
export function trackingPollDelayMs(attempt: number): number {
  return Math.min(5 * 60_000, 2_000 * 2 ** Math.max(0, attempt - 1));
}

/** The AWB file name in the data folder's labels/ (same place as carrier labels). */
export const awbFileName = (shipmentCode: string, ext: string) => `${shipmentCode}-AWB.${ext}`;

/** PDF, ZIP (thermal), HTML (some channels): the extension of a downloaded AWB (§1.4). */
export function awbExtension(contentType: string, bytes: Uint8Array): 'pdf' | 'zip' | 'html' | 'bin' {
  const head = Buffer.from(bytes.subarray(0, 5)).toString('latin1');
  if (head.startsWith('%PDF')) return 'pdf';
  if (head.startsWith('PK')) return 'zip';
  if (/pdf/i.test(contentType)) return 'pdf';
  if (/zip/i.test(contentType)) return 'zip';
  if (/html/i.test(contentType) || /^\s*</.test(head)) return 'html';
  return 'bin';
}
