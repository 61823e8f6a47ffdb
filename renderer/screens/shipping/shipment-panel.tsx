import '../catalog/extras.css';
import './shipping.css';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Order } from '../../../main/api/orders.js';
import { ErrorBanner, Loading } from '../../components/feedback.js';
import { Section } from '../../components/layout.js';
import { useCommand } from '../../lib/api.js';
import { formatDateTime } from '../../lib/format.js';
import { href } from '../../lib/router.js';
import { hasRole, useOperator } from '../../state/session-store.js';
import { BookingForm } from './booking-form.js';
import { BOOKABLE_ORDER_STATUSES, draftFromDefaults, draftFromShipment, isLive, type Shipment } from './booking-rules.js';
import { ShipmentBadge } from './shipment-badge.js';
import { ShipmentCard } from './shipment-card.js';
import { useCarrierAccounts } from './use-carrier-accounts.js';

export interface ShipmentPanelProps {
  order: Order;
  /** Told when the order's shipments change, so the page can re-read the order (tracking, status). */
  onShipmentsChange?: (signature: string) => void;
}

/**
 * The order page's shipping section: the booking form while the order has no live shipment, then
 * the shipment itself (state, tracking number, label, carrier history, actions) and earlier
 * attempts below it.
 */
export function ShipmentPanel({ order, onShipmentsChange }: ShipmentPanelProps) {
  const { t } = useTranslation('shipping');
  const { data, error, loading } = useCommand('shipping.forOrder', { orderId: order.id });
  const shipments = useMemo(() => data?.shipments ?? [], [data]);
  const { accounts, error: accountsError } = useCarrierAccounts({ defaultId: data?.defaults.accountId, shipments });
  const [rebooking, setRebooking] = useState(false);

  const signature = shipments.map((s) => `${s.id}:${s.state}:${s.updatedAt}`).join(',');
  useEffect(() => {
    if (signature) onShipmentsChange?.(signature);
  }, [signature, onShipmentsChange]);

  if (!data) {
    return (
      <Section title={t('panel.title')}>
        {loading ? <Loading /> : <ErrorBanner error={error} />}
      </Section>
    );
  }

  const [latest, ...earlier] = shipments;
  const live = latest && isLive(latest.state) ? latest : null;
  const bookable = BOOKABLE_ORDER_STATUSES.has(order.status);
  const showForm = !live && bookable && (!latest || rebooking);
  const start = latest && rebooking ? draftFromShipment(latest) : draftFromDefaults(data.defaults);
  if (start.accountId === null) start.accountId = accounts.find((a) => a.active)?.id ?? null;

  return (
    <Section title={t('panel.title')} className="shipment-panel">
      <ErrorBanner error={error} />
      {showForm ? (
        accounts.length === 0 ? (
          <NoAccounts error={accountsError} />
        ) : (
          <BookingForm
            // A new start (re-book, a newly booked shipment) gets a fresh form.
            key={`${latest?.id ?? 0}-${rebooking}`}
            order={order}
            defaults={data.defaults}
            start={start}
            accounts={accounts}
            onBooked={() => setRebooking(false)}
            onCancel={rebooking ? () => setRebooking(false) : undefined}
          />
        )
      ) : null}
      {!latest && !bookable ? <p className="muted">{t('panel.notBookable', { status: t(`common:status.${order.status}`) })}</p> : null}
      {latest && !showForm ? (
        <ShipmentCard shipment={latest} primary onRebook={!live && bookable ? () => setRebooking(true) : undefined} />
      ) : null}
      {latest && showForm ? <EarlierShipments shipments={[latest]} /> : null}
      {earlier.length > 0 ? <EarlierShipments shipments={earlier} /> : null}
    </Section>
  );
}

function NoAccounts({ error }: { error: unknown }) {
  const { t } = useTranslation('shipping');
  const isManager = hasRole('manager', useOperator()?.role);
  return (
    <div className="banner banner-warn">
      {t('panel.noAccounts')} {isManager ? <a href={href('/connections')}>{t('panel.openConnections')}</a> : t('panel.askManager')}
      <ErrorBanner error={error} />
    </div>
  );
}

/** Cancelled and failed attempts, one line each, with their full card a click away. */
function EarlierShipments({ shipments }: { shipments: readonly Shipment[] }) {
  const { t } = useTranslation('shipping');
  return (
    <details className="earlier-shipments">
      <summary>{t('panel.earlier', { count: shipments.length })}</summary>
      {shipments.map((s) => (
        <details key={s.id} className="earlier-shipment">
          <summary>
            <ShipmentBadge state={s.state} />
            <span className="mono small">{s.code}</span>
            <span>{s.accountName}</span>
            {s.trackingNumber ? <span className="mono small">{s.trackingNumber}</span> : null}
            <span className="muted small num">{formatDateTime(s.updatedAt)}</span>
            {s.error ? <span className="text-danger small clamp">{s.error.message}</span> : null}
          </summary>
          <ShipmentCard shipment={s} primary={false} />
        </details>
      ))}
    </details>
  );
}
