/**
 * Generating variants from attribute values (colours × sizes …). Most shops name the same
 * attributes on every variant, so the form keeps the names once per product and each variant only
 * its values; this module turns "Đỏ, Xanh" × "S, M, L" into rows with readable SKUs.
 */

export interface Axis {
  name: string;
  values: string[];
}

/** "Đỏ, Xanh; Đen\nTrắng" → ["Đỏ", "Xanh", "Đen", "Trắng"], trimmed, duplicates dropped. */
export function parseValues(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(/[,;\n]/)) {
    const value = part.trim().replace(/\s+/g, ' ');
    const key = value.normalize('NFC').toLocaleLowerCase('vi');
    if (value === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(value);
  }
  return out;
}

/**
 * Every combination of the axes' values, first axis slowest: [[Đỏ,S],[Đỏ,M],[Xanh,S],…]. Values
 * stay at their axis position; an axis without values contributes '' so rows line up with the
 * attribute columns.
 */
export function combinations(axes: readonly Axis[]): string[][] {
  if (axes.every((a) => a.values.length === 0)) return [];
  return axes.reduce<string[][]>(
    (acc, axis) => acc.flatMap((combo) => (axis.values.length > 0 ? axis.values : ['']).map((v) => [...combo, v])),
    [[]],
  );
}

/**
 * A value as a SKU segment: Vietnamese letters folded to ASCII (đ → D, ỏ → O), upper case, only
 * letters and digits, so "Xanh dương" → "XANHDUONG". SKUs allow A-Z 0-9 . _ / - only.
 */
export function skuPart(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'D')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

const SKU_MAX = 64;

export function variantSku(productSku: string, values: readonly string[]): string {
  const parts = [productSku.trim(), ...values.map(skuPart)].filter((p) => p !== '');
  return parts.join('-').slice(0, SKU_MAX);
}

/**
 * Makes proposed SKUs unique among themselves and against SKUs already in the form: a clash (two
 * values folding to the same letters, "Đỏ" and "Do") gets -2, -3, … appended.
 */
export function uniqueSkus(proposed: readonly string[], taken: Iterable<string>): string[] {
  const used = new Set([...taken].map((s) => s.toUpperCase()));
  return proposed.map((sku) => {
    let candidate = sku;
    for (let n = 2; used.has(candidate.toUpperCase()); n++) {
      const suffix = `-${n}`;
      candidate = sku.slice(0, SKU_MAX - suffix.length) + suffix;
    }
    used.add(candidate.toUpperCase());
    return candidate;
  });
}

const comboKey = (values: readonly string[]): string =>
  values.map((v) => v.trim().normalize('NFC').toLocaleLowerCase('vi')).join('\u0000');

/** The combinations not yet present among `existing` (each a variant's values, in axis order). */
export function missingCombinations(axes: readonly Axis[], existing: readonly (readonly string[])[]): string[][] {
  const have = new Set(existing.map(comboKey));
  return combinations(axes).filter((combo) => !have.has(comboKey(combo)));
}

/**
 * SKUs for variants left without one: the product SKU plus the variant's values (the form shows
 * the same text as the field's placeholder, so nothing appears from nowhere). Variants that
 * already have a SKU keep it.
 */
export function fillMissingSkus(productSku: string, variants: readonly { sku: string; values: readonly string[] }[]): string[] {
  const taken = variants.map((v) => v.sku.trim()).filter((s) => s !== '');
  const missing = variants.filter((v) => v.sku.trim() === '');
  const proposed = uniqueSkus(missing.map((v) => variantSku(productSku, v.values)), [productSku.trim(), ...taken]);
  let next = 0;
  return variants.map((v) => (v.sku.trim() === '' ? proposed[next++] : v.sku));
}
