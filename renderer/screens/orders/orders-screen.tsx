import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderSummary } from '../../../main/api/orders.js';
import { useShortcut } from '../../app/shortcuts.js';
import { Button } from '../../components/button.js';
import { EmptyState, ErrorBanner } from '../../components/feedback.js';
import { PageHeader } from '../../components/layout.js';
import { useCommand } from '../../lib/api.js';
import { formatNumber } from '../../lib/format.js';
import { navigate } from '../../lib/router.js';
import { allSelected, EMPTY_SELECTION, selectAll, type Selection } from '../../lib/selection.js';
import { useOrdersView } from '../../state/orders-view.js';
import { BulkActions } from './bulk-actions.js';
import { OrderFilters } from './order-filters.js';
import { totalForView, viewToFilter } from './order-filter.js';
import { OrdersTable } from './orders-table.js';
import { StatusTabs } from './status-tabs.js';
import { useOrderPages } from './use-order-pages.js';

/** Bulk actions accept at most this many ids per call (orders.bulk* contract). */
const BULK_MAX = 1000;

export function OrdersScreen() {
  const { t } = useTranslation('orders');
  const view = useOrdersView();
  const filter = useMemo(() => viewToFilter(view), [view]);
  const countFilter = useMemo(() => viewToFilter(view, false), [view]);
  const counts = useCommand('orders.count', countFilter);
  const total = totalForView(view, counts.data);
  const pages = useOrderPages(filter, view.sort);
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);

  const open = (o: OrderSummary) => navigate(`/orders/${o.id}`);
  const selectEverything = async () => {
    const rows = await pages.loadFirst(Math.min(total, BULK_MAX));
    setSelection(selectAll(rows.map((r) => r.id)));
  };
  const visibleIds = useMemo(() => {
    const ids: number[] = [];
    for (let i = 0; i < Math.min(total, BULK_MAX); i++) {
      const r = pages.rowAt(i);
      if (r) ids.push(r.id);
    }
    return ids;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pages.version, total]);
  const everythingChecked = allSelected(selection, visibleIds);
  const toggleAll = () => (everythingChecked ? setSelection(EMPTY_SELECTION) : void selectEverything());

  useShortcut('Ctrl+A', () => void selectEverything());
  useShortcut('Escape', () => setSelection(EMPTY_SELECTION), { enabled: selection.ids.size > 0 });

  return (
    <div className="screen screen-fill">
      <PageHeader
        title={t('list.title')}
        subtitle={<span className="num">{t('list.count', { count: total, formatted: formatNumber(total) })}</span>}
        actions={<Button variant="primary" shortcut="N" onClick={() => navigate('/orders/new')}>{t('list.new')}</Button>}
      >
        <OrderFilters />
        <StatusTabs counts={counts.data} />
      </PageHeader>
      <ErrorBanner error={counts.error} />
      <BulkActions ids={[...selection.ids]} numberOf={pages.numberOf} onClear={() => setSelection(EMPTY_SELECTION)} />
      {counts.data && total === 0 ? (
        <EmptyState title={t('list.empty')} />
      ) : (
        <OrdersTable
          total={total}
          pages={pages}
          selection={selection}
          onSelection={setSelection}
          active={Math.min(view.activeIndex, Math.max(0, total - 1))}
          onActive={(i) => useOrdersView.setState({ activeIndex: i })}
          onOpen={open}
          onSelectAll={toggleAll}
          allChecked={everythingChecked}
        />
      )}
    </div>
  );
}
