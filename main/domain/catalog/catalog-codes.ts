import { fail } from '../../api/errors.js';
import type { Store } from '../../store/store.js';
import { checkBarcode } from '../shared/barcode.js';

export interface CodeClaim {
  code: string;
  kind: 'product_sku' | 'variant_sku' | 'barcode';
  field: string;
}

/**
 * Product SKUs, variant SKUs and barcodes share one namespace, so a scan can never mean two things.
 * Checks the claims against each other and against the catalogue, ignoring codes already owned by
 * `ownProductId` (an update re-claims its own codes).
 */
export function assertCodesFree(store: Store, claims: CodeClaim[], ownProductId: number | null): void {
  const seen = new Map<string, string>();
  for (const c of claims) {
    if (c.kind === 'barcode') {
      const check = checkBarcode(c.code);
      if (!check.ok) fail('BARCODE_INVALID', `Barcode ${c.code} has a wrong check digit`, { field: c.field, value: c.code, expected: check.expected });
    }
    const key = c.code.toUpperCase();
    if (seen.has(key)) fail('CODE_TAKEN', `${c.code} is used twice`, { field: c.field, value: c.code, other: seen.get(key) });
    seen.set(key, c.field);
    const owner = store.prepare('SELECT product_id FROM catalog_codes WHERE code = ?').get(c.code) as { product_id: number } | undefined;
    if (owner && owner.product_id !== ownProductId) {
      fail('CODE_TAKEN', `${c.code} already belongs to another product`, { field: c.field, value: c.code, productId: owner.product_id });
    }
  }
}

export function writeCodes(store: Store, productId: number, claims: { code: string; kind: CodeClaim['kind']; variantId: number | null }[]): void {
  store.prepare('DELETE FROM catalog_codes WHERE product_id = ?').run(productId);
  const insert = store.prepare('INSERT INTO catalog_codes (code, kind, product_id, variant_id) VALUES (?, ?, ?, ?)');
  for (const c of claims) insert.run(c.code, c.kind, productId, c.variantId);
}
