import { describe, expect, it } from 'vitest';
import {
  checkPublication, COMBINED_TIER_NAME, itemLevel, planTiers, PUBLISH_LIMITS, type AttributeFacts, type ChannelFacts, type DraftFacts, type VariantFacts,
} from '../../../main/domain/listings/publish/publish-rules.js';
import { addItemBody, modelsToVariants, tierVariationBody } from '../../../main/domain/listings/publish/publish-wire.js';
import { fieldErrorsOf } from '../../../main/domain/listings/publish/publish-errors.js';
import { stringify } from 'lossless-json';

let nextId = 1;
const v = (sku: string, attrs: Record<string, string>, price = 100_000, stock = 5): VariantFacts =>
  ({ variantId: nextId++, sku, attributes: Object.entries(attrs).map(([name, value]) => ({ name, value })), price, stock });

describe('variants → tier variations', () => {
  it('one variant without attributes is an item without tiers', () => {
    const plan = planTiers([v('MU-1', {})]);
    expect(plan.shape).toBe('single');
    expect(plan.tiers).toEqual([]);
    expect(plan.models).toMatchObject([{ sku: 'MU-1', tierIndex: [] }]);
  });

  it('two attribute names filling the grid become two tiers, options in first-seen order', () => {
    const plan = planTiers([
      v('AO-DO-M', { 'Màu': 'Đỏ', Size: 'M' }), v('AO-DO-L', { 'Màu': 'Đỏ', Size: 'L' }),
      v('AO-XA-M', { 'Màu': 'Xanh', Size: 'M' }), v('AO-XA-L', { 'màu': 'Xanh ', size: 'L' }),
    ]);
    expect(plan.shape).toBe('attributes');
    expect(plan.tiers).toEqual([{ name: 'Màu', options: ['Đỏ', 'Xanh'] }, { name: 'Size', options: ['M', 'L'] }]);
    expect(plan.models.map((m) => [m.sku, m.tierIndex])).toEqual([['AO-DO-M', [0, 0]], ['AO-DO-L', [0, 1]], ['AO-XA-M', [1, 0]], ['AO-XA-L', [1, 1]]]);
  });

  it('one attribute name is one tier', () => {
    const plan = planTiers([v('A-M', { Size: 'M' }), v('A-L', { Size: 'L' })]);
    expect(plan.tiers).toEqual([{ name: 'Size', options: ['M', 'L'] }]);
    expect(plan.models.map((m) => m.tierIndex)).toEqual([[0], [1]]);
  });

  it('a gap in the grid becomes one tier with an option per variant, nothing dropped', () => {
    const plan = planTiers([v('A', { 'Màu': 'Đỏ', Size: 'M' }), v('B', { 'Màu': 'Đỏ', Size: 'L' }), v('C', { 'Màu': 'Xanh', Size: 'M' })]);
    expect(plan.shape).toBe('combined');
    expect(plan.tiers).toEqual([{ name: 'Màu / Size', options: ['Đỏ / M', 'Đỏ / L', 'Xanh / M'] }]);
    expect(plan.models.map((m) => m.tierIndex)).toEqual([[0], [1], [2]]);
  });

  it('three names, or the same values twice, also fall back; repeated labels use the SKU', () => {
    const three = planTiers([v('A', { 'Màu sắc': 'Đỏ', 'Kích cỡ': 'M', Kiểu: 'Cổ tròn' }), v('B', { 'Màu sắc': 'Đỏ', 'Kích cỡ': 'M', Kiểu: 'Cổ tim' })]);
    expect(three.shape).toBe('combined');
    // The joined names are longer than Shopee's tier name allows: the neutral name instead.
    expect(three.tiers).toEqual([{ name: COMBINED_TIER_NAME, options: ['Đỏ / M / Cổ tròn', 'Đỏ / M / Cổ tim'] }]);
    const twice = planTiers([v('X-1', { Size: 'M' }), v('X-2', { Size: 'M' })]);
    expect(twice.tiers[0].options).toEqual(['X-1', 'X-2']);
    const none = planTiers([v('N-1', {}), v('N-2', {})]);
    expect(none.tiers).toEqual([{ name: COMBINED_TIER_NAME, options: ['N-1', 'N-2'] }]);
  });

  it('item level: lowest price, total stock', () => {
    expect(itemLevel(planTiers([v('A', { S: '1' }, 120_000, 3), v('B', { S: '2' }, 90_000, 4)]))).toEqual({ price: 90_000, stock: 7 });
  });
});

const attrs: AttributeFacts[] = [
  { attributeId: '100037', name: 'Thương hiệu', mandatory: true, inputType: 'DROP_DOWN', valueIds: ['0', '1146'] },
  { attributeId: '100134', name: 'Chất liệu', mandatory: true, inputType: 'DROP_DOWN', valueIds: ['2210', '2211'] },
  { attributeId: '100010', name: 'Xuất xứ', mandatory: false, inputType: 'TEXT_FILED', valueIds: [] },
  { attributeId: '100999', name: 'Hạn sử dụng', mandatory: true, inputType: 'TEXT_FILED', valueIds: [] },
];
const channels: ChannelFacts[] = [
  { id: '50021', name: 'SPX Express', enabled: true, minKg: 0.01, maxKg: 30, maxLengthCm: 100, maxWidthCm: 100, maxHeightCm: 100 },
  { id: '50018', name: 'J&T Express', enabled: true, minKg: 0.01, maxKg: 15, maxLengthCm: 60, maxWidthCm: 60, maxHeightCm: 60 },
  { id: '50010', name: 'Viettel Post', enabled: false, minKg: null, maxKg: null, maxLengthCm: null, maxWidthCm: null, maxHeightCm: null },
];
const good: DraftFacts = {
  categoryId: '100351', itemName: 'Áo thun cotton basic', description: 'Áo thun '.repeat(20), images: ['https://x/a.jpg'], logisticsIds: ['50021', '50018'],
  attributes: [{ attributeId: '100037', valueIds: ['0'], text: '' }, { attributeId: '100134', valueIds: ['2210'], text: '' }, { attributeId: '100999', valueIds: [], text: '12 tháng' }],
  weightG: 250, lengthCm: 20, widthCm: 15, heightCm: 3,
};
const plan2 = planTiers([v('A-M', { Size: 'M' }), v('A-L', { Size: 'L' })]);
const check = (d: Partial<DraftFacts> = {}, plan = plan2, more: Partial<Parameters<typeof checkPublication>[0]> = {}) =>
  checkPublication({ draft: { ...good, ...d }, plan, attributes: attrs, channels, categoryLeaf: true, ...more });
const fields = (issues: ReturnType<typeof check>) => issues.map((i) => `${i.field}:${i.code}`);

describe('local checks before listing', () => {
  it('a complete draft passes', () => {
    expect(check()).toEqual([]);
  });

  it('names each missing or out-of-range field', () => {
    expect(fields(check({ categoryId: null, itemName: '', description: 'ngắn', images: [], logisticsIds: [], weightG: 0 }))).toEqual([
      'category_id:required', 'item_name:required', 'description:too_short', 'image:image_required', 'weight:required', 'logistic_info:logistics_required',
    ]);
    expect(fields(check({ itemName: 'Áo' }))).toEqual(['item_name:too_short']);
    expect(fields(check({ itemName: 'x'.repeat(PUBLISH_LIMITS.nameMax + 1) }))).toEqual(['item_name:too_long']);
    expect(fields(check({}, plan2, { categoryLeaf: false }))).toEqual(['category_id:not_leaf']);
    expect(fields(check({ images: Array(10).fill('u') }))).toEqual(['image:too_many_images']);
  });

  it('marks every mandatory attribute left empty, by attribute', () => {
    const issues = check({ attributes: [{ attributeId: '100037', valueIds: ['0'], text: '' }, { attributeId: '100999', valueIds: [], text: '  ' }] });
    expect(fields(issues)).toEqual(['attribute:100134:attribute_required', 'attribute:100999:attribute_required']);
    expect(issues[0].params).toEqual({ name: 'Chất liệu' });
    expect(fields(check({ attributes: [...good.attributes.slice(0, 1), { attributeId: '100134', valueIds: ['9999'], text: '' }, good.attributes[2]] })))
      .toEqual(['attribute:100134:attribute_value_unknown']);
    expect(fields(check({ attributes: [...good.attributes.slice(0, 1), { attributeId: '100134', valueIds: ['2210', '2211'], text: '' }, good.attributes[2]] })))
      .toEqual(['attribute:100134:attribute_one_value']);
  });

  it("keeps the weight and box within every chosen channel's limits; refuses disabled or unknown channels", () => {
    expect(check({ weightG: 16_000 })).toEqual([{ field: 'weight', code: 'weight_above_channel', params: { channel: 'J&T Express', max: 15 } }]);
    expect(check({ weightG: 16_000, logisticsIds: ['50021'] })).toEqual([]);
    expect(fields(check({ weightG: 5 }))).toEqual(['weight:weight_below_channel', 'weight:weight_below_channel']);
    expect(fields(check({ lengthCm: 70 }))).toEqual(['dimension:dimension_above_channel']);
    expect(fields(check({ lengthCm: 20, widthCm: 0, heightCm: 3 }))).toEqual(['dimension:dimension_partial']);
    expect(fields(check({ logisticsIds: ['50010', '777'] }))).toEqual(['logistic_info:channel_disabled', 'logistic_info:channel_unknown']);
  });

  it('VN prices: whole đồng within limits, highest at most 5× the lowest; tier and option lengths', () => {
    const p = planTiers([v('P-1', { S: '1' }, 100_000), v('P-2', { S: '2' }, 500_001), v('P-3', { S: '3' }, 500)]);
    const issues = check({}, p);
    expect(fields(issues)).toEqual([`model:${p.models[2].variantId}:price_too_low`, 'model:price_ratio']);
    expect(fields(check({}, planTiers([v('Q-1', { S: '1' }, 100_000), v('Q-2', { S: '2' }, 500_000)])))).toEqual([]);
    const long = planTiers([v('L-1', { 'Kích thước sản phẩm': 'rất rất rất rất rất dài' }), v('L-2', { 'Kích thước sản phẩm': 'ngắn' })]);
    expect(fields(check({}, long))).toEqual(['tier_variation:tier_name_too_long', 'tier_variation:option_too_long']);
    expect(fields(check({}, planTiers([])))).toEqual(['model:no_models']);
  });

  it('waits with what it cannot know yet (attributes, channels not read)', () => {
    expect(check({ attributes: [], logisticsIds: ['777'] }, plan2, { attributes: null, channels: null, categoryLeaf: null })).toEqual([]);
  });
});

describe('the wire bodies', () => {
  it('add_item: int64 ids as bare numbers, kg, package size, value 0 with text for free text', () => {
    const body = addItemBody({ ...good, categoryId: '100351', itemSku: 'P-AO' }, plan2, ['img-1']);
    const json = stringify(body)!;
    expect(json).toContain('"category_id":100351');
    expect(json).toContain('"logistic_info":[{"logistic_id":50021,"enabled":true},{"logistic_id":50018,"enabled":true}]');
    expect(json).toContain('{"attribute_id":100999,"attribute_value_list":[{"value_id":0,"original_value_name":"12 tháng"}]}');
    expect(body).toMatchObject({ original_price: 100_000, weight: 0.25, seller_stock: [{ stock: 10 }], image: { image_id_list: ['img-1'] }, item_sku: 'P-AO',
      dimension: { package_height: 3, package_length: 20, package_width: 15 } });
    expect(addItemBody({ ...good, lengthCm: 0, categoryId: '1', itemSku: 'x' }, plan2, [])).not.toHaveProperty('dimension');
  });

  it('init_tier_variation and the models that come back, matched by SKU or by tier index', () => {
    expect(tierVariationBody(plan2)).toEqual({
      tier_variation: [{ name: 'Size', option_list: [{ option: 'M' }, { option: 'L' }] }],
      model: [{ tier_index: [0], original_price: 100_000, model_sku: 'A-M', seller_stock: [{ stock: 5 }] }, { tier_index: [1], original_price: 100_000, model_sku: 'A-L', seller_stock: [{ stock: 5 }] }],
    });
    expect(modelsToVariants(plan2, [{ model_id: '9007199254740993', tier_index: [1] }, { model_id: '7', tier_index: [9], model_sku: 'a-m' }]))
      .toEqual([{ variantId: plan2.models[1].variantId, modelId: '9007199254740993' }, { variantId: plan2.models[0].variantId, modelId: '7' }]);
  });
});

describe('a failed job → errors per field', () => {
  it("maps Shopee's refusal by its own message, an unreadable image by its URL, anything else to general", () => {
    const raw = JSON.stringify({ request_id: 'r', error: 'product.error_attribute_mandatory', message: 'Attribute [Chất liệu] (attribute_id 100134) is mandatory.' });
    expect(fieldErrorsOf({ code: 'SHOPEE_REJECTED', message: 'Shopee rejected…', raw })).toEqual([
      { field: 'attribute:100134', message: 'Attribute [Chất liệu] (attribute_id 100134) is mandatory.', code: 'product.error_attribute_mandatory' },
    ]);
    expect(fieldErrorsOf({ code: 'PUBLISH_IMAGE_TYPE', message: 'not a JPEG', raw: { field: 'image', url: 'https://x/a.gif' } }))
      .toEqual([{ field: 'image', message: 'not a JPEG', code: 'PUBLISH_IMAGE_TYPE', url: 'https://x/a.gif' }]);
    expect(fieldErrorsOf({ code: 'SHOPEE_INPUT_INVALID', message: 'id: "x" is not a Shopee id', raw: { field: 'id', message: '"x" is not a Shopee id' } }))
      .toEqual([{ field: 'general', message: '"x" is not a Shopee id', code: 'SHOPEE_INPUT_INVALID' }]);
    expect(fieldErrorsOf({ code: 'SHOPEE_UNAVAILABLE', message: 'Shopee had an internal error', raw: '{"error":"error_server"}' }))
      .toEqual([{ field: 'general', message: 'Shopee had an internal error', code: 'SHOPEE_UNAVAILABLE' }]);
  });
});
