import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import { Dialog } from '../../components/dialog.js';
import { ApiError, useAction, type Output } from '../../lib/api.js';
import { errorMessage } from '../../lib/errors.js';

type Rows = Output<'shopeeLogistics.arrangeMany'>;

/** "Chuẩn bị hàng Shopee" for the selected orders: each arranged on its own (drop-off or first pickup slot), a result per order. */
export function BulkShopeeArrange({ ids, onDone }: { ids: readonly number[]; onDone: () => void }) {
  const { t } = useTranslation('shopee-logistics');
  const many = useAction('shopeeLogistics.arrangeMany');
  const [rows, setRows] = useState<Rows | null>(null);
  const close = () => {
    setRows(null);
    onDone();
  };
  return (
    <>
      <Button size="sm" busy={many.pending} onClick={async () => {
        const r = await many.run({ orderIds: [...ids], method: 'auto' });
        // The selection is cleared when the results are closed: the bar (and this dialog) stay until then.
        if (r) setRows(r);
      }}>{t('bulk.open')}</Button>
      <Dialog open={rows !== null} onClose={close} title={t('bulk.title')} size="md" footer={<Button variant="primary" onClick={close} autoFocus>{t('close')}</Button>}>
        <div className="table-wrap">
          <table className="table" aria-label={t('bulk.title')}>
            <thead><tr><th>{t('bulk.order')}</th><th>{t('bulk.result')}</th></tr></thead>
            <tbody>
              {rows?.map((r) => (
                <tr key={`${r.orderId}-${r.shipmentId ?? 'x'}`}>
                  <td className="og-number">{r.orderNumber || r.orderId}</td>
                  <td>{r.ok ? t('bulk.ok') : <span className="field-error">{errorMessage(t, new ApiError(r.error!.code as ApiError['code'], r.error!.message))}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Dialog>
    </>
  );
}
