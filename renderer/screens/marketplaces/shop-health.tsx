import { useTranslation } from 'react-i18next';
import type { MarketplaceHint, ShopeeStatus } from '../../../main/api/marketplaces.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { ErrorBanner } from '../../components/feedback.js';
import { KeyValues } from '../../components/layout.js';
import { Tag } from '../../components/status-badge.js';
import { useCommand, type Output } from '../../lib/api.js';
import { formatDateTime, formatNumber } from '../../lib/format.js';
import { href } from '../../lib/router.js';
import { SyncStatusPanel } from '../intake/sync-status-panel.js';

type PushEntry = Output<'listings.pushLog'>['items'][number];
type FailedJob = Output<'marketplaces.health'>[number]['failedJobs'][number];

/** One sentence on what to do: expired token → reconnect, wrong sign → partner key, clock skew → the computer's time. */
export function HintText({ hint }: { hint: MarketplaceHint | null }) {
  const { t } = useTranslation('marketplaces');
  if (!hint) return null;
  return <span className="channel-hint" data-hint={hint}>{t(`hint.${hint}`)}</span>;
}

/**
 * A shop's sync health (issue 5 §6): the order pull (the intake panel: last success, lag, pulled today,
 * last error), the outbox (queued and failed jobs with Shopee's message and a hint), and the stock push log.
 */
export function ShopHealth({ account }: { account: ShopeeStatus }) {
  const { t } = useTranslation('marketplaces');
  const health = useCommand('marketplaces.health', { accountId: account.accountId }, [account.accountId]);
  const pushLog = useCommand('listings.pushLog', { accountId: account.accountId, limit: 5, offset: 0 }, [account.accountId]);
  const h = health.data?.[0];

  const jobColumns: Column<FailedJob>[] = [
    { key: 'at', header: t('health.col.at'), width: '10rem', render: (j) => <span className="num small">{formatDateTime(j.at)}</span> },
    { key: 'kind', header: t('health.col.kind'), width: '10rem', render: (j) => <span className="mono small">{j.kind}</span> },
    {
      key: 'message', header: t('health.col.message'),
      render: (j) => (
        <span className="channel-job-error">
          <span className="small">{j.message || j.code}</span>
          <HintText hint={j.hint} />
          {!j.hint && j.providerHint ? <span className="small muted">{j.providerHint}</span> : null}
        </span>
      ),
    },
  ];
  const pushColumns: Column<PushEntry>[] = [
    { key: 'at', header: t('health.col.at'), width: '10rem', render: (p) => <span className="num small">{formatDateTime(p.at)}</span> },
    { key: 'sku', header: 'SKU', width: '11rem', render: (p) => <span className="mono small">{p.sku ?? `${p.itemId ?? ''}/${p.modelId ?? ''}`}</span> },
    { key: 'qty', header: t('health.col.quantity'), width: '6rem', align: 'right', render: (p) => (p.quantity === null ? '—' : formatNumber(p.quantity)) },
    {
      key: 'result', header: t('health.col.result'),
      render: (p) => (
        <span className="channel-job-error">
          <Tag tone={p.result === 'ok' ? 'ok' : p.result === 'drift' ? 'warn' : 'danger'}>{t(`health.push.${p.result}`)}</Tag>
          {p.error ? <span className="small">{p.error}</span> : null}
        </span>
      ),
    },
  ];

  return (
    <div className="channel-health-panel" data-testid="channel-health">
      <SyncStatusPanel accountId={account.accountId} />
      <section aria-label={t('health.jobsTitle')}>
        <h3>{t('health.jobsTitle')}</h3>
        <ErrorBanner error={health.error} />
        {h ? (
          <>
            <KeyValues items={[
              { label: t('health.queued'), value: formatNumber(h.queued + h.running) },
              { label: t('health.failed'), value: h.failed ? <a href={href('/jobs')}>{formatNumber(h.failed)}</a> : '0' },
              ...(h.lastError ? [{ label: t('health.accountError'), value: <span className="channel-job-error"><span className="small">{h.lastError}</span><HintText hint={h.lastErrorHint} /></span> }] : []),
            ]} />
            {h.failedJobs.length ? (
              <DataTable label={t('health.failedJobs')} columns={jobColumns} rows={h.failedJobs} rowKey={(j) => j.id} rowLabel={(j) => `${j.kind} ${j.code}`} />
            ) : null}
          </>
        ) : null}
      </section>
      <section aria-label={t('health.pushTitle')}>
        <h3>{t('health.pushTitle')}</h3>
        {pushLog.data ? (
          pushLog.data.items.length ? (
            <DataTable label={t('health.pushTitle')} columns={pushColumns} rows={pushLog.data.items} rowKey={(p) => p.id} rowLabel={(p) => `${p.sku ?? ''} ${p.result}`} />
          ) : <p className="muted small">{t('health.pushEmpty')}</p>
        ) : pushLog.error ? <p className="muted small">{t('health.pushUnavailable')}</p> : null}
      </section>
    </div>
  );
}
