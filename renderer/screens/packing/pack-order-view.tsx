import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShortcut } from '../../app/shortcuts.js';
import { Button } from '../../components/button.js';
import { NumberField } from '../../components/field.js';
import { WeightInput } from '../../components/weight-input/weight-input.js';
import { call } from '../../lib/api.js';
import { formatVnd } from '../../lib/format.js';
import { PackDialogs, type DialogKind } from './pack-dialogs.js';
import { PackLines } from './pack-lines.js';
import { packError } from './pack-messages.js';
import type { PackStation, Session } from './use-pack-station.js';

/**
 * The order open at this desk. When every line is verified (or a manager overrode it) and a weight
 * is in, it completes by itself: booking, label, packed, and the next order opens; no click.
 */
export function PackOrderView({ st, session }: { st: PackStation; session: Session }) {
  const { t } = useTranslation('packing');
  const rules = st.station?.packing;
  const [weight, setWeight] = useState<number | null>(null);
  const [weightGiven, setWeightGiven] = useState(false);
  const [qty, setQty] = useState<number | null>(null);
  const [dialog, setDialog] = useState<DialogKind>(null);
  const completing = useRef(false);
  const weightRef = useRef<HTMLDivElement>(null);
  const qtyRef = useRef<HTMLDivElement>(null);
  const cancelled = session.order.status === 'cancelled';
  const ready = (session.allVerified || session.override !== null) && !cancelled;
  const lastOk = session.recentScans.find((s) => s.result === 'ok');
  const lastLine = lastOk ? session.lines.find((l) => l.id === lastOk.lineId) ?? null : null;
  const canType = !!rules?.allowTypedQuantity && st.lastOkCode !== null && lastLine !== null && lastLine.quantity > 1 && lastLine.verifiedQty < lastLine.quantity && session.recentScans[0]?.result === 'ok';

  useEffect(() => {
    setWeight(null);
    setWeightGiven(false);
    completing.current = false;
  }, [session.id]);

  // Once everything is verified the packer's next move is the weight: put the cursor there, after the
  // frame that shows the last scan's feedback (focusing lays the page out, which that frame need not wait for).
  useEffect(() => {
    if (!ready || !rules?.requireWeight || weightGiven) return;
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => weightRef.current?.querySelector('input')?.focus(), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [ready, rules?.requireWeight, weightGiven]);

  useEffect(() => {
    if (!ready || completing.current || !rules) return;
    if (rules.requireWeight && !(weightGiven && weight)) return;
    completing.current = true;
    void (async () => {
      try {
        const done = await call('packing.complete', { sessionId: session.id, weightGrams: weight });
        st.setLastPacked({ orderId: done.orderId, number: session.order.number });
        const packedText = t('packed', { number: session.order.number });
        st.say('ok', packedText);
        st.setSession(null);
        if (st.sequence.length) await st.openFromSequence(st.sequence, packedText);
        else if (rules.autoOpenNext && done.nextOrderId) await st.open(done.nextOrderId, packedText);
      } catch (err) {
        completing.current = false;
        setWeightGiven(false);
        st.say('error', packError(t, err));
      }
    })();
  }, [ready, weight, weightGiven, rules, session.id, session.order.number, st, t]);

  const undo = async () => {
    try {
      st.setSession(await call('packing.undoLastScan', { sessionId: session.id }));
      st.say('info', t('undone'));
    } catch (err) {
      st.say('error', packError(t, err));
    }
  };
  useShortcut('Ctrl+Z', () => void undo(), { allowInInput: true });
  useShortcut('P', () => setDialog('pause'), { enabled: !cancelled });
  // Any desk can ask: a packer's dialog takes a manager's PIN.
  useShortcut('O', () => setDialog('override'), { enabled: !ready && !cancelled });
  useShortcut('Q', () => qtyRef.current?.querySelector('input')?.focus(), { enabled: canType });
  useShortcut('W', () => weightRef.current?.querySelector('input')?.focus());
  useShortcut('Escape', () => void st.release(), { enabled: cancelled });

  return (
    <div className="pack-order">
      {cancelled ? (
        <div className="pack-cancelled" role="alert">
          <strong>{t('cancelledTitle')}</strong> {t('cancelledBody')}
          <Button variant="danger" shortcut="Esc" onClick={() => void st.release()}>{t('closeCancelled')}</Button>
        </div>
      ) : null}
      <div className="pack-order-meta">
        <span className="mono">{session.order.number}</span>
        <span>{t(`common:channels.${session.order.channel}`)}{session.order.externalId ? ` · ${session.order.externalId}` : ''}</span>
        <span>{session.order.buyerName}</span>
        <span>{session.order.paymentMethod === 'cod' ? t('cod', { amount: formatVnd(session.order.total) }) : t('prepaid')}</span>
        <span className="pack-progress num" aria-label={t('progressLabel')}>{t('progress', { verified: session.verifiedUnits, total: session.totalUnits })}</span>
      </div>
      {session.order.note ? <p className="pack-note">{t('note', { note: session.order.note })}</p> : null}
      {session.override ? <p className="pack-override" role="status">{t('overridden', { by: session.override.by ?? '', reason: session.override.reason })}</p> : null}
      <PackLines session={session} lastLineId={lastOk?.lineId ?? null} />
      <div className="pack-inputs">
        {canType ? (
          <div ref={qtyRef}>
            <NumberField label={t('typedQty', { sku: lastLine!.sku, quantity: lastLine!.quantity })} hint={t('typedQtyHint')} value={qty} onChange={setQty} min={1} max={lastLine!.quantity}
              onKeyDown={(e) => {
                if (e.key !== 'Enter' || qty === null) return;
                e.preventDefault();
                void st.count(session.id, st.lastOkCode!, qty).then(() => setQty(null));
              }} />
          </div>
        ) : null}
        {/* Typed grams count once Enter is pressed; a weight taken from the scale (focus elsewhere) at once. */}
        <div ref={weightRef} onKeyDown={(e) => {
          if (e.key === 'Enter' && weight) {
            e.preventDefault();
            setWeightGiven(true);
          }
        }}>
          <WeightInput label={t('weight')} value={weight} required={rules?.requireWeight}
            onChange={(v) => {
              setWeight(v);
              setWeightGiven(v !== null && !weightRef.current?.contains(document.activeElement));
            }} />
          <p className="muted small">{ready ? t('weightHintReady') : t('weightHint')}</p>
        </div>
      </div>
      <div className="pack-actions">
        <Button shortcut="Ctrl+Z" onClick={() => void undo()} disabled={session.scannedUnits === 0}>{t('undo')}</Button>
        <Button shortcut="P" onClick={() => setDialog('pause')} disabled={cancelled}>{t('pause')}</Button>
        <Button shortcut="O" onClick={() => setDialog('override')} disabled={ready || cancelled}>{t('override')}</Button>
        <Button variant="ghost" onClick={() => void st.release()}>{t('leave')}</Button>
      </div>
      <PackDialogs st={st} session={session} dialog={dialog} onClose={() => setDialog(null)} />
    </div>
  );
}
