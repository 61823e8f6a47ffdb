import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Station } from '../../../main/api/stations.js';
import { Button } from '../../components/button.js';
import { Section } from '../../components/layout.js';
import { Tag } from '../../components/status-badge.js';
import { useScale } from '../../components/weight-input/use-scale.js';
import { WeightInput } from '../../components/weight-input/weight-input.js';
import { formatGrams, scaleView } from '../../components/weight-input/weight-view.js';
import { call } from '../../lib/api.js';
import { errorMessage } from '../../lib/errors.js';
import { toast } from '../../state/toast-store.js';

/**
 * What the station's scale reads right now (the same polling as the pack screen's weight field),
 * with tare and zero, and the weight field itself to try typing and F2. Packers use this too: tare
 * and zero are part of their day, only the settings are for managers.
 */
export function ScaleLive({ station }: { station: Station }) {
  const { t, i18n } = useTranslation('station');
  const state = useScale();
  const view = scaleView(state);
  const [busy, setBusy] = useState<'tare' | 'zero' | null>(null);
  const [tried, setTried] = useState<number | null>(null);
  const connected = !!state && state.connection !== 'none';
  // The demo desk weighs on the simulator until its settings are saved (domain/scales configFor).
  const demo = !!state && station.id === null && state.transport !== station.scale.transport;

  const act = async (action: 'tare' | 'zero') => {
    setBusy(action);
    try {
      const r = await call('scales.command', { action });
      if (r.done) toast('success', t(action === 'tare' ? 'scale.tareDone' : 'scale.zeroDone'));
      else if (r.error) toast('error', t(`scales:errors.${r.error.code}`));
    } catch (err) {
      toast('error', errorMessage(t, err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Section title={t('scale.liveTitle')}>
      <div className="scale-live-body">
        <output className={`scale-live tone-${view.tone}`} aria-live="polite" aria-label={t('scale.liveLabel')} data-testid="scale-live"
          data-stable={view.takeGrams !== null ? 'true' : 'false'}>
          <strong className="scale-live-grams num">{view.liveGrams !== null ? formatGrams(view.liveGrams, i18n.language) : '—'}</strong>
          {view.tone === 'stable' || view.tone === 'moving' ? <Tag tone={view.tone === 'stable' ? 'ok' : 'warn'}>{t(view.tone === 'stable' ? 'scale.stable' : 'scale.unstable')}</Tag> : null}
          {view.tone !== 'stable' ? <span className="scale-live-message">{connected ? t(`scales:${view.messageKey}`) : t('scale.liveNone')}</span> : null}
        </output>
        {connected ? (
          <p className="muted small">{t('scale.liveUsing', { transport: t(`scale.transports.${state.transport}`), protocol: t(`scale.protocols.${state.protocol}`) })}</p>
        ) : null}
        {demo ? <p className="muted small">{t('scale.demoNote')}</p> : null}
        <div className="station-actions">
          <Button size="sm" disabled={!connected} busy={busy === 'tare'} onClick={() => void act('tare')}>{t('scale.tare')}</Button>
          <Button size="sm" disabled={!connected} busy={busy === 'zero'} onClick={() => void act('zero')}>{t('scale.zero')}</Button>
        </div>
        <fieldset className="fieldset station-fieldset">
          <legend>{t('scale.tryTitle')}</legend>
          <p className="muted small">{t('scale.tryHint')}</p>
          <WeightInput label={t('scale.tryWeight')} value={tried} onChange={setTried} />
          <p className="scale-try-result" data-testid="scale-try-result">
            {tried !== null ? t('scale.tryResult', { weight: formatGrams(tried, i18n.language) }) : t('scale.tryEmpty')}
          </p>
        </fieldset>
      </div>
    </Section>
  );
}
