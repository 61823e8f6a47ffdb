import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Electron cannot be downloaded here, so its modules are replaced by recorders; what is checked is
// how the shell wires them: order of registration, window settings, guards and the relay.
const e = vi.hoisted(() => {
  const { EventEmitter: Emitter } = require('node:events') as typeof import('node:events');
  class FakeContents extends Emitter {
    sent: unknown[][] = [];
    windowOpenHandler: ((d: { url: string }) => { action: string }) | null = null;
    reload = vi.fn();
    setWindowOpenHandler(h: (d: { url: string }) => { action: string }) {
      this.windowOpenHandler = h;
    }
    send(...args: unknown[]) {
      this.sent.push(args);
    }
    isDestroyed() {
      return false;
    }
  }
  class FakeWindow extends Emitter {
    static created: FakeWindow[] = [];
    webContents = new FakeContents();
    loaded: string | null = null;
    shown = false;
    constructor(readonly options: Record<string, unknown>) {
      super();
      FakeWindow.created.push(this);
    }
    loadURL(url: string) {
      this.loaded = url;
      return Promise.resolve();
    }
    show() {
      this.shown = true;
    }
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    focus = vi.fn();
  }
  class FakeChild extends Emitter {
    inbox: Array<Record<string, unknown>> = [];
    postMessage(m: unknown) {
      this.inbox.push(m as Record<string, unknown>);
    }
    kill() {
      return true;
    }
  }
  const appEvents = new Emitter();
  const children: FakeChild[] = [];
  const forks: unknown[][] = [];
  const calls: string[] = [];
  return {
    FakeContents,
    FakeWindow,
    children,
    forks,
    calls,
    appEvents,
    ipcHandlers: new Map<string, (...a: unknown[]) => unknown>(),
    protocolHandlers: new Map<string, (r: Request) => Promise<Response>>(),
    privileged: [] as unknown[],
    permissionRequest: null as null | ((wc: unknown, p: string, cb: (ok: boolean) => void) => void),
    permissionCheck: null as null | (() => boolean),
    beforeRequest: null as null | { filter: { urls: string[] }; handler: (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void },
    openExternal: vi.fn(async () => {}),
    quit: vi.fn(),
    FakeChild,
  };
});

vi.mock('electron', () => ({
  app: {
    enableSandbox: () => e.calls.push('enableSandbox'),
    requestSingleInstanceLock: () => (e.calls.push('lock'), true),
    on: (name: string, l: (...a: unknown[]) => void) => e.appEvents.on(name, l),
    whenReady: () => Promise.resolve(),
    isReady: () => true,
    isPackaged: false,
    quit: e.quit,
    exit: vi.fn(),
  },
  dialog: { showErrorBox: vi.fn() },
  ipcMain: {
    handle: (c: string, h: (...a: unknown[]) => unknown) => e.ipcHandlers.set(c, h),
    removeHandler: (c: string) => e.ipcHandlers.delete(c),
  },
  protocol: {
    registerSchemesAsPrivileged: (s: unknown[]) => (e.calls.push('registerSchemes'), e.privileged.push(...s)),
    handle: (scheme: string, h: (r: Request) => Promise<Response>) => e.protocolHandlers.set(scheme, h),
  },
  safeStorage: {
    isEncryptionAvailable: () => true,
    encryptString: (s: string) => Buffer.from(s).reverse(),
    decryptString: (b: Buffer) => Buffer.from(b).reverse().toString(),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (h: typeof e.permissionRequest) => (e.permissionRequest = h),
      setPermissionCheckHandler: (h: typeof e.permissionCheck) => (e.permissionCheck = h),
      setDevicePermissionHandler: vi.fn(),
      webRequest: { onBeforeRequest: (filter: { urls: string[] }, handler: never) => (e.beforeRequest = { filter, handler }) },
    },
  },
  utilityProcess: {
    fork: (...args: unknown[]) => {
      e.forks.push(args);
      const c = new e.FakeChild();
      e.children.push(c);
      return c;
    },
  },
  shell: { openExternal: e.openExternal },
  BrowserWindow: e.FakeWindow,
}));

describe('Electron shell wiring', () => {
  let dataDir: string;
  const flush = () => new Promise((r) => setTimeout(r, 10));

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'packdesk-shell-'));
    process.env.PACKDESK_DATA_DIR = dataDir;
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    await import('../../main/hosts/electron/main.js');
    await flush();
  });
  afterAll(() => {
    delete process.env.PACKDESK_DATA_DIR;
    vi.restoreAllMocks();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('registers the privileged scheme and the sandbox before anything else, then takes the lock', () => {
    expect(e.calls.slice(0, 3)).toEqual(['registerSchemes', 'enableSandbox', 'lock']);
    expect(e.privileged).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(e.protocolHandlers.has('app')).toBe(true);
  });

  it('opens one hardened window on app://', () => {
    expect(e.FakeWindow.created).toHaveLength(1);
    const win = e.FakeWindow.created[0];
    expect(win.loaded).toBe('app://packdesk/index.html');
    expect(win.options.show).toBe(false);
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String(prefs.preload)).toMatch(/out[\\/]preload[\\/]index\.cjs$/);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });

  it('starts the core in a utility process with the data dir and a keychain-kept key', () => {
    expect(e.forks).toHaveLength(1);
    expect(String(e.forks[0][0])).toMatch(/out[\\/]main[\\/]core[\\/]utility-entry\.js$/);
    const init = e.children[0].inbox[0];
    expect(init).toMatchObject({ kind: 'init', dataDir });
    expect((init.secretKey as Uint8Array).byteLength).toBe(32);
    // A fork's argv and env are visible to other processes; the key must not be in them.
    expect(JSON.stringify(e.forks[0])).not.toContain(Buffer.from(init.secretKey as Uint8Array).toString('base64'));
  });

  it('relays a trusted call to the core and the reply back', async () => {
    const handler = e.ipcHandlers.get('packdesk:call')!;
    const pending = handler({ senderFrame: { url: 'app://packdesk/index.html', parent: null } }, 'system.info', {}) as Promise<unknown>;
    await flush();
    const call = e.children[0].inbox.find((m) => m.kind === 'call')!;
    expect(call).toMatchObject({ command: 'system.info', input: {} });
    e.children[0].emit('message', { kind: 'result', id: call.id, ok: true, value: { version: 'x' } });
    expect(await pending).toEqual({ ok: true, value: { version: 'x' } });
  });

  it('sends core events to the window', () => {
    e.children[0].emit('message', { kind: 'event', name: 'orders.changed', payload: { ids: [5] } });
    expect(e.FakeWindow.created[0].webContents.sent.at(-1)).toEqual(['packdesk:event', 'orders.changed', { ids: [5] }]);
  });

  it('guards every web contents: no new windows, no foreign navigation, links to the browser', () => {
    const contents = new e.FakeContents();
    e.appEvents.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler!({ url: 'https://shopee.vn/' })).toEqual({ action: 'deny' });
    expect(e.openExternal).toHaveBeenCalledWith('https://shopee.vn/');
    expect(contents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(e.openExternal).toHaveBeenCalledTimes(1);

    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      const outside = { url: 'https://evil.example/', preventDefault: vi.fn() };
      contents.emit(name, outside);
      expect(outside.preventDefault, name).toHaveBeenCalled();
      const inside = { url: 'app://packdesk/index.html#/orders', preventDefault: vi.fn() };
      contents.emit(name, inside);
      expect(inside.preventDefault, name).not.toHaveBeenCalled();
    }
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('denies every permission and blocks network requests from pages', () => {
    const cb = vi.fn();
    e.permissionRequest!({}, 'media', cb);
    expect(cb).toHaveBeenCalledWith(false);
    expect(e.permissionCheck!()).toBe(false);
    expect(e.beforeRequest!.filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']));
    const done = vi.fn();
    e.beforeRequest!.handler({ url: 'https://tracker.example/' }, done);
    expect(done).toHaveBeenCalledWith({ cancel: true });
  });

  it('restarts a crashed core once and tells the window', () => {
    e.children[0].emit('exit', 139);
    expect(e.children).toHaveLength(2);
    const sent = e.FakeWindow.created[0].webContents.sent;
    expect(sent.at(-1)).toEqual(['packdesk:event', 'connection', { connected: false }]);
    e.children[1].emit('message', { kind: 'ready' });
    expect(sent.at(-1)).toEqual(['packdesk:event', 'connection', { connected: true }]);
  });

  it('focuses the existing window when a second instance starts', () => {
    e.appEvents.emit('second-instance');
    expect(e.FakeWindow.created[0].focus).toHaveBeenCalled();
  });

  it('holds the quit until the core has drained', async () => {
    const event = { preventDefault: vi.fn() };
    e.appEvents.emit('before-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(e.children[1].inbox.at(-1)).toEqual({ kind: 'shutdown' });
    expect(e.quit).not.toHaveBeenCalled();
    e.children[1].emit('exit', 0);
    await flush();
    expect(e.quit).toHaveBeenCalledOnce();
    const again = { preventDefault: vi.fn() };
    e.appEvents.emit('before-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });
});
