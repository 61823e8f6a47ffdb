import { gtinCheckDigit } from '../shared/barcode.js';

/**
 * A pick list's own barcode: the type prefix PL, the number padded to 6 digits, and a GS1 mod-10
 * check digit over those digits (specs/hardware.md §2). The prefix tells a pick list from an order
 * (PD…) or a product at once; the check digit turns a misread or mistyped code into "not a pick
 * list" instead of another pick list.
 */
export const PICK_LIST_PREFIX = 'PL';
const PATTERN = /^PL(\d{6,9})(\d)$/;

export function formatPickListCode(n: number): string {
  const body = String(n).padStart(6, '0');
  return `${PICK_LIST_PREFIX}${body}${gtinCheckDigit(body)}`;
}

export type PickListCodeCheck =
  | { ok: true; code: string; number: number }
  | { ok: false; reason: 'not_pick_list' | 'check_digit' };

/** Reads a scanned or typed code; scanners may send lower case and stray spaces. */
export function parsePickListCode(raw: string): PickListCodeCheck {
  const code = raw.trim().toUpperCase();
  const m = PATTERN.exec(code);
  if (!m) return { ok: false, reason: 'not_pick_list' };
  if (gtinCheckDigit(m[1]) !== Number(m[2])) return { ok: false, reason: 'check_digit' };
  return { ok: true, code, number: Number(m[1]) };
}

/** True when the code has the pick-list shape, whatever its check digit: the router can say "bad pick list code". */
export const looksLikePickListCode = (raw: string): boolean => PATTERN.test(raw.trim().toUpperCase());
