import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table.js';
import { ErrorBanner, Money } from '../../components/feedback.js';
import { StatusBadge } from '../../components/status-badge.js';
import { useCommand } from '../../lib/api.js';
import { formatDateTime } from '../../lib/format.js';
import { navigate } from '../../lib/router.js';

/**
 * A customer's orders. The order filter has no customer id, so this searches by the phone number
 * (or the name when there is no phone): close, but it can include another buyer with the same one.
 */
export function CustomerOrders({ phone, name }: { phone: string; name: string }) {
  const { t } = useTranslation('orders');
  const { data, error } = useCommand('orders.list', { query: phone || name, limit: 100, sort: 'created_desc' });
  return (
    <>
      <ErrorBanner error={error} />
      <DataTable
        label={t('customers:detail.orders')}
        rows={data?.items ?? []}
        rowKey={(o) => o.id}
        rowLabel={(o) => o.number}
        onOpen={(o) => navigate(`/orders/${o.id}`)}
        empty={data ? <p className="muted table-empty">{t('customers:detail.noOrders')}</p> : null}
        columns={[
          { key: 'number', header: t('list.col.number'), render: (o) => <a href={`#/orders/${o.id}`} tabIndex={-1}>{o.number}</a> },
          { key: 'created', header: t('list.col.created'), render: (o) => <span className="num muted">{formatDateTime(o.createdAt)}</span> },
          { key: 'channel', header: t('list.col.channel'), render: (o) => t(`common:channels.${o.channel}`) },
          { key: 'total', header: t('list.col.total'), render: (o) => <Money value={o.total} />, align: 'right' },
          { key: 'status', header: t('list.col.status'), render: (o) => <StatusBadge status={o.status} /> },
        ]}
      />
    </>
  );
}
