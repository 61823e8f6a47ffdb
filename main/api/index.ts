import { catalogContract } from './catalog.js';
import { customersContract } from './customers.js';
import { inventoryContract } from './inventory.js';
import { jobsContract } from './jobs.js';
import { connectionsContract } from './connections.js';
import { marketplacesContract } from './marketplaces.js';
import { intakeContract } from './intake.js';
import { listingsContract } from './listings.js';
import { listingPublishContract } from './listing-publish.js';
import { shippingContract } from './shipping.js';
import { exceptionsContract } from './exceptions.js';
import { stationsContract } from './stations.js';
import { scalesContract } from './scales.js';
import { printingContract } from './printing.js';
import { ordersContract } from './orders.js';
import { packingContract } from './packing.js';
import { pickingContract } from './picking.js';
import { shopeeLogisticsContract } from './shopee-logistics.js';
import { sessionContract } from './session.js';
import { systemContract } from './system.js';
import { warehousesContract } from './warehouses.js';

/** Every command the core answers. Transports refuse names that are not here. */
export const contract = {
  ...sessionContract,
  ...warehousesContract,
  ...catalogContract,
  ...inventoryContract,
  ...customersContract,
  ...ordersContract,
  ...systemContract,
  ...jobsContract,
  ...connectionsContract,
  ...marketplacesContract,
  ...intakeContract,
  ...listingsContract,
  ...listingPublishContract,
  ...shippingContract,
  ...exceptionsContract,
  ...stationsContract,
  ...printingContract,
  ...packingContract,
  ...pickingContract,
  ...shopeeLogisticsContract,
  ...scalesContract,
};

export type AppContract = typeof contract;
export type CommandName = keyof AppContract;
export const COMMAND_NAMES = Object.keys(contract) as readonly CommandName[];

/** Events the core publishes after a command commits. */
export const EVENT_NAMES = [
  'orders.changed', 'stock.changed', 'catalog.changed', 'warehouses.changed', 'customers.changed',
  'session.changed', 'operators.changed', 'jobs.changed', 'connectivity.changed', 'connections.changed', 'shipments.changed', 'exceptions.changed',
  'stations.changed', 'printing.changed', 'intake.changed', 'listings.changed',
] as const;
export type EventName = (typeof EVENT_NAMES)[number];
