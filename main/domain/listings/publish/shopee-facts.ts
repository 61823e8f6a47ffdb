import { fail } from '../../../api/errors.js';
import type { ShopeeAttribute, ShopeeCategory, ShopeeChannel } from '../../../api/listing-publish.js';
import { getAttributes, getCategory, getChannelList } from '../../../connectors/marketplaces/shopee/shopee-products.js';
import type { ShopeeShop } from '../../../connectors/marketplaces/shopee/shopee-shop.js';
import type { CommandContext } from '../../../core/context.js';
import type { Store } from '../../../store/store.js';
import { readShopeeAccount, shopeeShopFor } from '../../marketplaces/shopee/shopee-account.js';
import { attributeFacts, channelFacts, type AttributeFacts, type ChannelFacts } from './publish-rules.js';

// What the listing form reads from Shopee, kept per shop in shopee_publish_cache until the operator asks
// for a refresh: the category tree, a category's attributes, the logistics channels. Shopee's shapes are
// mapped here once; the screen and the checks read ours.

/** [?] Shopee answers names in this language when asked (wire contract: `language=vi`). */
export const SHOPEE_LANGUAGE = 'vi';

type Cached<T> = { fetchedAt: number; value: T };

export function readCache<T>(store: Store, accountId: number, key: string): Cached<T> | null {
  const row = store.prepare('SELECT json, fetched_at FROM shopee_publish_cache WHERE account_id = ? AND key = ?').get(accountId, key) as { json: string; fetched_at: number } | undefined;
  return row ? { fetchedAt: row.fetched_at, value: JSON.parse(row.json) as T } : null;
}

function writeCache(store: Store, accountId: number, key: string, value: unknown, now: number): void {
  store.prepare(`INSERT INTO shopee_publish_cache (account_id, key, json, fetched_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (account_id, key) DO UPDATE SET json = excluded.json, fetched_at = excluded.fetched_at`).run(accountId, key, JSON.stringify(value), now);
}

export const attributesKey = (categoryId: string) => `attributes:${categoryId}`;

async function categoriesFrom(shop: ShopeeShop): Promise<ShopeeCategory[]> {
  const r = await getCategory(shop, SHOPEE_LANGUAGE);
  return r.category_list.map((c) => ({
    id: c.category_id, parentId: c.parent_category_id && c.parent_category_id !== '0' ? c.parent_category_id : null,
    name: c.display_category_name || c.original_category_name, originalName: c.original_category_name, hasChildren: c.has_children,
  }));
}

async function attributesFrom(shop: ShopeeShop, categoryId: string): Promise<ShopeeAttribute[]> {
  const r = await getAttributes(shop, categoryId, SHOPEE_LANGUAGE);
  return r.attribute_list.map((a) => ({
    id: a.attribute_id, name: a.display_attribute_name || a.original_attribute_name, originalName: a.original_attribute_name, mandatory: a.is_mandatory,
    inputType: a.input_type ?? 'TEXT_FILED',
    values: (a.attribute_value_list ?? []).map((v) => ({ id: v.value_id, name: v.display_value_name || v.original_value_name })),
  }));
}

async function channelsFrom(shop: ShopeeShop): Promise<ShopeeChannel[]> {
  const r = await getChannelList(shop);
  const num = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : null);
  return r.logistics_channel_list.map((c) => ({
    id: c.logistics_channel_id, name: c.logistics_channel_name, enabled: c.enabled, codEnabled: c.cod_enabled, feeType: c.fee_type ?? '',
    minKg: num(c.weight_limit?.item_min_weight), maxKg: num(c.weight_limit?.item_max_weight),
    maxLengthCm: num(c.item_max_dimension?.length), maxWidthCm: num(c.item_max_dimension?.width), maxHeightCm: num(c.item_max_dimension?.height),
  }));
}

/**
 * One cached read for a command: the cache unless `refresh`, else Shopee, kept in its own transaction.
 * A failed read is a coded error for the screen (offline, Shopee refusing), and changes nothing.
 */
export async function cachedFact<T>(ctx: CommandContext, accountId: number, key: string, refresh: boolean, read: (shop: ShopeeShop) => Promise<T>): Promise<{ fetchedAt: number; value: T }> {
  const cached = ctx.store.read(() => {
    readShopeeAccount(ctx.store, accountId);
    return readCache<T>(ctx.store, accountId, key);
  });
  if (cached && !refresh) return cached;
  const shop = ctx.store.read(() => shopeeShopFor(ctx.store, ctx.services.secrets, accountId, { now: ctx.now }));
  let value: T;
  try {
    value = await read(shop);
  } catch (error) {
    const e = error as { code?: string; message?: string; hint?: string; kind?: string };
    return fail(e.kind === 'offline' ? 'OFFLINE' : 'MARKETPLACE_UNAVAILABLE', e.message ?? 'Shopee could not be read', { reason: e.code ?? 'unknown', hint: e.hint ?? '' });
  }
  const now = ctx.now();
  ctx.store.tx(() => writeCache(ctx.store, accountId, key, value, now));
  return { fetchedAt: now, value };
}

export const readers = { categories: categoriesFrom, attributes: attributesFrom, channels: channelsFrom };

/** The cached facts the checks need for a draft (null where not read yet: that check waits). */
export function cachedFacts(store: Store, accountId: number, categoryId: string | null): { attributes: AttributeFacts[] | null; channels: ChannelFacts[] | null; categoryLeaf: boolean | null } {
  const cats = readCache<ShopeeCategory[]>(store, accountId, 'categories')?.value ?? null;
  const attrs = categoryId ? readCache<ShopeeAttribute[]>(store, accountId, attributesKey(categoryId))?.value ?? null : null;
  const chans = readCache<ShopeeChannel[]>(store, accountId, 'channels')?.value ?? null;
  const cat = categoryId && cats ? cats.find((c) => c.id === categoryId) : undefined;
  return {
    attributes: attrs ? attributeFacts(attrs) : null,
    channels: chans ? channelFacts(chans) : null,
    categoryLeaf: cat ? !cat.hasChildren : null,
  };
}
