import '../catalog/extras.css';
import '../shipping/shipping.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connection } from '../../../main/api/connections.js';
import { useShortcut } from '../../app/shortcuts.js';
import { Button } from '../../components/button.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { EmptyState, ErrorBanner, Loading } from '../../components/feedback.js';
import { PageHeader } from '../../components/layout.js';
import { Tag } from '../../components/status-badge.js';
import { call, toApiError, useCommand, type Output } from '../../lib/api.js';
import { errorMessage } from '../../lib/errors.js';
import { formatDateTime, formatNumber } from '../../lib/format.js';
import { hasRole, useOperator } from '../../state/session-store.js';
import { RowActions } from '../catalog/row-actions.js';
import { CarrierTag } from '../shipping/shipment-badge.js';
import { ConnectionDialog } from './connection-dialog.js';
import { ImportStatusesDialog } from './import-statuses-dialog.js';

type TestResult = Output<'connections.test'> & { name: string };

/** Carrier accounts: where they point, how fast they may be called, whether they work right now. */
export function ConnectionsScreen() {
  const { t } = useTranslation('connections');
  const role = useOperator()?.role;
  const isAdmin = hasRole('admin', role);
  const list = useCommand('connections.list', {});
  const [editing, setEditing] = useState<Connection | null | undefined>(undefined);
  const [importing, setImporting] = useState<Connection | null>(null);
  const [testing, setTesting] = useState<number | null>(null);
  const [tested, setTested] = useState<TestResult | null>(null);

  useShortcut('N', () => setEditing(null), { enabled: isAdmin && editing === undefined });

  const test = async (c: Connection) => {
    setTesting(c.id);
    setTested(null);
    try {
      setTested({ ...(await call('connections.test', { id: c.id })), name: c.name });
    } catch (err) {
      setTested({ ok: false, message: errorMessage(t, toApiError(err)), code: toApiError(err).code, name: c.name });
    } finally {
      setTesting(null);
    }
  };

  const columns: Column<Connection>[] = [
    { key: 'provider', header: t('col.provider'), width: '7.5rem', render: (c) => <CarrierTag carrier={c.provider} /> },
    { key: 'name', header: t('col.name'), render: (c) => <span className="strong nowrap">{c.name}</span> },
    {
      key: 'environment', header: t('col.environment'),
      render: (c) => (
        <span className="connection-env">
          <Tag tone={c.environment === 'production' ? 'ok' : 'warn'}>{t(`environment.${c.environment}`)}</Tag>
          {c.baseUrl ? <span className="mono muted small clamp">{c.baseUrl}</span> : null}
        </span>
      ),
    },
    { key: 'rate', header: t('col.rate'), width: '9rem', render: (c) => <span className="num nowrap">{t('rateValue', { rate: formatNumber(c.ratePerMinute), concurrency: c.concurrency })}</span> },
    { key: 'active', header: t('col.active'), width: '7rem', render: (c) => (c.active ? <span className="badge badge-ok">{t('active')}</span> : <span className="badge badge-muted">{t('inactive')}</span>) },
    {
      key: 'health', header: t('col.health'), width: '18rem',
      render: (c) => (
        <span className="connection-health">
          {c.lastOkAt ? <span className="num small">{t('lastOk', { at: formatDateTime(c.lastOkAt) })}</span> : <span className="muted small">{t('neverOk')}</span>}
          {c.lastError ? <span className="text-danger small line-clamp-2" title={c.lastError}>{c.lastError}</span> : null}
        </span>
      ),
    },
    {
      // Left-aligned with the optional import last, so the same buttons line up from row to row.
      key: 'actions', header: '', width: '17rem',
      render: (c) => (
        <RowActions>
          <Button size="sm" busy={testing === c.id} aria-label={t('testNamed', { name: c.name })} onClick={() => void test(c)}>{t('test')}</Button>
          {isAdmin ? <Button size="sm" variant="ghost" aria-label={t('editNamed', { name: c.name })} onClick={() => setEditing(c)}>{t('common:actions.edit')}</Button> : null}
          {c.provider === 'viettelpost' ? <Button size="sm" variant="ghost" aria-label={t('importNamed', { name: c.name })} onClick={() => setImporting(c)}>{t('import.open')}</Button> : null}
        </RowActions>
      ),
    },
  ];

  return (
    <div className="screen">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={isAdmin ? <Button variant="primary" shortcut="N" onClick={() => setEditing(null)}>{t('new')}</Button> : null}
      />
      {tested ? (
        <div className={`banner ${tested.ok ? 'banner-ok' : 'banner-error'} connection-test`} role="status">
          <strong>{tested.ok ? t('testOk', { name: tested.name }) : t('testFailed', { name: tested.name })}</strong> <span>{tested.message}</span>
          {tested.code ? <span className="mono small"> ({tested.code})</span> : null}
        </div>
      ) : null}
      <ErrorBanner error={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        <DataTable
          label={t('tableLabel')}
          columns={columns}
          rows={list.data}
          rowKey={(c) => c.id}
          rowLabel={(c) => `${c.name} ${t(`environment.${c.environment}`)}`}
          onOpen={isAdmin ? (c) => setEditing(c) : undefined}
          empty={<EmptyState title={t('empty')}>{isAdmin ? t('emptyAdmin') : t('emptyAsk')}</EmptyState>}
        />
      ) : null}
      {!isAdmin ? <p className="field-hint">{t('adminOnly')}</p> : null}
      <ConnectionDialog connection={editing} onClose={() => setEditing(undefined)} />
      <ImportStatusesDialog connection={importing} onClose={() => setImporting(null)} />
    </div>
  );
}
