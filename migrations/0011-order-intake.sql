-- Order intake (pull) from marketplaces (issue 5 §2): per-account sync state and cursor, the marketplace's
-- view of each order (status, update_time, hold), listings mapped by hand to variants, orders waiting for
-- such a mapping, and the sync errors with their raw payloads.

-- One row per marketplace account that pulls orders. The cursor is the update-time watermark (seconds)
-- plus, while a window is being walked, the window and the page cursor: a page is applied and this row
-- advanced in one transaction (DESIGN.md rule 5).
CREATE TABLE intake_accounts (
  account_id INTEGER PRIMARY KEY REFERENCES connector_accounts(id) ON DELETE CASCADE,
  poll_every_ms INTEGER NOT NULL DEFAULT 60000 CHECK (poll_every_ms >= 5000),
  warehouse_id INTEGER REFERENCES warehouses(id),
  watermark INTEGER,
  window_from INTEGER,
  window_to INTEGER,
  page_cursor TEXT,
  last_success_at INTEGER,
  last_attempt_at INTEGER,
  last_error_at INTEGER,
  last_error_code TEXT,
  last_error TEXT,
  pulled_day TEXT NOT NULL DEFAULT '',
  pulled_today INTEGER NOT NULL DEFAULT 0,
  updated_at INTEGER NOT NULL
) STRICT;

-- The marketplace's side of an order, keyed by account + order number (ids as text). `update_time` is
-- Shopee's (seconds): an older one never overwrites a newer one. `state`: imported (an internal order
-- exists), needs_mapping (a line matches no variant), failed (kept for a retry on the next pull).
CREATE TABLE marketplace_orders (
  account_id INTEGER NOT NULL REFERENCES connector_accounts(id) ON DELETE CASCADE,
  external_id TEXT NOT NULL,
  order_id INTEGER REFERENCES orders(id),
  state TEXT NOT NULL CHECK (state IN ('imported', 'needs_mapping', 'failed')),
  marketplace_status TEXT NOT NULL,
  package_status TEXT NOT NULL DEFAULT '',
  -- unpaid / pending (held: not reserved, not packable) or in_cancel (packing blocked); '' when none.
  hold TEXT NOT NULL DEFAULT '',
  blocks_packing INTEGER NOT NULL DEFAULT 0 CHECK (blocks_packing IN (0, 1)),
  update_time INTEGER NOT NULL,
  payload_json TEXT NOT NULL DEFAULT '{}',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (account_id, external_id)
) STRICT;
CREATE INDEX marketplace_orders_order ON marketplace_orders(order_id) WHERE order_id IS NOT NULL;
CREATE INDEX marketplace_orders_state ON marketplace_orders(state, account_id);

-- A listing (shop + item + model) mapped once by the operator to a variant; remembered for every later order.
CREATE TABLE listing_mappings (
  account_id INTEGER NOT NULL REFERENCES connector_accounts(id) ON DELETE CASCADE,
  item_id TEXT NOT NULL,
  model_id TEXT NOT NULL,
  variant_id INTEGER NOT NULL REFERENCES variants(id),
  created_by INTEGER,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (account_id, item_id, model_id)
) STRICT;

-- Lines of waiting orders that match no variant: the "needs mapping" list, grouped by listing.
CREATE TABLE intake_unmapped_lines (
  account_id INTEGER NOT NULL,
  external_id TEXT NOT NULL,
  item_id TEXT NOT NULL,
  model_id TEXT NOT NULL,
  sku TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL DEFAULT '',
  quantity INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (account_id, external_id, item_id, model_id),
  FOREIGN KEY (account_id, external_id) REFERENCES marketplace_orders(account_id, external_id) ON DELETE CASCADE
) STRICT;
CREATE INDEX intake_unmapped_listing ON intake_unmapped_lines(account_id, item_id, model_id);

-- What went wrong while pulling: malformed or truncated answers, unknown statuses, refused calls.
CREATE TABLE intake_errors (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES connector_accounts(id) ON DELETE CASCADE,
  at INTEGER NOT NULL,
  code TEXT NOT NULL,
  message TEXT NOT NULL,
  external_id TEXT,
  raw TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX intake_errors_account ON intake_errors(account_id, at DESC);
