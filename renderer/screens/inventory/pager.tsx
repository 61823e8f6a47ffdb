import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import { formatNumber } from '../../lib/format.js';

export interface PagerProps {
  offset: number;
  limit: number;
  total: number;
  onOffset: (offset: number) => void;
  /** Accessible name of the group, e.g. "Stock pages". */
  label: string;
}

/** "1–100 of 532" with previous / next; hidden when everything fits on one page. */
export function Pager({ offset, limit, total, onOffset, label }: PagerProps) {
  const { t } = useTranslation('inventory');
  if (total <= limit && offset === 0) return null;
  const last = Math.min(total, offset + limit);
  return (
    <nav className="pager" aria-label={label}>
      <span className="num">{t('pager.range', { from: formatNumber(total === 0 ? 0 : offset + 1), to: formatNumber(last), total: formatNumber(total) })}</span>
      <Button size="sm" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - limit))}>{t('pager.previous')}</Button>
      <Button size="sm" disabled={last >= total} onClick={() => onOffset(offset + limit)}>{t('pager.next')}</Button>
    </nav>
  );
}
