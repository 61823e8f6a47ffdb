import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../lib/api.js';
import { formatNumber } from '../../lib/format.js';
import { useQuietCommand } from './use-quiet-command.js';

/** This packer at this desk since midnight: packed orders, the pace, scan errors. */
export function ShiftBar() {
  const { t } = useTranslation('packing');
  const [s, setShift] = useState<Output<'packing.shift'>>();
  // Re-read once a run of scans pauses, not on each scan's events: the numbers are a glance, the scan's
  // feedback is not to wait for them.
  useQuietCommand('packing.shift', {}, setShift);
  return (
    <dl className="shift-bar" aria-label={t('shift.label')}>
      <div><dt>{t('shift.packed')}</dt><dd className="num">{s ? formatNumber(s.packed) : '–'}</dd></div>
      <div><dt>{t('shift.perHour')}</dt><dd className="num">{s ? formatNumber(s.ordersPerHour) : '–'}</dd></div>
      <div><dt>{t('shift.errors')}</dt><dd className={`num ${s && s.scanErrors > 0 ? 'shift-errors' : ''}`}>{s ? formatNumber(s.scanErrors) : '–'}</dd></div>
    </dl>
  );
}
