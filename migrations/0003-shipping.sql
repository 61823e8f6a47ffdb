-- Shipping with carriers: shipments and their carrier events, cached carrier master data, addresses
-- resolved per carrier, COD payouts, and the operator's exceptions list.

-- Warehouses are the sender addresses, so they get the same structured address as orders.
ALTER TABLE warehouses ADD COLUMN address_json TEXT NOT NULL DEFAULT '{}';

CREATE TABLE shipments (
  id INTEGER PRIMARY KEY,
  -- Our shipment code, sent as GHN client_order_code / VTP ORDER_NUMBER: the idempotency key.
  code TEXT NOT NULL UNIQUE,
  order_id INTEGER NOT NULL REFERENCES orders(id),
  account_id INTEGER NOT NULL REFERENCES connector_accounts(id),
  carrier TEXT NOT NULL CHECK (carrier IN ('ghn', 'viettelpost')),
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
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX shipments_order ON shipments(order_id);
CREATE INDEX shipments_state ON shipments(carrier, state);
CREATE INDEX shipments_payout ON shipments(account_id, payout_id);
CREATE UNIQUE INDEX shipments_tracking ON shipments(carrier, tracking_number) WHERE tracking_number IS NOT NULL;
-- At most one live shipment per order: re-booking needs the previous one cancelled (or failed) first.
CREATE UNIQUE INDEX shipments_live_per_order ON shipments(order_id) WHERE state NOT IN ('cancelled', 'booking_failed');

CREATE TABLE shipment_events (
  id INTEGER PRIMARY KEY,
  shipment_id INTEGER NOT NULL REFERENCES shipments(id),
  at INTEGER NOT NULL,
  carrier_status TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  mapped TEXT NOT NULL,
  location TEXT,
  reason TEXT,
  source TEXT NOT NULL CHECK (source IN ('booking', 'poll', 'webhook', 'import', 'operator')),
  -- Carriers repeat and reorder events; the same status at the same time is one event.
  dedupe_key TEXT NOT NULL UNIQUE,
  received_at INTEGER NOT NULL
) STRICT;
CREATE INDEX shipment_events_shipment ON shipment_events(shipment_id, at);

CREATE TABLE cod_payouts (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES connector_accounts(id),
  amount INTEGER NOT NULL CHECK (amount >= 0),
  expected INTEGER NOT NULL,
  paid_at INTEGER NOT NULL,
  reference TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  created_by INTEGER,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX cod_payouts_account ON cod_payouts(account_id, paid_at);

-- Carrier master data, cached so booking works offline. Ids are text (GHN WardCode has leading zeros).
CREATE TABLE carrier_places (
  carrier TEXT NOT NULL,
  scheme TEXT NOT NULL CHECK (scheme IN ('legacy3', 'new2')),
  level TEXT NOT NULL CHECK (level IN ('province', 'district', 'ward')),
  id TEXT NOT NULL,
  parent_id TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL,
  search_name TEXT NOT NULL,
  aliases_json TEXT NOT NULL DEFAULT '[]',
  active INTEGER NOT NULL CHECK (active IN (0, 1)),
  fetched_at INTEGER NOT NULL,
  PRIMARY KEY (carrier, scheme, level, id)
) STRICT, WITHOUT ROWID;
CREATE INDEX carrier_places_parent ON carrier_places(carrier, scheme, level, parent_id);

CREATE TABLE carrier_place_fetches (
  carrier TEXT NOT NULL,
  scheme TEXT NOT NULL,
  level TEXT NOT NULL,
  parent_id TEXT NOT NULL DEFAULT '',
  fetched_at INTEGER NOT NULL,
  PRIMARY KEY (carrier, scheme, level, parent_id)
) STRICT, WITHOUT ROWID;

-- An order's (or a warehouse's) address as a carrier knows it, once matched or picked by the operator.
CREATE TABLE carrier_addresses (
  owner_type TEXT NOT NULL CHECK (owner_type IN ('order', 'warehouse')),
  owner_id INTEGER NOT NULL,
  carrier TEXT NOT NULL,
  address_json TEXT NOT NULL,
  match_kind TEXT NOT NULL CHECK (match_kind IN ('exact', 'mapped', 'picked')),
  confirmed_by INTEGER,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (owner_type, owner_id, carrier)
) STRICT, WITHOUT ROWID;

CREATE TABLE exceptions (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  order_id INTEGER REFERENCES orders(id),
  shipment_id INTEGER REFERENCES shipments(id),
  -- What else makes it one exception (a payout, a listing): an open exception is raised once.
  ref TEXT NOT NULL DEFAULT '',
  message TEXT NOT NULL,
  details_json TEXT NOT NULL DEFAULT '{}',
  status TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
  resolution TEXT NOT NULL DEFAULT '',
  resolved_by INTEGER,
  resolved_at INTEGER,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX exceptions_open ON exceptions(status, created_at);
CREATE UNIQUE INDEX exceptions_once ON exceptions(kind, coalesce(shipment_id, 0), coalesce(order_id, 0), ref) WHERE status = 'open';
