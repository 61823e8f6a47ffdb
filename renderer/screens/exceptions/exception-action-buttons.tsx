import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExceptionActionView } from '../../../main/api/exceptions.js';
import { Button } from '../../components/button.js';
import { ReasonDialog } from '../../components/dialog.js';
import { ErrorBanner } from '../../components/feedback.js';
import { useAction } from '../../lib/api.js';
import { toast } from '../../state/toast-store.js';

interface Target { id: number; orderNumber: string | null; actions: ExceptionActionView[] }

/**
 * The kind's own actions in an exception row (main/api/exceptions.ts): unpack and restock (destructive:
 * asks first), ship anyway (a manager's, only where the channel allows it; otherwise the row says why),
 * re-arrange a failed Shopee pickup. The core checks every rule again; these only offer what it allows.
 */
export function ExceptionActionButtons({ item, isManager }: { item: Target; isManager: boolean }) {
  const { t } = useTranslation('exceptions');
  const [asking, setAsking] = useState<'unpack_restock' | 'ship_anyway' | null>(null);
  const unpack = useAction('exceptions.unpackRestock');
  const shipAnyway = useAction('exceptions.shipAnyway');
  const rearrange = useAction('exceptions.rearrange');
  const subject = item.orderNumber ?? '';
  const of = (a: ExceptionActionView['action']) => item.actions.find((x) => x.action === a);
  const unpackAction = of('unpack_restock');
  const shipAction = of('ship_anyway');
  const rearrangeAction = of('rearrange');
  const refused = item.actions.filter((a) => !a.allowed && (a.action !== 'ship_anyway' || isManager));
  // The two actions that ask first: unpack and restock (destructive) and ship anyway, each with an optional note.
  const dialog = asking === 'unpack_restock' ? { key: 'unpack', run: unpack, danger: true, done: 'action.unpacked' }
    : asking === 'ship_anyway' ? { key: 'shipAnyway', run: shipAnyway, danger: false, done: 'action.shippedAnyway' } : null;

  return (
    <>
      {unpackAction?.allowed ? (
        <Button size="sm" variant="danger" aria-label={t('action.unpackNamed', { subject })} onClick={() => { unpack.reset(); setAsking('unpack_restock'); }}>
          {t('action.unpack')}
        </Button>
      ) : null}
      {shipAction?.allowed && isManager ? (
        <Button size="sm" aria-label={t('action.shipAnywayNamed', { subject })} onClick={() => { shipAnyway.reset(); setAsking('ship_anyway'); }}>
          {t('action.shipAnyway')}
        </Button>
      ) : null}
      {rearrangeAction?.allowed ? (
        <Button
          size="sm" variant="primary" busy={rearrange.pending} aria-label={t('action.rearrangeNamed', { subject })}
          onClick={async () => {
            const r = await rearrange.run({ id: item.id });
            if (r) toast('success', t('action.rearranged', { subject }));
          }}
        >
          {t('action.rearrange')}
        </Button>
      ) : null}
      {refused.map((a) => (
        <span key={a.action} className="exception-refusal small muted">
          {t('refusal.line', { action: t(`action.name.${a.action}`), reason: t(`refusal.${a.reason}`, { defaultValue: a.reason ?? '' }) })}
        </span>
      ))}
      <ErrorBanner error={rearrange.error} />
      {dialog ? (
        <ReasonDialog
          open
          onClose={() => setAsking(null)}
          title={t(`action.${dialog.key}Title`, { subject })}
          description={t(`action.${dialog.key}What`)}
          reasonLabel={t('action.note')}
          reasonRequired={false}
          confirmLabel={t(`action.${dialog.key}Confirm`)}
          danger={dialog.danger}
          pending={dialog.run.pending}
          error={dialog.run.error}
          onConfirm={async (note) => {
            const r = await dialog.run.run({ id: item.id, note });
            if (!r) return;
            toast('success', t(dialog.done, { subject }));
            setAsking(null);
          }}
        />
      ) : null}
    </>
  );
}
