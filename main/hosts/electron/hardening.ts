import { shell, type Session, type WebContents } from 'electron';
import { canNavigate, isExternalLink } from './url-policy.js';

type Log = (line: string) => void;

/**
 * Applied to every WebContents the app creates (app 'web-contents-created'), so a window added
 * later cannot forget a guard. New windows are never created: web links go to the user's browser.
 */
export function hardenWebContents(contents: WebContents, log: Log): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) {
      shell.openExternal(url).catch((err: Error) => log(`could not open ${url}: ${err.message}`));
    } else {
      log(`refused to open a window for ${url}`);
    }
    return { action: 'deny' };
  });
  const guard = (event: { url: string; preventDefault(): void }) => {
    if (canNavigate(event.url)) return;
    event.preventDefault();
    log(`refused navigation to ${event.url}`);
  };
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

// Schemes the renderer has no business loading: its own files come over app://, data goes over IPC.
const BLOCKED_REQUESTS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'file://*/*'];

/**
 * Session-wide policy: deny every permission (camera, notifications, clipboard-read, HID…; the core
 * talks to scanners, scales and printers, not the page) and cancel network requests from pages.
 * electron-updater uses its own session, so updates are unaffected.
 */
export function applySessionPolicy(ses: Session, log: Log): void {
  ses.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`denied permission request: ${permission}`);
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest({ urls: BLOCKED_REQUESTS }, (details, callback) => {
    log(`blocked a request to ${details.url}`);
    callback({ cancel: true });
  });
}
