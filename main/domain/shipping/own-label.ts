import type { StoredAddress } from '../../api/common.js';
import { fail } from '../../api/errors.js';
import { encodeLabel } from '../../devices/label/encoders/encode-label.js';
import { shippingLabel, type ShippingLabelData } from '../../devices/label/layouts/shipping-label.js';
import { DEFAULT_PROFILE, type MediaName } from '../../devices/label/media.js';
import type { Store } from '../../store/store.js';
import { readShipment } from './shipment-repo.js';

const CARRIER_NAMES = { ghn: 'Giao Hàng Nhanh', viettelpost: 'Viettel Post' } as const;

/** What our own label shows, from the shipment as booked (never from the network). */
export function ownLabelData(store: Store, shipmentId: number, now: number): ShippingLabelData {
  const s = readShipment(store, shipmentId);
  if (!s.tracking_number) fail('NOT_FOUND', 'The shipment has no tracking number yet', { entity: 'label', id: shipmentId });
  const o = store.prepare('SELECT number, buyer_name, buyer_phone, address_json, warehouse_id FROM orders WHERE id = ?').get(s.order_id) as
    { number: string; buyer_name: string; buyer_phone: string; address_json: string; warehouse_id: number };
  const w = store.prepare('SELECT name, address, address_json, contact_name, contact_phone FROM warehouses WHERE id = ?').get(o.warehouse_id) as
    { name: string; address: string; address_json: string; contact_name: string; contact_phone: string };
  const to = JSON.parse(o.address_json) as StoredAddress;
  const from = JSON.parse(w.address_json) as Partial<StoredAddress>;
  const items = store.prepare('SELECT name, quantity FROM order_lines WHERE order_id = ? ORDER BY id').all(s.order_id) as { name: string; quantity: number }[];
  return {
    carrierName: CARRIER_NAMES[s.carrier], serviceName: s.service_name || undefined, trackingNumber: s.tracking_number!,
    sortCode: s.sort_code ?? undefined,
    sender: { name: w.contact_name || w.name, phone: w.contact_phone, address: from.rawText || w.address },
    receiver: { name: to.recipientName || o.buyer_name, phone: to.phone || o.buyer_phone, address: to.rawText },
    codAmount: s.cod_amount, weightGrams: s.weight_g, items, orderNumber: o.number, note: s.note || undefined, printedAt: now,
  };
}

/** Our 100×150 mm label (or another medium) as a PDF for preview and system printers. */
export async function ownLabelPdf(store: Store, shipmentId: number, media: MediaName, now: number) {
  const data = ownLabelData(store, shipmentId, now);
  const encoded = await encodeLabel(shippingLabel(data, media), { ...DEFAULT_PROFILE, language: 'pdf', media });
  return { contentType: encoded.contentType, contentBase64: encoded.bytes.toString('base64'), fileName: `${data.orderNumber}-${data.trackingNumber}-${media}.pdf` };
}
