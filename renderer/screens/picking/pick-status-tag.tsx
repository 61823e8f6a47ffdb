import { useTranslation } from 'react-i18next';
import type { PickListSummary } from '../../../main/api/picking.js';

const TONE: Record<PickListSummary['status'], string> = { open: 'info', picked: 'warn', done: 'ok', cancelled: 'muted' };

export function PickStatusTag({ status }: { status: PickListSummary['status'] }) {
  const { t } = useTranslation('picking');
  return <span className={`tag tag-${TONE[status]}`}>{t(`status.${status}`)}</span>;
}

/** "packed x / n" with a thin bar; cancelled orders are named apart since they will never be packed. */
export function PickProgress({ list }: { list: Pick<PickListSummary, 'packedCount' | 'cancelledCount' | 'orderCount'> }) {
  const { t } = useTranslation('picking');
  const pct = list.orderCount ? Math.round(((list.packedCount + list.cancelledCount) / list.orderCount) * 100) : 0;
  const text = t('progress', { packed: list.packedCount, total: list.orderCount });
  return (
    <span className="pick-progress" data-testid="pick-progress">
      <span className="pick-progress-bar" aria-hidden="true"><span style={{ width: `${pct}%` }} /></span>
      <span className="num">{text}</span>
      {list.cancelledCount ? <span className="muted small">{t('progressCancelled', { count: list.cancelledCount })}</span> : null}
    </span>
  );
}
