import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import { ErrorBanner } from '../../components/feedback.js';
import { KeyValues } from '../../components/layout.js';
import { useAction, useCommand } from '../../lib/api.js';
import { formatDate, formatNumber, formatTime } from '../../lib/format.js';
import { href } from '../../lib/router.js';

// Day first and Vietnam time like every other date in the app; seconds, so a "sync now" shows it ran.
const when = (ms: number | null, never: string) => (ms === null ? never : `${formatDate(ms)} ${formatTime(ms)}`);

/**
 * The order pull of one marketplace shop: last successful pull, lag, orders pulled today, last error
 * (with its raw answer), orders waiting for a SKU mapping, and "Đồng bộ ngay". Embeddable in any screen.
 */
export function SyncStatusPanel({ accountId }: { accountId: number }) {
  const { t } = useTranslation('intake');
  const status = useCommand('intake.status', { accountId }, [accountId]);
  const sync = useAction('intake.syncNow');
  const s = status.data;
  if (!s) return status.error ? <ErrorBanner error={status.error} /> : null;
  const lag = s.lagSeconds === null ? t('panel.never') : s.lagSeconds < 120 ? t('panel.lagSeconds', { count: s.lagSeconds }) : t('panel.lagMinutes', { count: Math.round(s.lagSeconds / 60) });
  return (
    <section className="intake-panel" aria-label={t('panel.title')} data-testid="intake-sync-panel">
      <header className="row">
        <h3 className="grow">{t('panel.title')}</h3>
        <Button onClick={() => void sync.run({ accountId, wait: false })} disabled={s.running || sync.pending}>
          {s.running || sync.pending ? t('panel.syncing') : t('panel.syncNow')}
        </Button>
      </header>
      <KeyValues items={[
        { label: t('panel.lastSuccess'), value: when(s.lastSuccessAt, t('panel.never')) },
        { label: t('panel.lag'), value: lag },
        { label: t('panel.pulledToday'), value: formatNumber(s.pulledToday) },
        { label: t('panel.interval'), value: t('panel.everyMinutes', { count: Math.round(s.pollEveryMs / 60_000) }) },
        ...(s.catchUpSlices > 0 ? [{ label: t('panel.catchUp'), value: t('panel.slices', { count: s.catchUpSlices }) }] : []),
        ...(s.needsMapping > 0 ? [{ label: t('panel.needsMapping'), value: <a href={href('/intake/unmapped')} aria-label={t('panel.needsMappingLink', { count: s.needsMapping })}>{formatNumber(s.needsMapping)}</a> }] : []),
        ...(s.failedOrders > 0 ? [{ label: t('panel.failedOrders'), value: formatNumber(s.failedOrders) }] : []),
      ]} />
      {s.lastError ? (
        <details className="intake-error" role="alert">
          <summary>{t('panel.lastError', { code: s.lastError.code })}: {s.lastError.message}</summary>
          {s.lastError.raw ? <pre className="mono">{s.lastError.raw.slice(0, 4000)}</pre> : null}
        </details>
      ) : null}
      {sync.error ? <ErrorBanner error={sync.error} /> : null}
    </section>
  );
}
