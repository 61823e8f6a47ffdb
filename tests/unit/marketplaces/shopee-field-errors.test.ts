import { describe, expect, it } from 'vitest';
import { fieldOfShopeeMessage, shopeeRefusalOf } from '../../../main/connectors/marketplaces/shopee/shopee-field-errors.js';
import { imageTypeOf } from '../../../main/connectors/marketplaces/shopee/shopee-media.js';

describe("Shopee's refusal message → the form field", () => {
  it.each([
    ['Wrong parameters, detail: item_name is required.', '', 'item_name'],
    ['Wrong parameters, detail: description is required.', '', 'description'],
    ['Wrong parameters, detail: original_price must be a positive integer for VN.', '', 'original_price'],
    ['Wrong parameters, detail: weight is required.', '', 'weight'],
    ['Weight 32 kg is above the limit of logistics channel 50021.', '', 'weight'],
    ['Wrong parameters, detail: image.image_id_list is required.', '', 'image'],
    ['Wrong parameters, detail: logistic_info is required.', '', 'logistic_info'],
    ['Logistic id 50099 is not enabled for this shop.', 'error_param', 'logistic_info'],
    ['Wrong parameters, detail: category_id must be a leaf category.', '', 'category_id'],
    ['Wrong parameters, detail: seller_stock is required.', '', 'seller_stock'],
    ['Attribute [Chất liệu] (attribute_id 100134) is mandatory.', 'product.error_attribute_mandatory', 'attribute:100134'],
    ['Attribute value is invalid.', 'error_param', 'category_id'],
    ['Duplicate option name in tier_variation.', '', 'tier_variation'],
    ['Wrong parameters, the price ratio between models cannot exceed 5.', '', 'model'],
    ['Every combination of tier_index must be given exactly once.', '', 'model'],
    ['Wrong parameters, detail: package_height is invalid.', '', 'dimension'],
  ])('%s → %s', (message, code, field) => {
    expect(fieldOfShopeeMessage(message, code)).toBe(field);
  });

  it('falls back to the code, then to a general error', () => {
    expect(fieldOfShopeeMessage('Something is off.', 'product.error_item_name')).toBe('item_name');
    expect(fieldOfShopeeMessage('Internal problem, try later.', 'error_unknown')).toBe('general');
  });

  it("reads Shopee's code and message from the raw body only", () => {
    expect(shopeeRefusalOf('{"request_id":"r","error":"error_param","message":"item_name is required."}')).toEqual({ code: 'error_param', message: 'item_name is required.' });
    expect(shopeeRefusalOf('<html>bad gateway</html>')).toBeNull();
    expect(shopeeRefusalOf('{"error":')).toBeNull();
    expect(shopeeRefusalOf({ error: 'x' })).toBeNull();
  });
});

describe('image type from the first bytes', () => {
  it('knows JPEG and PNG, and nothing else', () => {
    expect(imageTypeOf(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0]))).toBe('jpeg');
    expect(imageTypeOf(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('png');
    expect(imageTypeOf(Buffer.from('GIF89a'))).toBeNull();
    expect(imageTypeOf(Buffer.from('<svg/>'))).toBeNull();
    expect(imageTypeOf(new Uint8Array())).toBeNull();
  });
});
