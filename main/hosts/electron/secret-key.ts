import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SECRET_KEY_FILE = 'secret-key.enc';
const KEY_BYTES = 32;

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/**
 * The data key that encrypts connector secrets at rest, itself kept encrypted by the OS keychain
 * (safeStorage) in `<dataDir>/secret-key.enc`.
 *
 * Returns `undefined` only on first run when the OS offers no encryption: the core then keeps its
 * own owner-only key file, as in browser mode. An existing key that cannot be read is an error,
 * never a reason to mint a new one: that would orphan every secret already stored.
 */
export function loadOrCreateSecretKey(dataDir: string, safe: SafeStorageLike, log: (line: string) => void): Buffer | undefined {
  const file = join(dataDir, SECRET_KEY_FILE);
  if (existsSync(file)) {
    if (!safe.isEncryptionAvailable()) {
      throw new Error(`${file} exists but the OS keychain is not available to unlock it`);
    }
    const key = Buffer.from(safe.decryptString(readFileSync(file)), 'base64');
    if (key.length !== KEY_BYTES) throw new Error(`${file} does not hold a ${KEY_BYTES}-byte key`);
    return key;
  }
  if (!safe.isEncryptionAvailable()) {
    log('secret key: the OS keychain is not available; the core will keep an owner-only key file instead');
    return undefined;
  }
  const key = randomBytes(KEY_BYTES);
  mkdirSync(dataDir, { recursive: true });
  // Written aside and renamed so a crash never leaves a half-written key that would fail to decrypt.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, safe.encryptString(key.toString('base64')), { mode: 0o600, flag: 'wx' });
  renameSync(tmp, file);
  return key;
}
