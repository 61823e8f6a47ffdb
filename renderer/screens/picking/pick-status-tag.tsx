import { useTranslation } from 'react-i18next';
import type { PickListSummary } from '../../../main/api/picking.js';

const TONE: Record<PickListSummary['status'], string> = { open: 'info', picked: 'warn', done: 'ok', cancelled: 'muted' };

export function PickStatusTag({ status }: { status: PickListSummary['status'] }) {
  const { t } = useTranslation('picking');
  return <span className={`tag tag-${TONE[status]}`}>{t(`status.${status}`)}</span>;
}
