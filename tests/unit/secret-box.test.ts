import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { KEY_FILE, loadOrCreateKeyFile, SecretBox } from '../../main/core/secret-box.js';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'packdesk-secret-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('SecretBox', () => {
  it('round-trips and never stores the plain text', () => {
    const box = new SecretBox(randomBytes(32));
    const sealed = box.seal('ghn-token-ABC');
    expect(sealed).not.toContain('ghn-token');
    expect(box.open(sealed)).toBe('ghn-token-ABC');
    expect(box.seal('same')).not.toBe(box.seal('same'));
  });

  it('refuses a tampered secret or another key', () => {
    const box = new SecretBox(randomBytes(32));
    const sealed = box.seal('partner-key');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64');
    expect(() => box.open(parts.join('.'))).toThrow();
    expect(() => new SecretBox(randomBytes(32)).open(sealed)).toThrow();
    expect(() => box.open('plain text')).toThrow(/sealed/);
  });

  it('creates the key file readable only by its owner and reuses it', () => {
    const dir = tempDir();
    const key = loadOrCreateKeyFile(dir);
    expect(statSync(join(dir, KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(loadOrCreateKeyFile(dir).equals(key)).toBe(true);
  });

  it('rejects a key file that is not one', () => {
    const dir = tempDir();
    writeFileSync(join(dir, KEY_FILE), 'short');
    expect(() => loadOrCreateKeyFile(dir)).toThrow(/key file/);
  });
});
