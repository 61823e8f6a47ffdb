import { useTranslation } from 'react-i18next';
import { Money } from '../../components/feedback.js';
import { formatDateTime } from '../../lib/format.js';
import { href } from '../../lib/router.js';
import type { Output } from '../../lib/api.js';

type Row = Output<'cod.summary'>['deliveredUnpaid'][number];

/**
 * Delivered parcels whose COD the carrier has not paid out yet, each with a checkbox in the tab
 * order (Space ticks it). The header box ticks all; the footer sums what is ticked.
 */
export function UnpaidTable({ rows, selected, onSelected }: { rows: readonly Row[]; selected: ReadonlySet<number>; onSelected: (next: ReadonlySet<number>) => void }) {
  const { t } = useTranslation('cod');
  if (rows.length === 0) return <p className="muted">{t('unpaid.empty')}</p>;
  const all = rows.every((r) => selected.has(r.id));
  const toggle = (id: number) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelected(next);
  };
  const sum = rows.filter((r) => selected.has(r.id)).reduce((s, r) => s + r.codCollected, 0);
  return (
    <div className="table-wrap">
      <table className="table" aria-label={t('unpaid.title')}>
        <thead>
          <tr>
            <th className="cell-check">
              <input type="checkbox" className="row-check" aria-label={t('unpaid.selectAll')} checked={all} onChange={() => onSelected(all ? new Set() : new Set(rows.map((r) => r.id)))} />
            </th>
            <th>{t('unpaid.col.order')}</th>
            <th>{t('unpaid.col.tracking')}</th>
            <th>{t('unpaid.col.updated')}</th>
            <th className="right">{t('unpaid.col.cod')}</th>
            <th className="right">{t('unpaid.col.collected')}</th>
            <th className="right">{t('unpaid.col.fee')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className={selected.has(r.id) ? 'is-selected' : undefined}>
              <td className="cell-check">
                <input type="checkbox" className="row-check" aria-label={t('unpaid.select', { number: r.orderNumber })} checked={selected.has(r.id)} onChange={() => toggle(r.id)} />
              </td>
              <td><a href={href(`/orders/${r.orderId}`)}>{r.orderNumber}</a></td>
              <td className="mono">{r.trackingNumber ?? '—'}</td>
              <td className="num muted">{formatDateTime(r.updatedAt)}</td>
              <td className="right"><Money value={r.codAmount} /></td>
              <td className={`right ${r.codCollected !== r.codAmount ? 'text-danger' : ''}`}><Money value={r.codCollected} /></td>
              <td className="right">{r.fee === null ? '—' : <Money value={r.fee} />}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td />
            <td colSpan={4}>{t('unpaid.selectedSum', { count: selected.size })}</td>
            <td className="right"><Money value={sum} strong /></td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
