import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShortcut } from '../../app/shortcuts.js';
import { Button } from '../../components/button.js';
import { Dialog, ReasonDialog } from '../../components/dialog.js';
import { TextField } from '../../components/field.js';
import { ErrorBanner } from '../../components/feedback.js';
import { useAction } from '../../lib/api.js';
import { apiFieldErrors, errorMessage } from '../../lib/errors.js';
import { hasRole, useOperator } from '../../state/session-store.js';
import { toast } from '../../state/toast-store.js';
import { isLive, type Shipment } from './booking-rules.js';
import { DecisionButtons } from './decision-buttons.js';
import { downloadLabel, LabelPreview } from './label-preview.js';
import { LabelSizePicker } from './label-size-picker.js';

const TRACKABLE = new Set<Shipment['state']>(['booked', 'picking', 'picked', 'in_transit', 'delivering', 'delivery_failed', 'awaiting_decision', 'returning', 'exception']);

/** What the operator can do with one shipment now; `primary` marks the order's current shipment (it owns the L shortcut). */
export function ShipmentActions({ shipment: s, primary, onRebook }: { shipment: Shipment; primary: boolean; onRebook?: () => void }) {
  const { t } = useTranslation('shipping');
  const isManager = hasRole('manager', useOperator()?.role);
  const cancel = useAction('shipping.cancel');
  const track = useAction('shipping.trackNow');
  const [preview, setPreview] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [entering, setEntering] = useState(false);
  const [downloading, setDownloading] = useState(false);

  const canEnterTracking = isManager && s.state === 'exception' && s.error?.code === 'ALREADY_BOOKED';
  useShortcut('L', () => setPreview(true), { enabled: primary && s.hasLabel && isLive(s.state) && !preview });

  const doTrack = async () => {
    const r = await track.run({ id: s.id });
    if (r) toast('info', t('actions.trackQueued'));
  };
  const doDownload = async () => {
    setDownloading(true);
    try {
      await downloadLabel(s.id);
    } catch (err) {
      toast('error', errorMessage(t, err));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <>
      <div className="shipment-actions" role="group" aria-label={t('actions.label', { code: s.code })}>
        {/* A cancelled parcel's label must not be printed by mistake. */}
        {s.hasLabel && isLive(s.state) ? (
          <>
            <Button size="sm" shortcut={primary ? 'L' : undefined} onClick={() => setPreview(true)}>{t('actions.previewLabel')}</Button>
            <Button size="sm" busy={downloading} onClick={() => void doDownload()}>{t('actions.downloadLabel')}</Button>
          </>
        ) : s.trackingNumber && isLive(s.state) ? (
          <span className="muted small">{t('actions.labelPending')}</span>
        ) : null}
        {TRACKABLE.has(s.state) && s.trackingNumber ? (
          <Button size="sm" busy={track.pending} onClick={() => void doTrack()}>{t('actions.trackNow')}</Button>
        ) : null}
        {isManager && s.decidable ? <DecisionButtons shipmentId={s.id} code={s.trackingNumber ?? s.code} /> : null}
        {canEnterTracking ? <Button size="sm" variant="primary" onClick={() => setEntering(true)}>{t('actions.enterTracking')}</Button> : null}
        {onRebook ? <Button size="sm" variant="primary" onClick={onRebook}>{t('actions.rebook')}</Button> : null}
        {s.cancellable ? (
          <Button size="sm" variant="danger" onClick={() => { cancel.reset(); setCancelling(true); }}>{t('actions.cancel')}</Button>
        ) : null}
      </div>
      {s.trackingNumber && isLive(s.state) && s.hasLabel ? <LabelSizePicker shipment={s} /> : null}
      <ErrorBanner error={track.error} />
      <LabelPreview shipmentId={preview ? s.id : null} title={t('label.title', { code: s.trackingNumber ?? s.code })} onClose={() => setPreview(false)} />
      <ReasonDialog
        open={cancelling}
        onClose={() => setCancelling(false)}
        title={t('cancel.title', { code: s.trackingNumber ?? s.code })}
        description={t('cancel.description')}
        reasonLabel={t('cancel.reason')}
        confirmLabel={t('actions.cancel')}
        danger
        pending={cancel.pending}
        error={cancel.error}
        onConfirm={async (reason) => {
          const r = await cancel.run({ id: s.id, reason });
          if (!r) return;
          setCancelling(false);
          toast('info', t('cancel.requested', { code: s.trackingNumber ?? s.code }));
        }}
      />
      {canEnterTracking ? <TrackingDialog shipment={s} open={entering} onClose={() => setEntering(false)} /> : null}
    </>
  );
}

/** A tracking number typed from the carrier's portal, for a booking we never heard back about. */
function TrackingDialog({ shipment: s, open, onClose }: { shipment: Shipment; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('shipping');
  const save = useAction('shipping.setTracking');
  const [value, setValue] = useState('');
  const [tried, setTried] = useState(false);
  const missing = value.trim() === '';
  const submit = async () => {
    setTried(true);
    if (missing) return;
    const r = await save.run({ id: s.id, trackingNumber: value.trim() });
    if (!r) return;
    toast('success', t('tracking.saved', { tracking: r.trackingNumber ?? '' }));
    onClose();
  };
  const fieldError = (tried && missing ? t('errors:validation.required') : undefined) ?? apiFieldErrors(t, save.error).trackingNumber;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('tracking.title', { code: s.code })}
      onSubmit={() => void submit()}
      footer={
        <>
          <Button onClick={onClose}>{t('common:actions.back')}</Button>
          <Button type="submit" variant="primary" busy={save.pending} shortcut="Ctrl+Enter">{t('common:actions.save')}</Button>
        </>
      }
    >
      <p className="dialog-text">{t('tracking.description', { carrier: t(`carrier.${s.carrier}`) })}</p>
      <TextField label={t('tracking.number')} value={value} onChange={setValue} error={fieldError} required autoComplete="off" className="mono-input" data-autofocus />
      {save.error && !fieldError ? <ErrorBanner error={save.error} /> : null}
    </Dialog>
  );
}
