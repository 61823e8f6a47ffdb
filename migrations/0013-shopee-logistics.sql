-- Shopee logistics (issue 5 §5): an order shipped by Shopee's own logistics gets a shipment row with
-- carrier 'shopee' (so the packing station's label print, reprints and the order's tracking number work
-- as for GHN / Viettel Post), and one row per Shopee package (split orders) with its tracking number.
-- The AWB file is the shipment's label file (shipments.label_file + shipment_labels, size 'AWB').

-- SQLite cannot change a CHECK in place: the table is rebuilt with the same columns in the same order.
-- Foreign keys stay on; the checks of the rows pointing here are deferred until the copy is back.
PRAGMA defer_foreign_keys = ON;

CREATE TABLE shipments_copy AS SELECT * FROM shipments;
DROP TABLE shipments;

CREATE TABLE shipments (
  id INTEGER PRIMARY KEY,
  -- Our shipment code, sent as GHN client_order_code / VTP ORDER_NUMBER: the idempotency key.
  code TEXT NOT NULL UNIQUE,
  order_id INTEGER NOT NULL REFERENCES orders(id),
  account_id INTEGER NOT NULL REFERENCES connector_accounts(id),
  carrier TEXT NOT NULL CHECK (carrier IN ('ghn', 'viettelpost', 'shopee')),
  state TEXT NOT NULL CHECK (state IN ('booking', 'booked', 'booking_failed', 'cancelling', 'cancelled', 'picking', 'picked',
    'in_transit', 'delivering', 'delivered', 'delivery_failed', 'awaiting_decision', 'returning', 'returned', 'lost', 'damaged', 'exception')),
  carrier_status TEXT,
  tracking_number TEXT,
  service_code TEXT NOT NULL,
  service_name TEXT NOT NULL DEFAULT '',
  payer TEXT NOT NULL CHECK (payer IN ('seller', 'buyer')),
  inspection TEXT NOT NULL CHECK (inspection IN ('try', 'look', 'none')),
  cod_amount INTEGER NOT NULL CHECK (cod_amount >= 0),
  insurance_value INTEGER NOT NULL DEFAULT 0 CHECK (insurance_value >= 0),
  weight_g INTEGER NOT NULL CHECK (weight_g > 0),
  length_cm INTEGER NOT NULL,
  width_cm INTEGER NOT NULL,
  height_cm INTEGER NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  quoted_fee INTEGER,
  fee INTEGER,
  expected_delivery_at INTEGER,
  sort_code TEXT,
  request_json TEXT NOT NULL,
  response_json TEXT,
  label_file TEXT,
  label_format TEXT,
  cod_collected INTEGER NOT NULL DEFAULT 0,
  cod_collected_at INTEGER,
  payout_id INTEGER REFERENCES cod_payouts(id),
  error_code TEXT,
  error_message TEXT,
  created_by INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  error_hint TEXT
) STRICT;

INSERT INTO shipments SELECT * FROM shipments_copy;
DROP TABLE shipments_copy;

CREATE INDEX shipments_order ON shipments(order_id);
CREATE INDEX shipments_state ON shipments(carrier, state);
CREATE INDEX shipments_payout ON shipments(account_id, payout_id);
CREATE UNIQUE INDEX shipments_tracking ON shipments(carrier, tracking_number) WHERE tracking_number IS NOT NULL;
CREATE UNIQUE INDEX shipments_live_per_order ON shipments(order_id) WHERE state NOT IN ('cancelled', 'booking_failed');
CREATE INDEX shipments_tracking_any ON shipments(tracking_number) WHERE tracking_number IS NOT NULL;

-- One row per Shopee package of a Shopee shipment ('' = the order's only package when Shopee names none).
-- `shipped_at`: ship_order accepted (or answered package_already_shipped); `tracking_number`: assigned.
CREATE TABLE shopee_packages (
  shipment_id INTEGER NOT NULL REFERENCES shipments(id),
  package_number TEXT NOT NULL,
  order_sn TEXT NOT NULL,
  logistics_channel TEXT NOT NULL DEFAULT '',
  logistics_status TEXT NOT NULL DEFAULT '',
  tracking_number TEXT,
  shipped_at INTEGER,
  tracking_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (shipment_id, package_number)
) STRICT;
CREATE INDEX shopee_packages_order_sn ON shopee_packages(order_sn);
CREATE INDEX shopee_packages_tracking ON shopee_packages(tracking_number) WHERE tracking_number IS NOT NULL;
