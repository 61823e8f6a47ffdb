import { useTranslation } from 'react-i18next';
import type { Output } from '../../lib/api.js';
import { Tag } from '../../components/status-badge.js';
import { formatGrams } from '../../components/weight-input/weight-view.js';

export type ScaleTestOutput = Output<'scales.test'>;

/** What a "Thử cân" run received: the verdict first (settled weight or the scale's problem), then every reading. */
export function ScaleTestResult({ result }: { result: ScaleTestOutput }) {
  const { t, i18n } = useTranslation('station');
  const first = result.readings[0]?.at ?? 0;
  const ok = result.weight !== null;
  const problem = result.error ? t(`scales:errors.${result.error.code}`) : result.reason ? t(`scales:reasons.${result.reason}`) : null;
  return (
    <div className="scale-test" data-testid="scale-test-result">
      <p className={`scale-test-verdict ${ok ? 'is-ok' : 'is-bad'}`} role="status">
        {ok ? t('scale.testWeight', { weight: formatGrams(result.weight!.grams, i18n.language) }) : t('scale.testNoWeight')}
        {!ok && problem ? ` — ${problem}` : null}
        <span className="muted"> · {t('scale.testCount', { count: result.readings.length })}</span>
      </p>
      {result.readings.length === 0 ? (
        <p className="muted">{t('scale.testNoReadings')}</p>
      ) : (
        <div className="scale-readings-wrap">
          <table className="table scale-readings" aria-label={t('scale.readingsLabel')}>
            <thead>
              <tr>
                <th className="num">{t('scale.columns.at')}</th>
                <th className="num">{t('scale.columns.grams')}</th>
                <th>{t('scale.columns.state')}</th>
                <th>{t('scale.columns.raw')}</th>
              </tr>
            </thead>
            <tbody>
              {result.readings.map((r, i) => (
                <tr key={i} data-stable={r.stable ? 'true' : 'false'}>
                  <td className="num">{Math.round(r.at - first)}</td>
                  <td className="num">{formatGrams(r.grams, i18n.language)}</td>
                  <td>
                    <Tag tone={r.status !== 'ok' && r.status !== 'motion' ? 'danger' : r.stable ? 'ok' : 'warn'}>
                      {r.status !== 'ok' && r.status !== 'motion' ? t(`scales:reasons.${r.status}`) : t(r.stable ? 'scale.stable' : 'scale.unstable')}
                    </Tag>
                  </td>
                  <td className="mono scale-raw">{r.raw}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
