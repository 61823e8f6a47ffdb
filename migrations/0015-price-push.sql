-- The price push (issue 5 §3 "update price of linked listings"): the catalogue's selling price of a variant,
-- adjusted by the shop's price policy, written to its linked Shopee models. Additive: existing rows keep
-- their meaning; price push starts off for every shop (a seller who prices Shopee separately loses nothing).

-- Per listing: the price we last wrote, when, and why the last price push failed (NULL = it did not).
ALTER TABLE listings ADD COLUMN last_pushed_price INTEGER;
ALTER TABLE listings ADD COLUMN last_price_pushed_at INTEGER;
ALTER TABLE listings ADD COLUMN last_price_error TEXT;

-- Per shop: push prices at all, and the adjustment from the catalogue price: round(price × (100 + percent) / 100)
-- + fixed, in whole đồng (VN prices are integers).
ALTER TABLE listing_policies ADD COLUMN price_enabled INTEGER NOT NULL DEFAULT 0 CHECK (price_enabled IN (0, 1));
ALTER TABLE listing_policies ADD COLUMN price_markup_percent INTEGER NOT NULL DEFAULT 0 CHECK (price_markup_percent BETWEEN -50 AND 300);
ALTER TABLE listing_policies ADD COLUMN price_markup_fixed INTEGER NOT NULL DEFAULT 0 CHECK (price_markup_fixed BETWEEN -10000000 AND 10000000);

-- The push log takes price pushes too: `kind` tells them apart, `price` is the price written, and the reason
-- 'price' is "the catalogue price changed". The reason CHECK cannot be altered in place, so the table is
-- rebuilt with every row and column order kept (new columns last) and its indexes made again.
CREATE TABLE listing_push_log_0015 (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES connector_accounts(id) ON DELETE CASCADE,
  listing_id INTEGER REFERENCES listings(id) ON DELETE SET NULL,
  at INTEGER NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('stock', 'manual', 'drift', 'link', 'policy', 'price')),
  quantity INTEGER,
  available INTEGER,
  shopee_stock INTEGER,
  result TEXT NOT NULL CHECK (result IN ('ok', 'failed', 'drift')),
  error_code TEXT,
  error TEXT,
  job_id INTEGER,
  kind TEXT NOT NULL DEFAULT 'stock' CHECK (kind IN ('stock', 'price')),
  price INTEGER
) STRICT;
INSERT INTO listing_push_log_0015 (id, account_id, listing_id, at, reason, quantity, available, shopee_stock, result, error_code, error, job_id)
  SELECT id, account_id, listing_id, at, reason, quantity, available, shopee_stock, result, error_code, error, job_id FROM listing_push_log;
DROP TABLE listing_push_log;
ALTER TABLE listing_push_log_0015 RENAME TO listing_push_log;
CREATE INDEX listing_push_log_account ON listing_push_log(account_id, kind, at DESC, id DESC);
CREATE INDEX listing_push_log_listing ON listing_push_log(listing_id, at DESC, id DESC);

-- The price-push hook, like 0012's stock hook: every write of a variant's price (the product form, the
-- catalogue import, any later path) queues, in its own transaction, one price push per linked item of a
-- shop whose policy pushes prices. The job reads the prices when it runs, so edits while it is queued make
-- one push (coalesce key). A queued push waiting out a Shopee promotion is made due now: the seller
-- changed the price again, so it is tried once more at once (one call per edit, not a retry loop).
CREATE TRIGGER variants_price_push AFTER UPDATE OF price ON variants
WHEN NEW.price IS NOT OLD.price
BEGIN
  UPDATE jobs SET run_after = min(run_after, NEW.updated_at, CAST(unixepoch('subsec') * 1000 AS INTEGER)),
                  payload_json = json_set(payload_json, '$.reason', 'price', '$.promotionRetries', 0), updated_at = NEW.updated_at
  WHERE status = 'queued' AND coalesce_key IN (
    SELECT 'listings.price:' || l.account_id || ':' || l.item_id FROM listings l WHERE l.variant_id = NEW.id);
  INSERT INTO jobs (kind, account_id, idempotency_key, coalesce_key, payload_json, status, attempts, max_attempts, run_after, created_at, updated_at)
  SELECT 'listings.pushPrice', l.account_id,
         'listings.price:' || l.account_id || ':' || l.item_id || ':' || lower(hex(randomblob(8))),
         'listings.price:' || l.account_id || ':' || l.item_id,
         json_object('accountId', l.account_id, 'itemId', l.item_id, 'reason', 'price', 'promotionRetries', 0),
         'queued', 0, 12, min(NEW.updated_at, CAST(unixepoch('subsec') * 1000 AS INTEGER)), NEW.updated_at, NEW.updated_at
  FROM listings l JOIN listing_policies p ON p.account_id = l.account_id AND p.price_enabled = 1
  WHERE l.variant_id = NEW.id
    AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.coalesce_key = 'listings.price:' || l.account_id || ':' || l.item_id AND j.status = 'queued')
  GROUP BY l.account_id, l.item_id;
END;
