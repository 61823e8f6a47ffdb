import { useTranslation } from 'react-i18next';
import type { Order } from '../../../main/api/orders.js';
import { StatusBadge } from '../../components/status-badge.js';
import { formatDateTime } from '../../lib/format.js';

/** Who did what and when, newest first: the audit trail of DESIGN.md §3 rule 9. */
export function OrderTimeline({ events }: { events: Order['events'] }) {
  const { t } = useTranslation('orders');
  if (events.length === 0) return <p className="muted">{t('detail.noEvents')}</p>;
  const sorted = [...events].sort((a, b) => b.at - a.at || b.id - a.id);
  return (
    <ol className="timeline" aria-label={t('detail.timeline')}>
      {sorted.map((e) => (
        <li key={e.id} className="timeline-item">
          <div className="timeline-head">
            <span className="timeline-kind">{t(`detail.eventKinds.${e.kind}`, { defaultValue: e.kind })}</span>
            <span className="muted num">{formatDateTime(e.at)}</span>
          </div>
          <div className="timeline-body">
            <span className="muted">{e.operatorName ?? t('detail.event.system')}</span>
            {e.fromStatus || e.toStatus ? (
              <span className="timeline-change">
                {e.fromStatus ? <StatusBadge status={e.fromStatus} /> : null}
                {e.fromStatus && e.toStatus ? <span aria-hidden="true">→</span> : null}
                {e.toStatus ? <StatusBadge status={e.toStatus} /> : null}
              </span>
            ) : null}
          </div>
          {e.reason ? <div className="timeline-reason">{e.reason}</div> : null}
        </li>
      ))}
    </ol>
  );
}
