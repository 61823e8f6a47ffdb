import type { ReactNode } from 'react';
import type { Role } from '../../main/api/contract.js';
import { ProductEditScreen } from '../screens/catalog/product-edit-screen.js';
import { ProductsScreen } from '../screens/catalog/products-screen.js';
import { CustomerDetailScreen } from '../screens/customers/customer-detail-screen.js';
import { CustomerFormScreen } from '../screens/customers/customer-form-screen.js';
import { CustomersScreen } from '../screens/customers/customers-screen.js';
import { MovementsScreen } from '../screens/inventory/movements-screen.js';
import { StockScreen } from '../screens/inventory/stock-screen.js';
import { OperatorsScreen } from '../screens/operators/operators-screen.js';
import { OrderDetailScreen } from '../screens/orders/order-detail-screen.js';
import { OrderFormScreen } from '../screens/orders/order-form-screen.js';
import { OrdersScreen } from '../screens/orders/orders-screen.js';
import { PackStationScreen } from '../screens/packing/pack-station-screen.js';
import { PackingReportScreen } from '../screens/reports/packing-report-screen.js';
import { PickListCreateScreen } from '../screens/picking/pick-list-create-screen.js';
import { PickListDetailScreen } from '../screens/picking/pick-list-detail-screen.js';
import { PickListsScreen } from '../screens/picking/pick-lists-screen.js';
import { SettingsScreen } from '../screens/settings/settings-screen.js';
import { CodScreen } from '../screens/cod/cod-screen.js';
import { ConnectionsScreen } from '../screens/connections/connections-screen.js';
import { ChannelsScreen } from '../screens/marketplaces/channels-screen.js';
import { UnmappedScreen } from '../screens/intake/unmapped-screen.js';
import { ListingsScreen } from '../screens/listings/listings-screen.js';
import { PublishScreen } from '../screens/listings/publish/publish-screen.js';
import { ExceptionsScreen } from '../screens/exceptions/exceptions-screen.js';
import { JobsScreen } from '../screens/jobs/jobs-screen.js';
import { ShipmentRedirect } from '../screens/shipping/shipment-redirect.js';
import { ShipmentsScreen } from '../screens/shipping/shipments-screen.js';
import { ScannerCalibrationScreen } from '../screens/station/scanner-calibration-screen.js';
import { StationScreen } from '../screens/station/station-screen.js';
import { VirtualPrinterScreen } from '../screens/printing/virtual-printer-screen.js';
import { WarehousesScreen } from '../screens/warehouses/warehouses-screen.js';

export type NavKey =
  | 'orders' | 'customers' | 'products' | 'stock' | 'movements' | 'warehouses' | 'operators' | 'settings'
  | 'shipments' | 'exceptions' | 'cod' | 'jobs' | 'connections'
  | 'station' | 'pack' | 'packingReport' | 'pickLists' | 'virtualPrinter'
  | 'channels' | 'intakeUnmapped' | 'listings';

export interface NavItem {
  key: NavKey;
  path: string;
  /** Alternatives separated by " | "; the first is shown in the sidebar. */
  keys: string;
  role?: Role;
  /** Items of a group are listed together under the group's title in the sidebar. */
  group?: 'shipping' | 'packing' | 'sales';
}

export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'orders', path: '/orders', keys: 'Alt+1 | G O' },
  { key: 'customers', path: '/customers', keys: 'Alt+2 | G C' },
  { key: 'products', path: '/products', keys: 'Alt+3 | G P' },
  { key: 'stock', path: '/stock', keys: 'Alt+4 | G S' },
  { key: 'movements', path: '/movements', keys: 'Alt+5 | G M' },
  { key: 'warehouses', path: '/warehouses', keys: 'Alt+6 | G W' },
  { key: 'operators', path: '/operators', keys: 'Alt+7 | G U', role: 'admin' },
  { key: 'settings', path: '/settings', keys: 'Alt+8 | G T' },
  // Shipping: the two screens used every day get Alt+digit; the rest a G sequence.
  { key: 'shipments', path: '/shipments', keys: 'Alt+9 | G H', group: 'shipping' },
  { key: 'exceptions', path: '/exceptions', keys: 'Alt+0 | G E', group: 'shipping' },
  { key: 'cod', path: '/cod', keys: 'G D', role: 'manager', group: 'shipping' },
  { key: 'jobs', path: '/jobs', keys: 'G J', group: 'shipping' },
  { key: 'connections', path: '/connections', keys: 'G N', role: 'manager', group: 'shipping' },
  // The pack screen is where packers live: Alt+P from anywhere, even while typing.
  { key: 'pack', path: '/pack', keys: 'Alt+P | G K', group: 'packing' },
  { key: 'station', path: '/station', keys: 'G R', group: 'packing' },
  { key: 'virtualPrinter', path: '/printing/virtual', keys: 'G V', group: 'packing' },
  { key: 'packingReport', path: '/reports/packing', keys: 'G B', role: 'manager', group: 'packing' },
  { key: 'pickLists', path: '/pick-lists', keys: 'G L', group: 'packing' },
  // Sales channels: marketplace shops (issue 5).
  { key: 'channels', path: '/channels', keys: 'G A', role: 'manager', group: 'sales' },
  // Marketplace listings that match no variant (issue 5 §2).
  { key: 'intakeUnmapped', path: '/intake/unmapped', keys: 'G X', role: 'manager', group: 'sales' },
  // Shop listings, their links and the stock push (issue 5 §3–§4).
  { key: 'listings', path: '/listings', keys: 'G Y', role: 'manager', group: 'sales' },
];

export interface RouteDef {
  pattern: string;
  nav: NavKey;
  render: () => ReactNode;
  role?: Role;
}

// Most specific first: "/orders/new" must win over "/orders/:id".
export const ROUTES: readonly RouteDef[] = [
  { pattern: '/orders', nav: 'orders', render: () => <OrdersScreen /> },
  { pattern: '/orders/new', nav: 'orders', render: () => <OrderFormScreen /> },
  { pattern: '/orders/:id/edit', nav: 'orders', render: () => <OrderFormScreen /> },
  { pattern: '/orders/:id', nav: 'orders', render: () => <OrderDetailScreen /> },
  { pattern: '/customers', nav: 'customers', render: () => <CustomersScreen /> },
  { pattern: '/customers/new', nav: 'customers', render: () => <CustomerFormScreen /> },
  { pattern: '/customers/:id/edit', nav: 'customers', render: () => <CustomerFormScreen /> },
  { pattern: '/customers/:id', nav: 'customers', render: () => <CustomerDetailScreen /> },
  { pattern: '/products', nav: 'products', render: () => <ProductsScreen /> },
  { pattern: '/products/:id', nav: 'products', render: () => <ProductEditScreen /> },
  { pattern: '/stock', nav: 'stock', render: () => <StockScreen /> },
  { pattern: '/movements', nav: 'movements', render: () => <MovementsScreen /> },
  { pattern: '/warehouses', nav: 'warehouses', render: () => <WarehousesScreen /> },
  { pattern: '/operators', nav: 'operators', render: () => <OperatorsScreen />, role: 'admin' },
  { pattern: '/settings', nav: 'settings', render: () => <SettingsScreen /> },
  { pattern: '/shipments', nav: 'shipments', render: () => <ShipmentsScreen /> },
  { pattern: '/shipments/:id', nav: 'shipments', render: () => <ShipmentRedirect /> },
  { pattern: '/exceptions', nav: 'exceptions', render: () => <ExceptionsScreen /> },
  { pattern: '/cod', nav: 'cod', render: () => <CodScreen />, role: 'manager' },
  { pattern: '/jobs', nav: 'jobs', render: () => <JobsScreen /> },
  { pattern: '/connections', nav: 'connections', render: () => <ConnectionsScreen />, role: 'manager' },
  { pattern: '/pack', nav: 'pack', render: () => <PackStationScreen /> },
  { pattern: '/reports/packing', nav: 'packingReport', render: () => <PackingReportScreen />, role: 'manager' },
  { pattern: '/station', nav: 'station', render: () => <StationScreen /> },
  { pattern: '/station/scanner', nav: 'station', render: () => <ScannerCalibrationScreen /> },
  { pattern: '/printing/virtual', nav: 'virtualPrinter', render: () => <VirtualPrinterScreen /> },
  { pattern: '/pick-lists', nav: 'pickLists', render: () => <PickListsScreen /> },
  { pattern: '/channels', nav: 'channels', render: () => <ChannelsScreen />, role: 'manager' },
  { pattern: '/intake/unmapped', nav: 'intakeUnmapped', render: () => <UnmappedScreen />, role: 'manager' },
  { pattern: '/listings', nav: 'listings', render: () => <ListingsScreen />, role: 'manager' },
  { pattern: '/listings/publish/:productId', nav: 'listings', render: () => <PublishScreen />, role: 'manager' },
  { pattern: '/pick-lists/new', nav: 'pickLists', render: () => <PickListCreateScreen /> },
  { pattern: '/pick-lists/:id', nav: 'pickLists', render: () => <PickListDetailScreen /> },
];
