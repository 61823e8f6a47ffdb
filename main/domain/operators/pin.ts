import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

// PINs are short, so the hash must be slow; scrypt with a per-operator salt.
const KEY_LENGTH = 32;
const PARAMS = { N: 16384, r: 8, p: 1 };

export function hashPin(pin: string, salt = randomBytes(16).toString('hex')): { salt: string; hash: string } {
  return { salt, hash: scryptSync(pin, salt, KEY_LENGTH, PARAMS).toString('hex') };
}

export function verifyPin(pin: string, salt: string, hash: string): boolean {
  const candidate = scryptSync(pin, salt, KEY_LENGTH, PARAMS);
  const expected = Buffer.from(hash, 'hex');
  return expected.length === candidate.length && timingSafeEqual(candidate, expected);
}

/** Wrong PINs per operator lock sign-in for a while, so a 4-digit PIN cannot be walked. */
export class PinThrottle {
  readonly #failures = new Map<number, { count: number; until: number }>();
  constructor(readonly maxFailures = 5, readonly lockMs = 60_000) {}

  lockedUntil(operatorId: number, now: number): number | null {
    const f = this.#failures.get(operatorId);
    return f && f.until > now ? f.until : null;
  }

  fail(operatorId: number, now: number): void {
    const f = this.#failures.get(operatorId) ?? { count: 0, until: 0 };
    f.count += 1;
    if (f.count >= this.maxFailures) {
      f.until = now + this.lockMs;
      f.count = 0;
    }
    this.#failures.set(operatorId, f);
  }

  succeed(operatorId: number): void {
    this.#failures.delete(operatorId);
  }
}
