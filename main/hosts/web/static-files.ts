import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

// Shared by the web host and the Electron app:// protocol, so both shells serve the renderer with
// the same policy. 'unsafe-inline' styles are needed by React's style props; images may come from
// the seller's own https product URLs; label previews (carrier PDFs and HTML) open as blob: frames;
// connect-src 'self' covers the same-origin WebSocket of the web host. Scripts stay 'self' only.
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; img-src 'self' data: blob: https:; frame-src 'self' blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'";

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.pdf': 'application/pdf',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL pathname (still percent-encoded) to a file under `rootDir`, or `null` when the path is
 * malformed or would leave `rootDir`. Decoding happens here, once, so `%2e%2e%2f` and `..%5c` are
 * judged after they become real separators.
 */
export function resolveStaticPath(rootDir: string, urlPathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  // A backslash is a separator on Windows only; refusing it everywhere keeps both shells alike.
  if (decoded.includes('\\')) return null;
  const root = resolve(rootDir);
  const target = resolve(root, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`);
  const rel = relative(root, target);
  if (rel === '') return root;
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return null;
  return target;
}

/** Paths like `/orders/123` are client-side routes; `/assets/app.js` is a file that must exist. */
export function isClientRoute(urlPathname: string): boolean {
  const last = urlPathname.split('/').pop() ?? '';
  return extname(last) === '';
}

/** Vite fingerprints everything under assets/, so those can be cached for good; the shell can't. */
export function cacheControlFor(urlPathname: string): string {
  return urlPathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}
