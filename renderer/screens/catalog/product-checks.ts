/**
 * Checks on the product form that the contract's zod schema cannot make: barcode check digits,
 * codes typed twice (SKUs and barcodes share one namespace in the core, so a clash would come
 * back as CODE_TAKEN on save), attribute columns without a name, and two variants with the same
 * attribute values. Pure: returns issue codes by field path; the form translates them.
 */
import { checkBarcode } from './barcode-check.js';
import type { ProductDraft } from './product-draft.js';

export type DraftIssueCode =
  | 'barcode_check_digit'
  | 'barcode_characters'
  | 'barcode_too_long'
  | 'code_duplicate'
  | 'attribute_name_required'
  | 'attribute_name_duplicate'
  | 'combination_duplicate';

export interface DraftIssue {
  path: string;
  code: DraftIssueCode;
  params?: Record<string, string | number>;
}

const fold = (s: string) => s.trim().normalize('NFC').toLocaleUpperCase('vi');

export function draftIssues(d: ProductDraft): DraftIssue[] {
  return [...barcodeIssues(d), ...duplicateCodeIssues(d), ...attributeIssues(d)];
}

function barcodeIssues(d: ProductDraft): DraftIssue[] {
  const out: DraftIssue[] = [];
  d.variants.forEach((v, i) =>
    v.barcodes.forEach((code, j) => {
      const verdict = checkBarcode(code);
      const path = `variants.${i}.barcodes.${j}`;
      if (verdict.status === 'check_digit') out.push({ path, code: 'barcode_check_digit', params: { code, expected: verdict.expected } });
      else if (verdict.status === 'characters') out.push({ path, code: 'barcode_characters', params: { code } });
      else if (verdict.status === 'too_long') out.push({ path, code: 'barcode_too_long', params: { code } });
    }),
  );
  return out;
}

/** The second and later uses of a code are flagged, pointing at the field that used it first. */
function duplicateCodeIssues(d: ProductDraft): DraftIssue[] {
  const first = new Map<string, string>();
  const out: DraftIssue[] = [];
  const claim = (raw: string, path: string) => {
    const key = fold(raw);
    if (key === '') return;
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, path);
    else out.push({ path, code: 'code_duplicate', params: { code: raw.trim(), other: earlier } });
  };
  claim(d.sku, 'sku');
  d.variants.forEach((v, i) => {
    claim(v.sku, `variants.${i}.sku`);
    v.barcodes.forEach((b, j) => claim(b, `variants.${i}.barcodes.${j}`));
  });
  return out;
}

function attributeIssues(d: ProductDraft): DraftIssue[] {
  const out: DraftIssue[] = [];
  const seenNames = new Set<string>();
  d.attributeNames.forEach((name, i) => {
    const used = d.variants.some((v) => (v.values[i] ?? '').trim() !== '');
    if (name.trim() === '' && used) out.push({ path: `attributeNames.${i}`, code: 'attribute_name_required' });
    if (name.trim() !== '' && seenNames.has(fold(name))) out.push({ path: `attributeNames.${i}`, code: 'attribute_name_duplicate', params: { name: name.trim() } });
    seenNames.add(fold(name));
  });
  // Only combinations that say something: a product with one plain variant has no values at all.
  const combos = new Map<string, number>();
  d.variants.forEach((v, i) => {
    if (v.values.every((x) => x.trim() === '')) return;
    const key = v.values.map(fold).join('\u0000');
    const earlier = combos.get(key);
    if (earlier === undefined) combos.set(key, i);
    else out.push({ path: `variants.${i}.values`, code: 'combination_duplicate', params: { other: earlier + 1 } });
  });
  return out;
}
