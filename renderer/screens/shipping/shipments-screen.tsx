import '../catalog/extras.css';
import './shipping.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { EmptyState, ErrorBanner, Money } from '../../components/feedback.js';
import { TextField } from '../../components/field.js';
import { PageHeader, Toolbar } from '../../components/layout.js';
import { useAction, useCommand, type Output } from '../../lib/api.js';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.js';
import { href, navigate } from '../../lib/router.js';
import { useDebounced } from '../../lib/use-debounced.js';
import { toast } from '../../state/toast-store.js';
import { Pager } from '../inventory/pager.js';
import type { ShipmentState } from './booking-rules.js';
import { CarrierTag, ShipmentBadge } from './shipment-badge.js';
import { FilterTabs } from '../../components/filter-tabs.js';

type Row = Output<'shipping.list'>['items'][number];

/** Shipments grouped by what the shop has to do about them. */
export const SHIPMENT_GROUPS: Record<string, readonly ShipmentState[]> = {
  all: [],
  preparing: ['booking', 'booked', 'picking', 'cancelling'],
  onTheRoad: ['picked', 'in_transit', 'delivering'],
  attention: ['booking_failed', 'delivery_failed', 'awaiting_decision', 'returning', 'exception', 'lost', 'damaged'],
  delivered: ['delivered'],
  closed: ['cancelled', 'returned'],
};
type Group = keyof typeof SHIPMENT_GROUPS;
const PAGE = 100;

/** Every shipment, by group, searchable by tracking number, order number or shipment code. */
export function ShipmentsScreen() {
  const { t } = useTranslation('shipping');
  const [group, setGroup] = useState<Group>('all');
  const [query, setQuery] = useState('');
  const [offset, setOffset] = useState(0);
  const q = useDebounced(query.trim(), 250);
  const list = useCommand('shipping.list', { states: [...SHIPMENT_GROUPS[group]], query: q, limit: PAGE, offset });
  const counts = useGroupCounts();
  const track = useAction('shipping.trackNow');

  const columns: Column<Row>[] = [
    { key: 'order', header: t('list.col.order'), width: '7.5rem', render: (s) => <a href={href(`/orders/${s.orderId}`)} tabIndex={-1}>{s.orderNumber}</a> },
    { key: 'state', header: t('list.col.state'), width: '9rem', render: (s) => <ShipmentBadge state={s.state} /> },
    { key: 'carrier', header: t('list.col.carrier'), render: (s) => <span className="nowrap"><CarrierTag carrier={s.carrier} /> <span className="muted">{s.accountName}</span></span> },
    { key: 'tracking', header: t('list.col.tracking'), width: '9rem', render: (s) => (s.trackingNumber ? <span className="mono">{s.trackingNumber}</span> : <span className="muted">—</span>) },
    { key: 'service', header: t('list.col.service'), render: (s) => <span className="clamp">{s.serviceName || s.serviceCode}</span> },
    { key: 'cod', header: t('list.col.cod'), align: 'right', width: '7.5rem', render: (s) => <Money value={s.codAmount} /> },
    { key: 'fee', header: t('list.col.fee'), align: 'right', width: '6.5rem', render: (s) => (s.fee ?? s.quotedFee) === null ? '—' : <Money value={(s.fee ?? s.quotedFee)!} /> },
    { key: 'eta', header: t('list.col.expected'), width: '6.5rem', render: (s) => (s.expectedDeliveryAt ? <span className="num">{formatDate(s.expectedDeliveryAt)}</span> : '—') },
    { key: 'updated', header: t('list.col.updated'), width: '8.5rem', render: (s) => <span className="num muted">{formatDateTime(s.updatedAt)}</span> },
  ];

  return (
    <div className="screen">
      <PageHeader
        title={t('list.title')}
        subtitle={list.data ? <span className="num">{t('list.count', { count: list.data.total, formatted: formatNumber(list.data.total) })}</span> : undefined}
        actions={
          <Button busy={track.pending} onClick={async () => { const r = await track.run({}); if (r) toast('info', t('list.trackAllQueued', { count: r.queued })); }}>
            {t('list.trackAll')}
          </Button>
        }
      >
        <Toolbar label={t('list.filters')}>
          <TextField label={t('list.search')} hideLabel value={query} onChange={(v) => { setQuery(v); setOffset(0); }} placeholder={t('list.searchPlaceholder')} type="search" className="w-lg" data-search autoComplete="off" />
        </Toolbar>
        <FilterTabs
          label={t('list.groupsLabel')}
          value={group}
          onChange={(g) => { setGroup(g); setOffset(0); }}
          tabs={(Object.keys(SHIPMENT_GROUPS) as Group[]).map((g) => ({ value: g, label: t(`list.group.${g}`), count: counts[g] }))}
        />
      </PageHeader>
      <ErrorBanner error={list.error ?? track.error} />
      <DataTable
        label={t('list.tableLabel')}
        columns={columns}
        rows={list.data?.items ?? []}
        rowKey={(s) => s.id}
        rowLabel={(s) => `${s.orderNumber} ${t(`state.${s.state}`)} ${s.trackingNumber ?? ''}`}
        onOpen={(s) => navigate(`/orders/${s.orderId}`)}
        empty={list.data ? <EmptyState title={q ? t('list.noMatch', { query: q }) : t('list.empty')} /> : null}
      />
      {list.data ? <Pager offset={offset} limit={PAGE} total={list.data.total} onOffset={setOffset} label={t('list.pages')} /> : null}
    </div>
  );
}

/** One small count query per group, kept fresh by the shipping events like the list itself. */
function useGroupCounts(): Partial<Record<Group, number>> {
  const out: Partial<Record<Group, number>> = {};
  for (const g of Object.keys(SHIPMENT_GROUPS) as Group[]) {
    // The groups are a fixed list, so the hooks run in the same order every render.
    // eslint-disable-next-line react-hooks/rules-of-hooks
    out[g] = useCommand('shipping.list', { states: [...SHIPMENT_GROUPS[g]], limit: 1 }).data?.total;
  }
  return out;
}
