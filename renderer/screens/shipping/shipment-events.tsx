import { useTranslation } from 'react-i18next';
import { SHIPMENT_STATES } from '../../../main/api/shipping.js';
import { formatDateTime } from '../../lib/format.js';
import type { Shipment, ShipmentState } from './booking-rules.js';
import { ShipmentBadge } from './shipment-badge.js';

const KNOWN = new Set<string>(SHIPMENT_STATES);

/**
 * The carrier's own history of the parcel, newest first: its status code and words, where it was,
 * and what Packdesk made of it (the badge). Shares the order timeline's look.
 */
export function ShipmentEvents({ events, label }: { events: Shipment['events']; label: string }) {
  const { t } = useTranslation('shipping');
  if (events.length === 0) return <p className="muted">{t('events.none')}</p>;
  const sorted = [...events].reverse();
  return (
    <ol className="timeline shipment-events" aria-label={label}>
      {sorted.map((e, i) => (
        <li key={`${e.at}-${e.carrierStatus}-${i}`} className="timeline-item">
          <div className="timeline-head">
            <span className="timeline-kind">{e.source === 'booking' ? t('events.booked') : e.description || e.carrierStatus}</span>
            {KNOWN.has(e.mapped) ? <ShipmentBadge state={e.mapped as ShipmentState} /> : null}
            <span className="muted num">{formatDateTime(e.at)}</span>
          </div>
          <div className="timeline-body small muted">
            <span className="mono">{e.carrierStatus}</span>
            {e.location ? <span>· {e.location}</span> : null}
            <span>· {t(`events.source.${e.source}`, { defaultValue: e.source })}</span>
          </div>
        </li>
      ))}
    </ol>
  );
}
