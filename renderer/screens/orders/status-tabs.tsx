import { useTranslation } from 'react-i18next';
import { ORDER_STATUSES } from '../../../main/api/common.js';
import { formatNumber } from '../../lib/format.js';
import { useOrdersView } from '../../state/orders-view.js';

type Tab = (typeof ORDER_STATUSES)[number] | 'all';

/**
 * Status filter as a row of toggle buttons with counts. Statuses with no orders are hidden, except
 * the selected one, to keep the row short.
 */
export function StatusTabs({ counts }: { counts: { total: number; byStatus: Record<string, number>; capped?: boolean } | undefined }) {
  const { t } = useTranslation('orders');
  const status = useOrdersView((s) => s.status);
  const set = useOrdersView((s) => s.set);
  const tabs: Tab[] = ['all', ...ORDER_STATUSES.filter((s) => (counts?.byStatus[s] ?? 0) > 0 || s === status)];
  return (
    <div className="status-tabs" role="group" aria-label={t('filters.status')}>
      {tabs.map((s) => {
        const n = s === 'all' ? counts?.total : counts?.byStatus[s];
        const label = s === 'all' ? t('filters.allStatuses') : t(`common:status.${s}`);
        return (
          <button
            key={s}
            type="button"
            className={`status-tab ${status === s ? 'is-active' : ''}`}
            aria-pressed={status === s}
            onClick={() => set({ status: s })}
          >
            <span>{label}</span>
            {/* A search counts its first 10,000 matches only; beyond that the figure is a floor. */}
            <span className="status-count">{n === undefined ? '·' : `${formatNumber(n)}${counts?.capped ? '+' : ''}`}</span>
          </button>
        );
      })}
    </div>
  );
}
