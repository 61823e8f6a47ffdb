import { z } from 'zod';
import { command } from './contract.js';
import { empty, id, money, ok, page, requiredText, text, vatRate } from './common.js';
import { binCode } from './warehouses.js';

const sku = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._/-]+$/, 'letters, digits and - . / _ only');
const barcodeText = z.string().trim().min(1).max(64).regex(/^[\x21-\x7e]+$/, 'printable characters without spaces');
const attribute = z.object({ name: requiredText(40), value: requiredText(60) });
const spec = z.object({ key: requiredText(80), value: text(300) });

export const variantInput = z.object({
  id: id.optional(),
  sku,
  attributes: z.array(attribute).max(3).default([]),
  barcodes: z.array(barcodeText).max(10).default([]),
  price: money,
  cost: money.default(0),
  vatRate: vatRate.default('8'),
  weightG: z.number().int().min(0).max(1_000_000),
  lengthCm: z.number().int().min(0).max(1000).default(0),
  widthCm: z.number().int().min(0).max(1000).default(0),
  heightCm: z.number().int().min(0).max(1000).default(0),
  active: z.boolean().default(true),
  initialStock: z
    .array(z.object({ warehouseId: id, quantity: z.number().int().min(0).max(1_000_000), binCode: binCode.optional() }))
    .default([]),
});
export type VariantInput = z.input<typeof variantInput>;

export const productInput = z.object({
  name: requiredText(200),
  sku,
  category: text(100).default(''),
  brand: text(100).default(''),
  description: text(5000).default(''),
  specs: z.array(spec).max(50).default([]),
  images: z.array(z.string().trim().max(2000)).max(20).default([]),
  videoUrl: z.union([z.literal(''), z.string().trim().url().max(500)]).default(''),
  active: z.boolean().default(true),
  variants: z.array(variantInput).min(1).max(200),
});
export type ProductInput = z.input<typeof productInput>;

export const margin = z.object({ amount: z.number().int(), percent: z.number().nullable() });

export const variant = z.object({
  id,
  productId: id,
  sku: z.string(),
  attributes: z.array(z.object({ name: z.string(), value: z.string() })),
  barcodes: z.array(z.string()),
  price: z.number().int(),
  cost: z.number().int(),
  vatRate,
  weightG: z.number().int(),
  lengthCm: z.number().int(),
  widthCm: z.number().int(),
  heightCm: z.number().int(),
  active: z.boolean(),
  margin,
  stock: z.array(
    z.object({ warehouseId: id, warehouseCode: z.string(), onHand: z.number().int(), reserved: z.number().int(), available: z.number().int(), binCode: z.string().nullable() }),
  ),
});
export type Variant = z.infer<typeof variant>;

export const product = z.object({
  id,
  name: z.string(),
  sku: z.string(),
  category: z.string(),
  brand: z.string(),
  description: z.string(),
  specs: z.array(z.object({ key: z.string(), value: z.string() })),
  images: z.array(z.string()),
  videoUrl: z.string(),
  active: z.boolean(),
  createdAt: z.number(),
  updatedAt: z.number(),
  variants: z.array(variant),
});
export type Product = z.infer<typeof product>;

export const productSummary = z.object({
  id,
  name: z.string(),
  sku: z.string(),
  category: z.string(),
  brand: z.string(),
  active: z.boolean(),
  image: z.string().nullable(),
  variantCount: z.number().int(),
  priceMin: z.number().int(),
  priceMax: z.number().int(),
  onHand: z.number().int(),
  available: z.number().int(),
});

export const variantPick = z.object({
  variantId: id,
  productId: id,
  sku: z.string(),
  productName: z.string(),
  attributes: z.array(z.object({ name: z.string(), value: z.string() })),
  price: z.number().int(),
  weightG: z.number().int(),
  available: z.number().int().nullable(),
  active: z.boolean(),
});
export type VariantPick = z.infer<typeof variantPick>;

export const importIssue = z.object({ row: z.number().int(), field: z.string(), code: z.string(), message: z.string() });
export const importFormat = z.enum(['csv', 'xlsx']);

export const catalogContract = {
  'catalog.list': command({
    role: 'packer',
    readonly: true,
    input: z.object({
      query: text(100).default(''),
      category: text(100).optional(),
      active: z.boolean().optional(),
      ...page,
    }),
    output: z.object({ items: z.array(productSummary), total: z.number().int() }),
  }),
  'catalog.get': command({ role: 'packer', readonly: true, input: z.object({ id }), output: product }),
  'catalog.create': command({ role: 'manager', input: productInput, output: product }),
  'catalog.update': command({
    role: 'manager',
    // Variants with an id are updated, without one are added; variants left out are kept as they are
    // (set `active: false` to retire one: order history points at it).
    input: productInput.omit({ variants: true }).partial().extend({ id, variants: z.array(variantInput.omit({ initialStock: true })).max(200).optional() }),
    output: product,
  }),
  'catalog.setActive': command({ role: 'manager', input: z.object({ id, active: z.boolean() }), output: ok }),
  'catalog.categories': command({ role: 'packer', readonly: true, input: empty, output: z.array(z.string()) }),
  'catalog.lookup': command({
    role: 'packer',
    readonly: true,
    input: z.object({ code: z.string().trim().min(1).max(64) }),
    output: z.object({ kind: z.enum(['product_sku', 'variant_sku', 'barcode']), productId: id, variantId: id.nullable() }).nullable(),
  }),
  'catalog.searchVariants': command({
    role: 'packer',
    readonly: true,
    input: z.object({ query: text(100).default(''), warehouseId: id.optional(), limit: z.number().int().min(1).max(100).default(20) }),
    output: z.array(variantPick),
  }),
  'catalog.importPreview': command({
    role: 'manager',
    readonly: true,
    input: z.object({ format: importFormat, fileName: text(200).default(''), contentBase64: z.string().min(1).max(70_000_000) }),
    output: z.object({
      rows: z.number().int(),
      validRows: z.number().int(),
      products: z.number().int(),
      variants: z.number().int(),
      issues: z.array(importIssue),
    }),
  }),
  'catalog.importCommit': command({
    role: 'manager',
    input: z.object({
      format: importFormat,
      fileName: text(200).default(''),
      contentBase64: z.string().min(1).max(70_000_000),
      /** With errors in the file nothing is written unless the user chose to import the valid rows. */
      acceptValidRows: z.boolean().default(false),
    }),
    output: z.object({ createdProducts: z.number().int(), createdVariants: z.number().int(), skippedRows: z.number().int() }),
  }),
  'catalog.export': command({
    role: 'manager',
    readonly: true,
    input: z.object({ format: importFormat }),
    output: z.object({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string() }),
  }),
};
