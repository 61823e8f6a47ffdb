import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Order } from '../../../main/api/orders.js';
import { useShortcut } from '../../app/shortcuts.js';
import { Button } from '../../components/button.js';
import { ReasonDialog } from '../../components/dialog.js';
import { TextField } from '../../components/field.js';
import { ErrorBanner } from '../../components/feedback.js';
import { useAction } from '../../lib/api.js';
import { navigate } from '../../lib/router.js';
import { toast } from '../../state/toast-store.js';

type Status = Order['status'];

// `nextStatuses` lists only the manual edges; cancelling has its own command and is allowed until
// the parcel leaves (DESIGN.md §4). Until the contract says so per order, the UI mirrors that rule
// and the core still has the last word (TRANSITION_INVALID is shown if it disagrees).
const CANCELLABLE = new Set<Status>(['new', 'awaiting_stock', 'ready_to_pack', 'packing', 'packed']);

// From "new", confirming is its own command (it reserves stock and picks ready_to_pack or
// awaiting_stock itself), so those targets are not offered as plain transitions.
const CONFIRM_TARGETS = new Set<Status>(['ready_to_pack', 'awaiting_stock']);

/** The buttons an order allows now, from `nextStatuses` and `editable`, with their dialogs. */
export function OrderActions({ order }: { order: Order }) {
  const { t } = useTranslation('orders');
  const confirm = useAction('orders.confirm');
  const cancel = useAction('orders.cancel');
  const transition = useAction('orders.transition');
  const [cancelling, setCancelling] = useState(false);
  const [target, setTarget] = useState<Status | null>(null);
  const [tracking, setTracking] = useState('');

  const canConfirm = order.status === 'new';
  const canCancel = order.nextStatuses.includes('cancelled') || CANCELLABLE.has(order.status);
  const moves = order.nextStatuses.filter((s) => s !== 'cancelled' && !(order.status === 'new' && CONFIRM_TARGETS.has(s)));

  const doConfirm = async () => {
    const res = await confirm.run({ id: order.id });
    if (res) toast('success', t('actions.confirmed', { number: order.number }));
  };
  const doCancel = async (reason: string) => {
    const res = await cancel.run({ id: order.id, reason });
    if (!res) return;
    setCancelling(false);
    toast('success', t('actions.cancelled', { number: order.number }));
  };
  const doMove = async (reason: string) => {
    if (!target) return;
    const res = await transition.run({ id: order.id, to: target, reason, ...(target === 'shipped' && tracking.trim() ? { trackingNumber: tracking.trim() } : {}) });
    if (!res) return;
    toast('success', t('actions.moved', { number: order.number, status: t(`common:status.${target}`) }));
    setTarget(null);
  };

  useShortcut('C', () => void doConfirm(), { enabled: canConfirm && !confirm.pending });
  useShortcut('E', () => navigate(`/orders/${order.id}/edit`), { enabled: order.editable });
  useShortcut('X', () => setCancelling(true), { enabled: canCancel });

  return (
    <>
      <div className="order-actions">
        {canConfirm ? <Button variant="primary" shortcut="C" busy={confirm.pending} onClick={() => void doConfirm()}>{t('actions.confirm')}</Button> : null}
        {moves.map((s, i) => (
          // The first edge is the order's normal way forward (the table lists it first).
          <Button key={s} variant={i === 0 && !canConfirm ? 'primary' : 'secondary'} onClick={() => { transition.reset(); setTracking(order.trackingNumber ?? ''); setTarget(s); }}>
            {t('actions.moveTo', { status: t(`common:status.${s}`) })}
          </Button>
        ))}
        {order.editable ? <Button shortcut="E" onClick={() => navigate(`/orders/${order.id}/edit`)}>{t('actions.edit')}</Button> : null}
        {canCancel ? <Button variant="danger" shortcut="X" onClick={() => { cancel.reset(); setCancelling(true); }}>{t('actions.cancel')}</Button> : null}
      </div>
      <ErrorBanner error={confirm.error} />
      <ReasonDialog
        open={cancelling}
        onClose={() => setCancelling(false)}
        title={t('cancel.title', { number: order.number })}
        description={t('cancel.description')}
        reasonLabel={t('cancel.reason')}
        confirmLabel={t('actions.cancel')}
        danger
        pending={cancel.pending}
        error={cancel.error}
        onConfirm={(r) => void doCancel(r)}
      />
      <ReasonDialog
        open={target !== null}
        onClose={() => setTarget(null)}
        title={t('actions.transitionTitle', { status: target ? t(`common:status.${target}`) : '' })}
        reasonLabel={t('actions.reasonOptional')}
        reasonRequired={false}
        confirmLabel={t('common:actions.confirm')}
        pending={transition.pending}
        error={transition.error}
        onConfirm={(r) => void doMove(r)}
      >
        {target === 'shipped' ? <TextField label={t('actions.trackingNumber')} value={tracking} onChange={setTracking} autoComplete="off" /> : null}
      </ReasonDialog>
    </>
  );
}
