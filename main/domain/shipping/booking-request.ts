import { fail } from '../../api/errors.js';
import type { CarrierAddressChoice } from '../../api/shipping.js';
import type { StoredAddress } from '../../api/common.js';
import type { BookingRequest, CarrierAddress, CarrierId } from '../../connectors/carriers/carrier-connector.js';
import type { Store } from '../../store/store.js';

export function readCarrierAddress(store: Store, ownerType: 'order' | 'warehouse', ownerId: number, carrier: CarrierId): CarrierAddressChoice | null {
  const row = store.prepare('SELECT address_json FROM carrier_addresses WHERE owner_type = ? AND owner_id = ? AND carrier = ?').get(ownerType, ownerId, carrier) as { address_json: string } | undefined;
  return row ? (JSON.parse(row.address_json) as CarrierAddressChoice) : null;
}

export function toCarrierAddress(choice: CarrierAddressChoice, contact: { name: string; phone: string; street: string; fullText: string }): CarrierAddress {
  return {
    ...contact,
    ...(choice.current ? { current: { provinceId: choice.current.province.id, wardId: choice.current.ward.id, provinceName: choice.current.province.name, wardName: choice.current.ward.name } } : {}),
    ...(choice.legacy ? {
      legacy: {
        provinceId: choice.legacy.province.id, districtId: choice.legacy.district.id, wardId: choice.legacy.ward.id,
        provinceName: choice.legacy.province.name, districtName: choice.legacy.district.name, wardName: choice.legacy.ward.name,
      },
    } : {}),
  };
}

interface OrderForBooking { id: number; number: string; warehouse_id: number; buyer_name: string; buyer_phone: string; address_json: string }

/** Receiver and sender as the carrier knows them; either missing blocks booking with a clear reason. */
export function bookingParties(store: Store, order: OrderForBooking, carrier: CarrierId): { from: CarrierAddress; to: CarrierAddress } {
  const toChoice = readCarrierAddress(store, 'order', order.id, carrier);
  if (!toChoice) fail('ADDRESS_UNMATCHED', `The address of ${order.number} is not matched to this carrier's places yet`, { owner: 'order', orderId: order.id });
  const w = store.prepare('SELECT code, name, address, contact_name, contact_phone, address_json FROM warehouses WHERE id = ?').get(order.warehouse_id) as
    { code: string; name: string; address: string; contact_name: string; contact_phone: string; address_json: string };
  const fromChoice = readCarrierAddress(store, 'warehouse', order.warehouse_id, carrier);
  if (!fromChoice) fail('ADDRESS_UNMATCHED', `Warehouse ${w.code} has no sender address for this carrier`, { owner: 'warehouse', warehouseId: order.warehouse_id });
  const addr = JSON.parse(order.address_json) as StoredAddress;
  const wAddr = JSON.parse(w.address_json) as Partial<StoredAddress>;
  return {
    to: toCarrierAddress(toChoice!, {
      name: addr.recipientName || order.buyer_name, phone: addr.phone || order.buyer_phone, street: addr.streetLine || addr.rawText, fullText: addr.rawText,
    }),
    from: toCarrierAddress(fromChoice!, {
      name: w.contact_name || w.name, phone: w.contact_phone, street: wAddr.streetLine || w.address, fullText: wAddr.rawText || w.address,
    }),
  };
}

export function parcelItems(store: Store, orderId: number): BookingRequest['parcel']['items'] {
  return (store.prepare(`SELECT l.name, l.sku, l.quantity, l.unit_price, v.weight_g FROM order_lines l JOIN variants v ON v.id = l.variant_id WHERE l.order_id = ? ORDER BY l.id`)
    .all(orderId) as { name: string; sku: string; quantity: number; unit_price: number; weight_g: number }[])
    .map((l) => ({ name: l.name, sku: l.sku, quantity: l.quantity, priceVnd: l.unit_price, weightG: l.weight_g }));
}
