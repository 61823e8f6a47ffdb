import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import { Dialog } from '../../components/dialog.js';
import { RadioGroup, SelectField, TextField } from '../../components/field.js';
import { ErrorBanner, Loading } from '../../components/feedback.js';
import { ApiError, call, toApiError, type Output } from '../../lib/api.js';
import { errorMessage } from '../../lib/errors.js';
import { formatNumber, formatVnd } from '../../lib/format.js';
import { toast } from '../../state/toast-store.js';
import { chunks, type Inspection, type Payer } from './booking-rules.js';
import { useCarrierAccounts } from './use-carrier-accounts.js';
import { useSampleServices } from './use-sample-services.js';

type Row = Output<'shipping.bookMany'>[number];

/** Orders per call: small enough that the bar moves, large enough to stay quick. */
export const BULK_CHUNK = 20;

export interface BulkBookingDialogProps {
  open: boolean;
  orderIds: readonly number[];
  numberOf: (id: number) => string;
  onClose: () => void;
}

/**
 * Books many orders with one account and service: the ids go to shipping.bookMany in chunks, the
 * bar follows the chunks, and every order gets its own line in the result (booked or why not).
 */
export function BulkBookingDialog({ open, orderIds, numberOf, onClose }: BulkBookingDialogProps) {
  const { t } = useTranslation('shipping');
  // The ids are frozen when the dialog opens: the list's selection is cleared behind it.
  const [ids, setIds] = useState<readonly number[]>([]);
  const [accountId, setAccountId] = useState<number | null>(null);
  const [serviceCode, setServiceCode] = useState('');
  const [payer, setPayer] = useState<Payer>('seller');
  const [inspection, setInspection] = useState<Inspection>('look');
  const [rows, setRows] = useState<Row[] | null>(null);
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<ApiError>();
  const [tried, setTried] = useState(false);
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    setIds(orderIds);
    setRows(null);
    setFailure(undefined);
    setTried(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const sample = useSampleServices(open && ids.length > 0 ? ids[0] : null, accountId);
  const { accounts } = useCarrierAccounts({ defaultId: sample.defaults?.accountId });
  useEffect(() => {
    if (accountId === null && accounts.length > 0) setAccountId(sample.defaults?.accountId ?? accounts.find((a) => a.active)?.id ?? null);
  }, [accounts, accountId, sample.defaults]);
  useEffect(() => {
    if (sample.services?.length) setServiceCode((c) => (sample.services!.some((s) => s.serviceCode === c) ? c : sample.services![0].serviceCode));
  }, [sample.services]);

  const run = async () => {
    setTried(true);
    if (accountId === null || serviceCode.trim() === '' || running) return;
    setRunning(true);
    setFailure(undefined);
    const done: Row[] = [];
    setRows([]);
    try {
      for (const part of chunks(ids, BULK_CHUNK)) {
        const serviceName = sample.services?.find((x) => x.serviceCode === serviceCode.trim())?.name ?? '';
        done.push(...(await call('shipping.bookMany', { orderIds: part, accountId, serviceCode: serviceCode.trim(), serviceName, payer, inspection })));
        setRows([...done]);
      }
    } catch (err) {
      // A whole call failing (offline core, a refused account) stops here; what was booked stays booked.
      setFailure(toApiError(err));
    } finally {
      setRunning(false);
    }
    const ok = done.filter((r) => r.ok).length;
    toast(ok === ids.length ? 'success' : 'info', t('bulk.summary', { ok, failed: ids.length - ok }));
  };

  const started = rows !== null;
  // When the last chunk is in, Enter or Esc closes: the close button takes the focus.
  useEffect(() => {
    if (started && !running) closeButton.current?.focus();
  }, [started, running]);
  const okCount = rows?.filter((r) => r.ok).length ?? 0;
  return (
    <Dialog
      open={open}
      onClose={() => !running && onClose()}
      title={t('bulk.title', { count: ids.length })}
      size="md"
      onSubmit={started ? undefined : () => void run()}
      footer={
        started ? (
          <Button ref={closeButton} variant="primary" disabled={running} onClick={onClose}>{t('common:actions.close')}</Button>
        ) : (
          <>
            <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
            <Button type="submit" variant="primary" shortcut="Ctrl+Enter">{t('bulk.submit', { count: ids.length })}</Button>
          </>
        )
      }
    >
      {!started ? (
        <>
          <SelectField
            label={t('book.account')}
            value={accountId === null ? '' : String(accountId)}
            onChange={(v) => setAccountId(v === '' ? null : Number(v))}
            options={[{ value: '', label: t('book.pickAccount') }, ...accounts.map((a) => ({ value: String(a.id), label: a.name ?? t('book.defaultAccount') }))]}
            error={tried && accountId === null ? t('errors:validation.required') : undefined}
            data-autofocus
          />
          {sample.loading ? <Loading label={t('bulk.loadingServices')} /> : null}
          <ErrorBanner error={sample.error} />
          {sample.services && sample.services.length > 0 ? (
            <SelectField
              label={t('book.service')}
              value={serviceCode}
              onChange={setServiceCode}
              options={sample.services.map((s) => ({ value: s.serviceCode, label: `${s.name} (${s.serviceCode}) · ${t('bulk.sampleFee', { fee: formatVnd(s.feeVnd) })}` }))}
              hint={t('bulk.serviceHint', { number: numberOf(ids[0]) })}
            />
          ) : sample.services ? (
            <TextField label={t('bulk.serviceCode')} value={serviceCode} onChange={setServiceCode} hint={t('bulk.serviceCodeHint')} className="mono-input" autoComplete="off"
              error={tried && serviceCode.trim() === '' ? t('errors:validation.required') : undefined} />
          ) : null}
          <div className="booking-choices">
            <RadioGroup label={t('book.payer')} value={payer} onChange={setPayer} options={[{ value: 'seller', label: t('payer.seller') }, { value: 'buyer', label: t('payer.buyer') }]} />
            <RadioGroup label={t('book.inspection')} value={inspection} onChange={setInspection}
              options={[{ value: 'look', label: t('inspection.look') }, { value: 'try', label: t('inspection.try') }, { value: 'none', label: t('inspection.none') }]} />
          </div>
          <p className="dialog-text">{t('bulk.explain')}</p>
        </>
      ) : (
        <BulkProgress rows={rows} total={ids.length} running={running} okCount={okCount} numberOf={numberOf} />
      )}
      <ErrorBanner error={failure} />
    </Dialog>
  );
}

function BulkProgress({ rows, total, running, okCount, numberOf }: { rows: Row[]; total: number; running: boolean; okCount: number; numberOf: (id: number) => string }) {
  const { t } = useTranslation('shipping');
  return (
    <>
      <div className="bulk-progress">
        <progress value={rows.length} max={total} aria-label={t('bulk.progress')} />
        <span className="num" role="status">
          {running ? t('bulk.progressText', { done: formatNumber(rows.length), total: formatNumber(total) }) : t('bulk.summary', { ok: okCount, failed: rows.length - okCount })}
        </span>
      </div>
      <div className="table-wrap bulk-results">
        <table className="table" aria-label={t('bulk.results')}>
          <thead>
            <tr><th>{t('bulk.col.order')}</th><th>{t('bulk.col.result')}</th></tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.orderId}>
                <td className="og-number nowrap">{r.orderNumber || numberOf(r.orderId)}</td>
                <td>
                  {r.ok ? <span className="badge badge-ok">{t('bulk.booked')}</span> : null}
                  {!r.ok && r.error ? (
                    <>
                      <span className="field-error">{errorMessage(t, new ApiError(r.error.code as ApiError['code'], r.error.message, r.error.details))}</span>
                      {r.error.hint ? <span className="muted small bulk-hint">{t('bulk.hint', { hint: r.error.hint })}</span> : null}
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
