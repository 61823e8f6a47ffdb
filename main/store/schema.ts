import type { Generated } from 'kysely';

// Row types of the tables in migrations/, as kysely sees them. Booleans are 0/1 integers.
export interface SettingsTable { key: string; value: string }
export interface CountersTable { name: string; value: number }

export interface OperatorsTable {
  id: Generated<number>;
  name: string;
  role: 'packer' | 'manager' | 'admin';
  pin_salt: string;
  pin_hash: string;
  active: Generated<number>;
  created_at: number;
  updated_at: number;
}

export interface WarehousesTable {
  id: Generated<number>;
  code: string;
  name: string;
  address: string;
  contact_name: string;
  contact_phone: string;
  type: 'main' | 'subsidiary' | 'branch';
  active: number;
  allow_negative: number;
  created_at: number;
  updated_at: number;
}

export interface BinsTable { warehouse_id: number; code: string }

export interface ProductsTable {
  id: Generated<number>;
  name: string;
  sku: string;
  category: string;
  brand: string;
  description: string;
  specs_json: string;
  images_json: string;
  video_url: string;
  search_text: string;
  active: number;
  created_at: number;
  updated_at: number;
}

export interface VariantsTable {
  id: Generated<number>;
  product_id: number;
  sku: string;
  attributes_json: string;
  price: number;
  cost: number;
  vat_rate: string;
  weight_g: number;
  length_cm: number;
  width_cm: number;
  height_cm: number;
  active: number;
  created_at: number;
  updated_at: number;
}

export interface CatalogCodesTable {
  code: string;
  kind: 'product_sku' | 'variant_sku' | 'barcode';
  product_id: number;
  variant_id: number | null;
}

export interface VariantLocationsTable { variant_id: number; warehouse_id: number; bin_code: string }

export interface StockLevelsTable {
  variant_id: number;
  warehouse_id: number;
  on_hand: number;
  reserved: number;
  updated_at: number;
}

export interface StockMovementsTable {
  id: Generated<number>;
  variant_id: number;
  warehouse_id: number;
  kind: string;
  on_hand_delta: number;
  reserved_delta: number;
  order_id: number | null;
  reason: string;
  operator_id: number | null;
  created_at: number;
}

export interface CustomersTable {
  id: Generated<number>;
  name: string;
  phone: string;
  email: string;
  note: string;
  search_name: string;
  created_at: number;
  updated_at: number;
}

export interface CustomerAddressesTable {
  id: Generated<number>;
  customer_id: number;
  label: string;
  address_json: string;
  is_default: number;
  created_at: number;
}

export interface OrdersTable {
  id: Generated<number>;
  number: string;
  channel: string;
  source: string;
  external_id: string | null;
  status: string;
  warehouse_id: number;
  customer_id: number | null;
  buyer_name: string;
  buyer_phone: string;
  search_name: string;
  address_json: string;
  payment_method: string;
  subtotal: number;
  shipping_fee: number;
  discount: number;
  total: number;
  note: string;
  tracking_number: string | null;
  ship_by: number | null;
  created_by: number | null;
  created_at: number;
  updated_at: number;
  version: Generated<number>;
}

export interface OrderLinesTable {
  id: Generated<number>;
  order_id: number;
  variant_id: number;
  sku: string;
  name: string;
  quantity: number;
  unit_price: number;
  reserved_qty: number;
  verified_qty: number;
}

export interface OrderEventsTable {
  id: Generated<number>;
  order_id: number;
  at: number;
  operator_id: number | null;
  kind: string;
  from_status: string | null;
  to_status: string | null;
  reason: string;
  data_json: string;
}

export interface DB {
  settings: SettingsTable;
  counters: CountersTable;
  operators: OperatorsTable;
  warehouses: WarehousesTable;
  bins: BinsTable;
  products: ProductsTable;
  variants: VariantsTable;
  catalog_codes: CatalogCodesTable;
  variant_locations: VariantLocationsTable;
  stock_levels: StockLevelsTable;
  stock_movements: StockMovementsTable;
  customers: CustomersTable;
  customer_addresses: CustomerAddressesTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  order_events: OrderEventsTable;
}
