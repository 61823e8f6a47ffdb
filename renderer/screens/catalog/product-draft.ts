/**
 * The product form's state and its conversion to and from the contract. Numbers the user has not
 * typed yet are null (the kit's number and money fields work that way); on conversion a missing
 * required number becomes NaN so the contract's own zod schema reports it as missing on the right
 * field, and a missing optional one becomes 0.
 */
import type { Product, ProductInput, Variant as ProductVariant, VariantInput } from '../../../main/api/catalog.js';
import type { VatRateCode } from './margin.js';

export const MAX_ATTRIBUTES = 3;

export interface StockCell {
  quantity: number | null;
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
  price: number | null;
  cost: number | null;
  vatRate: VatRateCode;
  weightG: number | null;
  lengthCm: number | null;
  widthCm: number | null;
  heightCm: number | null;
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

const required = (n: number | null): number => n ?? Number.NaN;
const optional = (n: number | null): number => n ?? 0;

export function emptyVariant(template?: VariantDraft): VariantDraft {
  return {
    key: newKey(),
    sku: '',
    values: template ? template.values.map(() => '') : [],
    barcodes: [],
    price: template?.price ?? null,
    cost: template?.cost ?? null,
    vatRate: template?.vatRate ?? '8',
    weightG: template?.weightG ?? null,
    lengthCm: template?.lengthCm ?? null,
    widthCm: template?.widthCm ?? null,
    heightCm: template?.heightCm ?? null,
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
      price: v.price,
      cost: v.cost,
      vatRate: v.vatRate,
      weightG: v.weightG,
      lengthCm: v.lengthCm,
      widthCm: v.widthCm,
      heightCm: v.heightCm,
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
    price: required(v.price),
    cost: optional(v.cost),
    vatRate: v.vatRate,
    weightG: required(v.weightG),
    lengthCm: optional(v.lengthCm),
    widthCm: optional(v.widthCm),
    heightCm: optional(v.heightCm),
    active: v.active,
  };
  if (withStock) {
    out.initialStock = Object.entries(v.initialStock)
      .filter(([, cell]) => cell.quantity !== null || cell.binCode.trim() !== '')
      .map(([warehouseId, cell]) => ({
        warehouseId: Number(warehouseId),
        quantity: optional(cell.quantity),
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
