import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inventoryContract } from '../../../main/api/inventory.js';
import { Button } from '../../components/button.js';
import { Dialog } from '../../components/dialog.js';
import { ErrorBanner } from '../../components/feedback.js';
import { NumberField, RadioGroup, TextField } from '../../components/field.js';
import { KeyValues } from '../../components/layout.js';
import { useAction } from '../../lib/api.js';
import { apiFieldErrors, validate } from '../../lib/errors.js';
import { formatAttributes, formatNumber } from '../../lib/format.js';
import { useFormErrors } from '../../lib/form.js';
import { toast } from '../../state/toast-store.js';
import type { StockRow } from './stock-screen.js';

type Mode = 'delta' | 'count';
const schema = inventoryContract['inventory.adjust'].input;
/** Common reasons, offered as suggestions; any text is accepted. */
const REASON_KEYS = ['count', 'damaged', 'lost', 'found', 'sample'] as const;

/** A manual correction: either "+3 / −2" or "we counted 17", always with a reason for the ledger. */
export function AdjustDialog({ row, onClose }: { row: StockRow; onClose: () => void }) {
  const { t } = useTranslation('inventory');
  const [mode, setMode] = useState<Mode>('count');
  const [amount, setAmount] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const adjust = useAction('inventory.adjust');

  const input = {
    warehouseId: row.warehouseId,
    variantId: row.variantId,
    reason,
    ...(mode === 'delta' ? { delta: amount ?? Number.NaN } : { setOnHand: amount ?? Number.NaN }),
  };
  const change = amount === null ? null : mode === 'delta' ? amount : amount - row.onHand;
  const amountKey = mode === 'delta' ? 'delta' : 'setOnHand';
  const clientErrors = validate(t, schema, input);
  // The schema's refine reports on `delta`; in count mode the same field is `setOnHand`.
  if (mode === 'count' && clientErrors.delta && !clientErrors.setOnHand) clientErrors.setOnHand = clientErrors.delta;
  // The core refuses a zero change too; saying so here saves a round trip.
  if (change === 0) clientErrors[amountKey] = t('adjustDialog.noChange');
  const serverErrors = useMemo(() => apiFieldErrors(t, adjust.error), [t, adjust.error]);
  const errors = useFormErrors(clientErrors, serverErrors);

  const submit = async () => {
    if (!errors.attempt() || adjust.pending) return;
    const level = await adjust.run(input);
    if (!level) return;
    toast('success', t('adjustDialog.done', { sku: row.sku, onHand: formatNumber(level.onHand) }));
    onClose();
  };

  const after = change === null ? null : row.onHand + change;
  return (
    <Dialog
      open
      onClose={onClose}
      onSubmit={() => void submit()}
      title={t('adjustDialog.title', { sku: row.sku })}
      footer={
        <>
          <Button onClick={onClose} shortcut="Esc">{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="primary" busy={adjust.pending} shortcut="Ctrl+Enter">{t('adjustDialog.submit')}</Button>
        </>
      }
    >
      <KeyValues
        items={[
          { label: t('column.product'), value: `${row.productName}${row.attributes.length ? ` · ${formatAttributes(row.attributes)}` : ''}` },
          { label: t('column.onHand'), value: <span className="num">{formatNumber(row.onHand)}</span> },
          { label: t('column.reserved'), value: <span className="num">{formatNumber(row.reserved)}</span> },
        ]}
      />
      <div className="form">
        <RadioGroup
          label={t('adjustDialog.mode')}
          value={mode}
          onChange={(m) => {
            setMode(m);
            setAmount(null);
          }}
          options={[
            { value: 'count', label: t('adjustDialog.modeCount') },
            { value: 'delta', label: t('adjustDialog.modeDelta') },
          ]}
        />
        <NumberField
          className="w-num"
          label={t(mode === 'delta' ? 'adjustDialog.delta' : 'adjustDialog.counted')}
          required
          data-autofocus
          min={mode === 'delta' ? -1_000_000 : 0}
          max={1_000_000}
          value={amount}
          onChange={(v) => {
            setAmount(v);
            errors.touch(amountKey);
          }}
          hint={
            after === null ? t(mode === 'delta' ? 'adjustDialog.deltaHint' : 'adjustDialog.countHint')
              : t('adjustDialog.preview', { after: formatNumber(after), change: `${change! > 0 ? '+' : ''}${formatNumber(change!)}` })
          }
          error={errors.errorFor(amountKey)}
        />
        <TextField
          label={t('adjustDialog.reason')}
          required
          maxLength={300}
          list="adjust-reasons"
          value={reason}
          onChange={(v) => {
            setReason(v);
            errors.touch('reason');
          }}
          error={errors.errorFor('reason')}
        />
        <datalist id="adjust-reasons">
          {REASON_KEYS.map((k) => <option key={k} value={t(`adjustDialog.reasons.${k}`)} />)}
        </datalist>
      </div>
      <ErrorBanner error={adjust.error && Object.keys(serverErrors).length === 0 ? adjust.error : undefined} />
    </Dialog>
  );
}
