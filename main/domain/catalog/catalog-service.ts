import type { z } from 'zod';
import { fail } from '../../api/errors.js';
import type { catalogContract, productInput, variantInput } from '../../api/catalog.js';
import type { Store } from '../../store/store.js';
import { moveStock } from '../inventory/stock-ledger.js';
import { foldText } from '../shared/text-fold.js';
import { requireActiveWarehouse } from '../warehouses/warehouse-handlers.js';
import { assertCodesFree, writeCodes, type CodeClaim } from './catalog-codes.js';

type ProductInput = z.output<typeof productInput>;
type VariantInput = z.output<typeof variantInput>;
type UpdateInput = z.output<(typeof catalogContract)['catalog.update']['input']>;
type VariantFields = Omit<VariantInput, 'initialStock'>;

export interface Actor { operatorId: number | null; at: number }

/** A single-variant product often reuses its SKU for the variant; the code then names the variant. */
const skuIsVariant = (product: { sku: string }, variants: Pick<VariantFields, 'sku'>[]) =>
  variants.some((v) => v.sku.toUpperCase() === product.sku.toUpperCase());

export function claimsOf(product: { sku: string }, variants: Pick<VariantFields, 'sku' | 'barcodes'>[]): CodeClaim[] {
  return [
    ...(skuIsVariant(product, variants) ? [] : [{ code: product.sku, kind: 'product_sku' as const, field: 'sku' }]),
    ...variants.flatMap((v, i) => [
      { code: v.sku, kind: 'variant_sku' as const, field: `variants.${i}.sku` },
      ...v.barcodes.map((b, j) => ({ code: b, kind: 'barcode' as const, field: `variants.${i}.barcodes.${j}` })),
    ]),
  ];
}

function productSearchBody(p: { name: string; sku: string; brand: string; category: string }, variants: Pick<VariantFields, 'sku' | 'barcodes'>[]): string {
  return [foldText(p.name), p.sku, foldText(p.brand), foldText(p.category), ...variants.flatMap((v) => [v.sku, ...v.barcodes])].join(' ').toLowerCase();
}

function indexProduct(store: Store, id: number, body: string): void {
  store.prepare('DELETE FROM products_fts WHERE rowid = ?').run(id);
  store.prepare('INSERT INTO products_fts (rowid, body) VALUES (?, ?)').run(id, body);
}

function insertVariant(store: Store, productId: number, v: VariantFields, now: number): number {
  const r = store
    .prepare(`INSERT INTO variants (product_id, sku, attributes_json, price, cost, vat_rate, weight_g, length_cm, width_cm, height_cm, active, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(productId, v.sku, JSON.stringify(v.attributes), v.price, v.cost, v.vatRate, v.weightG, v.lengthCm, v.widthCm, v.heightCm, Number(v.active), now, now);
  return Number(r.lastInsertRowid);
}

export function setBin(store: Store, variantId: number, warehouseId: number, binCode: string | null): void {
  if (binCode === null) {
    store.prepare('DELETE FROM variant_locations WHERE variant_id = ? AND warehouse_id = ?').run(variantId, warehouseId);
    return;
  }
  const code = binCode.toUpperCase();
  store.prepare('INSERT OR IGNORE INTO bins (warehouse_id, code) VALUES (?, ?)').run(warehouseId, code);
  store
    .prepare('INSERT INTO variant_locations (variant_id, warehouse_id, bin_code) VALUES (?, ?, ?) ON CONFLICT(variant_id, warehouse_id) DO UPDATE SET bin_code = excluded.bin_code')
    .run(variantId, warehouseId, code);
}

function checkAttributes(variants: Pick<VariantFields, 'attributes'>[]): void {
  variants.forEach((v, i) => {
    const names = v.attributes.map((a) => a.name.toLowerCase());
    if (new Set(names).size !== names.length) fail('INPUT_INVALID', 'An attribute is named twice', { issues: [{ path: `variants.${i}.attributes`, message: 'duplicate attribute' }] });
  });
}

/** Creates a product with its variants, codes and initial stock in the caller's transaction. */
export function createProduct(store: Store, input: ProductInput, actor: Actor): number {
  checkAttributes(input.variants);
  assertCodesFree(store, claimsOf(input, input.variants), null);
  const r = store
    .prepare(`INSERT INTO products (name, sku, category, brand, description, specs_json, images_json, video_url, search_text, active, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(input.name, input.sku, input.category, input.brand, input.description, JSON.stringify(input.specs), JSON.stringify(input.images),
      input.videoUrl, foldText(input.name), Number(input.active), actor.at, actor.at);
  const productId = Number(r.lastInsertRowid);
  const codes: { code: string; kind: CodeClaim['kind']; variantId: number | null }[] =
    skuIsVariant(input, input.variants) ? [] : [{ code: input.sku, kind: 'product_sku', variantId: null }];
  for (const v of input.variants) {
    const variantId = insertVariant(store, productId, v, actor.at);
    codes.push({ code: v.sku, kind: 'variant_sku', variantId }, ...v.barcodes.map((b) => ({ code: b, kind: 'barcode' as const, variantId })));
    for (const s of v.initialStock) {
      requireActiveWarehouse(store, s.warehouseId);
      if (s.quantity > 0) {
        moveStock(store, { variantId, warehouseId: s.warehouseId, kind: 'initial', onHandDelta: s.quantity, reservedDelta: 0, reason: 'initial stock', operatorId: actor.operatorId, at: actor.at }, { sku: v.sku });
      }
      if (s.binCode) setBin(store, variantId, s.warehouseId, s.binCode);
    }
  }
  writeCodes(store, productId, codes);
  indexProduct(store, productId, productSearchBody(input, input.variants));
  return productId;
}

interface VariantRow extends Record<string, unknown> { id: number; sku: string; attributes_json: string }

/** Updates product fields; variants with an id are changed in place, new ones added, others kept. */
export function updateProduct(store: Store, input: UpdateInput, actor: Actor): void {
  const current = store.prepare('SELECT * FROM products WHERE id = ?').get(input.id) as Record<string, unknown> | undefined;
  if (!current) fail('NOT_FOUND', 'Product not found', { entity: 'product', id: input.id });
  const existing = store.prepare('SELECT * FROM variants WHERE product_id = ?').all(input.id) as VariantRow[];
  const existingCodes = store.prepare("SELECT code, variant_id FROM catalog_codes WHERE product_id = ? AND kind = 'barcode'").all(input.id) as { code: string; variant_id: number }[];
  const given = new Map((input.variants ?? []).filter((v) => v.id !== undefined).map((v) => [v.id!, v]));
  for (const id of given.keys()) if (!existing.some((e) => e.id === id)) fail('NOT_FOUND', 'Variant not found on this product', { entity: 'variant', id });
  // The final variant list: given ones replace their stored rows, untouched stored ones keep their codes.
  const kept = existing.filter((e) => !given.has(e.id)).map((e) => ({ sku: e.sku, barcodes: existingCodes.filter((c) => c.variant_id === e.id).map((c) => c.code), attributes: JSON.parse(e.attributes_json) }));
  const finalVariants = [...(input.variants ?? []), ...kept];
  const p = {
    name: input.name ?? (current!.name as string), sku: input.sku ?? (current!.sku as string),
    category: input.category ?? (current!.category as string), brand: input.brand ?? (current!.brand as string),
  };
  checkAttributes(input.variants ?? []);
  assertCodesFree(store, claimsOf(p, finalVariants), input.id);
  store
    .prepare(`UPDATE products SET name = ?, sku = ?, category = ?, brand = ?, description = ?, specs_json = ?, images_json = ?, video_url = ?,
      search_text = ?, active = ?, updated_at = ? WHERE id = ?`)
    .run(p.name, p.sku, p.category, p.brand, input.description ?? current!.description, input.specs ? JSON.stringify(input.specs) : current!.specs_json,
      input.images ? JSON.stringify(input.images) : current!.images_json, input.videoUrl ?? current!.video_url, foldText(p.name),
      input.active === undefined ? current!.active : Number(input.active), actor.at, input.id);
  const codes: { code: string; kind: CodeClaim['kind']; variantId: number | null }[] =
    skuIsVariant(p, finalVariants) ? [] : [{ code: p.sku, kind: 'product_sku', variantId: null }];
  for (const v of input.variants ?? []) {
    let variantId = v.id;
    if (variantId === undefined) variantId = insertVariant(store, input.id, v, actor.at);
    else {
      store
        .prepare(`UPDATE variants SET sku = ?, attributes_json = ?, price = ?, cost = ?, vat_rate = ?, weight_g = ?, length_cm = ?, width_cm = ?,
          height_cm = ?, active = ?, updated_at = ? WHERE id = ?`)
        .run(v.sku, JSON.stringify(v.attributes), v.price, v.cost, v.vatRate, v.weightG, v.lengthCm, v.widthCm, v.heightCm, Number(v.active), actor.at, variantId);
    }
    codes.push({ code: v.sku, kind: 'variant_sku', variantId }, ...v.barcodes.map((b) => ({ code: b, kind: 'barcode' as const, variantId: variantId! })));
  }
  for (const e of existing.filter((x) => !given.has(x.id))) {
    codes.push({ code: e.sku, kind: 'variant_sku', variantId: e.id }, ...existingCodes.filter((c) => c.variant_id === e.id).map((c) => ({ code: c.code, kind: 'barcode' as const, variantId: e.id })));
  }
  writeCodes(store, input.id, codes);
  indexProduct(store, input.id, productSearchBody(p, finalVariants));
}
