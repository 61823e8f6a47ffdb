import { useTranslation } from 'react-i18next';
import { Kbd } from '../components/kbd.js';
import { useCommand, type Output } from '../lib/api.js';
import { href } from '../lib/router.js';
import { useConnection } from '../state/connection-store.js';
import { useSession } from '../state/session-store.js';

function Dot({ ok }: { ok: boolean }) {
  return <span className={`dot ${ok ? 'dot-ok' : 'dot-bad'}`} aria-hidden="true" />;
}

/** The outbox: jobs waiting to reach marketplaces and carriers, failures, and a paused runner; opens the jobs screen. */
function JobsItem({ data }: { data: Output<'jobs.summary'> | undefined }) {
  const { t } = useTranslation();
  if (!data) return null;
  const waiting = data.queued + data.running;
  return (
    <a className="status-item status-link" href={href(data.failed > 0 ? '/jobs?tab=failed' : '/jobs')} title={t('statusBar.jobsTitle')}>
      {t('statusBar.jobs', { count: waiting })}
      {data.failed > 0 ? <span className="status-bad">{t('statusBar.jobsFailed', { count: data.failed })}</span> : null}
      {data.paused ? <span className="status-warn">{t('statusBar.jobsPaused')}</span> : null}
    </a>
  );
}

export function StatusBar({ onShortcuts }: { onShortcuts: () => void }) {
  const { t } = useTranslation();
  const { core, network } = useConnection();
  const session = useSession((s) => s.session);
  // The job runner's own view of the carriers' reachability (connectivity.changed) counts as well as
  // the browser's: a machine can be on a network that cannot reach the carriers.
  const jobs = useCommand('jobs.summary', session?.operator ? {} : null).data;
  const online = network && (jobs?.online ?? true);
  return (
    <footer className="status-bar" aria-label={t('statusBar.label')}>
      <span className="status-item" role="status">
        <Dot ok={core} />
        {core ? t('statusBar.coreOnline') : t('statusBar.coreOffline')}
      </span>
      <span className="status-item" title={network && !online ? t('statusBar.carriersUnreachableTitle') : undefined}>
        <Dot ok={online} />
        {!network ? t('statusBar.networkOffline') : online ? t('statusBar.networkOnline') : t('statusBar.carriersUnreachable')}
      </span>
      {session ? <span className="status-item">{t('statusBar.station', { station: session.station })}</span> : null}
      {session?.demo ? <span className="status-item status-demo">{t('statusBar.demo')}</span> : null}
      {session?.operator ? (
        <span className="status-item">
          {session.operator.name} · {t(`roles.${session.operator.role}`)}
        </span>
      ) : null}
      <JobsItem data={jobs} />
      <span className="status-spacer" />
      <button type="button" className="status-item status-link" onClick={onShortcuts} aria-keyshortcuts="?">
        {t('statusBar.shortcuts')} <Kbd keys="?" />
      </button>
      {session ? <span className="status-item muted">v{session.version}</span> : null}
    </footer>
  );
}
