-- Marketplace listings and the stock push (issue 5 §3 pull side, §4): every item/model of a connected
-- shop as last seen, its link to a variant, the channel's push policy, and a log of every push.

-- One row per shop listing (account + item + model; ids as text, model_id '0' for an item without
-- variants). Shopee's side (stock, promotion-reserved stock, price) is "as last seen" by a pull or a
-- drift check; ours is the last pushed quantity. variant_id NULL = not linked (nothing is pushed).
CREATE TABLE listings (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES connector_accounts(id) ON DELETE CASCADE,
  item_id TEXT NOT NULL,
  model_id TEXT NOT NULL,
  sku TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL DEFAULT '',
  model_name TEXT NOT NULL DEFAULT '',
  item_sku TEXT NOT NULL DEFAULT '',
  item_status TEXT NOT NULL DEFAULT 'NORMAL',
  price INTEGER,
  shopee_stock INTEGER,
  shopee_reserved INTEGER NOT NULL DEFAULT 0 CHECK (shopee_reserved >= 0),
  seen_at INTEGER,
  variant_id INTEGER REFERENCES variants(id) ON DELETE SET NULL,
  -- How the link was made: by SKU, by creating the variant from the listing, by hand, or from intake's listing_mappings.
  linked_by TEXT CHECK (linked_by IS NULL OR linked_by IN ('sku', 'created', 'manual', 'mapping')),
  last_pushed_qty INTEGER,
  last_pushed_at INTEGER,
  last_push_error TEXT,
  -- Drift: Shopee's stock differed from what we pushed when last checked (NULL = in step).
  drift_shopee_stock INTEGER,
  drift_at INTEGER,
  drift_count INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (account_id, item_id, model_id)
) STRICT;
-- The one lookup every stock change makes: linked listings of a variant.
CREATE INDEX listings_variant ON listings(variant_id) WHERE variant_id IS NOT NULL;

-- Per-account push policy: pushed = clamp(share% of (available − reserve)), 0 below the threshold, at most
-- max_shown, never below Shopee's promotion-reserved stock. warehouse_ids_json: [] = every warehouse.
CREATE TABLE listing_policies (
  account_id INTEGER PRIMARY KEY REFERENCES connector_accounts(id) ON DELETE CASCADE,
  enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  share_percent INTEGER NOT NULL DEFAULT 100 CHECK (share_percent BETWEEN 0 AND 100),
  reserve_units INTEGER NOT NULL DEFAULT 0 CHECK (reserve_units >= 0),
  zero_below INTEGER NOT NULL DEFAULT 0 CHECK (zero_below >= 0),
  max_shown INTEGER CHECK (max_shown IS NULL OR max_shown >= 0),
  warehouse_ids_json TEXT NOT NULL DEFAULT '[]',
  drift_every_ms INTEGER NOT NULL DEFAULT 900000 CHECK (drift_every_ms >= 60000),
  updated_at INTEGER NOT NULL
) STRICT;

-- Every push (and drift found), newest first per account and per listing.
CREATE TABLE listing_push_log (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES connector_accounts(id) ON DELETE CASCADE,
  listing_id INTEGER REFERENCES listings(id) ON DELETE SET NULL,
  at INTEGER NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('stock', 'manual', 'drift', 'link', 'policy')),
  quantity INTEGER,
  available INTEGER,
  shopee_stock INTEGER,
  result TEXT NOT NULL CHECK (result IN ('ok', 'failed', 'drift')),
  error_code TEXT,
  error TEXT,
  job_id INTEGER
) STRICT;
CREATE INDEX listing_push_log_account ON listing_push_log(account_id, at DESC, id DESC);
CREATE INDEX listing_push_log_listing ON listing_push_log(listing_id, at DESC, id DESC);

-- The stock-push hook (DESIGN.md rules 4 and 6). Every write of a stock level — moveStock and the bulk
-- ingest path alike — runs in the transaction of its movement; when "available" (on hand − reserved)
-- changed, this queues one push job per linked item (Shopee's update_stock takes one item and up to 50
-- models per call). One indexed lookup per touched variant; a queued job for the item absorbs the push
-- (the outbox coalesce key): the job reads the stock when it runs, so 100 movements make few pushes.
CREATE TRIGGER stock_levels_push_insert AFTER INSERT ON stock_levels
BEGIN
  INSERT INTO jobs (kind, account_id, idempotency_key, coalesce_key, payload_json, status, attempts, max_attempts, run_after, created_at, updated_at)
  SELECT 'listings.push', l.account_id,
         'listings.push:' || l.account_id || ':' || l.item_id || ':' || lower(hex(randomblob(8))),
         'listings.push:' || l.account_id || ':' || l.item_id,
         json_object('accountId', l.account_id, 'itemId', l.item_id, 'reason', 'stock'),
         'queued', 0, 12, min(NEW.updated_at, CAST(unixepoch('subsec') * 1000 AS INTEGER)), NEW.updated_at, NEW.updated_at
  FROM listings l
  WHERE l.variant_id = NEW.variant_id
    AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.coalesce_key = 'listings.push:' || l.account_id || ':' || l.item_id AND j.status = 'queued')
  GROUP BY l.account_id, l.item_id;
END;

CREATE TRIGGER stock_levels_push_update AFTER UPDATE OF on_hand, reserved ON stock_levels
WHEN NEW.on_hand - NEW.reserved IS NOT OLD.on_hand - OLD.reserved
BEGIN
  INSERT INTO jobs (kind, account_id, idempotency_key, coalesce_key, payload_json, status, attempts, max_attempts, run_after, created_at, updated_at)
  SELECT 'listings.push', l.account_id,
         'listings.push:' || l.account_id || ':' || l.item_id || ':' || lower(hex(randomblob(8))),
         'listings.push:' || l.account_id || ':' || l.item_id,
         json_object('accountId', l.account_id, 'itemId', l.item_id, 'reason', 'stock'),
         'queued', 0, 12, min(NEW.updated_at, CAST(unixepoch('subsec') * 1000 AS INTEGER)), NEW.updated_at, NEW.updated_at
  FROM listings l
  WHERE l.variant_id = NEW.variant_id
    AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.coalesce_key = 'listings.push:' || l.account_id || ':' || l.item_id AND j.status = 'queued')
  GROUP BY l.account_id, l.item_id;
END;

-- A listing mapped by hand during order intake (listing_mappings, 0011) links the listing too.
CREATE TRIGGER listing_mappings_link AFTER INSERT ON listing_mappings
BEGIN
  UPDATE listings SET variant_id = NEW.variant_id, linked_by = 'mapping', updated_at = NEW.created_at
  WHERE account_id = NEW.account_id AND item_id = NEW.item_id AND model_id = NEW.model_id AND variant_id IS NULL;
END;

-- A listing that becomes linked (by any path) gets its first push.
CREATE TRIGGER listings_linked_push AFTER UPDATE OF variant_id ON listings
WHEN NEW.variant_id IS NOT NULL AND NEW.variant_id IS NOT OLD.variant_id
BEGIN
  INSERT INTO jobs (kind, account_id, idempotency_key, coalesce_key, payload_json, status, attempts, max_attempts, run_after, created_at, updated_at)
  SELECT 'listings.push', NEW.account_id,
         'listings.push:' || NEW.account_id || ':' || NEW.item_id || ':' || lower(hex(randomblob(8))),
         'listings.push:' || NEW.account_id || ':' || NEW.item_id,
         json_object('accountId', NEW.account_id, 'itemId', NEW.item_id, 'reason', 'link'),
         'queued', 0, 12, min(NEW.updated_at, CAST(unixepoch('subsec') * 1000 AS INTEGER)), NEW.updated_at, NEW.updated_at
  WHERE NOT EXISTS (SELECT 1 FROM jobs j WHERE j.coalesce_key = 'listings.push:' || NEW.account_id || ':' || NEW.item_id AND j.status = 'queued');
END;
