import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import { useShortcut } from '../../app/shortcuts.js';
import { call, toApiError } from '../../lib/api.js';
import { errorMessage } from '../../lib/errors.js';
import { toast } from '../../state/toast-store.js';
import { base64ToBlob, saveBlob, type ImportFormat } from './catalog-files.js';
import { ImportDialog } from './import-dialog.js';

/** Import from a file, export as CSV or Excel: the catalogue's header buttons for managers. */
export function CatalogFileActions() {
  const { t } = useTranslation('catalog');
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState<ImportFormat | null>(null);

  const exportAs = async (format: ImportFormat) => {
    setExporting(format);
    try {
      const file = await call('catalog.export', { format });
      saveBlob(file.fileName, base64ToBlob(file.contentBase64, file.mimeType));
      toast('success', t('files.exported', { file: file.fileName }));
    } catch (err) {
      // No form to point at: a toast says what went wrong.
      toast('error', errorMessage(t, toApiError(err)));
    } finally {
      setExporting(null);
    }
  };

  useShortcut('I', () => setImporting(true), { enabled: !importing });
  return (
    <>
      <Button shortcut="I" onClick={() => setImporting(true)}>{t('files.import')}</Button>
      <Button busy={exporting === 'csv'} disabled={exporting !== null} onClick={() => void exportAs('csv')}>{t('files.exportCsv')}</Button>
      <Button busy={exporting === 'xlsx'} disabled={exporting !== null} onClick={() => void exportAs('xlsx')}>{t('files.exportXlsx')}</Button>
      {importing ? <ImportDialog onClose={() => setImporting(false)} /> : null}
    </>
  );
}
