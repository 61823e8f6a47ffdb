import { useCallback, useMemo, useState } from 'react';
import { MAX_ATTRIBUTES, emptyVariant, type ProductDraft, type StockCell, type VariantDraft } from './product-draft.js';
import { fillMissingSkus, missingCombinations, uniqueSkus, variantSku, type Axis } from './variant-grid.js';

/** True for the blank first variant of a new product, which a generated grid replaces. */
function isPristine(v: VariantDraft): boolean {
  return v.id === undefined && v.sku.trim() === '' && v.barcodes.length === 0 && v.values.every((x) => x.trim() === '');
}

/**
 * The product form's state and every change it allows, as small named operations so the sections
 * stay declarative. Each operation reports the field path it touched, which the caller passes on
 * to the error display.
 */
export function useProductForm(initial: ProductDraft) {
  const [draft, setDraft] = useState(initial);
  const [dirty, setDirty] = useState(false);
  const change = useCallback((fn: (d: ProductDraft) => ProductDraft) => {
    setDraft(fn);
    setDirty(true);
  }, []);

  return useMemo(() => {
    const mapVariant = (index: number, fn: (v: VariantDraft) => VariantDraft) =>
      change((d) => ({ ...d, variants: d.variants.map((v, i) => (i === index ? fn(v) : v)) }));

    return {
      draft,
      dirty,
      /** Replaces the state after a save or load; the form is clean again. */
      reset: (next: ProductDraft) => {
        setDraft(next);
        setDirty(false);
      },
      setField: <K extends keyof ProductDraft>(key: K, value: ProductDraft[K]) => change((d) => ({ ...d, [key]: value })),
      setVariant: (index: number, patch: Partial<VariantDraft>) => mapVariant(index, (v) => ({ ...v, ...patch })),
      setValue: (index: number, column: number, value: string) =>
        mapVariant(index, (v) => ({ ...v, values: v.values.map((x, c) => (c === column ? value : x)) })),
      setStock: (index: number, warehouseId: number, cell: StockCell) =>
        mapVariant(index, (v) => ({ ...v, initialStock: { ...v.initialStock, [warehouseId]: cell } })),
      addVariant: () => change((d) => ({ ...d, variants: [...d.variants, emptyVariant(d.variants[d.variants.length - 1])] })),
      removeVariant: (index: number) => change((d) => ({ ...d, variants: d.variants.filter((_, i) => i !== index) })),
      addAttribute: () =>
        change((d) =>
          d.attributeNames.length >= MAX_ATTRIBUTES ? d
            : { ...d, attributeNames: [...d.attributeNames, ''], variants: d.variants.map((v) => ({ ...v, values: [...v.values, ''] })) },
        ),
      removeAttribute: (column: number) =>
        change((d) => ({
          ...d,
          attributeNames: d.attributeNames.filter((_, c) => c !== column),
          variants: d.variants.map((v) => ({ ...v, values: v.values.filter((_, c) => c !== column) })),
        })),
      setAttributeName: (column: number, name: string) =>
        change((d) => ({ ...d, attributeNames: d.attributeNames.map((n, c) => (c === column ? name : n)) })),
      /** Sets the given fields (price, cost, weight …) on every variant at once. */
      applyToAll: (shared: Partial<VariantDraft>) => change((d) => ({ ...d, variants: d.variants.map((v) => ({ ...v, ...shared })) })),
      /**
       * Adds a variant for every combination of `axes` the form lacks, with `shared` fields on top of
       * those copied from the first variant; returns how many it added.
       */
      generate: (axes: readonly Axis[], shared: Partial<VariantDraft> = {}): number => {
        const combos = missingCombinations(axes, draft.variants.map((v) => v.values));
        if (combos.length === 0) return 0;
        change((d) => {
          const keep = d.variants.filter((v) => !isPristine(v));
          const template = d.variants[0];
          const skus = uniqueSkus(combos.map((c) => variantSku(d.sku, c)), [d.sku, ...keep.map((v) => v.sku)].filter(Boolean));
          const added = combos.map((values, i) => ({ ...emptyVariant(template), ...shared, values, sku: d.sku.trim() ? skus[i] : '' }));
          return { ...d, variants: [...keep, ...added] };
        });
        return combos.length;
      },
      /** Gives SKU-less variants the suggested SKU (shown as their placeholder); returns the new draft. */
      fillSkus: (): ProductDraft => {
        if (draft.sku.trim() === '' || draft.variants.every((v) => v.sku.trim() !== '')) return draft;
        const skus = fillMissingSkus(draft.sku, draft.variants);
        const next = { ...draft, variants: draft.variants.map((v, i) => ({ ...v, sku: skus[i] })) };
        setDraft(next);
        return next;
      },
    };
  }, [draft, dirty, change]);
}

export type ProductForm = ReturnType<typeof useProductForm>;
