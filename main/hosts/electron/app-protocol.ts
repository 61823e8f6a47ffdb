import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CONTENT_SECURITY_POLICY,
  cacheControlFor,
  contentTypeFor,
  isClientRoute,
  resolveStaticPath,
} from '../web/static-files.js';
import { APP_HOST, APP_SCHEME } from './url-policy.js';

/**
 * `standard` gives app:// real origins (so 'self' in the CSP and relative URLs work), `secure`
 * makes it a secure context; fetch support lets the renderer load its own JSON and fonts.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
} as const;

const plain = (status: number, body: string, extra: Record<string, string> = {}): Response =>
  new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...extra } });

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Serves the built renderer for `protocol.handle('app', …)`. The renderer has nothing to upload,
 * so only GET is answered; a path that climbs out of `rootDir` is refused rather than normalised.
 */
export function createAppProtocolHandler(rootDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET') return plain(405, 'Method Not Allowed', { Allow: 'GET' });
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return plain(400, 'Bad Request');
    }
    if (url.host !== APP_HOST) return plain(404, 'Not Found');
    // URL() already folded plain dot segments; the raw text still shows encoded ones (%2e%2e).
    const pathStart = request.url.indexOf('/', request.url.indexOf('//') + 2);
    const rawPath = pathStart < 0 ? '/' : request.url.slice(pathStart).split(/[?#]/)[0];
    const target = resolveStaticPath(rootDir, rawPath);
    if (target === null) return plain(403, 'Forbidden');

    let file = target;
    if (!(await isFile(file))) {
      file = rawPath.endsWith('/') ? join(target, 'index.html') : target;
      if (!(await isFile(file))) {
        if (!isClientRoute(rawPath)) return plain(404, 'Not Found');
        file = join(rootDir, 'index.html');
        if (!(await isFile(file))) return plain(404, 'The renderer has not been built (npm run build)');
      }
    }
    const body = await readFile(file);
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': contentTypeFor(file),
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': file.endsWith('.html') ? 'no-cache' : cacheControlFor(rawPath),
      },
    });
  };
}
