import { useTranslation } from 'react-i18next';
import type { PrintDocument } from '../../../main/domain/printing/print-documents.js';
import { Button } from '../../components/button.js';
import { Dialog } from '../../components/dialog.js';
import { ErrorBanner, Loading } from '../../components/feedback.js';
import { useCommand } from '../../lib/api.js';

/**
 * The bitmap the printer would get for a document, at the station printer's dpi and media (or the one
 * named): white dots and black dots, nothing smoothed, so what is seen is what prints.
 */
export function LabelPreviewDialog({ document, profileId, onClose }: { document: PrintDocument | null; profileId?: number; onClose: () => void }) {
  const { t } = useTranslation('printing');
  const preview = useCommand('print.preview', document ? { document, ...(profileId ? { profileId } : {}) } : null);
  const p = preview.data;
  return (
    <Dialog open={document !== null} onClose={onClose} title={t('preview.title')} size="md"
      footer={<Button variant="primary" onClick={onClose} data-autofocus>{t('preview.close')}</Button>}>
      {preview.loading && !p ? <Loading /> : null}
      <ErrorBanner error={preview.error} />
      {p ? (
        <figure className="label-preview">
          <img src={`data:image/png;base64,${p.pngBase64}`} alt={t('preview.alt')} width={p.widthDots} height={p.heightDots} />
          <figcaption>
            {t('preview.size', { width: p.widthDots, height: p.heightDots, dpi: p.dpi })}
            {p.profileId === null ? <> · {t('preview.defaultProfile')}</> : null}
          </figcaption>
        </figure>
      ) : null}
    </Dialog>
  );
}
