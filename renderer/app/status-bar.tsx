import { useTranslation } from 'react-i18next';
import { Kbd } from '../components/kbd.js';
import { useCommand } from '../lib/api.js';
import { useConnection } from '../state/connection-store.js';
import { useSession } from '../state/session-store.js';

function Dot({ ok }: { ok: boolean }) {
  return <span className={`dot ${ok ? 'dot-ok' : 'dot-bad'}`} aria-hidden="true" />;
}

/** The outbox: jobs waiting to reach marketplaces and carriers, failures, and a paused runner. */
function JobsItem() {
  const { t } = useTranslation();
  const { data } = useCommand('jobs.summary', {});
  if (!data) return null;
  const waiting = data.queued + data.running;
  return (
    <span className="status-item" title={t('statusBar.jobsTitle')}>
      {t('statusBar.jobs', { count: waiting })}
      {data.failed > 0 ? <span className="status-bad">{t('statusBar.jobsFailed', { count: data.failed })}</span> : null}
      {data.paused ? <span className="status-warn">{t('statusBar.jobsPaused')}</span> : null}
    </span>
  );
}

export function StatusBar({ onShortcuts }: { onShortcuts: () => void }) {
  const { t } = useTranslation();
  const { core, network } = useConnection();
  const session = useSession((s) => s.session);
  return (
    <footer className="status-bar" aria-label={t('statusBar.label')}>
      <span className="status-item" role="status">
        <Dot ok={core} />
        {core ? t('statusBar.coreOnline') : t('statusBar.coreOffline')}
      </span>
      <span className="status-item">
        <Dot ok={network} />
        {network ? t('statusBar.networkOnline') : t('statusBar.networkOffline')}
      </span>
      {session ? <span className="status-item">{t('statusBar.station', { station: session.station })}</span> : null}
      {session?.demo ? <span className="status-item status-demo">{t('statusBar.demo')}</span> : null}
      {session?.operator ? (
        <span className="status-item">
          {session.operator.name} · {t(`roles.${session.operator.role}`)}
        </span>
      ) : null}
      <JobsItem />
      <span className="status-spacer" />
      <button type="button" className="status-item status-link" onClick={onShortcuts} aria-keyshortcuts="?">
        {t('statusBar.shortcuts')} <Kbd keys="?" />
      </button>
      {session ? <span className="status-item muted">v{session.version}</span> : null}
    </footer>
  );
}
