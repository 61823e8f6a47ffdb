import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import {
  APP_ENTRY_URL,
  canNavigate,
  isAppUrl,
  isExternalLink,
  isTrustedSender,
} from '../../main/hosts/electron/url-policy.js';
import { mainWindowWebPreferences } from '../../main/hosts/electron/web-preferences.js';
import { outDirFrom, shellPaths } from '../../main/hosts/electron/paths.js';
import { APP_SCHEME_PRIVILEGES } from '../../main/hosts/electron/app-protocol.js';

describe('url policy', () => {
  it('recognises only our own app:// origin', () => {
    expect(APP_ENTRY_URL).toBe('app://packdesk/index.html');
    for (const u of ['app://packdesk/', 'app://packdesk/index.html', 'app://packdesk/#/orders/1']) {
      expect(isAppUrl(u), u).toBe(true);
    }
    for (const u of [
      'app://packdesk.evil/',
      'app://evil/packdesk',
      'app://user@packdesk/',
      'https://packdesk/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'about:blank',
      'not a url',
      '',
    ]) {
      expect(isAppUrl(u), u).toBe(false);
    }
  });

  it('allows navigation only inside the app', () => {
    expect(canNavigate('app://packdesk/index.html#/packing')).toBe(true);
    expect(canNavigate('https://shopee.vn/')).toBe(false);
    expect(canNavigate('http://127.0.0.1:5173/')).toBe(false);
    expect(canNavigate('file:///C:/Users/shop/page.html')).toBe(false);
  });

  it('hands only http(s) links to the OS', () => {
    expect(isExternalLink('https://banhang.shopee.vn/portal')).toBe(true);
    expect(isExternalLink('http://example.com')).toBe(true);
    for (const u of ['file:///C:/Windows/system32/calc.exe', 'smb://host/share', 'javascript:alert(1)', 'app://packdesk/', 'ms-settings:', 'https://']) {
      expect(isExternalLink(u), u).toBe(false);
    }
  });

  it('trusts only the top-level frame of our own page', () => {
    expect(isTrustedSender({ url: 'app://packdesk/index.html', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'app://packdesk/index.html', parent: {} })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});

describe('main window webPreferences', () => {
  it('isolates and sandboxes the renderer', () => {
    const prefs = mainWindowWebPreferences('/app/out/preload/index.cjs', { devTools: false });
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
    expect(mainWindowWebPreferences('/p', { devTools: true }).devTools).toBe(true);
  });
});

describe('shell paths and scheme', () => {
  it('points at the build outputs', () => {
    const p = shellPaths('/app/out');
    expect(p.renderer).toBe(join('/app/out', 'renderer'));
    expect(p.preload).toBe(join('/app/out', 'preload', 'index.cjs'));
    expect(p.utilityEntry).toBe(join('/app/out', 'main', 'core', 'utility-entry.js'));
  });

  it('finds out/ from the compiled shell and from the sources', () => {
    expect(outDirFrom('file:///app/resources/app.asar/out/main/hosts/electron/main.js')).toBe('/app/resources/app.asar/out/');
    expect(outDirFrom('file:///repo/main/hosts/electron/main.ts')).toBe(join('/repo/', 'out'));
  });

  it('registers app:// as a standard, secure scheme', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
    });
  });
});
