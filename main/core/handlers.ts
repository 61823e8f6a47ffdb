import type { Handlers } from './context.js';
import { catalogHandlers } from '../domain/catalog/catalog-handlers.js';
import { customerHandlers } from '../domain/customers/customer-handlers.js';
import { inventoryHandlers } from '../domain/inventory/inventory-handlers.js';
import { operatorHandlers } from '../domain/operators/operator-handlers.js';
import { orderHandlers } from '../domain/orders/order-handlers.js';
import { systemHandlers } from '../domain/system/system-handlers.js';
import { warehouseHandlers } from '../domain/warehouses/warehouse-handlers.js';
import { connectionHandlers } from '../domain/connections/connection-handlers.js';
import { marketplaceHandlers } from '../domain/marketplaces/marketplace-handlers.js';
import { intakeHandlers } from '../domain/intake/intake-handlers.js';
import { listingHandlers } from '../domain/listings/listing-handlers.js';
import { listingPublishHandlers } from '../domain/listings/publish/publish-handlers.js';
import { shippingHandlers } from '../domain/shipping/shipping-handlers.js';
import { exceptionHandlers } from '../domain/exceptions/exception-handlers.js';
import { stationHandlers } from '../domain/stations/station-handlers.js';
import { scaleHandlers } from '../domain/scales/scale-handlers.js';
import { printingHandlers } from '../domain/printing/printing-handlers.js';
import { packingHandlers } from '../domain/packing/packing-handlers.js';
import { pickingHandlers } from '../domain/picking/pick-list-handlers.js';
import { shopeeLogisticsHandlers } from '../domain/shopee-logistics/shopee-logistics-handlers.js';
import { jobHandlers } from '../sync/job-handlers.js';

/** One typed handler map per domain, joined; the compiler checks every contract command has one. */
export function createHandlers(): Handlers {
  return {
    ...operatorHandlers(),
    ...warehouseHandlers,
    ...catalogHandlers,
    ...inventoryHandlers,
    ...customerHandlers,
    ...orderHandlers,
    ...systemHandlers,
    ...jobHandlers,
    ...connectionHandlers,
    ...marketplaceHandlers,
    ...intakeHandlers,
    ...listingHandlers,
    ...listingPublishHandlers,
    ...shippingHandlers,
    ...exceptionHandlers,
    ...stationHandlers,
    ...printingHandlers,
    ...packingHandlers,
    ...pickingHandlers,
    ...shopeeLogisticsHandlers,
    ...scaleHandlers,
  };
}
