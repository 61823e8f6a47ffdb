import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import {
  CONTENT_SECURITY_POLICY,
  cacheControlFor,
  contentTypeFor,
  isClientRoute,
  resolveStaticPath,
} from './static-files.js';
import { LANDING_PAGE_HTML } from './landing-page.js';

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

function applySecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}

export function sendText(res: ServerResponse, status: number, body: string): void {
  applySecurityHeaders(res);
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(body);
}

export function sendLanding(res: ServerResponse): void {
  applySecurityHeaders(res);
  res.writeHead(403, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(LANDING_PAGE_HTML);
}

async function fileSize(path: string): Promise<number | null> {
  try {
    const s = await stat(path);
    return s.isFile() ? s.size : null;
  } catch {
    return null;
  }
}

/**
 * Serves a file of the built renderer. Unknown client routes fall back to index.html so a reload on
 * /orders/123 works; a missing asset is a plain 404, never the HTML shell under a .js name.
 */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, rootDir: string, pathname: string): Promise<void> {
  const target = resolveStaticPath(rootDir, pathname);
  if (target === null) return sendText(res, 403, 'Forbidden');

  let file = target;
  let size = await fileSize(file);
  if (size === null && pathname.endsWith('/')) {
    file = join(target, 'index.html');
    size = await fileSize(file);
  }
  let cacheControl = cacheControlFor(pathname);
  if (size === null) {
    if (!isClientRoute(pathname)) return sendText(res, 404, 'Not Found');
    file = join(rootDir, 'index.html');
    size = await fileSize(file);
    cacheControl = 'no-cache';
    if (size === null) return sendText(res, 404, 'The renderer has not been built (npm run build)');
  }

  applySecurityHeaders(res);
  res.writeHead(200, {
    'Content-Type': contentTypeFor(file),
    'Content-Length': size,
    'Cache-Control': file.endsWith('.html') ? 'no-cache' : cacheControl,
  });
  if (req.method === 'HEAD') return void res.end();
  await pipeline(createReadStream(file), res);
}
