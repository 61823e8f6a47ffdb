import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { EmptyState, ErrorBanner, Loading } from '../../components/feedback.js';
import { Section } from '../../components/layout.js';
import { useAction, useCommand, type Output } from '../../lib/api.js';
import { formatDateTime } from '../../lib/format.js';
import { toast } from '../../state/toast-store.js';
import { formatBytes } from './format-bytes.js';

type Backup = Output<'system.backups'>[number];

/** The file name without its folder: the folder is the data folder shown under System. */
const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/** Backups on this machine and "back up now"; managers only (the core enforces it too). */
export function BackupSection({ onBackedUp }: { onBackedUp: () => void }) {
  const { t } = useTranslation('settings');
  const backups = useCommand('system.backups', {});
  const backupNow = useAction('system.backupNow');

  const run = async () => {
    const made = await backupNow.run({});
    if (!made) return;
    toast('success', t('backups.done', { file: fileName(made.file) }));
    backups.reload();
    onBackedUp();
  };

  const columns: Column<Backup>[] = [
    { key: 'created', header: t('backups.created'), width: '11rem', render: (b) => <span className="num nowrap">{formatDateTime(b.createdAt)}</span> },
    { key: 'file', header: t('backups.file'), render: (b) => <span className="mono clamp" title={b.file}>{fileName(b.file)}</span> },
    { key: 'size', header: t('backups.size'), align: 'right', width: '7rem', render: (b) => <span className="num">{formatBytes(b.sizeBytes)}</span> },
  ];
  // Newest first: the one an operator wants after a mistake is at the top.
  const rows = backups.data ? [...backups.data].sort((a, b) => b.createdAt - a.createdAt) : [];

  return (
    <Section
      title={t('backups.title')}
      actions={<Button variant="primary" size="sm" busy={backupNow.pending} onClick={() => void run()}>{t('backups.now')}</Button>}
    >
      <ErrorBanner error={backupNow.error ?? backups.error} />
      {backups.loading && !backups.data ? <Loading /> : null}
      {backups.data ? (
        <DataTable
          label={t('backups.title')}
          columns={columns}
          rows={rows}
          rowKey={(b) => b.file}
          rowLabel={(b) => formatDateTime(b.createdAt)}
          empty={<EmptyState title={t('backups.empty')} />}
        />
      ) : null}
    </Section>
  );
}

/** Runs SQLite's integrity_check on demand and keeps its answer on screen. */
export function IntegritySection() {
  const { t } = useTranslation('settings');
  const check = useAction('system.integrityCheck');
  const [result, setResult] = useState<{ ok: boolean; messages: string[]; at: number } | null>(null);
  const runCheck = async () => {
    const answer = await check.run({});
    if (answer) setResult({ ...answer, at: Date.now() });
  };
  return (
    <Section title={t('integrity.title')} actions={<Button size="sm" busy={check.pending} onClick={() => void runCheck()}>{t('integrity.run')}</Button>}>
      <p className="muted">{t('integrity.explain')}</p>
      <ErrorBanner error={check.error} />
      {result ? (
        <div className={`banner ${result.ok ? 'banner-ok' : 'banner-error'}`} role="status">
          <strong>{t(result.ok ? 'integrity.ok' : 'integrity.failed')}</strong> <span className="muted">{formatDateTime(result.at)}</span>
          {/* SQLite answers a single "ok" when healthy; only problems are worth listing. */}
          {!result.ok && result.messages.length > 0 ? (
            <ul className="integrity-messages">{result.messages.map((m, i) => <li key={i} className="mono">{m}</li>)}</ul>
          ) : null}
        </div>
      ) : null}
    </Section>
  );
}
