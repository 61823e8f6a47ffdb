/**
 * Barcode feedback for the product form, evaluated on every keystroke. The core checks the same
 * rule on save (BARCODE_INVALID); checking here lets the operator fix a mistyped digit before
 * that round trip. All-digit codes of a GTIN length (EAN-8, UPC-A, EAN-13, GTIN-14) must carry a
 * correct check digit; anything else printable is a shop's internal code and is accepted as is.
 */

export type GtinKind = 'ean8' | 'upca' | 'ean13' | 'gtin14';
export type BarcodeKind = GtinKind | 'internal';

export type BarcodeVerdict =
  | { status: 'empty' }
  | { status: 'ok'; kind: BarcodeKind }
  | { status: 'check_digit'; kind: GtinKind; expected: number }
  | { status: 'characters' }
  | { status: 'too_long' };

/** Same limit as the contract's barcode text (catalog.ts). */
export const BARCODE_MAX_LENGTH = 64;

const GTIN_BY_LENGTH: Readonly<Record<number, GtinKind>> = { 8: 'ean8', 12: 'upca', 13: 'ean13', 14: 'gtin14' };

/** Printable ASCII without spaces: what a scanner emits and what the contract accepts. */
const PRINTABLE = /^[\x21-\x7e]+$/;

/**
 * Mod-10 check digit of a GTIN body (the code without its last digit): weights 3, 1, 3, … from
 * the rightmost body digit, so one function serves every GTIN length.
 */
export function gtinCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

export function checkBarcode(raw: string): BarcodeVerdict {
  const code = raw.trim();
  if (code === '') return { status: 'empty' };
  if (code.length > BARCODE_MAX_LENGTH) return { status: 'too_long' };
  if (!PRINTABLE.test(code)) return { status: 'characters' };
  const kind = /^\d+$/.test(code) ? GTIN_BY_LENGTH[code.length] : undefined;
  if (!kind) return { status: 'ok', kind: 'internal' };
  const expected = gtinCheckDigit(code.slice(0, -1));
  return expected === code.charCodeAt(code.length - 1) - 48 ? { status: 'ok', kind } : { status: 'check_digit', kind, expected };
}

export const isBarcodeAcceptable = (raw: string): boolean => checkBarcode(raw).status === 'ok';
