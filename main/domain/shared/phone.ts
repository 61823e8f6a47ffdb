// Vietnamese phone numbers (specs/carriers-einvoice.md §C4). Validate the prefix set only: number
// portability means a prefix does not prove the network.
const MOBILE = /^0(3[2-9]|5[25689]|7[06-9]|8[1-9]|9[0-46-9])\d{7}$/;
const LANDLINE = /^02\d{9}$/;

/** Strips separators and turns +84 / 84 into the local 0… form carriers want. */
export function toLocalPhone(raw: string): string {
  const compact = raw.replace(/[\s.\-()]/g, '');
  if (/^\+?84\d{9,10}$/.test(compact)) return '0' + compact.replace(/^\+?84/, '');
  return compact;
}

export type PhoneCheck = { ok: true; phone: string; kind: 'mobile' | 'landline' } | { ok: false; reason: 'empty' | 'format' };

export function checkPhone(raw: string): PhoneCheck {
  const local = toLocalPhone(raw.trim());
  if (!local) return { ok: false, reason: 'empty' };
  if (MOBILE.test(local)) return { ok: true, phone: local, kind: 'mobile' };
  if (LANDLINE.test(local)) return { ok: true, phone: local, kind: 'landline' };
  return { ok: false, reason: 'format' };
}
