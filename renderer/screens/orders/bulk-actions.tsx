import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import { Dialog, ReasonDialog } from '../../components/dialog.js';
import { StatusBadge } from '../../components/status-badge.js';
import { ApiError, useAction, type Output } from '../../lib/api.js';
import { errorMessage } from '../../lib/errors.js';
import { navigate } from '../../lib/router.js';
import { hasRole, useOperator } from '../../state/session-store.js';
import { toast } from '../../state/toast-store.js';
import { BulkBookingDialog } from '../shipping/bulk-booking-dialog.js';
import { BulkShopeeArrange } from '../shopee-logistics/bulk-shopee-arrange.js';

type BulkResult = Output<'orders.bulkConfirm'>;

export interface BulkActionsProps {
  ids: readonly number[];
  numberOf: (id: number) => string;
  onClear: () => void;
}

/** The bar shown while orders are selected: bulk confirm, bulk cancel (with reason), clear. */
export function BulkActions({ ids, numberOf, onClear }: BulkActionsProps) {
  const { t } = useTranslation('orders');
  const operator = useOperator();
  const confirm = useAction('orders.bulkConfirm');
  const cancel = useAction('orders.bulkCancel');
  const [asking, setAsking] = useState(false);
  const [booking, setBooking] = useState(false);
  const [results, setResults] = useState<{ title: string; rows: BulkResult } | null>(null);

  const finish = (title: string, rows: BulkResult | undefined) => {
    if (!rows) return;
    const ok = rows.filter((r) => r.ok).length;
    toast(ok === rows.length ? 'success' : 'info', t('bulk.summary', { ok, failed: rows.length - ok }));
    setResults({ title, rows });
    onClear();
  };

  // The dialogs stay mounted after the selection is cleared: the results outlive the bar.
  return (
    <>
      {ids.length > 0 ? (
        <div className="bulk-bar" role="region" aria-label={t('bulk.label')}>
          <strong>{t('common:selected', { count: ids.length })}</strong>
          <Button size="sm" variant="primary" busy={confirm.pending} onClick={async () => finish(t('bulk.confirmTitle'), await confirm.run({ ids: [...ids] }))}>
            {t('bulk.confirm')}
          </Button>
          <Button size="sm" onClick={() => setBooking(true)}>{t('shipping:bulk.open')}</Button>
          <BulkShopeeArrange ids={ids} onDone={onClear} />
          <Button size="sm" onClick={() => navigate(`/pick-lists/new?orders=${ids.join(',')}`)}>{t('picking:ordersBulk')}</Button>
          {hasRole('manager', operator?.role) ? (
            <Button size="sm" variant="danger" onClick={() => setAsking(true)}>{t('bulk.cancel')}</Button>
          ) : null}
          <Button size="sm" variant="ghost" onClick={onClear} shortcut="Esc">{t('bulk.clear')}</Button>
          {confirm.error ? <span className="field-error">{errorMessage(t, confirm.error)}</span> : null}
        </div>
      ) : null}
      <ReasonDialog
        open={asking}
        onClose={() => setAsking(false)}
        title={t('bulk.cancelTitle', { count: ids.length })}
        reasonLabel={t('cancel.reason')}
        confirmLabel={t('bulk.cancel')}
        danger
        pending={cancel.pending}
        error={cancel.error}
        onConfirm={async (reason) => {
          const rows = await cancel.run({ ids: [...ids], reason });
          if (rows) setAsking(false);
          finish(t('bulk.cancelTitle', { count: ids.length }), rows);
        }}
      />
      <BulkBookingDialog
        open={booking}
        orderIds={ids}
        numberOf={numberOf}
        onClose={() => {
          setBooking(false);
          onClear();
        }}
      />
      <BulkResultDialog results={results} numberOf={numberOf} onClose={() => setResults(null)} />
    </>
  );
}

function BulkResultDialog({ results, numberOf, onClose }: { results: { title: string; rows: BulkResult } | null; numberOf: (id: number) => string; onClose: () => void }) {
  const { t } = useTranslation('orders');
  return (
    <Dialog open={results !== null} onClose={onClose} title={results?.title ?? ''} size="md" footer={<Button variant="primary" onClick={onClose} autoFocus>{t('common:actions.close')}</Button>}>
      <div className="table-wrap">
        <table className="table" aria-label={t('bulk.results')}>
          <thead>
            <tr><th>{t('list.col.number')}</th><th>{t('bulk.result')}</th></tr>
          </thead>
          <tbody>
            {results?.rows.map((r) => (
              <tr key={r.id}>
                <td className="og-number">{numberOf(r.id)}</td>
                <td>
                  {r.ok && r.status ? <StatusBadge status={r.status} /> : null}
                  {!r.ok && r.error ? <span className="field-error">{errorMessage(t, new ApiError(r.error.code as ApiError['code'], r.error.message))}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Dialog>
  );
}
