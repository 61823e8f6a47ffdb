import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connection } from '../../../main/api/connections.js';
import { Button } from '../../components/button.js';
import { Dialog } from '../../components/dialog.js';
import { ErrorBanner, Loading } from '../../components/feedback.js';
import { KeyValues } from '../../components/layout.js';
import { useAction, type Output } from '../../lib/api.js';
import { formatNumber } from '../../lib/format.js';
import { readFileBase64 } from '../catalog/catalog-files.js';

type Result = Output<'shipping.importStatuses'>;

/**
 * Applies a Viettel Post portal export (the statuses of many parcels at once) to our shipments:
 * the way to catch up on statuses whose webhooks never arrived.
 */
export function ImportStatusesDialog({ connection, onClose }: { connection: Connection | null; onClose: () => void }) {
  const { t } = useTranslation('connections');
  const inputId = useId();
  const run = useAction('shipping.importStatuses');
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<Result | null>(null);

  useEffect(() => {
    if (!connection) return;
    setFile(null);
    setResult(null);
    run.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [connection]);

  const submit = async () => {
    if (!connection || !file || run.pending) return;
    const contentBase64 = await readFileBase64(file);
    const r = await run.run({ accountId: connection.id, fileName: file.name, contentBase64 });
    if (r) setResult(r);
  };

  return (
    <Dialog
      open={connection !== null}
      onClose={onClose}
      title={t('import.title', { name: connection?.name ?? '' })}
      onSubmit={result ? undefined : () => void submit()}
      footer={
        result ? (
          <Button variant="primary" onClick={onClose} data-autofocus>{t('common:actions.close')}</Button>
        ) : (
          <>
            <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
            <Button type="submit" variant="primary" disabled={!file} busy={run.pending} shortcut="Ctrl+Enter">{t('import.submit')}</Button>
          </>
        )
      }
    >
      <p className="dialog-text">{t('import.explain')}</p>
      <div className="field">
        <label className="field-label" htmlFor={inputId}>{t('import.file')}</label>
        <input id={inputId} className="file-input" type="file" accept=".csv,text/csv" data-autofocus onChange={(e) => { setFile(e.target.files?.[0] ?? null); setResult(null); }} />
      </div>
      {run.pending ? <Loading label={t('import.running')} /> : null}
      <ErrorBanner error={run.error} />
      {result ? (
        <>
          <KeyValues
            items={[
              { label: t('import.rows'), value: <span className="num">{formatNumber(result.rows)}</span> },
              { label: t('import.applied'), value: <span className="num">{formatNumber(result.applied)}</span> },
              { label: t('import.duplicates'), value: <span className="num">{formatNumber(result.duplicates)}</span> },
              { label: t('import.unknown'), value: <span className="num">{formatNumber(result.unknown.length)}</span> },
            ]}
          />
          {result.unknown.length > 0 ? (
            <div className="banner banner-warn">
              {t('import.unknownList')} <span className="mono">{result.unknown.slice(0, 20).join(', ')}{result.unknown.length > 20 ? '…' : ''}</span>
            </div>
          ) : null}
        </>
      ) : null}
    </Dialog>
  );
}
