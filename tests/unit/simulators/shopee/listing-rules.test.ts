// The Shopee simulator's pure listing rules (add_item, init_tier_variation), image sniffing and its
// ZIP writer, without a server.

import { crc32, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkAddItem } from '../../../../main/simulators/shopee/add-item-rules.js';
import { LOGISTICS_CHANNELS } from '../../../../main/simulators/shopee/logistics-channels.js';
import { imageTypeOf } from '../../../../main/simulators/shopee/media-store.js';
import { checkTierVariation, combinations } from '../../../../main/simulators/shopee/tier-variation-rules.js';
import { buildZip } from '../../../../main/simulators/shopee/zip-archive.js';

const deps = { hasImage: (id: string) => id === 'img-1', channels: LOGISTICS_CHANNELS };
const item = (over: Record<string, unknown> = {}) => ({
  item_name: 'Bộ bát đĩa men lam', description: 'Gốm Bát Tràng', original_price: 450000, weight: 2.4, category_id: 100718,
  image: { image_id_list: ['img-1'] }, logistic_info: [{ logistic_id: 50021, enabled: true }], normal_stock: 5,
  attribute_list: [{ attribute_id: 100037, attribute_value_list: [{ value_id: 0 }] }, { attribute_id: 100134, attribute_value_list: [{ value_id: 2212 }] }],
  ...over,
});
const messageOf = (r: object) => ('message' in r ? (r as { message: string }).message : 'ok');

describe('add_item rules', () => {
  it('accepts a valid listing with normal_stock and keeps its channels and images', () => {
    const r = checkAddItem(item(), deps);
    expect(r).toMatchObject({ name: 'Bộ bát đĩa men lam', status: 'NORMAL', stock: 5, imageIds: ['img-1'], logistics: [{ channelId: 50021, enabled: true, isFree: false }] });
  });

  it('reports the first wrong field in Shopee order', () => {
    expect(messageOf(checkAddItem(item({ item_name: ' ', description: '' }), deps))).toContain('item_name');
    expect(messageOf(checkAddItem(item({ weight: 0 }), deps))).toContain('weight is required');
    expect(messageOf(checkAddItem(item({ item_status: 'BANNED' }), deps))).toContain('item_status is invalid');
    expect(messageOf(checkAddItem(item({ image: { image_id_list: Array(10).fill('img-1') } }), deps))).toContain('1-9');
    expect(messageOf(checkAddItem(item({ logistic_info: [{ logistic_id: 50024, enabled: true }] }), deps))).toContain('logistic_info logistic_id 50024');
    expect(messageOf(checkAddItem(item({ weight: 31 }), deps))).toMatch(/^Wrong parameters, detail: weight 31 kg/);
    expect(messageOf(checkAddItem(item({ category_id: 100636 }), deps))).toContain('leaf');
    expect(messageOf(checkAddItem(item({ normal_stock: undefined }), deps))).toContain('seller_stock is required');
    expect(messageOf(checkAddItem(item({ normal_stock: undefined, seller_stock: [{ stock: 2 }, { stock: 1.5 }] }), deps))).toContain('seller_stock');
  });

  it('fits a package by its sorted sides, whatever way round it is given', () => {
    const dimension = { package_height: 20, package_width: 75, package_length: 10 };
    expect(checkAddItem(item({ dimension, logistic_info: [{ logistic_id: 50011, enabled: true }] }), deps)).toHaveProperty('dimension', { height: 20, width: 75, length: 10 });
    expect(messageOf(checkAddItem(item({ dimension, logistic_info: [{ logistic_id: 50018, enabled: true }] }), deps))).toContain('dimension');
  });
});

describe('init_tier_variation rules', () => {
  const tier = (name: string, ...options: string[]) => ({ name, option_list: options.map((option) => ({ option })) });
  const model = (tier_index: number[], original_price = 100000, stock = 1) => ({ tier_index, original_price, seller_stock: [{ stock }] });

  it('lists every combination, first tier slowest', () => {
    expect(combinations([2, 3])).toEqual([[0, 0], [0, 1], [0, 2], [1, 0], [1, 1], [1, 2]]);
    expect(combinations([2])).toEqual([[0], [1]]);
  });

  it('accepts one model per combination in any order and a 5× spread exactly', () => {
    const r = checkTierVariation({ tier_variation: [tier('Bộ', '6 món', '10 món')], model: [model([1], 500000, 2), model([0], 100000, 0)] }, () => false);
    expect(r).toMatchObject({ tiers: [{ name: 'Bộ', options: ['6 món', '10 món'] }], models: [{ tierIndex: [1], price: 500000, stock: 2 }, { tierIndex: [0], price: 100000, stock: 0 }] });
  });

  it('refuses what Shopee refuses', () => {
    const two = [tier('Màu', 'Đỏ', 'Xanh'), tier('Size', 'M')];
    expect(messageOf(checkTierVariation({ tier_variation: [], model: [] }, () => false))).toContain('1-2 tiers');
    expect(messageOf(checkTierVariation({ tier_variation: [tier('', 'A')], model: [] }, () => false))).toContain('tier_variation[0].name');
    expect(messageOf(checkTierVariation({ tier_variation: [tier('Màu', ...Array.from({ length: 51 }, (_, i) => `m${i}`))], model: [] }, () => false))).toContain('1-50 options');
    expect(messageOf(checkTierVariation({ tier_variation: [tier('Size', 'M'), tier('Màu', 'Xanh', 'XANH')], model: [] }, () => false))).toContain('tier_variation[1].option_list option "XANH" is duplicated');
    expect(messageOf(checkTierVariation({ tier_variation: two, model: [] }, () => false))).toContain('model is required');
    expect(messageOf(checkTierVariation({ tier_variation: two, model: [model([0])] }, () => false))).toContain('tier_index [0] is invalid');
    expect(messageOf(checkTierVariation({ tier_variation: two, model: [model([0, 0])] }, () => false))).toContain('tier_index [1,0] is missing');
    expect(messageOf(checkTierVariation({ tier_variation: two, model: [model([0, 0], 100000), model([1, 0], 500001)] }, () => false))).toContain('cannot exceed 5');
    expect(messageOf(checkTierVariation({ tier_variation: two, model: [model([0, 0], 0), model([1, 0])] }, () => false))).toContain('original_price');
  });
});

describe('image sniffing', () => {
  it('goes by the first bytes only', () => {
    expect(imageTypeOf(Uint8Array.from([0xff, 0xd8, 0xff, 0xdb]))).toBe('image/jpeg');
    expect(imageTypeOf(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(imageTypeOf(Buffer.from('GIF89a'))).toBeUndefined();
    expect(imageTypeOf(Uint8Array.from([0xff, 0xd8]))).toBeUndefined();
  });
});

describe('ZIP writer', () => {
  it('writes entries a reader finds through the central directory, deflated or stored', () => {
    const pdf = Buffer.from('%PDF-1.4\n'.repeat(40));
    const tiny = Buffer.from('x');
    const zip = buildZip([{ name: '250701ABC.pdf', data: pdf }, { name: 'b.txt', data: tiny }], Date.UTC(2025, 6, 1, 8, 30, 10));
    const end = zip.length - 22;
    expect(zip.readUInt32LE(end)).toBe(0x06054b50);
    expect(zip.readUInt16LE(end + 10)).toBe(2);
    let at = zip.readUInt32LE(end + 16);
    const read: { name: string; method: number; data: Buffer }[] = [];
    for (let i = 0; i < 2; i++) {
      expect(zip.readUInt32LE(at)).toBe(0x02014b50);
      const method = zip.readUInt16LE(at + 10);
      const crc = zip.readUInt32LE(at + 16);
      const size = zip.readUInt32LE(at + 20);
      const nameLength = zip.readUInt16LE(at + 28);
      const local = zip.readUInt32LE(at + 42);
      const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
      expect(zip.readUInt32LE(local)).toBe(0x04034b50);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const raw = zip.subarray(start, start + size);
      const data = method === 8 ? inflateRawSync(raw) : Buffer.from(raw);
      expect(crc32(data)).toBe(crc);
      read.push({ name, method, data });
      at += 46 + nameLength;
    }
    expect(read.map((r) => [r.name, r.method])).toEqual([['250701ABC.pdf', 8], ['b.txt', 0]]);
    expect(read[0].data.equals(pdf)).toBe(true);
    expect(read[1].data.equals(tiny)).toBe(true);
  });
});
