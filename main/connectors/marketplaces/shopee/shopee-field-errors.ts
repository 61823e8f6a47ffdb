// Shopee's refusal of add_item / init_tier_variation → the form field it is about [?]. Shopee answers
// `error_param` (or a product-specific code) with an English message that names the field, e.g.
// "Wrong parameters, detail: item_name is required." or "Attribute [Chất liệu] (attribute_id 100134) is
// mandatory." The table is the whole decision: first pattern that matches wins, so the specific ones
// (attribute ids, model prices) come before the broad ones (price, stock). No match → 'general'.

export const PUBLISH_FIELDS = [
  'item_name', 'description', 'original_price', 'weight', 'dimension', 'image', 'logistic_info', 'category_id', 'seller_stock', 'tier_variation', 'model', 'general',
] as const;
export type PublishField = (typeof PUBLISH_FIELDS)[number] | `attribute:${string}`;

type Rule = readonly [pattern: RegExp, field: PublishField | ((m: RegExpMatchArray) => PublishField)];

export const FIELD_RULES: readonly Rule[] = [
  [/attribute_id\W{0,3}(\d{1,20})/i, (m) => `attribute:${m[1]}`],
  [/\battribute/i, 'category_id'],
  [/tier_variation|\boption(_list)?\b|variation/i, 'tier_variation'],
  [/\bmodel(_list|_sku|_id)?\b|price ratio|\btier_index\b/i, 'model'],
  [/item_name|\bname\b.{0,40}\b(length|long|short|characters?)\b|\btitle\b/i, 'item_name'],
  [/description/i, 'description'],
  // A weight refused for a channel's limit names the channel too: weight wins.
  [/dimension|package_(height|width|length)/i, 'dimension'],
  [/weight/i, 'weight'],
  [/logistic/i, 'logistic_info'],
  [/image/i, 'image'],
  [/category/i, 'category_id'],
  [/seller_stock|normal_stock|\bstock\b/i, 'seller_stock'],
  [/original_price|\bprice\b/i, 'original_price'],
];

/** Product-specific error codes that say the field by themselves when the message does not. */
export const FIELD_BY_CODE: Readonly<Record<string, PublishField>> = {
  'product.error_attribute_mandatory': 'category_id',
  'product.error_item_name': 'item_name',
  'product.error_description': 'description',
  'product.error_weight': 'weight',
  'product.error_logistic': 'logistic_info',
  'product.error_image': 'image',
  'product.error_price': 'original_price',
};

export function fieldOfShopeeMessage(message: string, code = ''): PublishField {
  for (const [pattern, field] of FIELD_RULES) {
    const m = message.match(pattern);
    if (m) return typeof field === 'function' ? field(m) : field;
  }
  return FIELD_BY_CODE[code] ?? 'general';
}

/**
 * Shopee's own code and message from the raw body a refused call kept (JobError.raw of shopeeError), so the
 * field is read from Shopee's words and not from our wrapping of them.
 */
export function shopeeRefusalOf(raw: unknown): { code: string; message: string } | null {
  if (typeof raw !== 'string' || !raw.trim().startsWith('{')) return null;
  try {
    const b = JSON.parse(raw) as { error?: unknown; message?: unknown };
    const code = typeof b.error === 'string' ? b.error : '';
    const message = typeof b.message === 'string' ? b.message : '';
    return code || message ? { code, message } : null;
  } catch {
    return null;
  }
}
