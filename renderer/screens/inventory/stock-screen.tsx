import '../catalog/extras.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { EmptyState, ErrorBanner, Loading } from '../../components/feedback.js';
import { CheckboxField, NumberField, TextField } from '../../components/field.js';
import { PageHeader, Toolbar } from '../../components/layout.js';
import { useShortcut } from '../../app/shortcuts.js';
import { useCommand, type Output } from '../../lib/api.js';
import { formatAttributes, formatNumber } from '../../lib/format.js';
import { navigate, useLocation } from '../../lib/router.js';
import { hasRole, useOperator } from '../../state/session-store.js';
import { WarehouseSelect } from '../warehouses/warehouse-select.js';
import { lastWarehouse, pickDefaultWarehouse, rememberWarehouse, useWarehouses } from '../warehouses/use-warehouses.js';
import { AdjustDialog } from './adjust-dialog.js';
import { Pager } from './pager.js';
import { ReceiveDialog } from './receive-dialog.js';
import { SetBinDialog } from './set-bin-dialog.js';
import { useDebounced } from './use-debounced.js';
import { RowActions } from '../catalog/row-actions.js';

export type StockRow = Output<'inventory.levels'>['items'][number];
type Open = { kind: 'adjust' | 'bin'; row: StockRow } | { kind: 'receive' } | null;

const PAGE = 100;

export function StockScreen() {
  const { t } = useTranslation('inventory');
  const canEdit = hasRole('manager', useOperator()?.role);
  const { query: url } = useLocation();
  const warehouses = useWarehouses();
  const [chosen, setChosen] = useState<number | null>(() => Number(url.get('warehouse')) || lastWarehouse());
  const warehouse = warehouses.data ? pickDefaultWarehouse(warehouses.data, chosen) : undefined;
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim());
  const [lowOnly, setLowOnly] = useState(url.get('low') === '1');
  const [threshold, setThreshold] = useState<number | null>(5);
  const [offset, setOffset] = useState(0);
  const [open, setOpen] = useState<Open>(null);
  const lowStockThreshold = threshold ?? 0;

  const levels = useCommand(
    'inventory.levels',
    warehouse ? { warehouseId: warehouse.id, query, lowStock: lowOnly, lowStockThreshold, limit: PAGE, offset } : null,
  );
  // Any filter change starts again from the first page.
  const filter = <T,>(setter: (v: T) => void) => (v: T) => {
    setter(v);
    setOffset(0);
  };

  useShortcut('R', () => setOpen({ kind: 'receive' }), { enabled: canEdit && open === null && warehouse !== undefined });

  const history = (r: StockRow) =>
    navigate(`/movements?warehouse=${r.warehouseId}&variant=${r.variantId}&sku=${encodeURIComponent(r.sku)}`);

  const columns: Column<StockRow>[] = [
    { key: 'sku', header: t('column.sku'), width: '11rem', render: (r) => <span className="mono">{r.sku}</span> },
    { key: 'product', header: t('column.product'), render: (r) => r.productName },
    { key: 'attributes', header: t('column.attributes'), render: (r) => <span className="muted">{formatAttributes(r.attributes) || '—'}</span> },
    { key: 'bin', header: t('column.bin'), width: '7rem', render: (r) => (r.binCode ? <span className="mono">{r.binCode}</span> : <span className="faint">—</span>) },
    { key: 'onHand', header: t('column.onHand'), align: 'right', width: '6rem', render: (r) => <span className="num">{formatNumber(r.onHand)}</span> },
    { key: 'reserved', header: t('column.reserved'), align: 'right', width: '6rem', render: (r) => <span className="num muted">{formatNumber(r.reserved)}</span> },
    {
      key: 'available',
      header: t('column.available'),
      align: 'right',
      width: '6rem',
      render: (r) => {
        const low = r.available <= lowStockThreshold;
        return (
          <span className={`num ${low ? 'cell-low' : 'strong'}`} title={low ? t('lowTitle', { threshold: lowStockThreshold }) : undefined}>
            {formatNumber(r.available)}
          </span>
        );
      },
    },
    {
      key: 'actions',
      header: '',
      align: 'right',
      width: canEdit ? '17rem' : '6rem',
      render: (r) => (
        <RowActions>
          {canEdit ? <Button size="sm" variant="ghost" aria-label={t('adjustNamed', { sku: r.sku })} onClick={() => setOpen({ kind: 'adjust', row: r })}>{t('adjust')}</Button> : null}
          {canEdit ? <Button size="sm" variant="ghost" aria-label={t('setBinNamed', { sku: r.sku })} onClick={() => setOpen({ kind: 'bin', row: r })}>{t('setBin')}</Button> : null}
          <Button size="sm" variant="ghost" aria-label={t('historyNamed', { sku: r.sku })} onClick={() => history(r)}>{t('history')}</Button>
        </RowActions>
      ),
    },
  ];

  return (
    <div className="screen">
      <PageHeader
        title={t('stock.title')}
        subtitle={levels.data ? t('stock.count', { count: levels.data.total }) : undefined}
        actions={
          <>
            <Button onClick={() => navigate(warehouse ? `/movements?warehouse=${warehouse.id}` : '/movements')}>{t('movements.title')}</Button>
            {canEdit ? <Button variant="primary" shortcut="R" disabled={!warehouse} onClick={() => setOpen({ kind: 'receive' })}>{t('receive.open')}</Button> : null}
          </>
        }
      >
        <Toolbar label={t('filters')}>
          <WarehouseSelect
            className="w-md"
            label={t('warehouse')}
            warehouses={(warehouses.data ?? []).filter((w) => w.active)}
            value={warehouse?.id ?? null}
            onChange={filter((id: number | null) => {
              setChosen(id);
              if (id) rememberWarehouse(id);
            })}
          />
          <TextField
            className="w-lg"
            label={t('search')}
            placeholder={t('searchPlaceholder')}
            data-search
            type="search"
            value={search}
            onChange={filter(setSearch)}
            onKeyDown={(e) => {
              // ↓ from the search box goes to the list, so search → pick → Enter needs no mouse.
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                document.querySelector<HTMLElement>('.stock-list tbody tr[tabindex="0"]')?.focus();
              }
            }}
          />
          <CheckboxField label={t('lowOnly')} checked={lowOnly} onChange={filter(setLowOnly)} />
          <NumberField className="w-xs" label={t('threshold')} min={0} max={100000} value={threshold} onChange={filter(setThreshold)} />
        </Toolbar>
      </PageHeader>
      <ErrorBanner error={warehouses.error ?? levels.error} />
      {warehouses.data && !warehouse ? <EmptyState title={t('noWarehouse')} /> : null}
      {levels.loading && !levels.data ? <Loading /> : null}
      {levels.data ? (
        <>
          <div className="stock-list">
          <DataTable
            label={t('stock.tableLabel', { code: warehouse?.code ?? '' })}
            columns={columns}
            rows={levels.data.items}
            rowKey={(r) => r.variantId}
            rowLabel={(r) => `${r.sku} ${r.productName}`}
            onOpen={(r) => (canEdit ? setOpen({ kind: 'adjust', row: r }) : history(r))}
            empty={<EmptyState title={query || lowOnly ? t('stock.noMatch') : t('stock.empty')} />}
          />
          </div>
          <Pager label={t('pager.label')} offset={offset} limit={PAGE} total={levels.data.total} onOffset={setOffset} />
        </>
      ) : null}
      {open?.kind === 'adjust' ? <AdjustDialog row={open.row} onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'bin' ? <SetBinDialog row={open.row} onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'receive' && warehouse ? <ReceiveDialog warehouse={warehouse} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}
