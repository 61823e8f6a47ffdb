import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import { Dialog } from '../../components/dialog.js';
import { ErrorBanner, Loading } from '../../components/feedback.js';
import { call, toApiError, type ApiError, type Output } from '../../lib/api.js';
import { base64ToBlob, saveBlob } from '../catalog/catalog-files.js';

type Label = Output<'shipping.label'>;

/** The kept label file as a blob; reprints read it from the data folder, never from the carrier. */
export async function fetchLabel(id: number): Promise<{ label: Label; blob: Blob }> {
  const label = await call('shipping.label', { id });
  return { label, blob: base64ToBlob(label.contentBase64, label.contentType) };
}

export async function downloadLabel(id: number): Promise<void> {
  const { label, blob } = await fetchLabel(id);
  saveBlob(label.fileName, blob);
}

/**
 * The carrier's label (GHN sends HTML, Viettel Post a PDF) in a frame from a blob URL, with print and
 * download. HTML labels run sandboxed without scripts; PDFs use the browser's own viewer.
 */
export function LabelPreview({ shipmentId, title, onClose }: { shipmentId: number | null; title: string; onClose: () => void }) {
  const { t } = useTranslation('shipping');
  const [state, setState] = useState<{ url: string; label: Label; blob: Blob } | null>(null);
  const [error, setError] = useState<ApiError>();
  const frame = useRef<HTMLIFrameElement>(null);
  const printButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (shipmentId === null) return;
    let live = true;
    let url: string | null = null;
    setState(null);
    setError(undefined);
    fetchLabel(shipmentId).then(
      ({ label, blob }) => {
        if (!live) return;
        url = URL.createObjectURL(blob);
        setState({ url, label, blob });
      },
      (err: unknown) => live && setError(toApiError(err)),
    );
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [shipmentId]);

  // Print is the likely next key once the label is there (the button was disabled while loading).
  useEffect(() => {
    if (state) printButton.current?.focus();
  }, [state]);

  const isHtml = state?.label.contentType.startsWith('text/html') ?? false;
  const print = () => frame.current?.contentWindow?.print();

  return (
    <Dialog
      open={shipmentId !== null}
      onClose={onClose}
      title={title}
      size="lg"
      footer={
        <>
          <Button onClick={onClose} shortcut="Esc">{t('common:actions.close')}</Button>
          <Button disabled={!state} onClick={() => state && saveBlob(state.label.fileName, state.blob)}>{t('label.download')}</Button>
          <Button ref={printButton} variant="primary" disabled={!state} onClick={print}>{t('label.print')}</Button>
        </>
      }
    >
      {error ? <ErrorBanner error={error} /> : null}
      {!state && !error ? <Loading label={t('label.loading')} /> : null}
      {state ? (
        <iframe
          ref={frame}
          className="label-frame"
          // The PDF viewer opens without its thumbnail pane: one label, one page.
          src={isHtml ? state.url : `${state.url}#navpanes=0`}
          title={t('label.frameTitle', { file: state.label.fileName })}
          // Carrier HTML is shown, never run: same origin only so that print() can reach it.
          sandbox={isHtml ? 'allow-same-origin allow-modals' : undefined}
        />
      ) : null}
      {state ? <p className="field-hint">{t('label.kept', { file: state.label.fileName })}</p> : null}
    </Dialog>
  );
}
