-- Foundation: settings, operators, warehouses, catalogue, stock ledger, customers, orders.
-- Money is integer đồng, quantities integers, times integer ms UTC (DESIGN.md rule 8).

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE counters (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) STRICT;

CREATE TABLE operators (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('packer', 'manager', 'admin')),
  pin_salt TEXT NOT NULL,
  pin_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE warehouses (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  address TEXT NOT NULL DEFAULT '',
  contact_name TEXT NOT NULL DEFAULT '',
  contact_phone TEXT NOT NULL DEFAULT '',
  type TEXT NOT NULL CHECK (type IN ('main', 'subsidiary', 'branch')),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  allow_negative INTEGER NOT NULL DEFAULT 0 CHECK (allow_negative IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE bins (
  warehouse_id INTEGER NOT NULL REFERENCES warehouses(id),
  code TEXT NOT NULL COLLATE NOCASE,
  PRIMARY KEY (warehouse_id, code)
) STRICT, WITHOUT ROWID;

CREATE TABLE products (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  sku TEXT NOT NULL UNIQUE COLLATE NOCASE,
  category TEXT NOT NULL DEFAULT '',
  brand TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  specs_json TEXT NOT NULL DEFAULT '[]',
  images_json TEXT NOT NULL DEFAULT '[]',
  video_url TEXT NOT NULL DEFAULT '',
  search_text TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX products_category ON products(category);

CREATE TABLE variants (
  id INTEGER PRIMARY KEY,
  product_id INTEGER NOT NULL REFERENCES products(id),
  sku TEXT NOT NULL UNIQUE COLLATE NOCASE,
  attributes_json TEXT NOT NULL DEFAULT '[]',
  price INTEGER NOT NULL CHECK (price >= 0),
  cost INTEGER NOT NULL CHECK (cost >= 0),
  vat_rate TEXT NOT NULL CHECK (vat_rate IN ('10', '8', '5', '0', 'KCT', 'KKKNT')),
  weight_g INTEGER NOT NULL CHECK (weight_g >= 0),
  length_cm INTEGER NOT NULL DEFAULT 0 CHECK (length_cm >= 0),
  width_cm INTEGER NOT NULL DEFAULT 0 CHECK (width_cm >= 0),
  height_cm INTEGER NOT NULL DEFAULT 0 CHECK (height_cm >= 0),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX variants_product ON variants(product_id);

-- One namespace for every scannable or typed code: product SKUs, variant SKUs and barcodes are
-- unique across the catalogue, and a scan resolves with a single primary-key lookup.
CREATE TABLE catalog_codes (
  code TEXT PRIMARY KEY COLLATE NOCASE,
  kind TEXT NOT NULL CHECK (kind IN ('product_sku', 'variant_sku', 'barcode')),
  product_id INTEGER NOT NULL REFERENCES products(id),
  variant_id INTEGER REFERENCES variants(id)
) STRICT;
CREATE INDEX catalog_codes_variant ON catalog_codes(variant_id);

CREATE TABLE variant_locations (
  variant_id INTEGER NOT NULL REFERENCES variants(id),
  warehouse_id INTEGER NOT NULL REFERENCES warehouses(id),
  bin_code TEXT NOT NULL COLLATE NOCASE,
  PRIMARY KEY (variant_id, warehouse_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE stock_levels (
  variant_id INTEGER NOT NULL REFERENCES variants(id),
  warehouse_id INTEGER NOT NULL REFERENCES warehouses(id),
  on_hand INTEGER NOT NULL DEFAULT 0,
  reserved INTEGER NOT NULL DEFAULT 0 CHECK (reserved >= 0),
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (variant_id, warehouse_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX stock_levels_warehouse ON stock_levels(warehouse_id, variant_id);

CREATE TABLE stock_movements (
  id INTEGER PRIMARY KEY,
  variant_id INTEGER NOT NULL REFERENCES variants(id),
  warehouse_id INTEGER NOT NULL REFERENCES warehouses(id),
  kind TEXT NOT NULL CHECK (kind IN ('receipt', 'reserve', 'release', 'ship', 'return_restock',
    'write_off', 'count_adjust', 'transfer_in', 'transfer_out', 'adjust', 'initial')),
  on_hand_delta INTEGER NOT NULL,
  reserved_delta INTEGER NOT NULL,
  order_id INTEGER,
  reason TEXT NOT NULL DEFAULT '',
  operator_id INTEGER,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX stock_movements_variant ON stock_movements(variant_id, warehouse_id, created_at);
CREATE INDEX stock_movements_warehouse ON stock_movements(warehouse_id, created_at);
CREATE INDEX stock_movements_order ON stock_movements(order_id) WHERE order_id IS NOT NULL;

-- The ledger is append-only: corrections are new movements, never edits.
CREATE TRIGGER stock_movements_no_update BEFORE UPDATE ON stock_movements
BEGIN SELECT RAISE(ABORT, 'stock_movements is append-only'); END;
CREATE TRIGGER stock_movements_no_delete BEFORE DELETE ON stock_movements
BEGIN SELECT RAISE(ABORT, 'stock_movements is append-only'); END;

CREATE TABLE customers (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  phone TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  search_name TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX customers_phone ON customers(phone);
CREATE INDEX customers_search_name ON customers(search_name);

CREATE TABLE customer_addresses (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  label TEXT NOT NULL DEFAULT '',
  address_json TEXT NOT NULL,
  is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX customer_addresses_customer ON customer_addresses(customer_id);

CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  channel TEXT NOT NULL CHECK (channel IN ('manual', 'shopee', 'lazada', 'tiktok', 'website')),
  source TEXT NOT NULL DEFAULT 'other',
  external_id TEXT,
  status TEXT NOT NULL CHECK (status IN ('new', 'awaiting_stock', 'ready_to_pack', 'packing', 'packed',
    'shipped', 'delivered', 'completed', 'cancelled', 'delivery_failed', 'returning', 'returned')),
  warehouse_id INTEGER NOT NULL REFERENCES warehouses(id),
  customer_id INTEGER REFERENCES customers(id),
  buyer_name TEXT NOT NULL,
  buyer_phone TEXT NOT NULL DEFAULT '',
  search_name TEXT NOT NULL DEFAULT '',
  address_json TEXT NOT NULL DEFAULT '{}',
  payment_method TEXT NOT NULL CHECK (payment_method IN ('cod', 'prepaid')),
  subtotal INTEGER NOT NULL,
  shipping_fee INTEGER NOT NULL DEFAULT 0,
  discount INTEGER NOT NULL DEFAULT 0,
  total INTEGER NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  tracking_number TEXT,
  ship_by INTEGER,
  created_by INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
) STRICT;
-- List filters: status/channel/warehouse/payment plus newest first; every search key by prefix.
CREATE INDEX orders_created ON orders(created_at DESC, id DESC);
CREATE INDEX orders_status_created ON orders(status, created_at DESC, id DESC);
CREATE INDEX orders_status_channel_created ON orders(status, channel, created_at DESC, id DESC);
CREATE INDEX orders_channel_created ON orders(channel, created_at DESC, id DESC);
CREATE INDEX orders_warehouse_status ON orders(warehouse_id, status, created_at DESC);
CREATE INDEX orders_payment_created ON orders(payment_method, created_at DESC);
CREATE INDEX orders_phone ON orders(buyer_phone);
CREATE INDEX orders_search_name ON orders(search_name);
CREATE INDEX orders_customer ON orders(customer_id);
CREATE UNIQUE INDEX orders_channel_external ON orders(channel, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX orders_tracking ON orders(tracking_number) WHERE tracking_number IS NOT NULL;

CREATE TABLE order_lines (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders(id),
  variant_id INTEGER NOT NULL REFERENCES variants(id),
  sku TEXT NOT NULL COLLATE NOCASE,
  name TEXT NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  unit_price INTEGER NOT NULL CHECK (unit_price >= 0),
  reserved_qty INTEGER NOT NULL DEFAULT 0 CHECK (reserved_qty >= 0),
  verified_qty INTEGER NOT NULL DEFAULT 0 CHECK (verified_qty >= 0)
) STRICT;
CREATE INDEX order_lines_order ON order_lines(order_id);
CREATE INDEX order_lines_sku ON order_lines(sku);
CREATE INDEX order_lines_variant ON order_lines(variant_id);

CREATE TABLE order_events (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders(id),
  at INTEGER NOT NULL,
  operator_id INTEGER,
  kind TEXT NOT NULL,
  from_status TEXT,
  to_status TEXT,
  reason TEXT NOT NULL DEFAULT '',
  data_json TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX order_events_order ON order_events(order_id, at);

-- Full-text search over folded text (diacritics removed, đ → d, lower case) so that "nguyen thi lan",
-- "Nguyễn Thị Lan" and "lan" all find the same buyer. Contentless: the app writes the folded body.
CREATE VIRTUAL TABLE orders_fts USING fts5(body, content='', contentless_delete=1, prefix='2 3 4 5');
CREATE VIRTUAL TABLE products_fts USING fts5(body, content='', contentless_delete=1, prefix='2 3 4 5');
