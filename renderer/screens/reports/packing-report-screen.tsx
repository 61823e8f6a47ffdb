import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../components/data-table.js';
import { EmptyState, ErrorBanner } from '../../components/feedback.js';
import { DateField } from '../../components/date-field.js';
import { PageHeader } from '../../components/layout.js';
import { useCommand, type Output } from '../../lib/api.js';
import { formatNumber, vnDayRange } from '../../lib/format.js';

type Row = Output<'packing.metrics'>['rows'][number];

const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const daysBefore = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/** /reports/packing: orders per hour and scan errors per packer, station and day (managers). */
export function PackingReportScreen() {
  const { t } = useTranslation('reports');
  const [from, setFrom] = useState(daysBefore(today(), 6));
  const [to, setTo] = useState(today());
  const a = vnDayRange(from);
  const b = vnDayRange(to);
  const range = a && b ? { from: a.start, to: b.end + 1 } : null;
  const metrics = useCommand('packing.metrics', range);
  const rows = metrics.data?.rows ?? [];
  const columns: Column<Row>[] = [
    { key: 'day', header: t('col.day'), width: '7rem', render: (r) => <span className="num">{r.day.split('-').reverse().join('/')}</span> },
    { key: 'packer', header: t('col.packer'), render: (r) => r.operatorName ?? t('unknownPacker') },
    { key: 'station', header: t('col.station'), width: '8rem', render: (r) => r.station },
    { key: 'packed', header: t('col.packed'), align: 'right', width: '6rem', render: (r) => <span className="num">{formatNumber(r.packed)}</span> },
    { key: 'hours', header: t('col.hours'), align: 'right', width: '6rem', render: (r) => <span className="num">{formatNumber(r.activeHours)}</span> },
    { key: 'rate', header: t('col.perHour'), align: 'right', width: '6rem', render: (r) => <span className="num">{formatNumber(r.ordersPerHour)}</span> },
    { key: 'scans', header: t('col.scans'), align: 'right', width: '6rem', render: (r) => <span className="num">{formatNumber(r.scans)}</span> },
    {
      key: 'errors', header: t('col.errors'), align: 'right', width: '14rem',
      render: (r) => (
        <span className="num" title={Object.entries(r.errorsByResult).map(([k, n]) => `${t(`result.${k}`)}: ${n}`).join(', ')}>
          {formatNumber(r.scanErrors)}
          {r.scanErrors ? <span className="muted small"> ({Object.entries(r.errorsByResult).map(([k, n]) => `${t(`result.${k}`)} ${n}`).join(', ')})</span> : null}
        </span>
      ),
    },
  ];
  return (
    <div className="screen">
      <PageHeader title={t('packingTitle')} subtitle={t('packingSubtitle')}
        actions={<>
          <DateField label={t('from')} value={from} onChange={setFrom} />
          <DateField label={t('to')} value={to} onChange={setTo} />
        </>} />
      <ErrorBanner error={metrics.error} />
      <DataTable label={t('packingTable')} columns={columns} rows={rows} rowKey={(r) => `${r.day}|${r.operatorId}|${r.station}`}
        rowLabel={(r) => `${r.day} ${r.operatorName ?? ''} ${r.station}`}
        empty={metrics.data ? <EmptyState title={t('empty')} /> : null} />
    </div>
  );
}
