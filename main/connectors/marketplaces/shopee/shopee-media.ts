import { invalidInput } from './shopee-client.js';
import { uploadImageResult } from './shopee-schemas.js';
import type { ShopeeShop } from './shopee-shop.js';

// media_space/upload_image [?] (wire contract, not in the spec sheet): one multipart file part named
// `image`, JPEG or PNG up to 10 MB, and a `scene` text part; the signature covers the query only.

export const UPLOAD_IMAGE_PATH = '/api/v2/media_space/upload_image';
/** [?] Shopee's upload limit. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
export const IMAGE_TYPES = { jpeg: 'image/jpeg', png: 'image/png' } as const;
export type ImageType = keyof typeof IMAGE_TYPES;

/** The type a file's first bytes say it is (not its name or a server's header), or null. */
export function imageTypeOf(bytes: Uint8Array): ImageType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= png.length && png.every((b, i) => bytes[i] === b)) return 'png';
  return null;
}

export async function uploadImage(shop: ShopeeShop, bytes: Uint8Array, name = 'image') {
  const type = imageTypeOf(bytes);
  if (!type) throw invalidInput('image', 'only JPEG and PNG images can be uploaded');
  if (bytes.length > MAX_IMAGE_BYTES) throw invalidInput('image', `larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB`);
  const form = new FormData();
  form.append('image', new Blob([bytes], { type: IMAGE_TYPES[type] }), `${name.replace(/[^\w.-]+/g, '_').slice(0, 60) || 'image'}.${type === 'jpeg' ? 'jpg' : 'png'}`);
  form.append('scene', 'normal');
  const res = await shop.call({ method: 'POST', path: UPLOAD_IMAGE_PATH, form }, uploadImageResult);
  return { imageId: res.image_info.image_id, url: res.image_info.image_url_list.find((u) => u.image_url_region === 'VN')?.image_url ?? res.image_info.image_url_list[0]?.image_url ?? '' };
}
