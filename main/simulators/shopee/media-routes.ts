// media_space.upload_image: a multipart/form-data body with one file part `image` (JPEG or PNG by its
// bytes, ≤ 10 MB) and an optional `scene`. Only the query is signed, so the body is read after the
// usual shop checks. The uploaded image is served back under /file/<image_id>, unsigned, like a CDN.

import type { Route, SimReply, SimRequest } from '../shared/sim-server.js';
import { LISTING_ERRORS } from './listing-messages.js';
import { FILE_PREFIX, imageTypeOf, MAX_IMAGE_BYTES } from './media-store.js';
import { API, isReply, type ShopeeContext } from './shopee-context.js';

/** [?] The scenes Shopee's reference lists; `normal` is a product image, `desc` a description image. */
const SCENES = ['normal', 'desc'];

/** [?] texts for the image itself (the field errors of add_item live in listing-messages). */
export const UPLOAD_ERRORS = {
  notMultipart: 'Wrong parameters, detail: image is required, send it as a multipart/form-data file part.',
  tooLarge: `Wrong parameters, detail: image is too large, the limit is ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`,
  notImage: 'Wrong parameters, detail: image must be a JPEG or PNG file.',
} as const;

/** The form's parts, or undefined when the body is not a readable multipart/form-data body. */
async function readForm(req: SimRequest): Promise<FormData | undefined> {
  const type = req.header('content-type') ?? '';
  if (!/^multipart\/form-data;.*boundary=/i.test(type)) return undefined;
  try {
    // undici's multipart reader (the one behind fetch): boundaries, quoting and binary parts done right.
    return await new Response(req.bytes, { headers: { 'content-type': type } }).formData();
  } catch {
    return undefined;
  }
}

export function mediaRoutes(ctx: ShopeeContext): Route[] {
  const { replies, media } = ctx;

  const uploadImage = async (req: SimRequest): Promise<SimReply> => {
    const shop = ctx.auth.verifyShop(req);
    if (isReply(shop)) return shop;
    const form = await readForm(req);
    if (!form) return replies.param(UPLOAD_ERRORS.notMultipart);
    const scene = form.get('scene');
    if (scene !== null && (typeof scene !== 'string' || !SCENES.includes(scene))) return replies.param(LISTING_ERRORS.invalid('scene').message);
    const file = form.get('image');
    if (file === null || typeof file === 'string') return replies.param(LISTING_ERRORS.required('image').message);
    if (file.size > MAX_IMAGE_BYTES) return replies.param(UPLOAD_ERRORS.tooLarge);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const type = imageTypeOf(bytes);
    if (!type) return replies.param(UPLOAD_ERRORS.notImage);
    const id = media.add(shop.shopId, type, bytes);
    return replies.ok({ image_info: { image_id: id, image_url_list: [{ image_url_region: 'VN', image_url: media.url(id) }] } }, 'image-uploaded');
  };

  const serveImage = (req: SimRequest): SimReply => {
    const image = media.get(req.path.slice(FILE_PREFIX.length));
    if (!image) return { status: 404, text: 'Not Found', note: 'rejected' };
    return { status: 200, bytes: image.bytes, contentType: image.type, headers: { 'cache-control': 'public, max-age=31536000, immutable' }, note: 'image' };
  };

  return [
    { methods: ['POST'], path: `${API}/media_space/upload_image`, handler: uploadImage },
    { methods: ['GET'], path: `${FILE_PREFIX}*`, handler: serveImage },
  ];
}
