import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShopeeStatus } from '../../../main/api/marketplaces.js';
import { Button } from '../../components/button.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { Dialog } from '../../components/dialog.js';
import { EmptyState, ErrorBanner, Loading } from '../../components/feedback.js';
import { PageHeader } from '../../components/layout.js';
import { Tag } from '../../components/status-badge.js';
import { useCommand } from '../../lib/api.js';
import { formatDateTime } from '../../lib/format.js';
import { hasRole, useOperator } from '../../state/session-store.js';
import { RowActions } from '../catalog/row-actions.js';
import { channelHealth, HEALTH_TONE } from './channel-health.js';
import { ShopeeConnectPanel } from './shopee-connect-panel.js';

const healthOf = channelHealth;
const TONE = HEALTH_TONE;

/** "Kênh bán": the marketplace shop accounts and whether each is connected. */
export function ChannelsScreen() {
  const { t } = useTranslation('marketplaces');
  const isAdmin = hasRole('admin', useOperator()?.role);
  const list = useCommand('marketplaces.list', {});
  const [connecting, setConnecting] = useState<ShopeeStatus | null>(null);

  const columns: Column<ShopeeStatus>[] = [
    { key: 'provider', header: t('col.provider'), width: '7rem', render: () => <Tag tone="info">Shopee</Tag> },
    { key: 'name', header: t('col.name'), render: (a) => <span className="strong nowrap">{a.name}</span> },
    { key: 'environment', header: t('col.environment'), width: '10rem', render: (a) => <Tag tone={a.environment === 'production' ? 'ok' : 'warn'}>{t(`environment.${a.environment}`)}</Tag> },
    {
      key: 'shop', header: t('col.shop'),
      render: (a) => (a.shopId ? <span>{a.shopName || t('shopUnnamed')} <span className="mono muted small">#{a.shopId}</span></span> : <span className="muted">—</span>),
    },
    {
      key: 'status', header: t('col.status'), width: '16rem',
      render: (a) => {
        const h = healthOf(a);
        return (
          <span className="connection-health">
            <Tag tone={TONE[h]}>{t(`health.${h}`)}</Tag>
            {h === 'needsReconnect' && a.reconnectReason ? <span className="text-danger small line-clamp-2" title={a.reconnectReason}>{a.reconnectReason}</span> : null}
            {h === 'settings' && a.settingsIssue ? <span className="small muted">{t(`settingsIssue.${a.settingsIssue}`)}</span> : null}
          </span>
        );
      },
    },
    { key: 'expiry', header: t('col.tokenExpiry'), width: '11rem', render: (a) => (a.accessExpiresAt ? <span className="num small">{formatDateTime(a.accessExpiresAt)}</span> : <span className="muted">—</span>) },
    {
      key: 'actions', header: '', width: '10rem',
      render: (a) => isAdmin ? (
        <RowActions>
          <Button size="sm" variant={a.needsReconnect ? 'primary' : 'secondary'} aria-label={t(a.connected ? 'reconnectNamed' : 'connectNamed', { name: a.name })} onClick={() => setConnecting(a)}>
            {a.connected ? t('reconnect') : t('connect.action')}
          </Button>
        </RowActions>
      ) : null,
    },
  ];

  return (
    <div className="screen">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <ErrorBanner error={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        <DataTable
          label={t('tableLabel')}
          columns={columns}
          rows={list.data}
          rowKey={(a) => a.accountId}
          rowLabel={(a) => `${a.name} ${t(`health.${healthOf(a)}`)}`}
          onOpen={isAdmin ? (a) => setConnecting(a) : undefined}
          empty={<EmptyState title={t('empty')}>{t('emptyHint')}</EmptyState>}
        />
      ) : null}
      {!isAdmin ? <p className="field-hint">{t('adminOnly')}</p> : null}
      <Dialog open={connecting !== null} onClose={() => { setConnecting(null); list.reload(); }} title={connecting ? t('connect.dialogTitle', { name: connecting.name }) : ''} size="md">
        {connecting ? <ShopeeConnectPanel account={connecting} onConnected={() => list.reload()} /> : null}
      </Dialog>
    </div>
  );
}
