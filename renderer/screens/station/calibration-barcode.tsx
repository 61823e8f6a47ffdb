import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chooseProfile } from '../../../main/domain/printing/printer-profile-rules.js';
import { Button } from '../../components/button.js';
import { ErrorBanner } from '../../components/feedback.js';
import { useAction, useCommand } from '../../lib/api.js';
import { toast } from '../../state/toast-store.js';

/**
 * The test code as a Code 128 on screen (most scanners read a monitor), plus a button printing
 * the printer's test label, which carries the same code. bwip-js is loaded only here: its encoder
 * tables are large and no other screen draws barcodes in the browser.
 */
export function CalibrationBarcode({ code }: { code: string }) {
  const { t } = useTranslation('scanner');
  const canvas = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    void import('bwip-js/browser')
      .then(({ default: bwipjs }) => {
        if (live && canvas.current) bwipjs.toCanvas(canvas.current, { bcid: 'code128', text: code, scale: 3, height: 14, paddingwidth: 10, paddingheight: 4, backgroundcolor: 'ffffff' });
      })
      .catch((err: unknown) => live && setFailed(err));
    return () => {
      live = false;
    };
  }, [code]);

  return (
    <figure className="calibration-barcode">
      <canvas ref={canvas} role="img" aria-label={t('barcode.alt', { code })} data-code={code} />
      <figcaption className="mono">{code}</figcaption>
      <ErrorBanner error={failed} />
      <PrintTestButton />
    </figure>
  );
}

/** Prints the station label printer's test label (it carries the same code); hidden when the desk has no printer. */
function PrintTestButton() {
  const { t } = useTranslation('scanner');
  const printers = useCommand('printers.list', {});
  const test = useAction('printers.test');
  const printer = chooseProfile(printers.data ?? [], 'label');
  if (!printer) return printers.data ? <p className="muted">{t('barcode.noPrinter')}</p> : null;
  return (
    <>
      <Button
        busy={test.pending}
        onClick={async () => {
          if (await test.run({ id: printer.id })) toast('success', t('barcode.printed', { printer: printer.name }));
        }}
      >
        {t('barcode.print', { printer: printer.name })}
      </Button>
      <ErrorBanner error={test.error} />
    </>
  );
}
