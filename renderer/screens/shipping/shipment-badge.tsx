import { useTranslation } from 'react-i18next';
import type { ShipmentState } from './booking-rules.js';

// Tones follow the order badges (components/status-badge.tsx): waiting is blue, with us is accent,
// on the road is violet, done is green, needs a person is red, over and harmless is grey.
const TONE: Record<ShipmentState, string> = {
  booking: 'info',
  booked: 'accent',
  booking_failed: 'danger',
  cancelling: 'warn',
  cancelled: 'muted',
  picking: 'accent',
  picked: 'transit',
  in_transit: 'transit',
  delivering: 'transit',
  delivered: 'ok',
  delivery_failed: 'danger',
  awaiting_decision: 'warn',
  returning: 'warn',
  returned: 'muted',
  lost: 'danger',
  damaged: 'danger',
  exception: 'danger',
};

export function ShipmentBadge({ state }: { state: ShipmentState }) {
  const { t } = useTranslation('shipping');
  return <span className={`badge badge-${TONE[state]}`}>{t(`state.${state}`)}</span>;
}

/** "GHN" / "Viettel Post" as a small tag; the account name says which of several accounts. */
export function CarrierTag({ carrier }: { carrier: 'ghn' | 'viettelpost' }) {
  const { t } = useTranslation('shipping');
  return <span className={`tag carrier-tag carrier-${carrier}`}>{t(`carrier.${carrier}`)}</span>;
}
