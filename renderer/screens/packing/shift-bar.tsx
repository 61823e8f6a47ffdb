import { useTranslation } from 'react-i18next';
import { useCommand } from '../../lib/api.js';
import { formatNumber } from '../../lib/format.js';

/** This packer at this desk since midnight: packed orders, the pace, scan errors. */
export function ShiftBar() {
  const { t } = useTranslation('packing');
  const shift = useCommand('packing.shift', {});
  const s = shift.data;
  return (
    <dl className="shift-bar" aria-label={t('shift.label')}>
      <div><dt>{t('shift.packed')}</dt><dd className="num">{s ? formatNumber(s.packed) : '–'}</dd></div>
      <div><dt>{t('shift.perHour')}</dt><dd className="num">{s ? formatNumber(s.ordersPerHour) : '–'}</dd></div>
      <div><dt>{t('shift.errors')}</dt><dd className={`num ${s && s.scanErrors > 0 ? 'shift-errors' : ''}`}>{s ? formatNumber(s.scanErrors) : '–'}</dd></div>
    </dl>
  );
}
