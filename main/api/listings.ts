import { z } from 'zod';
import { command } from './contract.js';
import { id, page, text, timestamp } from './common.js';

// Marketplace listings (issue 5 §3 pull side, §4): the shop's items/models pulled into Packdesk
// ("Retirar"), linked to variants, and the stock push that keeps every channel from overselling.

const shopeeId = z.string().trim().regex(/^\d{1,20}$/, 'digits only');

export const listing = z.object({
  id,
  accountId: id,
  itemId: z.string(),
  modelId: z.string(),
  sku: z.string(),
  name: z.string(),
  modelName: z.string(),
  itemStatus: z.string(),
  price: z.number().int().nullable(),
  /** Shopee's seller stock and promotion-reserved stock, as last seen (pull or drift check). */
  shopeeStock: z.number().int().nullable(),
  shopeeReserved: z.number().int(),
  seenAt: timestamp.nullable(),
  variantId: id.nullable(),
  variantSku: z.string().nullable(),
  linkedBy: z.string().nullable(),
  /** Our available stock in the warehouses that feed the channel, and what the policy would push now. */
  available: z.number().int().nullable(),
  wouldPush: z.number().int().nullable(),
  raisedToReserved: z.boolean(),
  lastPushedQty: z.number().int().nullable(),
  lastPushedAt: timestamp.nullable(),
  lastPushError: z.string().nullable(),
  /** Shopee's stock when it last differed from what we pushed; null = in step. */
  driftShopeeStock: z.number().int().nullable(),
  driftAt: timestamp.nullable(),
  pushQueued: z.boolean(),
  /** The price push (issue 5 §3): the linked variant's catalogue price, what the shop's price policy would write, the last write. */
  catalogPrice: z.number().int().nullable(),
  priceToPush: z.number().int().nullable(),
  lastPushedPrice: z.number().int().nullable(),
  lastPricePushedAt: timestamp.nullable(),
  lastPriceError: z.string().nullable(),
  /** When the queued price push runs; later than now while it waits out a Shopee promotion. Null = none queued. */
  pricePushDueAt: timestamp.nullable(),
});
export type Listing = z.infer<typeof listing>;

export const pullProposal = z.object({
  listingId: id,
  itemId: z.string(),
  modelId: z.string(),
  sku: z.string(),
  name: z.string(),
  modelName: z.string(),
  price: z.number().int().nullable(),
  shopeeStock: z.number().int().nullable(),
  /** linked: already linked (kept); link: to an existing variant; create: a new product/variant; skip. */
  action: z.enum(['linked', 'link', 'create', 'skip']),
  variantId: id.nullable(),
  variantSku: z.string().nullable(),
  /** Why: sku match, intake mapping, no SKU, SKU used twice, item not on sale, SKU taken by a product… */
  reason: z.enum(['already_linked', 'sku', 'mapping', 'new', 'no_sku', 'sku_invalid', 'duplicate_sku', 'not_normal', 'sku_taken']),
});
export type PullProposal = z.infer<typeof pullProposal>;

export const pullPreview = z.object({
  accountId: id,
  pulledAt: timestamp,
  items: z.number().int(),
  counts: z.object({ linked: z.number().int(), link: z.number().int(), create: z.number().int(), skip: z.number().int() }),
  proposals: z.array(pullProposal),
});

export const pullChoice = z.object({
  listingId: id,
  action: z.enum(['link', 'create', 'skip']),
  /** For `link`: the variant (default: the proposed one). */
  variantId: id.optional(),
});

export const pushPolicy = z.object({
  enabled: z.boolean(),
  sharePercent: z.number().int().min(0).max(100),
  reserveUnits: z.number().int().min(0).max(1_000_000),
  zeroBelow: z.number().int().min(0).max(1_000_000),
  maxShown: z.number().int().min(0).max(1_000_000).nullable(),
  warehouseIds: z.array(id).max(50),
  driftEveryMinutes: z.number().int().min(1).max(24 * 60),
});
export type PushPolicyInput = z.infer<typeof pushPolicy>;

export const pushLogEntry = z.object({
  id,
  at: timestamp,
  listingId: id.nullable(),
  itemId: z.string().nullable(),
  modelId: z.string().nullable(),
  sku: z.string().nullable(),
  reason: z.enum(['stock', 'manual', 'drift', 'link', 'policy', 'price']),
  /** A stock push (quantity) or a price push (price). */
  kind: z.enum(['stock', 'price']),
  price: z.number().int().nullable(),
  quantity: z.number().int().nullable(),
  available: z.number().int().nullable(),
  shopeeStock: z.number().int().nullable(),
  result: z.enum(['ok', 'failed', 'drift']),
  errorCode: z.string().nullable(),
  error: z.string().nullable(),
});
export type PushLogEntry = z.infer<typeof pushLogEntry>;

const account = z.object({ accountId: id }).strict();
/** The listed items of a shop (absent: every linked item), and how many pushes were queued. */
const shopItems = z.object({ accountId: id, itemIds: z.array(shopeeId).max(5000).optional() }).strict();
const queued = z.object({ queued: z.number().int() });

/** The shop's price push: off by default; the catalogue price + percent, then + fixed đồng, rounded to whole đồng. */
export const pricePolicy = z.object({
  enabled: z.boolean(),
  markupPercent: z.number().int().min(-50).max(300),
  markupFixed: z.number().int().min(-10_000_000).max(10_000_000),
});
export type PricePolicyInput = z.infer<typeof pricePolicy>;

export const listingsContract = {
  'listings.list': command({
    role: 'manager', readonly: true,
    input: z.object({ accountId: id, filter: z.enum(['all', 'linked', 'unlinked', 'drift', 'failed']).default('all'), search: text(100).default(''), ...page }).strict(),
    output: z.object({ items: z.array(listing), total: z.number().int(), linked: z.number().int(), unlinked: z.number().int(), drift: z.number().int() }),
  }),
  /** Reads every item/model of the shop into the listings table and proposes what to create, link or skip. */
  'listings.pullPreview': command({ role: 'manager', input: account, output: pullPreview }),
  /** Applies the operator's choices: links listings to variants, creates products for the rest, in one transaction. */
  'listings.pullApply': command({
    role: 'manager',
    input: z.object({
      accountId: id,
      choices: z.array(pullChoice).max(20_000),
      /** Created variants start with Shopee's seller stock (as last seen) in this warehouse; absent = no stock (pushes 0). */
      stockWarehouseId: id.optional(),
    }).strict(),
    output: z.object({ linked: z.number().int(), created: z.number().int(), createdProducts: z.number().int(), skipped: z.number().int(), pushesQueued: z.number().int() }),
  }),
  /** Links one listing to a variant by hand, or unlinks it (null). */
  'listings.link': command({ role: 'manager', input: z.object({ listingId: id, variantId: id.nullable() }).strict(), output: listing }),
  'listings.policy': command({ role: 'manager', readonly: true, input: account, output: pushPolicy.extend({ accountId: id }) }),
  'listings.setPolicy': command({ role: 'manager', input: pushPolicy.extend({ accountId: id }).strict(), output: pushPolicy.extend({ accountId: id }) }),
  /** Pushes now, even when nothing changed: the listed items, or every linked listing of the shop. */
  'listings.pushNow': command({ role: 'manager', input: shopItems, output: queued }),
  /** Reads Shopee's stock of every listing now and re-pushes where it drifted from what we pushed. */
  'listings.checkDrift': command({ role: 'manager', input: account, output: z.object({ queued: z.boolean() }) }),
  'listings.pushLog': command({
    role: 'manager', readonly: true,
    input: z.object({
      accountId: id, listingId: id.optional(), result: z.enum(['ok', 'failed', 'drift']).optional(),
      /** Stock pushes unless asked otherwise (the log's first readers show stock). */
      kind: z.enum(['stock', 'price']).default('stock'),
      ...page,
    }).strict(),
    output: z.object({ items: z.array(pushLogEntry), total: z.number().int() }),
  }),
  'listings.pricePolicy': command({ role: 'manager', readonly: true, input: account, output: pricePolicy.extend({ accountId: id }) }),
  /** Saves the shop's price policy; prices are written at the next catalogue price change or "push prices now". */
  'listings.setPricePolicy': command({ role: 'manager', input: pricePolicy.extend({ accountId: id }).strict(), output: pricePolicy.extend({ accountId: id }) }),
  /** Writes the catalogue prices (adjusted) now: the listed items, or every linked item of the shop. Refused while price push is off. */
  'listings.pushPriceNow': command({ role: 'manager', input: shopItems, output: queued }),
};
