import '../catalog/extras.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { Dialog } from '../../components/dialog.js';
import { EmptyState, ErrorBanner, Loading } from '../../components/feedback.js';
import { PageHeader } from '../../components/layout.js';
import { Tag } from '../../components/status-badge.js';
import { useShortcut } from '../../app/shortcuts.js';
import { useAction, useCommand } from '../../lib/api.js';
import { formatDate } from '../../lib/format.js';
import { hasRole, useOperator } from '../../state/session-store.js';
import { toast } from '../../state/toast-store.js';
import { OperatorDialog, type OperatorDialogMode, type OperatorRow } from './operator-dialog.js';
import { RowActions } from '../catalog/row-actions.js';

const ROLE_TONE = { packer: 'neutral', manager: 'info', admin: 'warn' } as const;

export function OperatorsScreen() {
  const { t } = useTranslation('operators');
  const me = useOperator();
  const isAdmin = hasRole('admin', me?.role);
  const list = useCommand('operators.list', isAdmin ? {} : null);
  const [dialog, setDialog] = useState<OperatorDialogMode | null>(null);
  const [toggling, setToggling] = useState<OperatorRow | null>(null);

  useShortcut('N', () => setDialog({ kind: 'create' }), { enabled: isAdmin && dialog === null && toggling === null });

  if (!isAdmin) return <div className="screen"><PageHeader title={t('title')} /><EmptyState title={t('adminOnly')} /></div>;

  const columns: Column<OperatorRow>[] = [
    { key: 'name', header: t('field.name'), render: (o) => <span className="strong">{o.name}{o.id === me?.id ? <span className="muted"> ({t('you')})</span> : null}</span> },
    { key: 'role', header: t('field.role'), width: '9rem', render: (o) => <Tag tone={ROLE_TONE[o.role]}>{t(`common:roles.${o.role}`)}</Tag> },
    { key: 'active', header: t('column.status'), width: '9rem', render: (o) => (o.active ? <Tag tone="ok">{t('active')}</Tag> : <Tag>{t('inactive')}</Tag>) },
    { key: 'created', header: t('column.created'), width: '8rem', render: (o) => <span className="num">{formatDate(o.createdAt)}</span> },
    {
      key: 'actions',
      header: '',
      align: 'right',
      width: '20rem',
      render: (o) => (
        <RowActions>
          <Button size="sm" variant="ghost" aria-label={t('editNamed', { name: o.name })} onClick={() => setDialog({ kind: 'edit', operator: o })}>{t('common:actions.edit')}</Button>
          <Button size="sm" variant="ghost" aria-label={t('resetPinNamed', { name: o.name })} onClick={() => setDialog({ kind: 'pin', operator: o })}>{t('resetPin')}</Button>
          <Button
            size="sm"
            variant="ghost"
            disabled={o.id === me?.id}
            aria-label={t(o.active ? 'deactivateNamed' : 'activateNamed', { name: o.name })}
            onClick={() => setToggling(o)}
          >
            {t(o.active ? 'deactivate' : 'activate')}
          </Button>
        </RowActions>
      ),
    },
  ];

  return (
    <div className="screen">
      <PageHeader
        title={t('title')}
        subtitle={list.data ? t('count', { count: list.data.filter((o) => o.active).length }) : undefined}
        actions={<Button variant="primary" shortcut="N" onClick={() => setDialog({ kind: 'create' })}>{t('new')}</Button>}
      />
      <ErrorBanner error={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        <DataTable
          label={t('tableLabel')}
          columns={columns}
          rows={list.data}
          rowKey={(o) => o.id}
          rowLabel={(o) => o.name}
          onOpen={(o) => setDialog({ kind: 'edit', operator: o })}
          empty={<EmptyState title={t('empty')} />}
        />
      ) : null}
      {dialog ? <OperatorDialog mode={dialog} selfId={me?.id} onClose={() => setDialog(null)} /> : null}
      {toggling ? <ToggleActiveDialog operator={toggling} onClose={() => setToggling(null)} /> : null}
    </div>
  );
}

/** Deactivating keeps the operator in history (orders, movements) but blocks sign-in. */
function ToggleActiveDialog({ operator, onClose }: { operator: OperatorRow; onClose: () => void }) {
  const { t } = useTranslation('operators');
  const update = useAction('operators.update');
  const deactivating = operator.active;
  const confirm = async () => {
    if (update.pending) return;
    const saved = await update.run({ id: operator.id, active: !deactivating });
    if (!saved) return;
    toast('success', t(deactivating ? 'toast.deactivated' : 'toast.activated', { name: operator.name }));
    onClose();
  };
  return (
    <Dialog
      open
      onClose={onClose}
      onSubmit={() => void confirm()}
      title={t(deactivating ? 'dialog.deactivateTitle' : 'dialog.activateTitle', { name: operator.name })}
      footer={
        <>
          <Button onClick={onClose} shortcut="Esc">{t('common:actions.cancel')}</Button>
          <Button type="submit" variant={deactivating ? 'danger' : 'primary'} busy={update.pending} autoFocus shortcut="Enter">
            {t(deactivating ? 'deactivate' : 'activate')}
          </Button>
        </>
      }
    >
      <p className="dialog-text">{t(deactivating ? 'dialog.deactivateText' : 'dialog.activateText', { name: operator.name })}</p>
      <ErrorBanner error={update.error} />
    </Dialog>
  );
}
