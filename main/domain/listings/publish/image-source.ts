import { readFile, stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { imageTypeOf, MAX_IMAGE_BYTES } from '../../../connectors/marketplaces/shopee/shopee-media.js';
import { JobError } from '../../../sync/job-error.js';

// The bytes of a catalogue image. The catalogue keeps images as the text the operator entered (products.
// images_json): a web address, a data: URL, or a file on this computer (file: URL or absolute path).
// Checked here (type by its first bytes, size) so a bad image is named before Shopee is called.

const FETCH_TIMEOUT_MS = 20_000;

function refused(url: string, code: string, message: string): JobError {
  // raw.field lets the publication show the error on the image it is about.
  return new JobError('permanent', code, message, { hint: 'Replace or remove this image in the product, then publish again.', raw: { field: 'image', url } });
}

const short = (url: string) => (url.length > 80 ? `${url.slice(0, 77)}…` : url);

async function fetchBytes(url: string): Promise<Buffer> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'follow' });
  } catch (error) {
    throw new JobError('transient', 'PUBLISH_IMAGE_UNREACHABLE', `The image ${short(url)} could not be downloaded: ${(error as Error).message}`, { raw: { field: 'image', url } });
  }
  if (res.status >= 500) throw new JobError('transient', 'PUBLISH_IMAGE_UNREACHABLE', `The image server answered HTTP ${res.status} for ${short(url)}`, { raw: { field: 'image', url } });
  if (!res.ok) throw refused(url, 'PUBLISH_IMAGE_MISSING', `The image ${short(url)} is not there (HTTP ${res.status})`);
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > MAX_IMAGE_BYTES) throw refused(url, 'PUBLISH_IMAGE_TOO_LARGE', `The image ${short(url)} is larger than 10 MB`);
  return Buffer.from(await res.arrayBuffer());
}

async function fileBytes(url: string, path: string): Promise<Buffer> {
  try {
    if ((await stat(path)).size > MAX_IMAGE_BYTES) throw refused(url, 'PUBLISH_IMAGE_TOO_LARGE', `The image ${short(url)} is larger than 10 MB`);
    return await readFile(path);
  } catch (error) {
    if (error instanceof JobError) throw error;
    throw refused(url, 'PUBLISH_IMAGE_MISSING', `The image file ${short(url)} cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function dataBytes(url: string): Buffer {
  const m = /^data:([\w/+.-]*)(;base64)?,(.*)$/s.exec(url);
  if (!m) throw refused(url, 'PUBLISH_IMAGE_UNREADABLE', 'The image data: URL is malformed');
  return m[2] ? Buffer.from(m[3], 'base64') : Buffer.from(decodeURIComponent(m[3]), 'latin1');
}

export async function readImage(url: string): Promise<Buffer> {
  const u = url.trim();
  let bytes: Buffer;
  if (/^https?:\/\//i.test(u)) bytes = await fetchBytes(u);
  else if (/^data:/i.test(u)) bytes = dataBytes(u);
  else if (/^file:/i.test(u)) bytes = await fileBytes(u, fileURLToPath(u));
  else if (isAbsolute(u)) bytes = await fileBytes(u, u);
  else throw refused(url, 'PUBLISH_IMAGE_UNREADABLE', `The image ${short(url)} is not a web address, data: URL or file path`);
  if (bytes.length > MAX_IMAGE_BYTES) throw refused(url, 'PUBLISH_IMAGE_TOO_LARGE', `The image ${short(url)} is larger than 10 MB`);
  if (!imageTypeOf(bytes)) throw refused(url, 'PUBLISH_IMAGE_TYPE', `The image ${short(url)} is not a JPEG or PNG file`);
  return bytes;
}
