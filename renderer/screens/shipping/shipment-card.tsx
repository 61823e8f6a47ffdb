import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import { Money } from '../../components/feedback.js';
import { KeyValues } from '../../components/layout.js';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.js';
import { toast } from '../../state/toast-store.js';
import type { Shipment } from './booking-rules.js';
import { ShipmentActions } from './shipment-actions.js';
import { CarrierTag, ShipmentBadge } from './shipment-badge.js';
import { ShipmentEvents } from './shipment-events.js';

/** Provider error codes with a sentence of advice; other codes fall back to the general one. */
const HINTED = new Set([
  'ALREADY_BOOKED', 'CANCEL_REFUSED', 'CARRIER_REJECTED', 'PROVIDER_REJECTED', 'AUTH_REFUSED', 'GHN_TOKEN_INVALID', 'VTP_TOKEN_INVALID', 'VTP_TOKEN_REFUSED', 'BOOKING_UNCONFIRMED',
  'DECISION_REFUSED', 'NOT_SUPPORTED', 'LABEL_SIZE_UNSUPPORTED', 'VALUE_OUT_OF_RANGE', 'VALUE_NOT_INTEGER', 'PHONE_INVALID', 'GHN_SHOP_ID_MISSING', 'GHN_TOKEN_MISSING', 'VTP_CREDENTIALS_MISSING',
]);

export function TrackingNumber({ value }: { value: string }) {
  const { t } = useTranslation('shipping');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      toast('success', t('tracking.copied', { tracking: value }));
    } catch {
      toast('error', t('tracking.copyFailed'));
    }
  };
  return (
    <span className="tracking">
      <span className="mono tracking-number" data-tracking>{value}</span>
      <Button size="sm" variant="ghost" aria-label={t('tracking.copy', { tracking: value })} title={t('tracking.copy', { tracking: value })} onClick={() => void copy()}>
        {t('tracking.copyShort')}
      </Button>
    </span>
  );
}

/** One shipment of the order: where it is, what it costs, what went wrong, what can be done. */
export function ShipmentCard({ shipment: s, primary, onRebook }: { shipment: Shipment; primary: boolean; onRebook?: () => void }) {
  const { t } = useTranslation('shipping');
  const fee = s.fee ?? s.quotedFee;
  return (
    <article className={`shipment-card ${primary ? 'is-primary' : ''}`} aria-label={t('card.label', { code: s.code })}>
      <header className="shipment-head">
        <ShipmentBadge state={s.state} />
        <CarrierTag carrier={s.carrier} />
        <span className="shipment-account">{s.accountName}</span>
        <span className="muted mono small">{s.code}</span>
        {s.state === 'booking' ? <span className="muted small booking-wait"><span className="spinner" aria-hidden="true" /> {t('card.sending')}</span> : null}
        <span className="muted small push-right num">{t('card.updated', { at: formatDateTime(s.updatedAt) })}</span>
      </header>
      {s.error ? (
        <div className="banner banner-error shipment-error" role="alert">
          <div>{s.error.message}</div>
          <div className="shipment-hint">{t(HINTED.has(s.error.code) ? `errorHint.${s.error.code}` : 'errorHint.default')}</div>
        </div>
      ) : null}
      <div className="shipment-facts">
        <KeyValues
          items={[
            { label: t('card.tracking'), value: s.trackingNumber ? <TrackingNumber value={s.trackingNumber} /> : <span className="muted">{t('card.noTracking')}</span> },
            { label: t('card.service'), value: s.serviceName || s.serviceCode },
            {
              label: t('card.fee'),
              value: fee === null ? '' : (
                <>
                  <Money value={fee} />
                  {s.fee !== null && s.quotedFee !== null && s.fee !== s.quotedFee ? <span className="muted small"> {t('card.quoted', { fee: formatNumber(s.quotedFee) })}</span> : null}
                </>
              ),
            },
            { label: t('card.expected'), value: s.expectedDeliveryAt ? <span className="num">{formatDate(s.expectedDeliveryAt)}</span> : '' },
          ]}
        />
        <KeyValues
          items={[
            { label: t('card.sortCode'), value: s.sortCode ? <span className="mono sort-code">{s.sortCode}</span> : '' },
            { label: t('card.cod'), value: <Money value={s.codAmount} /> },
            { label: t('card.payer'), value: t(`payer.${s.payer}`) },
            { label: t('card.parcel'), value: <span className="num">{t('card.parcelValue', { weight: formatNumber(s.weightG), l: s.lengthCm, w: s.widthCm, h: s.heightCm })}</span> },
          ]}
        />
      </div>
      <ShipmentActions shipment={s} primary={primary} onRebook={onRebook} />
      {s.events.length > 0 || primary ? (
        <div className="shipment-history">
          <h3 className="shipment-subhead">{t('events.title')}</h3>
          <ShipmentEvents events={s.events} label={t('events.label', { code: s.code })} />
        </div>
      ) : null}
    </article>
  );
}
