import { useTranslation } from 'react-i18next';
import type { OrderSummary } from '../../main/api/orders.js';

type Status = OrderSummary['status'];

// Colours by what the operator has to do, not by the raw state: waiting (amber), work to do (blue),
// on its way (violet), done (green), stopped (grey / red).
const TONE: Record<Status, string> = {
  new: 'info',
  awaiting_stock: 'warn',
  ready_to_pack: 'accent',
  packing: 'accent',
  packed: 'accent',
  shipped: 'transit',
  delivered: 'ok',
  completed: 'ok',
  cancelled: 'muted',
  delivery_failed: 'danger',
  returning: 'danger',
  returned: 'muted',
};

export function StatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${TONE[status]}`}>{t(`status.${status}`)}</span>;
}

/** A neutral label chip (channel, role, warehouse code…). */
export function Tag({ children, tone = 'neutral' }: { children: string; tone?: 'neutral' | 'info' | 'warn' | 'danger' | 'ok' }) {
  return <span className={`tag tag-${tone}`}>{children}</span>;
}
