import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PickListSummary } from '../../../main/api/picking.js';
import { Button } from '../../components/button.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { EmptyState, ErrorBanner } from '../../components/feedback.js';
import { FilterTabs } from '../../components/filter-tabs.js';
import { PageHeader } from '../../components/layout.js';
import { useShortcut } from '../../app/shortcuts.js';
import { useCommand } from '../../lib/api.js';
import { formatDateTime } from '../../lib/format.js';
import { navigate } from '../../lib/router.js';
import { PickProgress, PickStatusTag } from './pick-status-tag.js';
import './picking.css';

type Tab = 'open' | 'all';

/** Pick lists, newest first: open ones by default, all with one key. */
export function PickListsScreen() {
  const { t } = useTranslation('picking');
  const [tab, setTab] = useState<Tab>('open');
  // Both tabs are read so each shows its count (the newest 200 lists at most, as the table does).
  const open = useCommand('picking.list', { statuses: ['open', 'picked'], limit: 200 });
  const all = useCommand('picking.list', { statuses: [], limit: 200 });
  const list = tab === 'open' ? open : all;
  useShortcut('N', () => navigate('/pick-lists/new'));

  const columns: Column<PickListSummary>[] = [
    { key: 'code', header: t('col.code'), width: '9rem', render: (p) => <strong className="num">{p.code}</strong> },
    { key: 'status', header: t('col.status'), width: '8rem', render: (p) => <PickStatusTag status={p.status} /> },
    { key: 'warehouse', header: t('col.warehouse'), width: '10rem', render: (p) => p.warehouseCode },
    { key: 'orders', header: t('col.orders'), width: '5rem', align: 'right', render: (p) => <span className="num">{p.orderCount}</span> },
    { key: 'progress', header: t('col.progress'), width: '9rem', render: (p) => <PickProgress list={p} /> },
    { key: 'createdAt', header: t('col.createdAt'), width: '9rem', render: (p) => <span className="num muted">{formatDateTime(p.createdAt)}</span> },
    { key: 'createdBy', header: t('col.createdBy'), width: '10rem', render: (p) => p.createdBy ?? '' },
    { key: 'note', header: t('col.note'), render: (p) => <span className="muted">{p.note}</span> },
  ];

  return (
    <div className="screen">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={<Button variant="primary" shortcut="N" onClick={() => navigate('/pick-lists/new')}>{t('new')}</Button>}
      >
        <FilterTabs label={t('tabsLabel')} value={tab} onChange={setTab} tabs={[{ value: 'open', label: t('status.open'), count: open.data?.items.length }, { value: 'all', label: t('allStatuses'), count: all.data?.items.length }]} />
      </PageHeader>
      <ErrorBanner error={list.error} />
      <DataTable
        label={t('listLabel')}
        columns={columns}
        rows={list.data?.items ?? []}
        rowKey={(p) => p.id}
        rowLabel={(p) => p.code}
        onOpen={(p) => navigate(`/pick-lists/${p.id}`)}
        empty={<EmptyState title={t('empty')} />}
      />
    </div>
  );
}
