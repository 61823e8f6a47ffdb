import './packing.css';
import { Activity, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShortcut } from '../../app/shortcuts.js';
import { call } from '../../lib/api.js';
import { packError } from './pack-messages.js';
import { Dialog } from '../../components/dialog.js';
import { Button } from '../../components/button.js';
import { PageHeader } from '../../components/layout.js';
import { PrintQueuePanel } from '../printing/print-queue-panel.js';
import { useScan } from '../../lib/scanner/index.js';
import { PackOrderView } from './pack-order-view.js';
import { PackQueueView } from './pack-queue-view.js';
import { ShiftBar } from './shift-bar.js';
import { usePackStation } from './use-pack-station.js';

/**
 * /pack: the pack queue, or the order open at this desk. Every scan lands here, whichever view shows
 * (a scanned order number opens it from the queue; a scanned item counts on the open order).
 */
export function PackStationScreen() {
  const { t } = useTranslation('packing');
  const st = usePackStation();
  useScan(st.onScan, { enabled: st.pendingSwitch === null });
  const open = st.session && st.session.status === 'open' ? st.session : null;
  const reprint = async () => {
    if (!st.lastPacked) return;
    try {
      await call('packing.reprintLabel', { orderId: st.lastPacked.orderId });
      st.say('info', t('reprinted', { number: st.lastPacked.number }));
    } catch (err) {
      st.say('error', packError(t, err));
    }
  };
  useShortcut('R', () => void reprint(), { enabled: st.lastPacked !== null });
  // Its own events keep it fresh: a scan's re-render of this screen has nothing to give it.
  const printQueue = useMemo(() => <PrintQueuePanel limit={6} title={t('printQueue')} />, [t]);
  return (
    <div className="screen pack-screen">
      <PageHeader
        title={open ? t('orderTitle', { number: open.order.number }) : t('title')}
        subtitle={st.station ? t('stationLine', { station: st.station.name, warehouse: st.station.warehouseName ?? '—' }) : null}
        actions={<>
          <ShiftBar />
          {st.lastPacked ? <Button shortcut="R" onClick={() => void reprint()}>{t('reprint', { number: st.lastPacked.number })}</Button> : null}
        </>}
      />
      <FeedbackBanner feedback={st.feedback} />
      <div className="pack-body">
        <div className="pack-main">
          {open ? <PackOrderView st={st} session={open} /> : null}
          {/* Hidden, not unmounted, while an order is open: opening one by a scan then renders only the
              order view, and leaving it shows the queue again without building its rows anew. Hidden,
              its effects are off: no shortcuts, no re-reads until it shows again (then it re-reads). */}
          <Activity mode={open ? 'hidden' : 'visible'}>
            <PackQueueView routing={st.routing} sequence={st.sequence} open={st.open} openFromSequence={st.openFromSequence} />
          </Activity>
        </div>
        <aside className="pack-side" aria-label={t('printQueue')}>{printQueue}</aside>
      </div>
      <Dialog
        open={st.pendingSwitch !== null}
        onClose={st.cancelSwitch}
        title={t('switchTitle')}
        footer={<>
          <Button onClick={st.cancelSwitch}>{t('switchStay')}</Button>
          <Button variant="danger" data-autofocus onClick={() => void st.confirmSwitch()}>{t('switchLeave')}</Button>
        </>}
      >
        <p>{t('switchBody', { number: open?.order.number ?? '', units: open?.scannedUnits ?? 0 })}</p>
      </Dialog>
    </div>
  );
}

function FeedbackBanner({ feedback }: { feedback: ReturnType<typeof usePackStation>['feedback'] }) {
  const { t } = useTranslation('packing');
  // role=alert for refusals so a screen reader says them at once; the key replays the flash on repeats.
  return (
    <div className={`pack-feedback pack-feedback-${feedback?.kind ?? 'idle'}`} role={feedback?.kind === 'error' ? 'alert' : 'status'} aria-live="assertive" key={feedback?.at ?? 0} data-testid="pack-feedback">
      {feedback ? feedback.text : t('scanPrompt')}
    </div>
  );
}
