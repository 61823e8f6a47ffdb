import { useTranslation } from 'react-i18next';
import type { PickLineOut } from '../../../main/api/picking.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { formatAttributes } from '../../lib/format.js';

/** The aggregated lines of a pick list (or of its preview), in walking order: bin, then SKU. */
export function PickListLines({ lines }: { lines: readonly PickLineOut[] }) {
  const { t } = useTranslation('picking');
  const columns: Column<PickLineOut>[] = [
    { key: 'bin', header: t('col.bin'), width: '7rem', render: (l) => (l.bin ? <strong className="pick-bin">{l.bin}</strong> : <span className="muted">{t('detail.noBin')}</span>) },
    { key: 'sku', header: t('col.sku'), width: '10rem', render: (l) => <span className="num">{l.sku}</span> },
    { key: 'product', header: t('col.product'), render: (l) => (<><div>{l.productName}</div>{l.attributes.length ? <div className="muted small">{formatAttributes(l.attributes)}</div> : null}</>) },
    { key: 'qty', header: t('col.quantity'), width: '4rem', align: 'right', render: (l) => <strong className="num">{l.quantity}</strong> },
    { key: 'orders', header: t('col.byOrder'), render: (l) => <span className="muted small">{l.orders.map((o) => `${o.orderNumber} ×${o.quantity}`).join(', ')}</span> },
  ];
  return <DataTable label={t('detail.linesLabel')} columns={columns} rows={lines} rowKey={(l) => l.variantId} rowLabel={(l) => `${l.bin ?? t('detail.noBin')} ${l.sku} ×${l.quantity}`} />;
}
