import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MarketplaceTestResult, ShopeeStatus } from '../../../main/api/marketplaces.js';
import { Button } from '../../components/button.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { Dialog } from '../../components/dialog.js';
import { EmptyState, ErrorBanner, Loading } from '../../components/feedback.js';
import { PageHeader, Section } from '../../components/layout.js';
import { Tag } from '../../components/status-badge.js';
import { call, useCommand } from '../../lib/api.js';
import { formatDateTime } from '../../lib/format.js';
import { hasRole, useOperator } from '../../state/session-store.js';
import { RowActions } from '../catalog/row-actions.js';
import { channelHealth, HEALTH_TONE } from './channel-health.js';
import { ShopeeAccountForm } from './shopee-account-form.js';
import { ShopeeConnectPanel } from './shopee-connect-panel.js';
import { shopeeErrorText } from './shopee-errors.js';
import { HintText, ShopHealth } from './shop-health.js';
import './channels.css';

const healthOf = channelHealth;
const TONE = HEALTH_TONE;

/** "Kênh bán": the marketplace shop accounts, whether each is connected, and the selected shop's sync health. */
export function ChannelsScreen() {
  const { t } = useTranslation('marketplaces');
  const isAdmin = hasRole('admin', useOperator()?.role);
  const list = useCommand('marketplaces.list', {});
  const [connecting, setConnecting] = useState<ShopeeStatus | null>(null);
  const [editing, setEditing] = useState<ShopeeStatus | 'new' | null>(null);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [testing, setTesting] = useState<number | null>(null);
  const [tested, setTested] = useState<{ accountId: number; name: string; result?: MarketplaceTestResult; error?: string } | null>(null);
  const selected = list.data?.find((a) => a.accountId === selectedId) ?? list.data?.[0] ?? null;

  const runTest = async (a: ShopeeStatus) => {
    setTesting(a.accountId);
    setTested(null);
    try {
      setTested({ accountId: a.accountId, name: a.name, result: await call('marketplaces.test', { accountId: a.accountId }) });
    } catch (err) {
      setTested({ accountId: a.accountId, name: a.name, error: shopeeErrorText(t, err) });
    } finally {
      setTesting(null);
      list.reload();
    }
  };

  const columns: Column<ShopeeStatus>[] = [
    { key: 'provider', header: t('col.provider'), width: '7rem', render: () => <Tag tone="info">Shopee</Tag> },
    { key: 'name', header: t('col.name'), render: (a) => <span className="strong nowrap">{a.name}{a.active ? null : <span className="muted small"> · {t('inactive')}</span>}</span> },
    { key: 'environment', header: t('col.environment'), width: '9rem', render: (a) => <Tag tone={a.environment === 'production' ? 'ok' : 'warn'}>{t(`environment.${a.environment}`)}</Tag> },
    {
      key: 'shop', header: t('col.shop'),
      render: (a) => (a.shopId ? <span>{a.shopName || t('shopUnnamed')} <span className="mono muted small">#{a.shopId}</span></span> : <span className="muted">—</span>),
    },
    {
      key: 'status', header: t('col.status'), width: '15rem',
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
    { key: 'expiry', header: t('col.tokenExpiry'), width: '10rem', render: (a) => (a.accessExpiresAt ? <span className="num small">{formatDateTime(a.accessExpiresAt)}</span> : <span className="muted">—</span>) },
    {
      key: 'actions', header: '', width: '19rem',
      render: (a) => (
        <RowActions>
          {isAdmin ? (
            <Button size="sm" variant={a.needsReconnect || !a.connected ? 'primary' : 'secondary'} aria-label={t(a.connected ? 'reconnectNamed' : 'connectNamed', { name: a.name })} onClick={() => setConnecting(a)}>
              {a.connected ? t('reconnect') : t('connect.action')}
            </Button>
          ) : null}
          <Button size="sm" variant="ghost" busy={testing === a.accountId} aria-label={t('test.actionNamed', { name: a.name })} onClick={() => void runTest(a)}>{t('test.action')}</Button>
          {isAdmin ? <Button size="sm" variant="ghost" aria-label={t('form.editNamed', { name: a.name })} onClick={() => setEditing(a)}>{t('form.edit')}</Button> : null}
        </RowActions>
      ),
    },
  ];

  return (
    <div className="screen channels-screen">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={isAdmin ? <Button variant="primary" onClick={() => setEditing('new')}>{t('form.create')}</Button> : null}
      />
      <ErrorBanner error={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        <DataTable
          label={t('tableLabel')}
          columns={columns}
          rows={list.data}
          rowKey={(a) => a.accountId}
          rowLabel={(a) => `${a.name} ${t(`health.${healthOf(a)}`)}`}
          onOpen={(a) => setSelectedId(a.accountId)}
          empty={<EmptyState title={t('empty')}>{isAdmin ? t('emptyHint') : t('adminOnly')}</EmptyState>}
        />
      ) : null}
      {tested ? (
        <p className={`banner ${tested.result?.ok ? 'banner-ok' : tested.result?.credentialsOk ? 'banner-warn' : 'banner-error'}`} role={tested.result?.ok ? 'status' : 'alert'} data-testid="channel-test-result">
          <strong>{tested.name}: </strong>
          {tested.error ?? (tested.result?.ok ? t('test.ok') : t(`test.codes.${tested.result?.code ?? 'other'}`, { defaultValue: t('test.codes.other') }))}
          {' '}<HintText hint={tested.result?.hint ?? null} />
          {tested.result && !tested.result.ok ? <span className="small muted channel-test-detail">{tested.result.message}</span> : null}
        </p>
      ) : null}
      {!isAdmin ? <p className="field-hint">{t('adminOnly')}</p> : null}
      {selected ? (
        <Section title={t('healthTitle', { name: selected.name })} className="channels-health-section">
          <ShopHealth key={selected.accountId} account={selected} />
        </Section>
      ) : null}
      <Dialog open={connecting !== null} onClose={() => { setConnecting(null); list.reload(); }} title={connecting ? t('connect.dialogTitle', { name: connecting.name }) : ''} size="md">
        {connecting ? <ShopeeConnectPanel account={connecting} onConnected={() => list.reload()} /> : null}
      </Dialog>
      {editing ? (
        <ShopeeAccountForm
          account={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setSelectedId(saved.accountId);
            list.reload();
          }}
        />
      ) : null}
    </div>
  );
}
