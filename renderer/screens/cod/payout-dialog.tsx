import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import { DateField } from '../../components/date-field.js';
import { Dialog } from '../../components/dialog.js';
import { MoneyField, TextAreaField, TextField } from '../../components/field.js';
import { ErrorBanner, Money } from '../../components/feedback.js';
import { KeyValues } from '../../components/layout.js';
import { useAction } from '../../lib/api.js';
import { formatNumber, formatVnd, toVnDateInput, vnDayRange } from '../../lib/format.js';
import { toast } from '../../state/toast-store.js';

export interface PayoutDialogProps {
  open: boolean;
  accountId: number;
  shipmentIds: readonly number[];
  /** What the chosen shipments collected: the payout the shop should receive. */
  expected: number;
  onClose: () => void;
  onRecorded: () => void;
}

/** Records what the carrier actually paid for the chosen shipments; a difference is kept and flagged. */
export function PayoutDialog({ open, accountId, shipmentIds, expected, onClose, onRecorded }: PayoutDialogProps) {
  const { t } = useTranslation('cod');
  const record = useAction('cod.recordPayout');
  const [amount, setAmount] = useState<number | null>(expected);
  const [day, setDay] = useState(toVnDateInput(Date.now()));
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);

  useEffect(() => {
    if (!open) return;
    setAmount(expected);
    setDay(toVnDateInput(Date.now()));
    setReference('');
    setNote('');
    setTried(false);
    record.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const difference = amount === null ? 0 : amount - expected;
  const range = vnDayRange(day);
  const submit = async () => {
    setTried(true);
    if (amount === null || !range) return;
    const r = await record.run({ accountId, amount, paidAt: range.start, reference: reference.trim(), note: note.trim(), shipmentIds: [...shipmentIds] });
    if (!r) return;
    toast(r.mismatch ? 'error' : 'success', r.mismatch ? t('payout.recordedMismatch', { difference: formatVnd(r.amount - r.expected) }) : t('payout.recorded'));
    onRecorded();
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('payout.title', { count: shipmentIds.length })}
      onSubmit={() => void submit()}
      footer={
        <>
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="primary" busy={record.pending} shortcut="Ctrl+Enter">{t('payout.submit')}</Button>
        </>
      }
    >
      <KeyValues
        items={[
          { label: t('payout.shipments'), value: <span className="num">{formatNumber(shipmentIds.length)}</span> },
          { label: t('payout.expected'), value: <Money value={expected} strong /> },
        ]}
      />
      <div className="form-row">
        <MoneyField label={t('payout.amount')} value={amount} onChange={setAmount} required data-autofocus error={tried && amount === null ? t('errors:validation.required') : undefined} />
        <DateField label={t('payout.date')} value={day} onChange={setDay} />
      </div>
      {amount !== null && difference !== 0 ? (
        <div className="banner banner-warn" role="status">
          {t('payout.difference', { difference: formatVnd(difference), sign: difference > 0 ? '+' : '' })}
        </div>
      ) : null}
      {tried && !range ? <div className="field-error" role="alert">{t('errors:validation.required')}</div> : null}
      <TextField label={t('payout.reference')} value={reference} onChange={setReference} maxLength={100} autoComplete="off" hint={t('payout.referenceHint')} />
      <TextAreaField label={t('payout.note')} value={note} onChange={setNote} maxLength={300} />
      <ErrorBanner error={record.error} />
    </Dialog>
  );
}
