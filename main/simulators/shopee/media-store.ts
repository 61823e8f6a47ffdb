// Images uploaded through media_space.upload_image, kept in memory per shop so add_item and
// init_tier_variation can check the ids they name, and served back under /file/<image_id> the way
// Shopee's CDN serves them (the listings screen shows them).

import { HEX, randomString, type Random } from '../shared/prng.js';

export type ImageType = 'image/jpeg' | 'image/png';

/** [?] Shopee's upload limit for product images. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** What the bytes are, by their first bytes (the file name and declared type are not trusted). */
export function imageTypeOf(bytes: Uint8Array): ImageType | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= PNG_MAGIC.length && PNG_MAGIC.every((b, i) => bytes[i] === b)) return 'image/png';
  return undefined;
}

interface StoredImage {
  shopId: number;
  type: ImageType;
  bytes: Uint8Array;
}

export const FILE_PREFIX = '/file/';

export class MediaStore {
  private images = new Map<string, StoredImage>();
  /** Set once the server listens: image URLs point back at it. */
  baseUrl = '';

  constructor(private readonly random: Random) {}

  add(shopId: number, type: ImageType, bytes: Uint8Array): string {
    // [?] Shaped like Shopee VN's ids ("vn-11134207-7r98o-…"); clients treat them as opaque strings.
    const id = `vn-11134207-${randomString(this.random, HEX, 24)}`;
    this.images.set(id, { shopId, type, bytes });
    return id;
  }

  /** An image a shop may use: its own uploads only. */
  has(shopId: number, id: string): boolean {
    return this.images.get(id)?.shopId === shopId;
  }

  get(id: string): StoredImage | undefined {
    return this.images.get(id);
  }

  url(id: string): string {
    return `${this.baseUrl}${FILE_PREFIX}${id}`;
  }

  reset(): void {
    this.images.clear();
  }
}
