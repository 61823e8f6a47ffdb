// Vietnamese mobile numbers: 10 digits starting 03, 05, 07, 08 or 09, or the same without the
// leading 0 after +84 (or 84). Separators people type (spaces, dots, dashes) are ignored.

export type PhoneCheck = 'empty' | 'incomplete' | 'valid' | 'invalid';

const MOBILE_PREFIX = /^[35789]/;

function nationalPart(raw: string): string | null {
  const s = raw.replace(/[\s.()-]/g, '');
  if (s === '') return '';
  if (s.startsWith('+84')) return s.slice(3);
  if (s.startsWith('84') && s.length > 9) return s.slice(2);
  if (s.startsWith('0')) return s.slice(1);
  if (s === '+' || s === '+8') return '';
  return null;
}

/**
 * Judges a phone number while it is being typed: a prefix that can still become valid is
 * "incomplete" (the form shows nothing until the field loses focus), a wrong digit or a number
 * that is too long is "invalid" at once.
 */
export function checkVnMobile(raw: string): PhoneCheck {
  if (raw.trim() === '') return 'empty';
  const rest = nationalPart(raw.trim());
  if (rest === null || !/^\d*$/.test(rest)) return 'invalid';
  if (rest.length > 0 && !MOBILE_PREFIX.test(rest)) return 'invalid';
  if (rest.length > 9) return 'invalid';
  return rest.length === 9 ? 'valid' : 'incomplete';
}

/** The canonical 0xxxxxxxxx form for a valid number, otherwise the trimmed input. */
export function normalizeVnMobile(raw: string): string {
  if (checkVnMobile(raw) !== 'valid') return raw.trim();
  return `0${nationalPart(raw.trim())}`;
}
