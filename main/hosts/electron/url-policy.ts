// The renderer is only ever loaded from app://packdesk/, a privileged standard scheme, so "is this
// ours" reduces to comparing origins. Parsing with URL (never prefix matching on strings) keeps
// look-alikes such as app://packdesk.evil/ or app://packdesk@evil/ out.
export const APP_SCHEME = 'app';
export const APP_HOST = 'packdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
}

/** The window may only ever show our own pages; everything else is a link to open elsewhere. */
export function canNavigate(url: string): boolean {
  return isAppUrl(url);
}

/** Only web links are handed to the OS; file:, smb:, javascript: and custom handlers are not. */
export function isExternalLink(url: string): boolean {
  const u = parse(url);
  return u !== null && (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname !== '';
}

export interface SenderFrameLike {
  url: string;
  parent: unknown;
}

/** IPC is answered only for our own top-level page, never for a sub-frame or a navigated-away one. */
export function isTrustedSender(frame: SenderFrameLike | null | undefined): boolean {
  return frame != null && frame.parent === null && isAppUrl(frame.url);
}
