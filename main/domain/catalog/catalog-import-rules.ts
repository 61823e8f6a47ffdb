import { z } from 'zod';
import { productInput, type ProductInput } from '../../api/catalog.js';
import { VAT_RATES } from '../../api/common.js';
import { checkBarcode } from '../shared/barcode.js';
import type { RawRow } from './catalog-file-format.js';

export interface ImportIssue { row: number; field: string; code: string; message: string }
export interface ImportGroup { rows: number[]; product: z.output<typeof productInput> }

// Whole numbers as sheets write them: plain digits, or groups of three split by dots, commas or
// spaces ("149.000", "1,250,000", "149 000"), with or without ₫. A decimal ("12.5", "0,5") is refused,
// never read as a different number (12.5 cm is not 125 cm).
const GROUPED = /^\d{1,3}(?:[.,\s]\d{3})+$/;

const intCell = (field: string, required: boolean) =>
  z.string().transform((s, ctx) => {
    const text = s.replace(/₫/g, '').trim();
    if (!text) {
      if (required) ctx.addIssue({ code: 'custom', message: `${field} is required` });
      return 0;
    }
    if (!/^\d+$/.test(text) && !GROUPED.test(text)) {
      ctx.addIssue({ code: 'custom', message: `${field} must be a whole number` });
      return 0;
    }
    return Number(text.replace(/[.,\s]/g, ''));
  });

// Issues name the file's columns, which is what the user can find and fix, not the schema's fields.
const PRODUCT_COLUMN: Record<string, string> = { sku: 'product_sku', name: 'product_name' };
const VARIANT_COLUMN: Record<string, string> = {
  sku: 'variant_sku', vatRate: 'vat_rate', weightG: 'weight_g', lengthCm: 'length_cm', widthCm: 'width_cm', heightCm: 'height_cm',
};

/**
 * Pure: turns file rows into product inputs, one per product SKU, and a per-row issue list. A product
 * with any bad row is left out whole, so nothing half-made is ever imported. Row numbers are the
 * file's (the header is row 1).
 */
export function planImport(rows: RawRow[]): { groups: ImportGroup[]; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const byProduct = new Map<string, { rows: number[]; raw: RawRow[] }>();
  rows.forEach((r, i) => {
    const rowNo = i + 2;
    const key = (r.product_sku ?? '').toUpperCase();
    if (!key) {
      issues.push({ row: rowNo, field: 'product_sku', code: 'INPUT_INVALID', message: 'product_sku is required' });
      return;
    }
    const g = byProduct.get(key) ?? { rows: [], raw: [] };
    g.rows.push(rowNo);
    g.raw.push(r);
    byProduct.set(key, g);
  });

  const groups: ImportGroup[] = [];
  for (const g of byProduct.values()) {
    const before = issues.length;
    const first = g.raw[0];
    // Per variant, the file's attribute column numbers (blank pairs are skipped, so index ≠ column).
    const attributeColumns: number[][] = [];
    const variants = g.raw.map((r, j) => {
      const rowNo = g.rows[j];
      const num = (field: keyof RawRow, required = false) => {
        const res = intCell(field, required).safeParse(r[field] ?? '');
        if (!res.success) issues.push({ row: rowNo, field, code: 'INPUT_INVALID', message: res.error.issues[0].message });
        return res.success ? res.data : 0;
      };
      const vat = (r.vat_rate || '8').toUpperCase().replace('%', '');
      if (!(VAT_RATES as readonly string[]).includes(vat)) issues.push({ row: rowNo, field: 'vat_rate', code: 'INPUT_INVALID', message: `VAT rate must be one of ${VAT_RATES.join(', ')}` });
      const barcodes = (r.barcodes ?? '').split('|').map((b) => b.trim()).filter(Boolean);
      for (const b of barcodes) {
        const check = checkBarcode(b);
        if (!check.ok) issues.push({ row: rowNo, field: 'barcodes', code: 'BARCODE_INVALID', message: `${b}: check digit should be ${check.expected}` });
      }
      const used = ([1, 2, 3] as const).filter((n) => r[`attribute${n}_name`] || r[`attribute${n}_value`]);
      attributeColumns.push(used);
      const attributes = used.map((n) => ({ name: r[`attribute${n}_name`] ?? '', value: r[`attribute${n}_value`] ?? '' }));
      return {
        sku: r.variant_sku ?? '', attributes, barcodes, price: num('price', true), cost: num('cost'), vatRate: vat,
        weightG: num('weight_g'), lengthCm: num('length_cm'), widthCm: num('width_cm'), heightCm: num('height_cm'),
      };
    });
    const candidate: ProductInput = {
      sku: first.product_sku ?? '', name: first.product_name ?? '', category: first.category ?? '', brand: first.brand ?? '',
      description: first.description ?? '', variants: variants as ProductInput['variants'],
    };
    const parsed = productInput.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [head, index, field, attrIndex, attrPart] = issue.path.map(String);
        const row = head === 'variants' && index !== undefined ? g.rows[Number(index)] : g.rows[0];
        const column = head !== 'variants'
          ? PRODUCT_COLUMN[head] ?? head
          : field === 'attributes' && attrIndex !== undefined
            ? `attribute${attributeColumns[Number(index)][Number(attrIndex)]}_${attrPart ?? 'name'}`
            : VARIANT_COLUMN[field] ?? field ?? 'variant';
        // A cell already reported by the checks above (VAT, numbers) is not reported again in schema words.
        if (issues.some((i) => i.row === row && i.field === column)) continue;
        issues.push({ row, field: column, code: 'INPUT_INVALID', message: issue.message });
      }
    }
    if (issues.length === before && parsed.success) groups.push({ rows: g.rows, product: parsed.data });
  }
  issues.sort((a, b) => a.row - b.row);
  return { groups, issues };
}
