import { useTranslation } from 'react-i18next';
import { useShortcut } from '../../app/shortcuts.js';
import { Button } from '../../components/button.js';
import { ErrorBanner } from '../../components/feedback.js';
import { KeyValues } from '../../components/layout.js';
import { useAction } from '../../lib/api.js';
import type { CalibrationResult } from '../../lib/scanner/calibration.js';
import { toast } from '../../state/toast-store.js';

/** Characters of `got` that differ from `expected`, marked so the eye finds them at once. */
function Compared({ expected, got }: { expected: string; got: string }) {
  return (
    <span className="mono calibration-text">
      {[...got].map((ch, i) => (
        <span key={i} className={ch === expected[i] ? undefined : 'calibration-diff'}>{ch}</span>
      ))}
      {got.length < expected.length ? <span className="calibration-diff">{'·'.repeat(expected.length - got.length)}</span> : null}
    </span>
  );
}

/** The verdict on the last scan of the test code, what to change, and (for managers) a one-key fix. */
export function CalibrationResultView({ result, canEdit }: { result: CalibrationResult; canEdit: boolean }) {
  const { t } = useTranslation('scanner');
  const apply = useAction('stations.update');
  const suggestion = result.suggestion;
  const run = async () => {
    if (!suggestion || !canEdit || apply.pending) return;
    if (await apply.run({ scanner: suggestion })) toast('success', t('result.applied'));
  };
  useShortcut('Ctrl+Enter', () => void run(), { allowInInput: true, enabled: canEdit && suggestion !== null });

  return (
    <div className={`calibration-result ${result.ok ? 'is-ok' : 'is-bad'}`} role="status" aria-live="polite" data-testid="calibration-result">
      <p className="calibration-verdict">{result.ok ? t('result.ok') : t('result.bad')}</p>
      <KeyValues
        items={[
          { label: t('result.expected'), value: <span className="mono calibration-text">{result.expected}</span> },
          { label: t('result.decoded'), value: <Compared expected={result.expected} got={result.decoded} /> },
          { label: t('result.keyText'), value: <Compared expected={result.expected} got={result.keyText} /> },
          { label: t('result.pace'), value: t('result.paceValue', { avg: result.avgMsPerChar, max: result.maxGapMs }) },
          { label: t('result.prefix'), value: result.prefix.join(' ') || t('result.none') },
          { label: t('result.suffix'), value: result.suffix ?? t('result.none') },
        ]}
      />
      <ul className="calibration-findings">
        {result.findings.map((f) => (
          <li key={f.kind} className={`finding finding-${f.severity}`} data-finding={f.kind}>
            <span className="finding-mark" aria-hidden="true">{f.severity === 'ok' ? '✓' : f.severity === 'info' ? 'i' : '!'}</span>
            <span>{t(`findings.${f.kind}`, f.params)}</span>
          </li>
        ))}
      </ul>
      {suggestion ? (
        <div className="calibration-suggestion">
          <p>{t('result.suggestion', { settings: Object.entries(suggestion).map(([k, v]) => `${t(`station:scanner.fields.${k}`)}: ${Array.isArray(v) ? v.join(' ') : String(v)}`).join(' · ') })}</p>
          {canEdit ? (
            <Button variant="primary" busy={apply.pending} shortcut="Ctrl+Enter" onClick={() => void run()}>{t('result.apply')}</Button>
          ) : (
            <p className="muted">{t('result.askManager')}</p>
          )}
          <ErrorBanner error={apply.error} />
        </div>
      ) : null}
    </div>
  );
}
