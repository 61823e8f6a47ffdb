import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { binCode } from '../../../main/api/warehouses.js';
import { Button } from '../../components/button.js';
import { Dialog } from '../../components/dialog.js';
import { ErrorBanner } from '../../components/feedback.js';
import { TextField } from '../../components/field.js';
import { useAction, useCommand } from '../../lib/api.js';
import { apiFieldErrors, validate } from '../../lib/errors.js';
import { formatNumber } from '../../lib/format.js';
import { toast } from '../../state/toast-store.js';
import type { StockRow } from './stock-screen.js';

/** Where a variant sits in this warehouse; an empty code clears it. Known bins are suggested. */
export function SetBinDialog({ row, onClose }: { row: StockRow; onClose: () => void }) {
  const { t } = useTranslation('inventory');
  const listId = useId();
  const [code, setCode] = useState(row.binCode ?? '');
  const bins = useCommand('warehouses.bins', { warehouseId: row.warehouseId });
  const setBin = useAction('inventory.setBin');
  const trimmed = code.trim();
  const clientError = useMemo(() => (trimmed === '' ? undefined : validate(t, binCode, trimmed)['']), [t, trimmed]);
  const serverError = useMemo(() => apiFieldErrors(t, setBin.error).binCode, [t, setBin.error]);

  const submit = async () => {
    if (clientError || setBin.pending) return;
    const level = await setBin.run({ warehouseId: row.warehouseId, variantId: row.variantId, binCode: trimmed === '' ? null : trimmed });
    if (!level) return;
    toast('success', level.binCode ? t('binDialog.done', { sku: row.sku, bin: level.binCode }) : t('binDialog.cleared', { sku: row.sku }));
    onClose();
  };

  return (
    <Dialog
      open
      onClose={onClose}
      onSubmit={() => void submit()}
      title={t('binDialog.title', { sku: row.sku })}
      footer={
        <>
          <Button onClick={onClose} shortcut="Esc">{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="primary" busy={setBin.pending} shortcut="Enter">{t('common:actions.save')}</Button>
        </>
      }
    >
      <TextField
        label={t('binDialog.code')}
        autoFocus
        maxLength={30}
        list={listId}
        placeholder="A-03-2"
        hint={t('binDialog.hint')}
        value={code}
        onChange={(v) => {
          setCode(v.toUpperCase());
          setBin.reset();
        }}
        error={clientError ?? serverError}
      />
      <datalist id={listId}>
        {(bins.data ?? []).map((b) => (
          <option key={b.code} value={b.code}>{t('binDialog.binOption', { count: b.variantCount, n: formatNumber(b.variantCount) })}</option>
        ))}
      </datalist>
      <ErrorBanner error={setBin.error && !serverError ? setBin.error : undefined} />
    </Dialog>
  );
}
