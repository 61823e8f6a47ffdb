import '../catalog/extras.css';
import './catalog.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import type { Column } from '../../components/data-table.js';
import { EmptyState, ErrorBanner, Money } from '../../components/feedback.js';
import { SelectField, TextField } from '../../components/field.js';
import { PageHeader, Toolbar } from '../../components/layout.js';
import { Tag } from '../../components/status-badge.js';
import { useShortcut } from '../../app/shortcuts.js';
import { call, useCommand, type Output } from '../../lib/api.js';
import { formatNumber } from '../../lib/format.js';
import { navigate } from '../../lib/router.js';
import { hasRole, useOperator } from '../../state/session-store.js';
import { useDebounced } from '../inventory/use-debounced.js';
import { CatalogFileActions } from './catalog-file-actions.js';
import { ProductThumb } from './product-thumb.js';
import { usePagedList } from './use-paged-list.js';
import { VirtualGrid } from './virtual-grid.js';

type ProductRow = Output<'catalog.list'>['items'][number];
type ActiveFilter = 'active' | 'inactive' | 'all';

const EVENTS = ['catalog.changed', 'stock.changed'] as const;

export function ProductsScreen() {
  const { t } = useTranslation('catalog');
  const canEdit = hasRole('manager', useOperator()?.role);
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim());
  const [category, setCategory] = useState('');
  const [status, setStatus] = useState<ActiveFilter>('active');
  const categories = useCommand('catalog.categories', {});

  const filter = { query, ...(category ? { category } : {}), ...(status === 'all' ? {} : { active: status === 'active' }) };
  const list = usePagedList<ProductRow>(JSON.stringify(filter), (offset, limit) => call('catalog.list', { ...filter, offset, limit }), EVENTS);

  useShortcut('N', () => navigate('/products/new'), { enabled: canEdit });

  const price = (p: ProductRow) =>
    p.priceMin === p.priceMax ? <Money value={p.priceMin} /> : <><Money value={p.priceMin} /><span className="muted"> – </span><Money value={p.priceMax} /></>;
  const columns: Column<ProductRow>[] = [
    { key: 'image', header: '', width: '32px', render: (p) => <ProductThumb src={p.image} name={p.name} /> },
    {
      key: 'name',
      header: t('list.product'),
      width: 'minmax(220px, 3fr)',
      render: (p) => (
        <span className="product-cell">
          <span className="clamp">{p.name}</span>
          <span className="mono">{p.sku}</span>
        </span>
      ),
    },
    { key: 'category', header: t('field.category'), width: 'minmax(100px, 1fr)', render: (p) => p.category || <span className="faint">—</span> },
    { key: 'brand', header: t('field.brand'), width: 'minmax(80px, 1fr)', render: (p) => p.brand || <span className="faint">—</span> },
    { key: 'variants', header: t('list.variants'), align: 'right', width: '80px', render: (p) => <span className="num">{formatNumber(p.variantCount)}</span> },
    { key: 'price', header: t('list.price'), align: 'right', width: '200px', render: price },
    { key: 'onHand', header: t('list.onHand'), align: 'right', width: '80px', render: (p) => <span className="num">{formatNumber(p.onHand)}</span> },
    { key: 'available', header: t('list.available'), align: 'right', width: '80px', render: (p) => <span className={`num ${p.available <= 0 ? 'cell-low' : 'strong'}`}>{formatNumber(p.available)}</span> },
    { key: 'status', header: t('list.status'), width: '90px', render: (p) => (p.active ? <Tag tone="ok">{t('active')}</Tag> : <Tag>{t('inactive')}</Tag>) },
  ];

  const statusOptions = (['active', 'inactive', 'all'] as const).map((s) => ({ value: s, label: t(`list.statusFilter.${s}`) }));
  const categoryOptions = [{ value: '', label: t('list.allCategories') }, ...(categories.data ?? []).map((c) => ({ value: c, label: c }))];
  return (
    <div className="screen screen-fill">
      <PageHeader
        title={t('list.title')}
        subtitle={list.total !== undefined ? t('list.count', { count: list.total }) : undefined}
        actions={
          <>
            {canEdit ? <CatalogFileActions /> : null}
            {canEdit ? <Button variant="primary" shortcut="N" onClick={() => navigate('/products/new')}>{t('list.new')}</Button> : null}
          </>
        }
      >
        <Toolbar label={t('list.filters')}>
          <TextField
            className="w-lg"
            type="search"
            data-search
            label={t('list.search')}
            placeholder={t('list.searchPlaceholder')}
            value={search}
            onChange={setSearch}
            onKeyDown={(e) => {
              // ↓ from the search box moves into the list; Enter there opens the product.
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                document.querySelector<HTMLElement>('.vgrid')?.focus();
              }
            }}
          />
          <SelectField className="w-md" label={t('field.category')} value={category} onChange={setCategory} options={categoryOptions} />
          <SelectField className="w-sm" label={t('list.status')} value={status} onChange={setStatus} options={statusOptions} />
        </Toolbar>
      </PageHeader>
      <ErrorBanner error={list.error} />
      <VirtualGrid
        label={t('list.gridLabel')}
        columns={columns}
        total={list.total ?? 0}
        rowAt={list.rowAt}
        ensure={list.ensure}
        rowHeight={40}
        rowLabel={(p) => `${p.name} ${p.sku}`}
        onOpen={(p) => navigate(`/products/${p.id}`)}
        empty={list.total === 0 ? <EmptyState title={query || category ? t('list.noMatch') : t('list.empty')}>{canEdit && !query ? t('list.emptyHint') : null}</EmptyState> : null}
      />
    </div>
  );
}
