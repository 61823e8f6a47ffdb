import { CommandError } from '../../api/errors.js';
import type { StoredAddress } from '../../api/common.js';
import type { BookingForm } from '../../api/shipping.js';
import type { CarrierId } from '../../connectors/carriers/carrier-connector.js';
import { defaultServiceType } from '../../connectors/carriers/ghn/mapping.js';
import type { CommandContext } from '../../core/context.js';
import type { Store } from '../../store/store.js';
import { carrierFor } from '../connections/connector-cache.js';
import { readOrderRow } from '../orders/order-repo.js';
import { resolveAddress, saveCarrierAddress } from '../shipping/address-resolve.js';
import { readCarrierAddress } from '../shipping/booking-request.js';
import { carrierCall } from '../shipping/carrier-errors.js';
import { ensureSenderAddress } from '../shipping/shipping-address-flow.js';
import { bookingDefaults } from '../shipping/shipment-booking.js';

// A parcel packed at a station without a shipment is booked the way the order page books it
// (requestBooking through the outbox), with the station's defaults instead of a form: the first
// active carrier account, its standard service, COD from the order and the weight just measured.

export interface PackCarrier { id: number; provider: CarrierId; settings: Record<string, unknown> }

export function defaultCarrierAccount(store: Store): PackCarrier | null {
  const r = store.prepare("SELECT id, provider, settings_json FROM connector_accounts WHERE provider IN ('ghn', 'viettelpost') AND active = 1 ORDER BY id LIMIT 1")
    .get() as { id: number; provider: CarrierId; settings_json: string } | undefined;
  return r ? { id: r.id, provider: r.provider, settings: JSON.parse(r.settings_json || '{}') as Record<string, unknown> } : null;
}

/**
 * The service a packed parcel goes with: the account's `packService` setting when a manager set one,
 * else GHN's e-commerce service for the weight (heavy parcels need service 5) or Viettel Post's
 * express parcel service (VCN), which every route offers.
 */
export function defaultService(carrier: CarrierId, weightG: number, settings: Record<string, unknown>): string {
  const chosen = settings.packService;
  if (typeof chosen === 'string' && chosen.trim()) return chosen.trim();
  return carrier === 'ghn' ? String(defaultServiceType(weightG)) : 'VCN';
}

/**
 * Matches the receiver and the sender to the carrier's places before the booking transaction (the
 * carrier's place lists come from the cache when offline). Runs outside the command's transaction, as
 * the order page does; it only fills the address cache, so a failure leaves the order as it was.
 */
export async function prepareAddresses(ctx: CommandContext, orderId: number, account: PackCarrier): Promise<void> {
  const order = readOrderRow(ctx.store, orderId);
  const connector = carrierFor(ctx.store, ctx.services.secrets, account.id);
  if (!readCarrierAddress(ctx.store, 'order', orderId, account.provider)) {
    const r = await carrierCall(ctx, account.id, () => resolveAddress(ctx.store, connector, account.provider, JSON.parse(order.address_json) as StoredAddress, ctx.now));
    if (!r.ok) throw new CommandError('ADDRESS_UNMATCHED', `The ${r.problem.level} "${r.problem.given}" is not one of the carrier's`, { ...r.problem, owner: 'order', orderId });
    ctx.store.tx(() => saveCarrierAddress(ctx.store, 'order', orderId, account.provider, r.address, r.kind, ctx.operatorId, ctx.now()));
  }
  await carrierCall(ctx, account.id, () => ensureSenderAddress(ctx.store, connector, account.provider, order.warehouse_id, ctx.operatorId, ctx.now));
}

export function packBookingForm(store: Store, orderId: number, account: PackCarrier, weightG: number | null): BookingForm {
  const d = bookingDefaults(store, orderId, account.id, 'seller');
  const weight = weightG ?? d.weightG;
  return {
    orderId, accountId: account.id, serviceCode: defaultService(account.provider, weight, account.settings), serviceName: '',
    codVnd: d.codVnd, insuranceVnd: d.insuranceVnd, weightG: weight, lengthCm: d.lengthCm, widthCm: d.widthCm, heightCm: d.heightCm,
    payer: 'seller', inspection: 'look', note: '',
  };
}
