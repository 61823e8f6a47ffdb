import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import { Dialog } from '../../components/dialog.js';
import { SelectField } from '../../components/field.js';
import { ErrorBanner, Loading } from '../../components/feedback.js';
import { call, toApiError, type ApiError, type Input, type Output } from '../../lib/api.js';
import { base64ToBlob, saveBlob } from '../catalog/catalog-files.js';

type Label = Output<'shipping.label'>;
type Media = NonNullable<Input<'shipping.ownLabel'>['media']>;
/** The carrier's own label, or Packdesk's layout of the same shipment on a given medium. */
export type LabelSource = 'carrier' | Media;
const SOURCES: readonly LabelSource[] = ['carrier', '100x150', '100x100', '80mm', '58mm', 'a6', 'a5'];

/** A label as a blob: the carrier's is the file kept in the data folder, so reprints never need the network. */
export async function fetchLabel(id: number, source: LabelSource = 'carrier'): Promise<{ label: Label; blob: Blob }> {
  const label = source === 'carrier' ? await call('shipping.label', { id }) : await call('shipping.ownLabel', { id, media: source });
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
  const [source, setSource] = useState<LabelSource>('carrier');

  useEffect(() => {
    if (shipmentId === null) setSource('carrier');
  }, [shipmentId]);

  useEffect(() => {
    if (shipmentId === null) return;
    let live = true;
    let url: string | null = null;
    setState(null);
    setError(undefined);
    fetchLabel(shipmentId, source).then(
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
  }, [shipmentId, source]);

  // Print is the likely next key once the label is there (the button was disabled while loading);
  // only on opening, so choosing another layout with ↑/↓ keeps the focus in the layout box.
  const focused = useRef(false);
  useEffect(() => {
    if (shipmentId === null) focused.current = false;
    else if (state && !focused.current) {
      focused.current = true;
      printButton.current?.focus();
    }
  }, [state, shipmentId]);

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
          <SelectField
            label={t('label.source')}
            hideLabel
            className="label-source"
            value={source}
            onChange={setSource}
            options={SOURCES.map((s) => ({ value: s, label: t(`label.sources.${s}`) }))}
          />
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
      {state && source === 'carrier' ? <p className="field-hint">{t('label.kept', { file: state.label.fileName })}</p> : null}
    </Dialog>
  );
}
