import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkBarcode, gtinCheckDigit, isBarcodeAcceptable } from '../../renderer/screens/catalog/barcode-check.js';

describe('checkBarcode', () => {
  it('accepts real GTINs of every length', () => {
    expect(checkBarcode('8934563138165')).toEqual({ status: 'ok', kind: 'ean13' }); // a Vietnamese 893 prefix
    expect(checkBarcode('4006381333931')).toEqual({ status: 'ok', kind: 'ean13' });
    expect(checkBarcode('036000291452')).toEqual({ status: 'ok', kind: 'upca' });
    expect(checkBarcode('96385074')).toEqual({ status: 'ok', kind: 'ean8' });
    expect(checkBarcode('10012345678902')).toEqual({ status: 'ok', kind: 'gtin14' });
  });

  it('reports the expected check digit for a mistyped GTIN', () => {
    expect(checkBarcode('4006381333932')).toEqual({ status: 'check_digit', kind: 'ean13', expected: 1 });
    expect(checkBarcode('036000291450')).toEqual({ status: 'check_digit', kind: 'upca', expected: 2 });
  });

  it('accepts internal codes that are not a GTIN length or not all digits', () => {
    expect(checkBarcode('AO-THUN-01')).toEqual({ status: 'ok', kind: 'internal' });
    expect(checkBarcode('12345')).toEqual({ status: 'ok', kind: 'internal' });
    expect(checkBarcode('400638133393X')).toEqual({ status: 'ok', kind: 'internal' });
  });

  it('ignores surrounding whitespace but refuses inner spaces and non-ASCII', () => {
    expect(checkBarcode('  4006381333931 ')).toEqual({ status: 'ok', kind: 'ean13' });
    expect(checkBarcode('AB 12')).toEqual({ status: 'characters' });
    expect(checkBarcode('ÁO01')).toEqual({ status: 'characters' });
  });

  it('flags empty and over-long input', () => {
    expect(checkBarcode('   ')).toEqual({ status: 'empty' });
    expect(checkBarcode('A'.repeat(65))).toEqual({ status: 'too_long' });
    expect(isBarcodeAcceptable('A'.repeat(64))).toBe(true);
  });

  it('accepts exactly one check digit for any GTIN body', () => {
    fc.assert(
      fc.property(fc.constantFrom(7, 11, 12, 13), fc.integer({ min: 0, max: 9 }), fc.nat(), (bodyLength, last, seed) => {
        const body = String(seed).padStart(bodyLength, '1').slice(-bodyLength);
        const verdict = checkBarcode(body + String(last));
        expect(verdict.status === 'ok').toBe(last === gtinCheckDigit(body));
      }),
    );
  });
});
