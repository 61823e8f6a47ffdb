import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateSecretKey, type SafeStorageLike } from '../../main/hosts/electron/secret-key.js';
import { checkForUpdatesInBackground, type UpdaterLike } from '../../main/hosts/electron/updater.js';

// Reversible but not the identity, so a test would notice a plain key written to disk.
const fakeSafeStorage = (available = true): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
  encryptString: (s) => Buffer.from(`enc:${Buffer.from(s).toString('hex')}`),
  decryptString: (b) => {
    const text = b.toString();
    if (!text.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext');
    return Buffer.from(text.slice(4), 'hex').toString();
  },
});

describe('loadOrCreateSecretKey', () => {
  let dir: string;
  const logs: string[] = [];
  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'packdesk-key-')), 'data');
    logs.length = 0;
  });
  afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

  it('creates a 32-byte key on first run, stored encrypted and owner-only', () => {
    const key = loadOrCreateSecretKey(dir, fakeSafeStorage(), (l) => logs.push(l))!;
    expect(key).toHaveLength(32);
    const file = join(dir, 'secret-key.enc');
    const stored = readFileSync(file);
    expect(stored.includes(key)).toBe(false);
    expect(stored.toString()).not.toContain(key.toString('base64'));
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['secret-key.enc']);
  });

  it('returns the same key on later runs', () => {
    const first = loadOrCreateSecretKey(dir, fakeSafeStorage(), () => {})!;
    const second = loadOrCreateSecretKey(dir, fakeSafeStorage(), () => {})!;
    expect(second.equals(first)).toBe(true);
  });

  it('leaves key handling to the core when the OS has no keychain on first run', () => {
    expect(loadOrCreateSecretKey(dir, fakeSafeStorage(false), (l) => logs.push(l))).toBeUndefined();
    expect(existsSync(join(dir, 'secret-key.enc'))).toBe(false);
    expect(logs.join()).toMatch(/keychain/);
  });

  it('never replaces an existing key it cannot read', () => {
    loadOrCreateSecretKey(dir, fakeSafeStorage(), () => {});
    const before = readFileSync(join(dir, 'secret-key.enc'));
    expect(() => loadOrCreateSecretKey(dir, fakeSafeStorage(false), () => {})).toThrow(/keychain/);
    writeFileSync(join(dir, 'secret-key.enc'), 'garbage');
    expect(() => loadOrCreateSecretKey(dir, fakeSafeStorage(), () => {})).toThrow(/decrypt/);
    writeFileSync(join(dir, 'secret-key.enc'), fakeSafeStorage().encryptString(Buffer.alloc(8).toString('base64')));
    expect(() => loadOrCreateSecretKey(dir, fakeSafeStorage(), () => {})).toThrow(/32-byte/);
    expect(before.length).toBeGreaterThan(0);
  });
});

describe('checkForUpdatesInBackground', () => {
  const updater = (check: () => Promise<unknown>) => {
    const on = vi.fn();
    const u: UpdaterLike = { checkForUpdatesAndNotify: check, on };
    return Object.assign(u, { on });
  };

  it('does nothing in a development run', async () => {
    const load = vi.fn();
    await checkForUpdatesInBackground({ isPackaged: false, load, log: () => {} });
    expect(load).not.toHaveBeenCalled();
  });

  it('checks once when packaged and listens for errors', async () => {
    const check = vi.fn(async () => null);
    const u = updater(check);
    await checkForUpdatesInBackground({ isPackaged: true, load: async () => u, log: () => {} });
    expect(check).toHaveBeenCalledOnce();
    expect(u.on).toHaveBeenCalledWith('error', expect.any(Function));
  });

  it('logs and swallows every failure', async () => {
    const logs: string[] = [];
    await expect(
      checkForUpdatesInBackground({ isPackaged: true, load: async () => updater(async () => Promise.reject(new Error('offline'))), log: (l) => logs.push(l) }),
    ).resolves.toBeUndefined();
    await expect(
      checkForUpdatesInBackground({ isPackaged: true, load: async () => { throw new Error('module broken'); }, log: (l) => logs.push(l) }),
    ).resolves.toBeUndefined();
    expect(logs).toEqual(['updater: offline', 'updater: module broken']);
  });
});
