import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Money } from '../../components/feedback.js';
import { formatDate, formatVnd } from '../../lib/format.js';
import type { ServiceQuote } from './booking-rules.js';

export interface ServiceListProps {
  services: readonly ServiceQuote[];
  value: string | null;
  onChange: (serviceCode: string) => void;
  /** The quote is being refreshed: the old prices stay visible, dimmed. */
  stale?: boolean;
}

/**
 * The carrier's services for this parcel as native radios: Tab reaches the chosen one and ↑/↓ move
 * between them, each row showing the fee and the promised delivery day.
 */
export function ServiceList({ services, value, onChange, stale }: ServiceListProps) {
  const { t } = useTranslation('shipping');
  const name = useId();
  return (
    <fieldset className={`service-list ${stale ? 'is-stale' : ''}`} aria-busy={stale || undefined}>
      <legend className="field-label">{t('book.service')}</legend>
      {services.map((s) => {
        const checked = s.serviceCode === value;
        const eta = s.expectedDeliveryAt ? t('book.eta', { date: formatDate(s.expectedDeliveryAt) }) : t('book.etaUnknown');
        return (
          <label key={s.serviceCode} className={`service-option ${checked ? 'is-checked' : ''}`}>
            <input
              type="radio"
              name={name}
              value={s.serviceCode}
              checked={checked}
              onChange={() => onChange(s.serviceCode)}
              aria-label={`${s.name}, ${formatVnd(s.feeVnd)}, ${t(`speed.${s.speed}`)}, ${eta}`}
            />
            <span className="service-name">{s.name}</span>
            <span className="service-speed muted">{t(`speed.${s.speed}`)}</span>
            <span className="service-eta muted num">{eta}</span>
            <Money value={s.feeVnd} className="service-fee" strong={checked} />
          </label>
        );
      })}
    </fieldset>
  );
}
