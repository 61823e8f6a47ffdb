import { fail } from '../../api/errors.js';
import type { Product, VariantPick } from '../../api/catalog.js';
import type { Store } from '../../store/store.js';
import { computeMargin, type VatRate } from '../shared/margin.js';
import { ftsPrefixQuery } from '../shared/text-fold.js';

interface ProductRow {
  id: number; name: string; sku: string; category: string; brand: string; description: string; specs_json: string;
  images_json: string; video_url: string; active: number; created_at: number; updated_at: number;
}
interface VariantRow {
  id: number; product_id: number; sku: string; attributes_json: string; price: number; cost: number; vat_rate: VatRate;
  weight_g: number; length_cm: number; width_cm: number; height_cm: number; active: number;
}

export function getProduct(store: Store, id: number): Product {
  const p = store.prepare('SELECT * FROM products WHERE id = ?').get(id) as ProductRow | undefined;
  if (!p) fail('NOT_FOUND', 'Product not found', { entity: 'product', id });
  const variants = store.prepare('SELECT * FROM variants WHERE product_id = ? ORDER BY id').all(id) as VariantRow[];
  const barcodes = store.prepare("SELECT code, variant_id FROM catalog_codes WHERE product_id = ? AND kind = 'barcode' ORDER BY code").all(id) as { code: string; variant_id: number }[];
  const stock = store
    .prepare(`SELECT s.variant_id, s.warehouse_id, w.code AS warehouse_code, s.on_hand, s.reserved, l.bin_code
      FROM stock_levels s JOIN variants v ON v.id = s.variant_id JOIN warehouses w ON w.id = s.warehouse_id
      LEFT JOIN variant_locations l ON l.variant_id = s.variant_id AND l.warehouse_id = s.warehouse_id
      WHERE v.product_id = ? ORDER BY w.code`)
    .all(id) as { variant_id: number; warehouse_id: number; warehouse_code: string; on_hand: number; reserved: number; bin_code: string | null }[];
  return {
    id: p!.id, name: p!.name, sku: p!.sku, category: p!.category, brand: p!.brand, description: p!.description,
    specs: JSON.parse(p!.specs_json), images: JSON.parse(p!.images_json), videoUrl: p!.video_url, active: p!.active === 1,
    createdAt: p!.created_at, updatedAt: p!.updated_at,
    variants: variants.map((v) => ({
      id: v.id, productId: v.product_id, sku: v.sku, attributes: JSON.parse(v.attributes_json),
      barcodes: barcodes.filter((b) => b.variant_id === v.id).map((b) => b.code),
      price: v.price, cost: v.cost, vatRate: v.vat_rate, weightG: v.weight_g, lengthCm: v.length_cm, widthCm: v.width_cm, heightCm: v.height_cm,
      active: v.active === 1, margin: computeMargin(v.price, v.cost, v.vat_rate),
      stock: stock.filter((s) => s.variant_id === v.id).map((s) => ({
        warehouseId: s.warehouse_id, warehouseCode: s.warehouse_code, onHand: s.on_hand, reserved: s.reserved, available: s.on_hand - s.reserved, binCode: s.bin_code,
      })),
    })),
  };
}

/** Products matching a query: FTS over folded name, SKUs, barcodes, brand and category. */
export function productFilter(query: string, extra: { category?: string; active?: boolean }) {
  const where: string[] = [];
  const params: unknown[] = [];
  const match = query ? ftsPrefixQuery(query) : null;
  if (query && !match) where.push('0');
  if (match) { where.push('p.id IN (SELECT rowid FROM products_fts WHERE products_fts MATCH ?)'); params.push(match); }
  if (extra.category) { where.push('p.category = ?'); params.push(extra.category); }
  if (extra.active !== undefined) { where.push('p.active = ?'); params.push(Number(extra.active)); }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

export function listProducts(store: Store, input: { query: string; category?: string; active?: boolean; limit: number; offset: number }) {
  const f = productFilter(input.query, input);
  const rows = store
    .prepare(`SELECT p.id, p.name, p.sku, p.category, p.brand, p.active, p.images_json,
        (SELECT count(*) FROM variants v WHERE v.product_id = p.id) AS variant_count,
        (SELECT min(price) FROM variants v WHERE v.product_id = p.id) AS price_min,
        (SELECT max(price) FROM variants v WHERE v.product_id = p.id) AS price_max,
        (SELECT coalesce(sum(s.on_hand), 0) FROM stock_levels s JOIN variants v ON v.id = s.variant_id WHERE v.product_id = p.id) AS on_hand,
        (SELECT coalesce(sum(s.on_hand - s.reserved), 0) FROM stock_levels s JOIN variants v ON v.id = s.variant_id WHERE v.product_id = p.id) AS available
      FROM products p ${f.sql} ORDER BY p.search_text, p.id LIMIT ? OFFSET ?`)
    .all(...f.params, input.limit, input.offset) as (ProductRow & { variant_count: number; price_min: number; price_max: number; on_hand: number; available: number })[];
  const total = (store.prepare(`SELECT count(*) AS n FROM products p ${f.sql}`).get(...f.params) as { n: number }).n;
  return {
    total,
    items: rows.map((r) => ({
      id: r.id, name: r.name, sku: r.sku, category: r.category, brand: r.brand, active: r.active === 1,
      image: (JSON.parse(r.images_json) as string[])[0] ?? null, variantCount: r.variant_count,
      priceMin: r.price_min ?? 0, priceMax: r.price_max ?? 0, onHand: r.on_hand, available: r.available,
    })),
  };
}

/** Variants for an order-line picker: exact code first, then text matches. */
export function searchVariants(store: Store, query: string, warehouseId: number | undefined, limit: number): VariantPick[] {
  const exact = query ? (store.prepare('SELECT variant_id, product_id FROM catalog_codes WHERE code = ?').get(query.trim()) as { variant_id: number | null; product_id: number } | undefined) : undefined;
  const match = query ? ftsPrefixQuery(query) : null;
  const where = exact ? (exact.variant_id ? 'v.id = ?' : 'v.product_id = ?') : match ? 'v.product_id IN (SELECT rowid FROM products_fts WHERE products_fts MATCH ?)' : '1';
  const params = exact ? [exact.variant_id ?? exact.product_id] : match ? [match] : [];
  if (query && !exact && !match) return [];
  const rows = store
    .prepare(`SELECT v.id, v.product_id, v.sku, p.name, v.attributes_json, v.price, v.weight_g, v.active AND p.active AS active,
        ${warehouseId !== undefined ? '(SELECT s.on_hand - s.reserved FROM stock_levels s WHERE s.variant_id = v.id AND s.warehouse_id = ?)' : 'NULL'} AS available
      FROM variants v JOIN products p ON p.id = v.product_id WHERE ${where} ORDER BY p.search_text, v.sku LIMIT ?`)
    .all(...(warehouseId !== undefined ? [warehouseId] : []), ...params, limit) as { id: number; product_id: number; sku: string; name: string; attributes_json: string; price: number; weight_g: number; active: number; available: number | null }[];
  return rows.map((r) => ({
    variantId: r.id, productId: r.product_id, sku: r.sku, productName: r.name, attributes: JSON.parse(r.attributes_json),
    price: r.price, weightG: r.weight_g, available: warehouseId !== undefined ? (r.available ?? 0) : null, active: r.active === 1,
  }));
}
