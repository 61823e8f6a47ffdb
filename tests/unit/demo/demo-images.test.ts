import { describe, expect, it } from 'vitest';
import { demoProductImage } from '../../../main/domain/demo/demo-images.js';

describe('demo product images', () => {
  it('are PNG data: URLs that fit the catalogue image field (2,000 characters), one tint per product', () => {
    const urls = Array.from({ length: 8 }, (_, i) => demoProductImage(i));
    for (const u of urls) {
      expect(u.length).toBeLessThanOrEqual(2000);
      const bytes = Buffer.from(u.replace(/^data:image\/png;base64,/, ''), 'base64');
      expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect(bytes.readUInt32BE(16)).toBe(300);
    }
    expect(new Set(urls).size).toBe(8);
    expect(demoProductImage(3)).toBe(urls[3]);
  });
});
