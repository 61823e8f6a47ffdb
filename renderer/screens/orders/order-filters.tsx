import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, PAYMENT_METHODS } from '../../../main/api/common.js';
import { ORDER_SORTS } from '../../../main/api/orders.js';
import { Button } from '../../components/button.js';
import { DateField } from '../../components/date-field.js';
import { SelectField, TextField } from '../../components/field.js';
import { Kbd } from '../../components/kbd.js';
import { Toolbar } from '../../components/layout.js';
import { useCommand } from '../../lib/api.js';
import { DEFAULT_ORDERS_VIEW, useOrdersView, type OrdersView } from '../../state/orders-view.js';

/** Search box (debounced) and the filter selects above the order list. */
export function OrderFilters() {
  const { t } = useTranslation('orders');
  const view = useOrdersView();
  const warehouses = useCommand('warehouses.list', { includeInactive: true });
  const [query, setQuery] = useState(view.query);

  // Typing should not fire a query per key; 200 ms is below what feels like waiting.
  useEffect(() => {
    if (query === view.query) return;
    const id = window.setTimeout(() => view.set({ query }), 200);
    return () => window.clearTimeout(id);
  }, [query, view]);
  useEffect(() => setQuery(view.query), [view.query]);

  const all = { value: 'all', label: t('filters.all') } as const;
  const isDefault = (Object.keys(DEFAULT_ORDERS_VIEW) as (keyof OrdersView)[]).every((k) => k === 'activeIndex' || k === 'sort' || k === 'status' || view[k] === DEFAULT_ORDERS_VIEW[k]);

  return (
    <Toolbar label={t('filters.label')}>
      <TextField
        label={t('filters.search')}
        className="filter-search"
        type="search"
        placeholder={t('filters.searchPlaceholder')}
        value={query}
        onChange={setQuery}
        data-search
        aria-keyshortcuts="/ Control+K"
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            view.set({ query });
            document.querySelector<HTMLElement>('[data-orders-grid]')?.focus();
          }
        }}
        hint={<span className="nowrap"><Kbd keys="/" /> <Kbd keys="Ctrl+K" /></span>}
      />
      <SelectField
        label={t('filters.channel')}
        value={view.channel}
        onChange={(v) => view.set({ channel: v })}
        options={[all, ...CHANNELS.map((c) => ({ value: c, label: t(`common:channels.${c}`) }))]}
      />
      <SelectField
        label={t('filters.warehouse')}
        value={String(view.warehouseId)}
        onChange={(v) => view.set({ warehouseId: v === 'all' ? 'all' : Number(v) })}
        options={[all, ...(warehouses.data ?? []).map((w) => ({ value: String(w.id), label: `${w.code} · ${w.name}` }))]}
      />
      <SelectField
        label={t('filters.payment')}
        value={view.paymentMethod}
        onChange={(v) => view.set({ paymentMethod: v })}
        options={[all, ...PAYMENT_METHODS.map((p) => ({ value: p, label: t(`common:payment.${p}`) }))]}
      />
      <DateField label={t('filters.from')} value={view.from} onChange={(v) => view.set({ from: v })} className="filter-date" />
      <DateField label={t('filters.to')} value={view.to} onChange={(v) => view.set({ to: v })} className="filter-date" />
      <SelectField label={t('filters.sort')} value={view.sort} onChange={(v) => view.set({ sort: v })} options={ORDER_SORTS.map((s) => ({ value: s, label: t(`sort.${s}`) }))} />
      {!isDefault ? (
        <Button variant="ghost" onClick={() => { setQuery(''); view.set({ ...DEFAULT_ORDERS_VIEW, status: view.status, sort: view.sort }); }}>
          {t('common:actions.clear')}
        </Button>
      ) : null}
    </Toolbar>
  );
}
