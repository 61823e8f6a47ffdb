import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShortcut } from '../../app/shortcuts.js';
import { Button } from '../../components/button.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { EmptyState, ErrorBanner } from '../../components/feedback.js';
import { SelectField } from '../../components/field.js';
import { FilterTabs } from '../../components/filter-tabs.js';
import { useCommand, type Output } from '../../lib/api.js';
import { formatDateTime } from '../../lib/format.js';
import type { PackStation } from './use-pack-station.js';

type Row = Output<'packing.queue'>['orders'][number];

/**
 * Rows shown: more than a screen, which is all a packer working from the top (N) looks at; any other
 * order opens by scanning it. Fewer rows make hiding and showing the queue around each order cheap.
 */
const QUEUE_ROWS = 50;

type QueueProps = Pick<PackStation, 'routing' | 'sequence' | 'open' | 'openFromSequence'>;

/**
 * ready_to_pack orders of this desk's warehouse, most urgent first; N (or a scan) opens one. Memoised
 * on the few stable props it uses: the screen re-renders with every scan, this view need not.
 */
export const PackQueueView = memo(function PackQueueView(st: QueueProps) {
  const { t } = useTranslation('packing');
  const [channel, setChannel] = useState('');
  const [carrier, setCarrier] = useState('');
  // Not re-read while a scan is handled: the order it opens hides this list, and the open's events would
  // otherwise start a count over every ready order on the core just as the packer scans the first item.
  const queue = useCommand('packing.queue', st.routing ? null : { limit: QUEUE_ROWS, ...(channel ? { channel: channel as Row['channel'] } : {}), ...(carrier ? { carrier } : {}) });
  const rows = queue.data?.orders ?? [];
  const openNext = () => {
    if (st.sequence.length) void st.openFromSequence(st.sequence);
    else if (rows[0]) void st.open(rows[0].id);
  };
  useShortcut('N', openNext);

  const channels = Object.entries(queue.data?.byChannel ?? {});
  const carriers = Object.keys(queue.data?.byCarrier ?? {});
  // The table (up to 200 rows) is built only when its rows change (a filter, a sequence, routing
  // re-render the view), and it stays mounted, hidden, under an open order.
  const { open } = st;
  const table = useMemo(() => {
    const columns: Column<Row>[] = [
      { key: 'number', header: t('col.number'), width: '9rem', render: (o) => <span className="mono">{o.number}</span> },
      { key: 'channel', header: t('col.channel'), width: '7rem', render: (o) => t(`common:channels.${o.channel}`) },
      { key: 'buyer', header: t('col.buyer'), render: (o) => o.buyerName },
      { key: 'items', header: t('col.items'), align: 'right', width: '6rem', render: (o) => <span className="num">{t('itemsCount', { count: o.itemCount, lines: o.lineCount })}</span> },
      { key: 'carrier', header: t('col.carrier'), width: '7rem', render: (o) => (o.carrier ? t(`carriers.${o.carrier}`, { defaultValue: o.carrier }) : '—') },
      { key: 'shipBy', header: t('col.shipBy'), width: '9rem', render: (o) => <span className="num">{o.shipBy ? formatDateTime(o.shipBy) : '—'}</span> },
      { key: 'created', header: t('col.created'), width: '9rem', render: (o) => <span className="num muted">{formatDateTime(o.createdAt)}</span> },
    ];
    return (
      <DataTable
        label={t('queueLabel')}
        columns={columns}
        rows={rows}
        rowKey={(o) => o.id}
        rowLabel={(o) => `${o.number} ${o.buyerName}`}
        onOpen={(o) => void open(o.id)}
        empty={queue.data ? <EmptyState title={t('queueEmpty')}>{t('queueEmptyHint')}</EmptyState> : null}
      />
    );
  }, [open, queue.data, rows, t]);

  return (
    <>
      <div className="pack-queue-toolbar">
        <FilterTabs
          label={t('channelFilter')}
          value={channel}
          onChange={setChannel}
          tabs={[{ value: '', label: t('allChannels'), count: channels.reduce((n, [, c]) => n + c, 0) }, ...channels.map(([c, n]) => ({ value: c, label: t(`common:channels.${c}`), count: n }))]}
        />
        <SelectField label={t('carrierFilter')} className="header-filter" value={carrier} onChange={setCarrier}
          options={[{ value: '', label: t('allCarriers') }, ...carriers.map((c) => ({ value: c, label: `${t(`carriers.${c}`, { defaultValue: c })} (${queue.data?.byCarrier[c] ?? 0})` }))]} />
        <Button variant="primary" shortcut="N" onClick={openNext} disabled={!rows.length && !st.sequence.length}>{t('next')}</Button>
      </div>
      {st.sequence.length ? <p className="pack-sequence" role="status">{t('sequenceLeft', { count: st.sequence.length })}</p> : null}
      <ErrorBanner error={queue.error} />
      <p className="muted small" aria-live="polite">{t('queueCount', { count: queue.data?.total ?? 0 })}</p>
      {table}
    </>
  );
});
