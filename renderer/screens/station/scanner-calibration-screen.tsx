import './station.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import { TextField } from '../../components/field.js';
import { KeyValues, PageHeader, Section } from '../../components/layout.js';
import { formatTime } from '../../lib/format.js';
import { href } from '../../lib/router.js';
import { CALIBRATION_CODE } from '../../lib/scanner/calibration.js';
import { hasRole, useOperator } from '../../state/session-store.js';
import { CalibrationBarcode } from './calibration-barcode.js';
import { CalibrationResultView } from './calibration-result.js';
import { useCalibration, type HistoryEntry } from './use-calibration.js';

/**
 * Scan the test code; the page says whether scanner, keyboard layout and input method are right,
 * and what to change. Everything is keyboard-driven: the scan itself is the input.
 */
export function ScannerCalibrationScreen() {
  const { t } = useTranslation('scanner');
  const canEdit = hasRole('manager', useOperator()?.role);
  const { result, history, received, config, clear } = useCalibration();
  const [typed, setTyped] = useState('');

  return (
    <div className="screen">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={<a className="btn btn-secondary btn-md" href={href('/station?tab=scanner')}>{t('settingsLink')}</a>}
      />
      <div className="calibration-grid">
        <Section title={t('barcode.title')}>
          <p>{t('barcode.instructions')}</p>
          <CalibrationBarcode code={CALIBRATION_CODE} />
        </Section>
        <Section title={t('result.title')} actions={<Button size="sm" variant="ghost" onClick={clear}>{t('clear')}</Button>}>
          {result ? <CalibrationResultView result={result} canEdit={canEdit} /> : <p className="calibration-waiting">{t('result.waiting')}</p>}
        </Section>
        <Section title={t('live.title')}>
          <p className="muted" data-testid="scan-count">{t('live.received', { count: received })}</p>
          <LiveTable history={history} />
        </Section>
        <Section title={t('current.title')}>
          <KeyValues
            items={[
              { label: t('current.threshold'), value: t('current.ms', { ms: config.maxAvgMsPerChar }) },
              { label: t('current.timeout'), value: t('current.ms', { ms: config.endTimeoutMs }) },
              { label: t('current.minLength'), value: String(config.minLength) },
              { label: t('current.prefix'), value: config.prefixCodes.join(' ') || t('result.none') },
              { label: t('current.suffix'), value: config.suffixCodes.join(' ') || t('result.none') },
              { label: t('current.dedupe'), value: t('current.ms', { ms: config.dedupeMs }) },
            ]}
          />
          <TextField className="calibration-typing" label={t('typing.label')} hint={t('typing.hint')} value={typed} onChange={setTyped} />
        </Section>
      </div>
    </div>
  );
}

function LiveTable({ history }: { history: HistoryEntry[] }) {
  const { t } = useTranslation('scanner');
  if (history.length === 0) return <p className="muted">{t('live.empty')}</p>;
  return (
    <table className="table calibration-live" aria-label={t('live.title')}>
      <thead>
        <tr>
          <th>{t('live.time')}</th>
          <th>{t('live.code')}</th>
          <th>{t('live.verdict')}</th>
          <th className="num">{t('live.pace')}</th>
          <th>{t('live.end')}</th>
        </tr>
      </thead>
      <tbody>
        {history.map((h) => (
          <tr key={h.id} data-verdict={h.verdict}>
            <td className="num">{formatTime(h.at)}</td>
            <td className="mono">{h.text}</td>
            <td className={`verdict-${h.verdict}`}>{t(`live.verdicts.${h.verdict}`)}{h.source === 'paste' ? ` · ${t('live.paste')}` : ''}{h.prefixed ? ` · ${t('live.prefixed')}` : ''}</td>
            <td className="num">{h.source === 'paste' ? '—' : t('current.ms', { ms: h.avgMsPerChar })}</td>
            <td>{h.suffix ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
