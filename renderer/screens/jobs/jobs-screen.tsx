import '../catalog/extras.css';
import '../shipping/shipping.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Job } from '../../../main/api/jobs.js';
import { Button } from '../../components/button.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { EmptyState, ErrorBanner } from '../../components/feedback.js';
import { FilterTabs } from '../../components/filter-tabs.js';
import { PageHeader } from '../../components/layout.js';
import { useAction, useCommand } from '../../lib/api.js';
import { formatDateTime, formatNumber } from '../../lib/format.js';
import { navigate, useLocation } from '../../lib/router.js';
import { hasRole, useOperator } from '../../state/session-store.js';
import { toast } from '../../state/toast-store.js';
import { Pager } from '../inventory/pager.js';
import { JobRowActions, JobSubject, subjectPath } from './job-parts.js';

const TABS = {
  queued: ['queued'],
  running: ['running'],
  failed: ['failed'],
  done: ['done', 'cancelled'],
} as const satisfies Record<string, readonly Job['status'][]>;
type Tab = keyof typeof TABS;
const PAGE = 100;

const STATUS_TONE: Record<Job['status'], string> = { queued: 'info', running: 'accent', failed: 'danger', done: 'ok', cancelled: 'muted' };

/** The outbox: what is waiting to reach carriers and marketplaces, what failed and why, what went through. */
export function JobsScreen() {
  const { t } = useTranslation('jobs');
  const isManager = hasRole('manager', useOperator()?.role);
  const asked = useLocation().query.get('tab');
  const [tab, setTab] = useState<Tab>(asked && asked in TABS ? (asked as Tab) : 'queued');
  const [offset, setOffset] = useState(0);
  const summary = useCommand('jobs.summary', {});
  const list = useCommand('jobs.list', { statuses: [...TABS[tab]], limit: PAGE, offset });
  const doneCount = useCommand('jobs.list', { statuses: [...TABS.done], limit: 1 });
  const pause = useAction('jobs.pause');
  const s = summary.data;

  const columns: Column<Job>[] = [
    { key: 'kind', header: t('col.kind'), width: '9rem', render: (j) => <span className="nowrap">{t(`kind.${j.kind}`, { defaultValue: j.kind })}</span> },
    { key: 'subject', header: t('col.subject'), width: '6.5rem', render: (j) => <JobSubject job={j} /> },
    { key: 'account', header: t('col.account'), width: '8rem', render: (j) => <span className="clamp">{j.accountName ?? '—'}</span> },
    { key: 'status', header: t('col.status'), width: '5.5rem', render: (j) => <span className={`badge badge-${STATUS_TONE[j.status]}`}>{t(`status.${j.status}`)}</span> },
    { key: 'attempts', header: t('col.attempts'), align: 'right', width: '4.5rem', render: (j) => <span className="num">{j.attempts}/{j.maxAttempts}</span> },
    { key: 'when', header: tab === 'done' ? t('col.finished') : t('col.nextRun'), width: '8rem', render: (j) => <span className="num muted">{when(j)}</span> },
    { key: 'message', header: t('col.message'), render: (j) => <JobMessage job={j} /> },
  ];
  // Only waiting and failed jobs can be retried or dropped.
  if (tab === 'queued' || tab === 'failed') columns.push({ key: 'actions', header: '', align: 'right', width: '9rem', render: (j) => <JobRowActions job={j} canCancel={isManager} /> });

  function when(j: Job): string {
    if (j.status === 'done' || j.status === 'cancelled') return j.finishedAt ? formatDateTime(j.finishedAt) : '—';
    if (j.status === 'running') return t('now');
    if (j.status === 'failed') return '—';
    return j.runAfter <= Date.now() ? t('asap') : formatDateTime(j.runAfter);
  }

  const togglePause = async () => {
    if (!s) return;
    const r = await pause.run({ paused: !s.paused });
    if (r) toast('info', r.paused ? t('paused') : t('resumed'));
  };

  return (
    <div className="screen">
      <PageHeader
        title={t('title')}
        subtitle={
          s ? (
            <span className="status-item">
              <span className={`dot ${s.online ? 'dot-ok' : 'dot-bad'}`} aria-hidden="true" />
              {s.online ? t('online') : t('offline')}
              {s.paused ? <span className="badge badge-warn">{t('pausedBadge')}</span> : null}
            </span>
          ) : undefined
        }
        actions={
          isManager && s ? (
            <Button variant={s.paused ? 'primary' : 'secondary'} busy={pause.pending} onClick={() => void togglePause()}>
              {s.paused ? t('resume') : t('pause')}
            </Button>
          ) : null
        }
      >
        <FilterTabs
          label={t('tabsLabel')}
          value={tab}
          onChange={(v) => { setTab(v); setOffset(0); }}
          tabs={[
            { value: 'queued', label: t('tab.queued'), count: s?.queued },
            { value: 'running', label: t('tab.running'), count: s?.running },
            { value: 'failed', label: t('tab.failed'), count: s?.failed },
            { value: 'done', label: t('tab.done'), count: doneCount.data?.total },
          ]}
        />
      </PageHeader>
      {s && !s.online ? <div className="banner banner-warn">{t('offlineExplain')}</div> : null}
      {s?.paused ? <div className="banner banner-info">{t('pausedExplain')}</div> : null}
      <ErrorBanner error={list.error ?? summary.error ?? pause.error} />
      <DataTable
        label={t('tableLabel')}
        columns={columns}
        rows={list.data?.items ?? []}
        rowKey={(j) => j.id}
        rowLabel={(j) => `${t(`kind.${j.kind}`, { defaultValue: j.kind })} ${j.subject?.label ?? ''} ${t(`status.${j.status}`)}`}
        onOpen={(j) => j.subject && navigate(subjectPath(j.subject))}
        empty={list.data ? <EmptyState title={t(`empty.${tab}`)} /> : null}
      />
      {list.data ? <Pager offset={offset} limit={PAGE} total={list.data.total} onOffset={setOffset} label={t('pages')} /> : null}
      {list.data && list.data.total > 0 ? <p className="field-hint num">{t('count', { count: list.data.total, formatted: formatNumber(list.data.total) })}</p> : null}
    </div>
  );
}

function JobMessage({ job }: { job: Job }) {
  const { t } = useTranslation('jobs');
  if (!job.error) return <span className="muted">—</span>;
  return (
    <div className="job-message">
      <div>
        <span className="mono small muted">{job.error.code}</span> {job.error.message}
      </div>
      {job.error.hint ? <div className="job-hint">{t('hint', { hint: job.error.hint })}</div> : null}
    </div>
  );
}
