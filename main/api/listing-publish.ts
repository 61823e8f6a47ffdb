import { z } from 'zod';
import { command } from './contract.js';
import { id, money, text, timestamp } from './common.js';

// Listing a Packdesk product on a Shopee shop (issue 5 §3 push side, "Subir"): the form's facts read from
// Shopee (category tree, a category's attributes, logistics channels; cached per shop), the draft, and
// "Đăng", which queues the outbox job in the same transaction as the publication's "queued" state.

/** A Shopee int64 id as decimal text ('0' is a value id: "No brand"). */
const shopeeId = z.string().trim().regex(/^\d{1,20}$/, 'digits only');
const account = { accountId: id };
const refresh = { refresh: z.boolean().default(false) };

export const shopeeCategory = z.object({ id: z.string(), parentId: z.string().nullable(), name: z.string(), originalName: z.string(), hasChildren: z.boolean() });
export type ShopeeCategory = z.infer<typeof shopeeCategory>;

export const shopeeAttribute = z.object({
  id: z.string(),
  name: z.string(),
  originalName: z.string(),
  mandatory: z.boolean(),
  /** DROP_DOWN | COMBO_BOX | TEXT_FILED | MULTIPLE_SELECT (Shopee's words). */
  inputType: z.string(),
  values: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type ShopeeAttribute = z.infer<typeof shopeeAttribute>;

export const shopeeChannel = z.object({
  id: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  codEnabled: z.boolean(),
  feeType: z.string(),
  minKg: z.number().nullable(),
  maxKg: z.number().nullable(),
  maxLengthCm: z.number().nullable(),
  maxWidthCm: z.number().nullable(),
  maxHeightCm: z.number().nullable(),
});
export type ShopeeChannel = z.infer<typeof shopeeChannel>;

export const attributeChoice = z.object({
  attributeId: shopeeId,
  valueIds: z.array(shopeeId).max(50).default([]),
  text: text(300).default(''),
});

/** What the operator chose. Lengths are checked by the listing rules (not here), so they can say which limit. */
export const publishDraft = z.object({
  categoryId: shopeeId.nullable(),
  /** The category's names root → leaf, for display. */
  categoryPath: text(400).default(''),
  itemName: text(300),
  description: text(5000),
  attributes: z.array(attributeChoice).max(100).default([]),
  /** Catalogue images of the product, in the order Shopee shows them. */
  images: z.array(z.string().trim().min(1).max(2000)).max(20).default([]),
  logisticsIds: z.array(shopeeId).max(50).default([]),
  weightG: z.number().int().min(0).max(1_000_000),
  lengthCm: z.number().int().min(0).max(1000).default(0),
  widthCm: z.number().int().min(0).max(1000).default(0),
  heightCm: z.number().int().min(0).max(1000).default(0),
  /** The product's variants to list, with their Shopee price (đồng). */
  models: z.array(z.object({ variantId: id, price: money })).min(1).max(200),
});
export type PublishDraft = z.infer<typeof publishDraft>;

export const fieldIssue = z.object({ field: z.string(), code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() });
export type FieldIssueOut = z.infer<typeof fieldIssue>;

export const PUBLICATION_STATUSES = ['draft', 'queued', 'publishing', 'listed', 'failed'] as const;

export const publication = z.object({
  id,
  status: z.enum(PUBLICATION_STATUSES),
  step: z.enum(['images', 'item', 'tiers', 'done']),
  /** Shopee's item id once add_item answered; from then on only the variations step is retried. */
  itemId: z.string().nullable(),
  attempt: z.number().int(),
  requestedAt: timestamp.nullable(),
  listedAt: timestamp.nullable(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  /** Shopee's refusal, mapped to the field its message names ('general' when it names none). */
  fieldErrors: z.array(z.object({ field: z.string(), message: z.string(), code: z.string(), url: z.string().optional() })),
  images: z.array(z.object({ url: z.string(), imageId: z.string().nullable() })),
  models: z.array(z.object({ variantId: id, modelId: z.string().nullable() })),
  job: z.object({ id, status: z.string(), attempts: z.number().int(), lastError: z.string().nullable() }).nullable(),
});
export type Publication = z.infer<typeof publication>;

export const publishVariant = z.object({
  variantId: id,
  sku: z.string(),
  attributes: z.array(z.object({ name: z.string(), value: z.string() })),
  price: z.number().int(),
  /** What the channel's push policy would show on Shopee now. */
  stock: z.number().int(),
  weightG: z.number().int(),
  active: z.boolean(),
});

export const tierPlan = z.object({
  shape: z.enum(['single', 'attributes', 'combined']),
  tiers: z.array(z.object({ name: z.string(), options: z.array(z.string()) })),
  models: z.array(z.object({ variantId: id, sku: z.string(), tierIndex: z.array(z.number().int()), options: z.array(z.string()), price: z.number().int(), stock: z.number().int() })),
});

export const publishForm = z.object({
  accountId: id,
  productId: id,
  product: z.object({ id, name: z.string(), sku: z.string(), description: z.string(), images: z.array(z.string()), variants: z.array(publishVariant) }),
  draft: publishDraft,
  plan: tierPlan,
  /** Local checks of the draft against what was last read from Shopee; [] = ready to send. */
  checks: z.array(fieldIssue),
  publication: publication.nullable(),
  /** Listings of this shop already linked to these variants (another item): listing again makes a second item. */
  alreadyOnShop: z.array(z.object({ variantId: id, sku: z.string(), itemId: z.string(), modelId: z.string() })),
});
export type PublishForm = z.infer<typeof publishForm>;

const byProduct = z.object({ ...account, productId: id }).strict();
const draftInput = z.object({ ...account, productId: id, draft: publishDraft }).strict();

export const listingPublishContract = {
  /** The form for one product and shop: the saved draft (or one from the product), the tier plan, the checks, the publication. */
  'listings.publish.form': command({ role: 'manager', readonly: true, input: byProduct, output: publishForm }),
  /** The shop's category tree (cached; `refresh` reads Shopee again). */
  'listings.publish.categories': command({
    role: 'manager', input: z.object({ ...account, ...refresh }).strict(),
    output: z.object({ fetchedAt: timestamp, categories: z.array(shopeeCategory) }),
  }),
  'listings.publish.attributes': command({
    role: 'manager', input: z.object({ ...account, categoryId: shopeeId, ...refresh }).strict(),
    output: z.object({ fetchedAt: timestamp, attributes: z.array(shopeeAttribute) }),
  }),
  'listings.publish.channels': command({
    role: 'manager', input: z.object({ ...account, ...refresh }).strict(),
    output: z.object({ fetchedAt: timestamp, channels: z.array(shopeeChannel) }),
  }),
  /** Keeps the draft (nothing is sent); answers the form with the checks. */
  'listings.publish.save': command({ role: 'manager', input: draftInput, output: publishForm }),
  /** "Đăng": checks, keeps the draft and queues the job, or refuses (INPUT_INVALID, details.issues) and changes nothing. */
  'listings.publish.submit': command({ role: 'manager', input: draftInput, output: publishForm }),
};
