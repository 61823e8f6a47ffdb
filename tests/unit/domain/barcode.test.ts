import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkBarcode, gtinCheckDigit } from '../../../main/domain/shared/barcode.js';
import { demoEan13 } from '../../../main/domain/demo/seed-demo.js';

// Published codes whose check digits are known to be right.
const REAL = [
  ['4006381333931', 'ean13'], // STABILO pen, the usual EAN-13 worked example
  ['5901234123457', 'ean13'], // GS1's EAN-13 sample
  ['9780306406157', 'ean13'], // ISBN-13 worked example
  ['036000291452', 'upca'], // UPC-A worked example
  ['012345678905', 'upca'],
  ['73513537', 'ean8'], // EAN-8 worked example
  ['96385074', 'ean8'],
  ['00012345600012', 'gtin14'],
] as const;

describe('GTIN check digits', () => {
  it.each(REAL)('accepts %s as %s', (code, kind) => {
    expect(checkBarcode(code)).toEqual({ ok: true, kind });
  });

  it.each(REAL)('refuses %s with any other last digit, and names the right one', (code) => {
    const right = Number(code.at(-1));
    for (let d = 0; d <= 9; d++) {
      if (d === right) continue;
      expect(checkBarcode(code.slice(0, -1) + d)).toEqual({ ok: false, expected: right });
    }
  });

  it('catches a swap of two neighbouring digits that differ by other than 5', () => {
    // 4006381333931 → swap "63" at positions 3–4.
    expect(checkBarcode('4003681333931').ok).toBe(false);
  });

  it('computes the digit from the body alone', () => {
    expect(gtinCheckDigit('400638133393')).toBe(1);
    expect(gtinCheckDigit('03600029145')).toBe(2);
    expect(gtinCheckDigit('7351353')).toBe(7);
  });

  it('accepts a Vietnamese (893) code built like the demo shop does', () => {
    expect(checkBarcode(demoEan13(42))).toEqual({ ok: true, kind: 'ean13' });
    expect(demoEan13(42).startsWith('893')).toBe(true);
  });

  it.each(['ABC-123', '12345', '1234567890', '123456789012345', '4006381333931X', ' 4006381333931'])('passes %j unchecked as an internal code', (code) => {
    expect(checkBarcode(code)).toEqual({ ok: true, kind: 'internal' });
  });

  it('property: exactly one last digit completes any 12-digit body', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12}$/), (body) => {
        const good = Array.from({ length: 10 }, (_, d) => checkBarcode(body + d).ok).filter(Boolean);
        expect(good).toHaveLength(1);
      }),
    );
  });
});
