-- A marketplace account's shop authorization (Shopee now; Lazada / TikTok later): which shop the seller
-- connected, the token pair sealed like every secret, when it expires, and whether the seller must
-- connect again. Kept apart from connector_accounts so that saving the account's settings can never
-- write back a stale token pair (refresh tokens are single use).
CREATE TABLE marketplace_authorizations (
  account_id INTEGER PRIMARY KEY REFERENCES connector_accounts(id) ON DELETE CASCADE,
  shop_id TEXT NOT NULL DEFAULT '',
  main_account_id TEXT NOT NULL DEFAULT '',
  shop_name TEXT NOT NULL DEFAULT '',
  tokens_sealed TEXT NOT NULL DEFAULT '',
  access_expires_at INTEGER,
  refresh_expires_at INTEGER,
  needs_reconnect INTEGER NOT NULL DEFAULT 0 CHECK (needs_reconnect IN (0, 1)),
  reconnect_reason TEXT,
  connected_at INTEGER,
  refreshed_at INTEGER,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX marketplace_authorizations_reconnect ON marketplace_authorizations(needs_reconnect);
