import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import { ErrorBanner } from '../../components/feedback.js';
import { useAction } from '../../lib/api.js';
import { toast } from '../../state/toast-store.js';

/**
 * The shop's answer to a failed delivery: deliver again or return. Sent through the outbox; the carrier's
 * reply lands on the shipment (and in the exceptions list when refused).
 */
export function DecisionButtons({ shipmentId, code }: { shipmentId: number; code: string }) {
  const { t } = useTranslation('shipping');
  const decide = useAction('shipping.decideDelivery');
  const send = async (decision: 'redeliver' | 'return') => {
    const r = await decide.run({ id: shipmentId, decision });
    if (r) toast('info', t(`decision.sent_${decision}`, { code }));
  };
  return (
    <>
      <span className="decision-buttons" role="group" aria-label={t('decision.label', { code })}>
        <Button size="sm" variant="primary" busy={decide.pending} onClick={() => void send('redeliver')}>{t('decision.redeliver')}</Button>
        <Button size="sm" busy={decide.pending} onClick={() => void send('return')}>{t('decision.return')}</Button>
      </span>
      <ErrorBanner error={decide.error} />
    </>
  );
}
