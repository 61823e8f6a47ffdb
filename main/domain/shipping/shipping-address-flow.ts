import { CommandError, fail } from '../../api/errors.js';
import type { StoredAddress } from '../../api/common.js';
import type { BookingForm, CarrierAddressChoice } from '../../api/shipping.js';
import type { CarrierConnector, CarrierId } from '../../connectors/carriers/carrier-connector.js';
import type { CommandContext } from '../../core/context.js';
import { toErrorShape } from '../../core/dispatcher.js';
import type { Store } from '../../store/store.js';
import { carrierFor } from '../connections/connector-cache.js';
import { readOrderRow } from '../orders/order-repo.js';
import { cachedPlaces } from './address-cache.js';
import { resolveAddress, saveCarrierAddress } from './address-resolve.js';
import { readCarrierAddress } from './booking-request.js';
import { carrierCall } from './carrier-errors.js';
import { carrierOfAccount, requestBooking } from './shipment-booking.js';

export function resolutionView(store: Store, orderId: number, carrier: CarrierId) {
  const row = store.prepare("SELECT address_json, match_kind FROM carrier_addresses WHERE owner_type = 'order' AND owner_id = ? AND carrier = ?").get(orderId, carrier) as
    { address_json: string; match_kind: 'exact' | 'mapped' | 'picked' } | undefined;
  return row
    ? { carrier, ok: true, matchKind: row.match_kind, address: JSON.parse(row.address_json) as CarrierAddressChoice, problem: null }
    : { carrier, ok: false, matchKind: null, address: null, problem: { scheme: null, level: 'address' as const, reason: 'none' as const, given: '', candidates: [] } };
}

/**
 * The warehouse's address as this carrier knows it (the sender of every parcel it sends), matched the
 * first time it is needed; an unmatched sender is left for bookingParties to report.
 */
export async function ensureSenderAddress(store: Store, connector: CarrierConnector, carrier: CarrierId, warehouseId: number, operatorId: number | null, now: () => number): Promise<void> {
  if (readCarrierAddress(store, 'warehouse', warehouseId, carrier)) return;
  const w = store.prepare('SELECT address_json FROM warehouses WHERE id = ?').get(warehouseId) as { address_json: string };
  const address = { rawText: '', recipientName: '', phone: '', scheme: 'unknown', streetLine: '', ...JSON.parse(w.address_json) } as StoredAddress;
  const r = await resolveAddress(store, connector, carrier, address, now);
  if (r.ok) store.tx(() => saveCarrierAddress(store, 'warehouse', warehouseId, carrier, r.address, r.kind, operatorId, now()));
}

/** An operator's pick must name units the carrier has (from the cache), each under its parent. */
export function confirmAddress(store: Store, orderId: number, carrier: CarrierId, a: CarrierAddressChoice, operatorId: number | null, now: number): void {
  const has = (scheme: 'new2' | 'legacy3', level: 'province' | 'district' | 'ward', parent: string, id: string) =>
    (cachedPlaces(store, carrier, scheme, level, parent) ?? []).some((p) => p.id === id && p.active);
  const ok = a.current
    ? has('new2', 'province', '', a.current.province.id) && has('new2', 'ward', a.current.province.id, a.current.ward.id)
    : a.legacy
      ? has('legacy3', 'province', '', a.legacy.province.id) && has('legacy3', 'district', a.legacy.province.id, a.legacy.district.id) && has('legacy3', 'ward', a.legacy.district.id, a.legacy.ward.id)
      : false;
  if (!ok) fail('ADDRESS_UNMATCHED', 'The chosen place is not one of the carrier\'s (or is locked)', { owner: 'order', orderId });
  saveCarrierAddress(store, 'order', orderId, carrier, a, 'picked', operatorId, now);
}

/**
 * Books many orders: each order's address is matched first (downloading carrier data when online),
 * then its booking is recorded in its own transaction, so one bad order never stops the others.
 */
export async function bookManyOrders(ctx: CommandContext, input: { orderIds: number[]; accountId: number }, formFor: (orderId: number) => BookingForm) {
  const carrier = carrierOfAccount(ctx.store, input.accountId);
  const connector = carrierFor(ctx.store, ctx.services.secrets, input.accountId);
  const results = [];
  for (const orderId of input.orderIds) {
    let number = '';
    try {
      const order = readOrderRow(ctx.store, orderId);
      number = order.number;
      if (!readCarrierAddress(ctx.store, 'order', orderId, carrier)) {
        const r = await carrierCall(ctx, input.accountId, () => resolveAddress(ctx.store, connector, carrier, JSON.parse(order.address_json) as StoredAddress, ctx.now));
        if (!r.ok) throw new CommandError('ADDRESS_UNMATCHED', `The ${r.problem.level} "${r.problem.given}" is not one of the carrier's`, { ...r.problem });
        ctx.store.tx(() => saveCarrierAddress(ctx.store, 'order', orderId, carrier, r.address, r.kind, ctx.operatorId, ctx.now()));
      }
      await carrierCall(ctx, input.accountId, () => ensureSenderAddress(ctx.store, connector, carrier, order.warehouse_id, ctx.operatorId, ctx.now));
      const shipmentId = ctx.store.tx(() => requestBooking(ctx.store, formFor(orderId), { operatorId: ctx.operatorId, at: ctx.now() }));
      results.push({ orderId, orderNumber: number, ok: true, shipmentId, error: null });
    } catch (error) {
      const e = toErrorShape(error);
      const details = e.details ?? {};
      results.push({ orderId, orderNumber: number, ok: false, shipmentId: null, error: { code: e.code, message: e.message, hint: typeof details.hint === 'string' && details.hint ? details.hint : null, details } });
    }
  }
  return results;
}
