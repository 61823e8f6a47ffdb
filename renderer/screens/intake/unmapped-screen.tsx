import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VariantPick } from '../../../main/api/catalog.js';
import type { UnmappedListing } from '../../../main/api/intake.js';
import { EmptyState, ErrorBanner, Loading } from '../../components/feedback.js';
import { PageHeader } from '../../components/layout.js';
import { SearchPicker } from '../../components/search-picker.js';
import { useAction, useCommand } from '../../lib/api.js';
import { formatAttributes, formatNumber } from '../../lib/format.js';
import { useDebounced } from '../../lib/use-debounced.js';
import { toast } from '../../state/toast-store.js';

/** One waiting listing: pick the variant it is; the waiting orders are created at once. */
function ListingRow({ l }: { l: UnmappedListing }) {
  const { t } = useTranslation('intake');
  const [query, setQuery] = useState(l.sku);
  const q = useDebounced(query.trim());
  const results = useCommand('catalog.searchVariants', q ? { query: q, limit: 10 } : null);
  const map = useAction('intake.mapListing');
  // The row leaves the list once mapped: the toast says where it went and what it created.
  const pick = (v: VariantPick) =>
    void map.run({ accountId: l.accountId, itemId: l.itemId, modelId: l.modelId, variantId: v.variantId })
      .then((r) => r && toast('success', t('unmapped.mapped', { sku: l.sku || `${l.itemId}/${l.modelId}`, variant: v.sku, created: r.created })));
  return (
    <tr>
      <td>{l.accountName}</td>
      <td><span className="mono">{l.sku || '—'}</span><div className="muted">{l.name}</div><div className="muted mono">{l.itemId} / {l.modelId}</div></td>
      <td className="num">{formatNumber(l.orders)}</td>
      <td className="num">{formatNumber(l.units)}</td>
      <td>
        <SearchPicker
          label={t('unmapped.pickVariantFor', { sku: l.sku || `${l.itemId}/${l.modelId}` })}
          placeholder={t('unmapped.pickVariant')}
          query={query}
          onQueryChange={setQuery}
          items={q ? (results.data ?? []) : []}
          loading={results.loading}
          itemKey={(v) => v.variantId}
          itemText={(v) => `${v.sku} ${v.productName} ${formatAttributes(v.attributes)}`}
          disabled={(v) => !v.active}
          renderItem={(v) => (
            <>
              <span className="mono picker-sku">{v.sku}</span>
              <span className="grow">{v.productName}{v.attributes.length ? <span className="muted"> · {formatAttributes(v.attributes)}</span> : null}</span>
            </>
          )}
          onPick={pick}
        />
        {map.error ? <ErrorBanner error={map.error} /> : null}
      </td>
    </tr>
  );
}

/** Cần ghép SKU: marketplace listings whose SKU matches no variant, with the orders waiting for them. */
export function UnmappedScreen() {
  const { t } = useTranslation('intake');
  const list = useCommand('intake.unmapped', {});
  return (
    <div className="screen intake-unmapped">
      <PageHeader title={t('unmapped.title')} subtitle={t('unmapped.subtitle')} />
      {list.error ? <ErrorBanner error={list.error} /> : null}
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && list.data.length === 0 ? <EmptyState title={t('unmapped.empty')} /> : null}
      {list.data && list.data.length > 0 ? (
        <table className="data-table">
          <caption className="sr-only">{t('unmapped.tableLabel')}</caption>
          <thead>
            <tr><th>{t('unmapped.shop')}</th><th>{t('unmapped.listing')}</th><th className="num">{t('unmapped.orders')}</th><th className="num">{t('unmapped.units')}</th><th>{t('unmapped.variant')}</th></tr>
          </thead>
          <tbody>{list.data.map((l) => <ListingRow key={`${l.accountId}:${l.itemId}:${l.modelId}`} l={l} />)}</tbody>
        </table>
      ) : null}
    </div>
  );
}
