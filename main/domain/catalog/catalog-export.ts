import type { Store } from '../../store/store.js';
import { writeRows, type ProductColumn } from './catalog-file-format.js';

export async function exportCatalog(store: Store, format: 'csv' | 'xlsx') {
  const rows = store
    .prepare(`SELECT p.sku AS product_sku, p.name AS product_name, p.category, p.brand, p.description, v.sku AS variant_sku,
        v.attributes_json, v.price, v.cost, v.vat_rate, v.weight_g, v.length_cm, v.width_cm, v.height_cm,
        (SELECT group_concat(code, '|') FROM catalog_codes c WHERE c.variant_id = v.id AND c.kind = 'barcode') AS barcodes
      FROM variants v JOIN products p ON p.id = v.product_id ORDER BY p.search_text, p.id, v.id`)
    .all() as (Record<string, string | number | null> & { attributes_json: string })[];
  const out = rows.map((r) => {
    const attrs = JSON.parse(r.attributes_json) as { name: string; value: string }[];
    const row = { ...r, barcodes: r.barcodes ?? '' } as Record<string, string | number>;
    delete row.attributes_json;
    [0, 1, 2].forEach((i) => {
      row[`attribute${i + 1}_name`] = attrs[i]?.name ?? '';
      row[`attribute${i + 1}_value`] = attrs[i]?.value ?? '';
    });
    return row as Record<ProductColumn, string | number>;
  });
  const content = await writeRows(format, out);
  const stamp = new Date().toISOString().slice(0, 10);
  return {
    fileName: `packdesk-products-${stamp}.${format}`,
    mimeType: format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    contentBase64: content.toString('base64'),
  };
}
