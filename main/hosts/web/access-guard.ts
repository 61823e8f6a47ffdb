import { randomBytes, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';

export function createSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokensEqual(expected: string, given: string | undefined | null): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Cookies are scoped by host, not by port, so two Packdesk instances on one machine would overwrite
 * each other's cookie if they shared a name.
 */
export function cookieNameFor(port: number): string {
  return `packdesk_${port}`;
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (!out.has(name)) out.set(name, value);
  }
  return out;
}

export function sessionCookie(port: number, token: string): string {
  return `${cookieNameFor(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`;
}

export function hasSessionCookie(cookieHeader: string | undefined, port: number, token: string): boolean {
  return tokensEqual(token, parseCookies(cookieHeader).get(cookieNameFor(port)));
}

export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

function splitHostHeader(value: string): { name: string; port: number | null } | null {
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(value.trim());
  if (!m) return null;
  return { name: m[1].replace(/^\[|\]$/g, '').toLowerCase(), port: m[2] ? Number(m[2]) : null };
}

/**
 * DNS-rebinding guard. A page on evil.example that rebinds its name to 127.0.0.1 still sends
 * `Host: evil.example`, so only names that cannot be rebound are accepted: IP literals, localhost,
 * and the names this machine calls itself (passed in `ownNames`).
 */
export function isAllowedHostHeader(value: string | undefined, port: number, ownNames: readonly string[]): boolean {
  if (!value) return false;
  const parsed = splitHostHeader(value);
  if (!parsed) return false;
  // Browsers omit the port only for 80; the host never listens there without saying so.
  if ((parsed.port ?? 80) !== port) return false;
  if (isIP(parsed.name) !== 0 || parsed.name === 'localhost') return true;
  return ownNames.some((n) => n.toLowerCase() === parsed.name);
}

/** The WebSocket must come from a page this host served: Origin must be exactly http://<Host>. */
export function isSameOrigin(origin: string | undefined, hostHeader: string | undefined): boolean {
  if (!origin || !hostHeader) return false;
  return origin.toLowerCase() === `http://${hostHeader.trim().toLowerCase()}`;
}
