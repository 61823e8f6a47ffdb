-- Listing a Packdesk product on Shopee (issue 5 §3 push side, "Subir"). One publication per product and
-- shop: what the operator chose (category, attributes, images, tiers and models, weight, package size,
-- logistics channels), where the outbox job stands, Shopee's answer per field, and the item it created.

-- status: draft (saved, not sent) → queued (job inserted in the same transaction) → publishing (a step
-- ran) → listed (item and models exist, listings linked) | failed (field_errors_json says what to fix).
-- step: the next step the job takes. Each step's answer is committed before the next step is queued:
-- 'images' (upload_image, image ids kept per image) → 'item' (add_item; item_id kept the moment it is
-- committed, so a retry never adds the item twice) → 'tiers' (init_tier_variation) → 'link'.
CREATE TABLE listing_publications (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES connector_accounts(id) ON DELETE CASCADE,
  product_id INTEGER NOT NULL REFERENCES products(id),
  status TEXT NOT NULL CHECK (status IN ('draft', 'queued', 'publishing', 'listed', 'failed')),
  step TEXT NOT NULL DEFAULT 'images' CHECK (step IN ('images', 'item', 'tiers', 'done')),
  category_id TEXT,
  -- The chosen category's names from root to leaf, as Shopee showed them (for display without a refetch).
  category_path TEXT NOT NULL DEFAULT '',
  item_name TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  -- [{attributeId, valueIds: [..], text}] as chosen.
  attributes_json TEXT NOT NULL DEFAULT '[]',
  -- [channel id, ...] chosen from get_channel_list.
  logistics_json TEXT NOT NULL DEFAULT '[]',
  -- [{url, imageId|null}]: chosen catalogue images in order; imageId once uploaded.
  images_json TEXT NOT NULL DEFAULT '[]',
  -- [{name, options: [..]}] (0–2 tiers) and [{variantId, sku, tierIndex, price, stock, modelId|null}].
  tiers_json TEXT NOT NULL DEFAULT '[]',
  models_json TEXT NOT NULL DEFAULT '[]',
  weight_g INTEGER NOT NULL DEFAULT 0 CHECK (weight_g >= 0),
  length_cm INTEGER NOT NULL DEFAULT 0 CHECK (length_cm >= 0),
  width_cm INTEGER NOT NULL DEFAULT 0 CHECK (width_cm >= 0),
  height_cm INTEGER NOT NULL DEFAULT 0 CHECK (height_cm >= 0),
  -- Shopee's item once add_item answered (text: ids exceed 2^53).
  item_id TEXT,
  -- [{field, message, code}] from Shopee's last refusal, field mapped from its message.
  field_errors_json TEXT NOT NULL DEFAULT '[]',
  error_code TEXT,
  error_message TEXT,
  job_id INTEGER,
  -- Bumped by every "Đăng": job idempotency keys include it, so a retry after a failure gets new jobs.
  attempt INTEGER NOT NULL DEFAULT 0,
  requested_by INTEGER,
  requested_at INTEGER,
  listed_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (account_id, product_id)
) STRICT;
CREATE INDEX listing_publications_product ON listing_publications(product_id);
CREATE UNIQUE INDEX listing_publications_item ON listing_publications(account_id, item_id) WHERE item_id IS NOT NULL;

-- What the listing form reads from Shopee per shop: the category tree, a category's attributes, the
-- logistics channels. Kept until the operator refreshes (key: 'categories', 'attributes:<id>', 'channels').
CREATE TABLE shopee_publish_cache (
  account_id INTEGER NOT NULL REFERENCES connector_accounts(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  json TEXT NOT NULL,
  fetched_at INTEGER NOT NULL,
  PRIMARY KEY (account_id, key)
) STRICT;
