// What add_item and init_tier_variation answer when a field is wrong. [?] Only the two examples in the
// wire contract are Shopee's own shape ("Wrong parameters, detail: item_name is required." and
// "Attribute [Chất liệu] (attribute_id 100134) is mandatory."); every other text follows them and
// names its field the same way, so clients can key errors to fields. One table: a wrong guess is a
// one-line change.

export interface ListingError {
  error: string;
  message: string;
}

const param = (message: string): ListingError => ({ error: 'error_param', message });
const detail = (field: string, why: string) => param(`Wrong parameters, detail: ${field} ${why}.`);

export interface AttributeRef {
  attributeId: number;
  displayName: string;
}
const attr = (a: AttributeRef) => `Attribute [${a.displayName}] (attribute_id ${a.attributeId})`;

export const LISTING_ERRORS = {
  required: (field: string) => detail(field, 'is required'),
  invalid: (field: string) => detail(field, 'is invalid'),
  priceNotVnd: (field: string) => detail(field, 'must be a positive integer for VN'),
  tooLong: (field: string, max: number) => detail(field, `must be at most ${max} characters`),
  notLeaf: () => detail('category_id', 'must be a leaf category'),
  tooManyImages: (max: number) => detail('image.image_id_list', `should contain 1-${max} image_id`),
  unknownImage: (id: string) => detail('image', `image_id ${id} is not found, upload it with media_space.upload_image first`),
  stockNotWhole: (field: string) => detail(field, 'stock must be a non-negative integer'),
  channelNotEnabled: (id: unknown) => detail('logistic_info', `logistic_id ${String(id)} is not enabled for this shop`),
  noChannelEnabled: () => detail('logistic_info', 'should enable at least one logistic channel'),
  weightOverChannel: (weight: number, channel: string, min: number, max: number) =>
    detail('weight', `${weight} kg is outside the limit of logistic channel ${channel} (${min}-${max} kg)`),
  dimensionOverChannel: (channel: string) => detail('dimension', `is over the size limit of logistic channel ${channel}`),
  attributeMandatory: (a: AttributeRef): ListingError => ({ error: 'product.error_attribute_mandatory', message: `${attr(a)} is mandatory.` }),
  attributeValueInvalid: (a: AttributeRef) => param(`${attr(a)} value is invalid.`),
  attributeSingleValue: (a: AttributeRef) => param(`${attr(a)} accepts only one value.`),
  attributeNotInCategory: (attributeId: unknown, categoryId: number) => param(`Attribute (attribute_id ${String(attributeId)}) does not belong to category_id ${categoryId}.`),

  tierExists: () => detail('tier_variation', 'already exists for this item, use update_tier_variation'),
  tierCount: (max: number) => detail('tier_variation', `should contain 1-${max} tiers`),
  tierName: (tier: number) => detail(`tier_variation[${tier}].name`, 'is required'),
  tierOptionCount: (tier: number, max: number) => detail(`tier_variation[${tier}].option_list`, `should contain 1-${max} options`),
  tierOptionEmpty: (tier: number) => detail(`tier_variation[${tier}].option_list`, 'option is required'),
  tierOptionDuplicate: (tier: number, option: string) => detail(`tier_variation[${tier}].option_list`, `option "${option}" is duplicated`),
  tierOptionImage: (tier: number, id: string) => detail(`tier_variation[${tier}].option_list`, `image_id ${id} is not found`),
  modelRequired: () => detail('model', 'is required'),
  modelTierIndex: (index: unknown) => detail('model', `tier_index ${JSON.stringify(index)} is invalid`),
  modelDuplicate: (index: number[]) => detail('model', `tier_index ${JSON.stringify(index)} is duplicated`),
  modelMissing: (index: number[]) => detail('model', `tier_index ${JSON.stringify(index)} is missing, every combination of tier options needs one model`),
  modelPrice: (index: number[]) => detail('model', `original_price of tier_index ${JSON.stringify(index)} must be a positive integer for VN`),
  modelStock: (index: number[]) => detail('model', `seller_stock of tier_index ${JSON.stringify(index)} must be a non-negative integer`),
  modelPriceRatio: (ratio: number) => detail('model', `price ratio between the highest and the lowest model price is ${ratio.toFixed(2)}, it cannot exceed 5`),
} as const;

/** Limits of a listing. [?] from Shopee's seller centre rules for VN, not the spec sheet. */
export const LISTING_LIMITS = {
  itemNameMax: 120,
  imagesMax: 9,
  tiersMax: 2,
  optionsPerTierMax: 50,
  /** Highest model price over the lowest (VN). */
  priceRatioMax: 5,
} as const;
