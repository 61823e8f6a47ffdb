/**
 * The product form's state and its conversion to and from the contract. Inputs hold the text the
 * user typed (so "1.200.000" or a half-typed number survive re-renders); conversion to numbers
 * happens once, here, and an unparsable required number becomes NaN so the contract's own zod
 * schema reports it as missing on the right field.
 */
import type { Product, ProductInput, Variant as ProductVariant, VariantInput } from '../../../main/api/catalog.js';
import type { VatRateCode } from './margin.js';

export const MAX_ATTRIBUTES = 3;

export interface StockCell {
  quantity: string;
  binCode: string;
}

export interface VariantDraft {
  /** Stable React key; saved variants use their id. */
  key: string;
  id?: number;
  sku: string;
  /** Values aligned with `ProductDraft.attributeNames`; '' means the variant has no such value. */
  values: string[];
  barcodes: string[];
  price: string;
  cost: string;
  vatRate: VatRateCode;
  weightG: string;
  lengthCm: string;
  widthCm: string;
  heightCm: string;
  active: boolean;
  /** New products only: initial stock per warehouse id. */
  initialStock: Record<number, StockCell>;
}

export interface ProductDraft {
  id?: number;
  name: string;
  sku: string;
  category: string;
  brand: string;
  description: string;
  specs: { key: string; value: string }[];
  images: string[];
  videoUrl: string;
  active: boolean;
  attributeNames: string[];
  variants: VariantDraft[];
}

let keySeq = 0;
export const newKey = (): string => `new-${++keySeq}`;

/** Digits only: "1.200.000 ₫" → 1200000. Empty or digit-less text → NaN (the schema says "required"). */
export function parseWhole(text: string): number {
  const digits = text.replace(/[^\d-]/g, '');
  if (!/^-?\d+$/.test(digits)) return Number.NaN;
  return Number(digits);
}

/** Optional numbers (cost, dimensions) default to 0 when left empty. */
const parseOptional = (text: string): number => (text.trim() === '' ? 0 : parseWhole(text));

export function emptyVariant(template?: VariantDraft): VariantDraft {
  return {
    key: newKey(),
    sku: '',
    values: template ? template.values.map(() => '') : [],
    barcodes: [],
    price: template?.price ?? '',
    cost: template?.cost ?? '',
    vatRate: template?.vatRate ?? '8',
    weightG: template?.weightG ?? '',
    lengthCm: template?.lengthCm ?? '',
    widthCm: template?.widthCm ?? '',
    heightCm: template?.heightCm ?? '',
    active: true,
    initialStock: {},
  };
}

export function emptyProduct(): ProductDraft {
  return {
    name: '',
    sku: '',
    category: '',
    brand: '',
    description: '',
    specs: [],
    images: [],
    videoUrl: '',
    active: true,
    attributeNames: [],
    variants: [emptyVariant()],
  };
}

/**
 * Attribute names in order of first appearance across the variants. Imported data may name
 * attributes differently per variant; the form shows the first three as columns.
 */
function attributeNamesOf(variants: readonly ProductVariant[]): string[] {
  const names: string[] = [];
  for (const v of variants) for (const a of v.attributes) if (!names.includes(a.name)) names.push(a.name);
  return names.slice(0, MAX_ATTRIBUTES);
}

const numText = (n: number): string => String(n);

export function draftFromProduct(p: Product): ProductDraft {
  const attributeNames = attributeNamesOf(p.variants);
  return {
    id: p.id,
    name: p.name,
    sku: p.sku,
    category: p.category,
    brand: p.brand,
    description: p.description,
    specs: p.specs.map((s) => ({ ...s })),
    images: [...p.images],
    videoUrl: p.videoUrl,
    active: p.active,
    attributeNames,
    variants: p.variants.map((v) => ({
      key: `v${v.id}`,
      id: v.id,
      sku: v.sku,
      values: attributeNames.map((n) => v.attributes.find((a) => a.name === n)?.value ?? ''),
      barcodes: [...v.barcodes],
      price: numText(v.price),
      cost: numText(v.cost),
      vatRate: v.vatRate,
      weightG: numText(v.weightG),
      lengthCm: numText(v.lengthCm),
      widthCm: numText(v.widthCm),
      heightCm: numText(v.heightCm),
      active: v.active,
      initialStock: {},
    })),
  };
}

function variantInput(v: VariantDraft, names: readonly string[], withStock: boolean): VariantInput {
  const attributes = names
    .map((name, i) => ({ name: name.trim(), value: (v.values[i] ?? '').trim() }))
    .filter((a) => a.name !== '' && a.value !== '');
  const out: VariantInput = {
    ...(v.id !== undefined ? { id: v.id } : {}),
    sku: v.sku,
    attributes,
    barcodes: v.barcodes,
    price: parseWhole(v.price),
    cost: parseOptional(v.cost),
    vatRate: v.vatRate,
    weightG: parseWhole(v.weightG),
    lengthCm: parseOptional(v.lengthCm),
    widthCm: parseOptional(v.widthCm),
    heightCm: parseOptional(v.heightCm),
    active: v.active,
  };
  if (withStock) {
    out.initialStock = Object.entries(v.initialStock)
      .filter(([, cell]) => cell.quantity.trim() !== '' || cell.binCode.trim() !== '')
      .map(([warehouseId, cell]) => ({
        warehouseId: Number(warehouseId),
        quantity: parseOptional(cell.quantity),
        ...(cell.binCode.trim() !== '' ? { binCode: cell.binCode.trim() } : {}),
      }));
  }
  return out;
}

/** The `catalog.create` input (with initial stock) for a new product. */
export function toCreateInput(d: ProductDraft): ProductInput {
  return {
    name: d.name,
    sku: d.sku,
    category: d.category,
    brand: d.brand,
    description: d.description,
    specs: d.specs,
    images: d.images,
    videoUrl: d.videoUrl,
    active: d.active,
    variants: d.variants.map((v) => variantInput(v, d.attributeNames, true)),
  };
}

/** The `catalog.update` input: the same fields, variants without initial stock. */
export function toUpdateInput(d: ProductDraft & { id: number }) {
  const { variants, ...rest } = toCreateInput(d);
  return { ...rest, id: d.id, variants: variants.map(({ initialStock: _unused, ...v }) => v) };
}

/** Every SKU and barcode typed into the form, upper-cased, for duplicate checks before saving. */
export function duplicateCodes(d: ProductDraft): Set<string> {
  const seen = new Set<string>();
  const dup = new Set<string>();
  const codes = [d.sku, ...d.variants.flatMap((v) => [v.sku, ...v.barcodes])];
  for (const raw of codes) {
    const code = raw.trim().toUpperCase();
    if (code === '') continue;
    if (seen.has(code)) dup.add(code);
    seen.add(code);
  }
  return dup;
}
