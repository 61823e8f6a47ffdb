import { CommandError, fail } from '../../api/errors.js';
import type { Store } from '../../store/store.js';
import { assertCodesFree } from './catalog-codes.js';
import { readRows } from './catalog-file-format.js';
import { planImport, type ImportGroup, type ImportIssue } from './catalog-import-rules.js';
import { claimsOf, createProduct, type Actor } from './catalog-service.js';

interface ImportInput { format: 'csv' | 'xlsx'; contentBase64: string }

const COLUMN_OF_FIELD = (field: string) =>
  field === 'sku' ? 'product_sku' : /^variants\.\d+\.sku$/.test(field) ? 'variant_sku' : field.includes('barcodes') ? 'barcodes' : field;

/** Adds the checks that need the catalogue: codes already taken, or used twice across the file. */
function checkAgainstCatalogue(store: Store, groups: ImportGroup[], issues: ImportIssue[]): ImportGroup[] {
  const valid: ImportGroup[] = [];
  const seen = new Map<string, number>();
  for (const g of groups) {
    const codes = [g.product.sku, ...g.product.variants.flatMap((v) => [v.sku, ...v.barcodes])].map((c) => c.toUpperCase());
    const clash = codes.find((c) => seen.has(c));
    if (clash) {
      issues.push({ row: g.rows[0], field: 'variant_sku', code: 'CODE_TAKEN', message: `${clash} is also used on row ${seen.get(clash)}` });
      continue;
    }
    try {
      // The same claims createProduct makes: a single-variant product may share its SKU with its variant.
      assertCodesFree(store, claimsOf(g.product, g.product.variants), null);
    } catch (error) {
      if (!(error instanceof CommandError)) throw error;
      const field = String(error.details?.field ?? 'product_sku');
      const variantIndex = /^variants\.(\d+)/.exec(field)?.[1];
      issues.push({ row: variantIndex ? g.rows[Number(variantIndex)] : g.rows[0], field: COLUMN_OF_FIELD(field), code: error.code, message: error.message });
      continue;
    }
    codes.forEach((c) => seen.set(c, g.rows[0]));
    valid.push(g);
  }
  issues.sort((a, b) => a.row - b.row);
  return valid;
}

async function plan(store: Store, input: ImportInput) {
  const rows = await readRows(input.format, Buffer.from(input.contentBase64, 'base64'));
  if (!rows.length) fail('FILE_INVALID', 'The file has a header but no rows');
  const { groups, issues } = planImport(rows);
  const valid = checkAgainstCatalogue(store, groups, issues);
  return { rows: rows.length, valid, issues };
}

export async function previewImport(store: Store, input: ImportInput) {
  const { rows, valid, issues } = await plan(store, input);
  const validRows = valid.reduce((n, g) => n + g.rows.length, 0);
  return { rows, validRows, products: valid.length, variants: validRows, issues };
}

/**
 * Writes every valid product in one transaction: a crash part-way leaves no product behind. With
 * issues in the file, nothing is written unless the user chose to import the valid rows.
 */
export async function commitImport(store: Store, input: ImportInput & { acceptValidRows: boolean }, actor: Actor) {
  const { rows, valid, issues } = await plan(store, input);
  if (issues.length && !input.acceptValidRows) {
    fail('IMPORT_HAS_ERRORS', `${issues.length} problems in the file; nothing was imported`, { issues: issues.slice(0, 200), count: issues.length });
  }
  store.tx(() => {
    for (const g of valid) createProduct(store, g.product, actor);
  });
  const createdVariants = valid.reduce((n, g) => n + g.product.variants.length, 0);
  return { createdProducts: valid.length, createdVariants, skippedRows: rows - createdVariants };
}
