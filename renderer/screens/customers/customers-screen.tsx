import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import { DataTable } from '../../components/data-table.js';
import { EmptyState, ErrorBanner } from '../../components/feedback.js';
import { TextField } from '../../components/field.js';
import { PageHeader, Toolbar } from '../../components/layout.js';
import { useCommand, type Output } from '../../lib/api.js';
import { formatDateTime, formatNumber, formatPhone } from '../../lib/format.js';
import { navigate } from '../../lib/router.js';
import { useShortcut } from '../../app/shortcuts.js';
import { useDebounced } from '../../lib/use-debounced.js';

type Row = Output<'customers.list'>['items'][number];
const LIMIT = 300;

export function CustomersScreen() {
  const { t } = useTranslation('customers');
  const [query, setQuery] = useState('');
  const q = useDebounced(query.trim(), 200);
  const { data, error } = useCommand('customers.list', { query: q, limit: LIMIT });
  useShortcut('Alt+C', () => navigate('/customers/new'), { allowInInput: true });
  const open = (c: Row) => navigate(`/customers/${c.id}`);
  const total = data?.total ?? 0;

  return (
    <div className="screen">
      <PageHeader
        title={t('list.title')}
        subtitle={<span className="num">{t('list.count', { count: total, formatted: formatNumber(total) })}</span>}
        actions={<Button variant="primary" shortcut="Alt+C" onClick={() => navigate('/customers/new')}>{t('list.new')}</Button>}
      >
        <Toolbar>
          <TextField
            label={t('list.search')}
            className="filter-search"
            type="search"
            placeholder={t('list.searchPlaceholder')}
            value={query}
            onChange={setQuery}
            data-search
            aria-keyshortcuts="/ Control+K"
            onKeyDown={(e) => {
              // ↓ from the search box goes into the list, like in the order list.
              if (e.key === 'ArrowDown' || e.key === 'Enter') {
                e.preventDefault();
                document.querySelector<HTMLElement>('.customers-table tbody tr')?.focus();
              }
            }}
          />
          {data && data.items.length < total ? <span className="muted toolbar-note">{t('list.shown', { shown: formatNumber(data.items.length), total: formatNumber(total) })}</span> : null}
        </Toolbar>
      </PageHeader>
      <ErrorBanner error={error} />
      <div className="customers-table">
        <DataTable
          label={t('list.title')}
          rows={data?.items ?? []}
          rowKey={(c) => c.id}
          rowLabel={(c) => `${c.name} ${c.phone}`}
          onOpen={open}
          empty={data ? <EmptyState title={t('list.empty')} /> : null}
          columns={[
            { key: 'name', header: t('list.col.name'), render: (c) => <a href={`#/customers/${c.id}`} tabIndex={-1}>{c.name}</a> },
            { key: 'phone', header: t('list.col.phone'), render: (c) => <span className="num">{formatPhone(c.phone)}</span>, width: '9rem' },
            { key: 'email', header: t('list.col.email'), render: (c) => <span className="muted">{c.email}</span> },
            { key: 'orders', header: t('list.col.orders'), render: (c) => formatNumber(c.orderCount), align: 'right', width: '6rem' },
            { key: 'last', header: t('list.col.lastOrder'), render: (c) => <span className="num muted">{c.lastOrderAt ? formatDateTime(c.lastOrderAt) : '—'}</span>, width: '9rem' },
          ]}
        />
      </div>
    </div>
  );
}
