/**
 * GTIN check digit (EAN-8, UPC-A, EAN-13, GTIN-14): from the right, digits alternate weights 3 and 1.
 * Codes that are not 8/12/13/14 digits are internal codes and pass unchecked.
 */
export function gtinCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

export type BarcodeCheck =
  | { ok: true; kind: 'ean8' | 'upca' | 'ean13' | 'gtin14' | 'internal' }
  | { ok: false; expected: number };

const GTIN_KIND: Record<number, 'ean8' | 'upca' | 'ean13' | 'gtin14'> = { 8: 'ean8', 12: 'upca', 13: 'ean13', 14: 'gtin14' };

export function checkBarcode(code: string): BarcodeCheck {
  const kind = /^\d+$/.test(code) ? GTIN_KIND[code.length] : undefined;
  if (!kind) return { ok: true, kind: 'internal' };
  const expected = gtinCheckDigit(code.slice(0, -1));
  return expected === Number(code[code.length - 1]) ? { ok: true, kind } : { ok: false, expected };
}
