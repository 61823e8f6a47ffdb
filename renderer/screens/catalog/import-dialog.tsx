import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { Dialog } from '../../components/dialog.js';
import { ErrorBanner, Loading } from '../../components/feedback.js';
import { KeyValues } from '../../components/layout.js';
import { useAction, type Output } from '../../lib/api.js';
import { formatNumber } from '../../lib/format.js';
import { toast } from '../../state/toast-store.js';
import { TEMPLATE_COLUMNS, TEMPLATE_FILE_NAME, importFormatOf, readFileBase64, templateCsv, type ImportFormat } from './catalog-files.js';

type Preview = Output<'catalog.importPreview'>;
type Issue = Preview['issues'][number];
interface Picked { name: string; format: ImportFormat; contentBase64: string }

/**
 * Import in two steps: the core checks the whole file first (counts and a per-row error list),
 * then writes either everything or, when the user accepts it, only the valid rows.
 */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('catalog');
  const inputId = useId();
  const [picked, setPicked] = useState<Picked | null>(null);
  const [formatError, setFormatError] = useState<string>();
  const [preview, setPreview] = useState<Preview | null>(null);
  const check = useAction('catalog.importPreview');
  const commit = useAction('catalog.importCommit');
  const templateUrl = useTemplateUrl();

  const pick = async (file: File | undefined) => {
    setPreview(null);
    setPicked(null);
    setFormatError(undefined);
    check.reset();
    commit.reset();
    if (!file) return;
    const format = importFormatOf(file.name);
    if (!format) {
      setFormatError(t('files.wrongType'));
      return;
    }
    const next = { name: file.name, format, contentBase64: await readFileBase64(file) };
    setPicked(next);
    const result = await check.run({ format, fileName: next.name, contentBase64: next.contentBase64 });
    if (result) setPreview(result);
  };

  const run = async () => {
    if (!picked || !preview || preview.validRows === 0 || commit.pending) return;
    const done = await commit.run({ format: picked.format, fileName: picked.name, contentBase64: picked.contentBase64, acceptValidRows: preview.issues.length > 0 });
    if (!done) return;
    toast('success', t('files.imported', { products: formatNumber(done.createdProducts), variants: formatNumber(done.createdVariants), skipped: formatNumber(done.skippedRows) }));
    onClose();
  };

  const columns: Column<Issue>[] = [
    { key: 'row', header: t('files.row'), align: 'right', width: '4rem', render: (i) => <span className="num">{i.row}</span> },
    { key: 'field', header: t('files.column'), width: '9rem', render: (i) => <span className="mono">{i.field}</span> },
    {
      key: 'problem',
      header: t('files.problem'),
      render: (i) => (
        <>
          {t(`files.issue.${i.code}`, { defaultValue: t('files.issue.other') })} <span className="muted">{i.message}</span>
        </>
      ),
    },
  ];

  const canImport = preview !== null && preview.validRows > 0;
  return (
    <Dialog
      open
      size="lg"
      onClose={onClose}
      onSubmit={() => void run()}
      title={t('files.importTitle')}
      footer={
        <>
          <Button onClick={onClose} shortcut="Esc">{t('common:actions.cancel')}</Button>
          {preview ? (
            <Button type="submit" variant="primary" disabled={!canImport} busy={commit.pending} shortcut="Ctrl+Enter">
              {preview.issues.length > 0 ? t('files.importValid', { count: preview.validRows }) : t('files.importAll', { count: preview.validRows })}
            </Button>
          ) : null}
        </>
      }
    >
      <div className="field">
        <label className="field-label" htmlFor={inputId}>{t('files.pick')}</label>
        <input id={inputId} className="file-input" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" autoFocus onChange={(e) => void pick(e.target.files?.[0])} />
        {formatError ? <div className="field-error" role="alert">{formatError}</div> : null}
      </div>
      <div className="import-help">
        <p>{t('files.help')} <a href={templateUrl} download={TEMPLATE_FILE_NAME}>{t('files.template')}</a></p>
        <code className="import-columns">{TEMPLATE_COLUMNS.join(',')}</code>
      </div>
      {check.pending ? <Loading label={t('files.checking')} /> : null}
      <ErrorBanner error={check.error ?? commit.error} />
      {preview ? (
        <>
          <KeyValues
            items={[
              { label: t('files.file'), value: picked?.name ?? '' },
              { label: t('files.rows'), value: t('files.rowsValue', { rows: formatNumber(preview.rows), valid: formatNumber(preview.validRows) }) },
              { label: t('files.contents'), value: t('files.contentsValue', { products: formatNumber(preview.products), variants: formatNumber(preview.variants) }) },
            ]}
          />
          {preview.issues.length > 0 ? (
            <>
              <p className="banner banner-warn">{t('files.issuesLead', { count: preview.issues.length })}</p>
              <DataTable label={t('files.issuesLabel')} columns={columns} rows={preview.issues} rowKey={(i) => `${i.row}-${i.field}-${i.message}`} rowLabel={(i) => t('files.rowLabel', { row: i.row, field: i.field })} />
            </>
          ) : (
            <p className="banner banner-ok">{t('files.allValid')}</p>
          )}
        </>
      ) : null}
    </Dialog>
  );
}

/** An object URL for the template, made while the dialog is open and released when it closes. */
function useTemplateUrl(): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    const made = URL.createObjectURL(new Blob([templateCsv()], { type: 'text/csv;charset=utf-8' }));
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, []);
  return url;
}
