/**
 * Barcode feedback for the product form, evaluated on every keystroke. The core checks the same
 * rule on save (BARCODE_INVALID); checking here lets the operator fix a mistyped digit before
 * that round trip. All-digit codes of a GTIN length (EAN-8, UPC-A, EAN-13, GTIN-14) must carry a
 * correct check digit; anything else printable is a shop's internal code and is accepted as is.
 */

import { gtinCheckDigit } from '../../../main/domain/shared/barcode.js';

// The check digit is the core's own function, so the form and the save agree digit for digit.
export { gtinCheckDigit };

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
