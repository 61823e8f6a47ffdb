import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import { SearchPicker } from '../../components/search-picker.js';
import { useCommand } from '../../lib/api.js';
import { formatAttributes } from '../../lib/format.js';
import { useDebounced } from './use-debounced.js';

export interface ChosenVariant {
  variantId: number;
  sku: string;
}

/** Filter by one variant: search by SKU, name or barcode; once chosen, shows the SKU with a clear button. */
export function VariantFilter({ value, onChange }: { value: ChosenVariant | null; onChange: (v: ChosenVariant | null) => void }) {
  const { t } = useTranslation('inventory');
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 150);
  const results = useCommand('catalog.searchVariants', value === null && query !== '' ? { query, limit: 20 } : null);

  if (value) {
    return (
      <div className="field variant-chosen">
        <span className="field-label">{t('variant')}</span>
        <span className="chip">
          <span className="mono">{value.sku}</span>
          <Button size="sm" variant="ghost" aria-label={t('clearVariant', { sku: value.sku })} onClick={() => onChange(null)}>×</Button>
        </span>
      </div>
    );
  }
  return (
    <SearchPicker
      className="w-md"
      label={t('variant')}
      placeholder={t('variantPlaceholder')}
      query={search}
      onQueryChange={setSearch}
      items={query === search.trim() ? results.data ?? [] : []}
      loading={results.loading || query !== search.trim()}
      itemKey={(v) => v.variantId}
      itemText={(v) => `${v.sku} ${v.productName}`}
      renderItem={(v) => (
        <>
          <span className="mono">{v.sku}</span>
          <span className="grow">{v.productName} <span className="muted">{formatAttributes(v.attributes)}</span></span>
        </>
      )}
      onPick={(v) => onChange({ variantId: v.variantId, sku: v.sku })}
    />
  );
}
