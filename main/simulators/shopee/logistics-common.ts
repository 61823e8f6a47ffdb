// Finding the package a logistics call is about, and the error names used by the logistics routes.
// [?] Only `logistics.package_already_shipped` is printed in the spec; the other names are ours.

import type { Order, OrderStore, Package } from './order-store.js';

export const LOGISTICS_ERRORS = {
  alreadyShipped: ['logistics.package_already_shipped', 'The package has been arranged shipment already.'],
  notReady: ['logistics.package_can_not_ship', 'The order status does not allow arranging shipment now.'],
  numberRequired: ['logistics.package_number_required', 'package_number is required for an order with several packages.'],
  orderNotFound: ['logistics.order_not_found', 'Order not found.'],
  packageNotFound: ['logistics.package_not_found', 'Package not found.'],
  trackingNotReady: ['logistics.tracking_number_not_ready', 'Tracking number is not ready yet, please try again later.'],
  cannotPrint: ['logistics.package_can_not_print', 'The package can not print the shipping document now.'],
  notCreated: ['logistics.shipping_document_should_create_first', 'Please create the shipping document first.'],
  documentNotReady: ['logistics.shipping_document_not_ready', 'The shipping document is not ready yet.'],
  badArrange: ['logistics.invalid_arrange_info', 'Invalid pickup/dropoff information.'],
} as const;

export type LogisticsError = (typeof LOGISTICS_ERRORS)[keyof typeof LOGISTICS_ERRORS];

export type Located = { order: Order; pkg: Package } | { error: LogisticsError };

export function locate(store: OrderStore, shopId: number, orderSn: unknown, packageNumber: unknown): Located {
  const order = typeof orderSn === 'string' ? store.get(orderSn) : undefined;
  if (!order || order.shopId !== shopId) return { error: LOGISTICS_ERRORS.orderNotFound };
  if (typeof packageNumber === 'string' && packageNumber !== '') {
    const pkg = order.packages.find((p) => p.packageNumber === packageNumber);
    return pkg ? { order, pkg } : { error: LOGISTICS_ERRORS.packageNotFound };
  }
  if (order.packages.length > 1) return { error: LOGISTICS_ERRORS.numberRequired };
  return { order, pkg: order.packages[0] };
}

/** Same, searching every order of the shop for a package number (mass_* calls name packages only). */
export function locatePackage(store: OrderStore, shopId: number, packageNumber: unknown): Located {
  for (const order of store.list(shopId)) {
    const pkg = order.packages.find((p) => p.packageNumber === packageNumber);
    if (pkg) return { order, pkg };
  }
  return { error: LOGISTICS_ERRORS.packageNotFound };
}

export const canArrange = (o: Order, p: Package) =>
  (o.status === 'READY_TO_SHIP' || o.status === 'RETRY_SHIP') && (p.status === 'LOGISTICS_READY' || p.status === 'LOGISTICS_PICKUP_RETRY');

/** Printable between arrange and pickup (spec §1.4), never while a cancel is pending or done. */
export const canPrint = (o: Order, p: Package) => p.status === 'LOGISTICS_REQUEST_CREATED' && (o.status === 'PROCESSED' || o.status === 'READY_TO_SHIP');

export const trackingVisible = (p: Package, now: number) => p.trackingNumber !== undefined && p.trackingAt !== undefined && p.trackingAt <= now;
