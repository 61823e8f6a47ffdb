import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import {
  cookieNameFor,
  hasSessionCookie,
  isAllowedHostHeader,
  isLoopbackHost,
  isSameOrigin,
  parseCookies,
  tokensEqual,
} from '../../main/hosts/web/access-guard.js';
import { cacheControlFor, contentTypeFor, isClientRoute, resolveStaticPath } from '../../main/hosts/web/static-files.js';
import { readFlag, resolveListenOptions } from '../../main/hosts/web/listen-options.js';
import { parseClientMessage } from '../../main/hosts/web/ws-connection.js';

describe('resolveStaticPath', () => {
  const root = resolve('/srv/packdesk/renderer');

  it('maps paths inside the root', () => {
    expect(resolveStaticPath(root, '/')).toBe(root);
    expect(resolveStaticPath(root, '/index.html')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/app%20x.js')).toBe(join(root, 'assets', 'app x.js'));
    expect(resolveStaticPath(root, '/assets/../index.html')).toBe(join(root, 'index.html'));
  });

  it('refuses anything that leaves the root or is malformed', () => {
    for (const p of ['/../secret', '/..', '/%2e%2e/secret', '/assets/..%2f..%2fsecret', '/..%5csecret', '/a%00b', '/%E0%A4%A', '/renderer/../../x']) {
      expect(resolveStaticPath(root, p), p).toBeNull();
    }
  });

  it('does not treat a sibling folder with a common prefix as inside', () => {
    expect(resolveStaticPath(root, '/../renderer-evil/x.js')).toBeNull();
  });
});

describe('static file helpers', () => {
  it('knows the MIME types the renderer build produces', () => {
    expect(contentTypeFor('a/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('x.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('x.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('x.woff2')).toBe('font/woff2');
    expect(contentTypeFor('x.wasm')).toBe('application/wasm');
    expect(contentTypeFor('x.unknown')).toBe('application/octet-stream');
  });

  it('tells client routes from files', () => {
    expect(isClientRoute('/orders/123')).toBe(true);
    expect(isClientRoute('/')).toBe(true);
    expect(isClientRoute('/assets/app.js')).toBe(false);
  });

  it('caches fingerprinted assets only', () => {
    expect(cacheControlFor('/assets/app-1a2b.js')).toContain('immutable');
    expect(cacheControlFor('/index.html')).toBe('no-cache');
  });
});

describe('access guard', () => {
  it('compares tokens exactly', () => {
    expect(tokensEqual('abc', 'abc')).toBe(true);
    expect(tokensEqual('abc', 'abd')).toBe(false);
    expect(tokensEqual('abc', 'abcd')).toBe(false);
    expect(tokensEqual('abc', undefined)).toBe(false);
  });

  it('reads the cookie named for its own port only', () => {
    expect(parseCookies('a=1; b = 2;c=3=4')).toEqual(new Map([['a', '1'], ['b', '2'], ['c', '3=4']]));
    expect(cookieNameFor(5000)).toBe('packdesk_5000');
    expect(hasSessionCookie('packdesk_5000=tok', 5000, 'tok')).toBe(true);
    expect(hasSessionCookie('packdesk_5001=tok', 5000, 'tok')).toBe(false);
    expect(hasSessionCookie(undefined, 5000, 'tok')).toBe(false);
  });

  it('accepts only names that cannot be rebound', () => {
    const own = ['shop-pc', 'shop-pc.local'];
    expect(isAllowedHostHeader('127.0.0.1:5000', 5000, own)).toBe(true);
    expect(isAllowedHostHeader('localhost:5000', 5000, own)).toBe(true);
    expect(isAllowedHostHeader('[::1]:5000', 5000, own)).toBe(true);
    expect(isAllowedHostHeader('192.168.1.20:5000', 5000, own)).toBe(true);
    expect(isAllowedHostHeader('SHOP-PC.local:5000', 5000, own)).toBe(true);
    expect(isAllowedHostHeader('evil.example:5000', 5000, own)).toBe(false);
    expect(isAllowedHostHeader('127.0.0.1:5001', 5000, own)).toBe(false);
    expect(isAllowedHostHeader('127.0.0.1', 5000, own)).toBe(false);
    expect(isAllowedHostHeader('127.0.0.1:5000@evil', 5000, own)).toBe(false);
    expect(isAllowedHostHeader(undefined, 5000, own)).toBe(false);
  });

  it('requires Origin to be exactly this host', () => {
    expect(isSameOrigin('http://127.0.0.1:5000', '127.0.0.1:5000')).toBe(true);
    expect(isSameOrigin('https://127.0.0.1:5000', '127.0.0.1:5000')).toBe(false);
    expect(isSameOrigin('http://localhost:5000', '127.0.0.1:5000')).toBe(false);
    expect(isSameOrigin('null', '127.0.0.1:5000')).toBe(false);
    expect(isSameOrigin(undefined, '127.0.0.1:5000')).toBe(false);
  });

  it('classifies loopback hosts', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['0.0.0.0', '::', '192.168.1.2', 'shop-pc']) expect(isLoopbackHost(h), h).toBe(false);
  });
});

describe('listen options', () => {
  it('reads flags in both spellings, last one winning', () => {
    expect(readFlag(['--port', '80'], 'port')).toBe('80');
    expect(readFlag(['--port=81', '--port', '82'], 'port')).toBe('82');
    expect(readFlag(['--port', '--host'], 'port')).toBeUndefined();
  });

  it('prefers --port over PACKDESK_PORT and defaults to any free port on loopback', () => {
    expect(resolveListenOptions([], {})).toEqual({ port: 0, host: '127.0.0.1' });
    expect(resolveListenOptions([], { PACKDESK_PORT: '4100' })).toEqual({ port: 4100, host: '127.0.0.1' });
    expect(resolveListenOptions(['--port', '4200', '--host', '0.0.0.0'], { PACKDESK_PORT: '4100' })).toEqual({ port: 4200, host: '0.0.0.0' });
  });

  it('rejects ports that are not ports', () => {
    expect(() => resolveListenOptions(['--port', 'abc'], {})).toThrow(/not a port/);
    expect(() => resolveListenOptions([], { PACKDESK_PORT: '70000' })).toThrow(/not a port/);
  });
});

describe('parseClientMessage', () => {
  it('accepts a well-formed call', () => {
    expect(parseClientMessage('{"kind":"call","id":1,"command":"a.b","input":{"x":1}}')).toEqual({ ok: true, id: 1, command: 'a.b', input: { x: 1 } });
  });

  it('salvages the id from damaged JSON', () => {
    expect(parseClientMessage('{"kind":"call","id": 12,')).toMatchObject({ ok: false, id: 12 });
    expect(parseClientMessage('garbage')).toMatchObject({ ok: false, id: null });
  });

  it('rejects wrong shapes', () => {
    expect(parseClientMessage('null')).toMatchObject({ ok: false, id: null });
    expect(parseClientMessage('{"kind":"call","id":-1,"command":"x"}')).toMatchObject({ ok: false, id: null });
    expect(parseClientMessage('{"kind":"call","id":1.5,"command":"x"}')).toMatchObject({ ok: false, id: null });
    expect(parseClientMessage('{"kind":"call","id":3,"command":""}')).toMatchObject({ ok: false, id: 3 });
  });
});
