import { invalidInput } from './shopee-client.js';
import { batchShipResult, documentResultList, emptyResult, shippingParameter, trackingNumber } from './shopee-schemas.js';
import type { ShopeeShop } from './shopee-shop.js';

// Logistics (spec §1.4): shipping parameters → arrange (pickup / drop-off / non-integrated) → tracking
// number (may be empty at first: poll) → AWB documents (create → poll result → download bytes).

export const DOCUMENT_TYPES = ['NORMAL_AIR_WAYBILL', 'THERMAL_AIR_WAYBILL', 'NORMAL_JOB_AIR_WAYBILL', 'THERMAL_JOB_AIR_WAYBILL', 'THERMAL_UNPACKAGED_LABEL'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export interface PackageRef {
  orderSn: string;
  packageNumber?: string;
  trackingNumber?: string;
  shippingDocumentType?: DocumentType;
}

export type ArrangeMethod =
  | { pickup: { address_id: number; pickup_time_id?: string; tracking_number?: string } }
  | { dropoff: { branch_id?: number; sender_real_name?: string; tracking_number?: string } }
  | { non_integrated: { tracking_number: string } };

export function getShippingParameter(shop: ShopeeShop, ref: { orderSn: string; packageNumber?: string }) {
  return shop.call({ method: 'GET', path: '/api/v2/logistics/get_shipping_parameter', query: { order_sn: ref.orderSn, package_number: ref.packageNumber } }, shippingParameter);
}

/** Arrange shipment. A second call answers `logistics.package_already_shipped` (permanent; the caller treats it as done). */
export function shipOrder(shop: ShopeeShop, ref: { orderSn: string; packageNumber?: string }, method: ArrangeMethod) {
  return shop.call({
    method: 'POST', path: '/api/v2/logistics/ship_order',
    body: { order_sn: ref.orderSn, ...(ref.packageNumber ? { package_number: ref.packageNumber } : {}), ...method },
  }, emptyResult);
}

/**
 * Batch arrange: the spec documents `mass_ship_order` (`package_list` 1–50, one channel, one product
 * location) [1S]; the response shape is not in the spec [?] (read loosely: `result_list` if present).
 */
export const BATCH_SHIP_PATH = '/api/v2/logistics/mass_ship_order';
export function batchShipOrder(shop: ShopeeShop, packages: readonly { orderSn?: string; packageNumber: string }[], method: ArrangeMethod & { logistics_channel_id?: number; product_location_id?: string }) {
  if (packages.length < 1 || packages.length > 50) throw invalidInput('package_list', 'must hold 1–50 packages');
  return shop.call({
    method: 'POST', path: BATCH_SHIP_PATH,
    body: { package_list: packages.map((p) => ({ ...(p.orderSn ? { order_sn: p.orderSn } : {}), package_number: p.packageNumber })), ...method },
  }, batchShipResult);
}

export function getTrackingNumber(shop: ShopeeShop, ref: { orderSn: string; packageNumber?: string }) {
  return shop.call({ method: 'GET', path: '/api/v2/logistics/get_tracking_number', query: { order_sn: ref.orderSn, package_number: ref.packageNumber } }, trackingNumber);
}

function orderList(refs: readonly PackageRef[]) {
  if (refs.length < 1 || refs.length > 50) throw invalidInput('order_list', 'must hold 1–50 orders');
  return refs.map((r) => ({
    order_sn: r.orderSn,
    ...(r.packageNumber ? { package_number: r.packageNumber } : {}),
    ...(r.trackingNumber ? { tracking_number: r.trackingNumber } : {}),
    ...(r.shippingDocumentType ? { shipping_document_type: r.shippingDocumentType } : {}),
  }));
}

export function createShippingDocument(shop: ShopeeShop, refs: readonly PackageRef[]) {
  return shop.call({ method: 'POST', path: '/api/v2/logistics/create_shipping_document', body: { order_list: orderList(refs) } }, documentResultList);
}

/** Poll until each entry is READY or FAILED. Unknown statuses come back as they are. */
export function getShippingDocumentResult(shop: ShopeeShop, refs: readonly PackageRef[]) {
  return shop.call({ method: 'POST', path: '/api/v2/logistics/get_shipping_document_result', body: { order_list: orderList(refs) } }, documentResultList);
}

/** The document bytes: usually PDF, ZIP when the seller prints thermal (§1.4). */
export function downloadShippingDocument(shop: ShopeeShop, refs: readonly PackageRef[], type?: DocumentType) {
  return shop.download({
    method: 'POST', path: '/api/v2/logistics/download_shipping_document',
    body: { ...(type ? { shipping_document_type: type } : {}), order_list: orderList(refs) },
  });
}
